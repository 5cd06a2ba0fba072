// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace Banter::Server {

// Counts failed logins per key (an account, an address) in a sliding window. Kept in memory:
// a restart forgets, which costs an attacker nothing they could not get by waiting.
class LoginThrottle
{
public:
    LoginThrottle(int maxFailures, qint64 windowMs)
        : m_max(maxFailures)
        , m_windowMs(windowMs)
    { }

    // Milliseconds until another attempt is allowed; 0 when allowed now.
    qint64 retryAfter(const QString &key, qint64 nowMs);
    void recordFailure(const QString &key, qint64 nowMs);
    void reset(const QString &key) { m_failures.remove(key); }

private:
    void prune(QList<qint64> &times, qint64 nowMs) const;

    int m_max;
    qint64 m_windowMs;
    QHash<QString, QList<qint64>> m_failures;
};

} // namespace Banter::Server
