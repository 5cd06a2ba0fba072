// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

namespace Banter::Server {

// A growing but short delay per account after failed sign-ins: the first `freeAttempts`
// cost nothing, then each further attempt waits 1 s after the previous one, doubling up to
// `maxDelayMs`. Unlike a lock-out for the whole window, this keeps a guesser from elsewhere
// to a few guesses a minute without keeping the account's owner out for more than
// maxDelayMs. Attempts are recorded when they start (so a burst sent at once counts) and the
// record is dropped when one succeeds. An account with no attempt for `quietMs` starts over.
//
// In memory, and swept as it grows, so that guessing many names cannot grow it without bound.
class AccountBackoff
{
public:
    // freeAttempts < 1 turns the delay off.
    AccountBackoff(int freeAttempts, qint64 maxDelayMs, qint64 quietMs)
        : m_free(freeAttempts)
        , m_maxDelayMs(maxDelayMs)
        , m_quietMs(quietMs)
    { }

    // Milliseconds until the account may be tried again; 0 when now.
    qint64 retryAfter(const QString &account, qint64 nowMs);
    void record(const QString &account, qint64 nowMs);
    // Forgets the account's attempts (one succeeded, or none could be checked).
    void reset(const QString &account) { m_entries.remove(account); }

    qsizetype trackedKeys() const { return m_entries.size(); }

private:
    struct Entry
    {
        int attempts = 0;
        qint64 lastMs = 0;
    };
    qint64 delayAfter(int attempts) const;
    void sweep(qint64 nowMs);

    int m_free;
    qint64 m_maxDelayMs;
    qint64 m_quietMs;
    qsizetype m_sweepAt = 1024;
    QHash<QString, Entry> m_entries;
};

} // namespace Banter::Server
