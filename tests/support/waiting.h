// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one way tests wait for something outside QTRY_*: spin the event loop until a condition
// holds, with a deadline that only turns a hang into a failure. No test depends on how long
// anything takes, so none sleeps for a fixed time to let something happen.

#include <banter/domain/result.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFuture>
#include <QTest>

namespace Banter::Test {

inline constexpr int DefaultWaitMs = 10'000;

// Runs the event loop (deferred deletions included) until done() is true; true then. After
// timeoutMs it gives up, logs "timed out after N ms waiting for <what>" so the failing test's
// output says what never happened, and returns false. done() is checked first, so a
// condition that already holds returns at once without processing events.
template<typename Done>
[[nodiscard]] bool waitFor(Done &&done, int timeoutMs = DefaultWaitMs,
                           const char *what = "a condition")
{
    QDeadlineTimer deadline(timeoutMs, Qt::PreciseTimer);
    while (!done()) {
        if (deadline.hasExpired()) {
            qWarning("timed out after %d ms waiting for %s", timeoutMs, what);
            return false;
        }
        // Returns after one pass over the pending events and at most a millisecond's sleep:
        // replies on loopback arrive within that, so waiting adds almost nothing.
        QTest::qWait(1);
    }
    return true;
}

// The future's result, or "unavailable" once timeoutMs passed without one.
template<typename T>
Result<T> await(QFuture<Result<T>> future, int timeoutMs = DefaultWaitMs)
{
    if (!waitFor([&future] { return future.isFinished(); }, timeoutMs, "a reply"))
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("test timed out waiting for a reply"));
    return future.result();
}

} // namespace Banter::Test
