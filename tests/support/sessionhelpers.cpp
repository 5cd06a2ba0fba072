// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionhelpers.h"

#include <algorithm>

namespace Banter::Test {

std::unique_ptr<ClientSession> signedUpSession(const QUrl &url, const QString &username,
                                               const QString &displayName, const QString &device)
{
    auto session = std::make_unique<ClientSession>();
    ClientSession::Options options;
    options.reconnectBaseMs = 50;
    options.reconnectMaxMs = 200;
    session->setOptions(options);
    session->connectToServer(url);
    QDeadlineTimer deadline(5000);
    while (session->state() != ClientSession::State::Connected && !deadline.hasExpired())
        QTest::qWait(5);
    const QString shown = displayName.isEmpty() ? username.toUpper() : displayName;
    if (!await(session->registerUser(username, QStringLiteral("correct horse"), shown, device)))
        return nullptr;
    while (!session->isReady() && !deadline.hasExpired())
        QTest::qWait(5);
    return session->isReady() ? std::move(session) : nullptr;
}

SessionCloser::~SessionCloser()
{
    for (ClientSession *session : std::as_const(sessions))
        session->disconnectFromServer();
    QDeadlineTimer deadline(3000);
    auto open = [this] {
        return std::any_of(sessions.cbegin(), sessions.cend(), [](ClientSession *s) {
            return s->state() != ClientSession::State::Disconnected;
        });
    };
    while (open() && !deadline.hasExpired())
        QTest::qWait(5);
}

} // namespace Banter::Test
