// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace Banter::Server {

// Counts attempts per key (an account, an address bucket) in a sliding window and says how
// long to wait once a key has used its allowance. Callers record an attempt when it starts
// and forgive() it when it succeeds: attempts still being checked count, so a burst sent all
// at once cannot slip past the limit before its first failure is known.
//
// Kept in memory: a restart forgets, which gives an attacker nothing they could not get by
// waiting out the window. Keys with nothing left in the window are swept as the table grows,
// so guessing many names cannot grow it without bound.
class LoginThrottle
{
public:
    // maxAttempts < 1 turns the limit off.
    LoginThrottle(int maxAttempts, qint64 windowMs)
        : m_max(maxAttempts)
        , m_windowMs(windowMs)
    { }

    // Milliseconds until another attempt is allowed; 0 when allowed now.
    qint64 retryAfter(const QString &key, qint64 nowMs);
    void record(const QString &key, qint64 nowMs);
    // Takes back one attempt recorded at `recordedAtMs` (it succeeded).
    void forgive(const QString &key, qint64 recordedAtMs);
    // Forgets every attempt of the key.
    void reset(const QString &key) { m_attempts.remove(key); }

    qsizetype trackedKeys() const { return m_attempts.size(); }

private:
    void prune(QList<qint64> &times, qint64 nowMs) const;
    void sweep(qint64 nowMs);

    int m_max;
    qint64 m_windowMs;
    qsizetype m_sweepAt = 1024;
    QHash<QString, QList<qint64>> m_attempts; // ascending times
};

} // namespace Banter::Server
