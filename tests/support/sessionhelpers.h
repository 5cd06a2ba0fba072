// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the suites that drive ClientSession share: waiting for a reply, a signed-up session
// that reconnects quickly (the tests restart servers), and closing sessions before the
// objects that wait on their replies go.

#include <banter/client/clientsession.h>
#include <banter/domain/result.h>

#include <QDeadlineTimer>
#include <QFuture>
#include <QTest>

#include <memory>

namespace Banter::Test {

// The future's result, or "unavailable" once timeoutMs passed without one. Keeps the event
// loop running meanwhile.
template<typename T>
Result<T> await(QFuture<Result<T>> future, int timeoutMs = 10'000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(5);
    if (!future.isFinished())
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("test timed out waiting for a reply"));
    return future.result();
}

// A session that registered `username` (password "correct horse") and finished its first
// sync, reconnecting within 50–200 ms; nullptr if that failed. The display name defaults to
// the username in capitals.
std::unique_ptr<ClientSession> signedUpSession(const QUrl &url, const QString &username,
                                               const QString &displayName = {},
                                               const QString &device = QStringLiteral("test"));

// Declared after the windows and models, so it runs before they go: closes the sessions
// while what waits for their replies still exists (Qt 6.4 asserts on a continuation whose
// context object was destroyed first).
struct SessionCloser
{
    QList<ClientSession *> sessions;
    ~SessionCloser();
};

} // namespace Banter::Test
