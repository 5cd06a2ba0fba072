// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionhelpers.h"

#include <algorithm>

namespace Banter::Test {

bool fillConversation(ClientSession &from, ConversationId id, int count, int firstNumber)
{
    using namespace Qt::StringLiterals;
    for (int i = 0; i < count; ++i)
        from.sendMessage(id, u"m%1"_s.arg(firstNumber + i));
    return waitFor([&] { return from.pendingMessages().isEmpty(); }, 60'000);
}

std::unique_ptr<ClientSession> signedUpSession(const QUrl &url, const QString &username,
                                               const QString &displayName, const QString &device)
{
    auto session = std::make_unique<ClientSession>();
    ClientSession::Options options;
    options.reconnectBaseMs = 50;
    options.reconnectMaxMs = 200;
    session->setOptions(options);
    session->connectToServer(url);
    if (!waitFor([&] { return session->state() == ClientSession::State::Connected; }, 5000,
                 "the session to connect"))
        return nullptr;
    const QString shown = displayName.isEmpty() ? username.toUpper() : displayName;
    if (!await(session->registerUser(username, QStringLiteral("correct horse"), shown, device)))
        return nullptr;
    if (!waitFor([&] { return session->isReady(); }, 5000, "the first sync"))
        return nullptr;
    return session;
}

SessionCloser::~SessionCloser()
{
    for (ClientSession *session : std::as_const(sessions))
        session->disconnectFromServer();
    const bool closed = waitFor(
        [this] {
            return std::all_of(sessions.cbegin(), sessions.cend(), [](ClientSession *s) {
                return s->state() == ClientSession::State::Disconnected;
            });
        },
        3000, "the sessions to close");
    Q_UNUSED(closed); // a destructor cannot fail the test; waitFor logged what hung
}

} // namespace Banter::Test
