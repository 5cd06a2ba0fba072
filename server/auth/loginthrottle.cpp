// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/loginthrottle.h"

namespace Banter::Server {

void LoginThrottle::prune(QList<qint64> &times, qint64 nowMs) const
{
    while (!times.isEmpty() && times.first() <= nowMs - m_windowMs)
        times.removeFirst();
}

qint64 LoginThrottle::retryAfter(const QString &key, qint64 nowMs)
{
    auto it = m_failures.find(key);
    if (it == m_failures.end())
        return 0;
    prune(*it, nowMs);
    if (it->isEmpty()) {
        m_failures.erase(it);
        return 0;
    }
    if (it->size() < m_max)
        return 0;
    return it->first() + m_windowMs - nowMs;
}

void LoginThrottle::recordFailure(const QString &key, qint64 nowMs)
{
    QList<qint64> &times = m_failures[key];
    prune(times, nowMs);
    times.append(nowMs);
}

} // namespace Banter::Server
