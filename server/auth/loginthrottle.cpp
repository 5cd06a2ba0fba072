// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/loginthrottle.h"

#include <algorithm>

namespace Banter::Server {

void LoginThrottle::prune(QList<qint64> &times, qint64 nowMs) const
{
    qsizetype expired = 0;
    while (expired < times.size() && times.at(expired) <= nowMs - m_windowMs)
        ++expired;
    times.remove(0, expired);
}

void LoginThrottle::sweep(qint64 nowMs)
{
    for (auto it = m_attempts.begin(); it != m_attempts.end();) {
        prune(*it, nowMs);
        it = it->isEmpty() ? m_attempts.erase(it) : std::next(it);
    }
    // Sweep again when the table has doubled: amortised constant cost per record.
    m_sweepAt = qMax<qsizetype>(1024, m_attempts.size() * 2);
}

qint64 LoginThrottle::retryAfter(const QString &key, qint64 nowMs)
{
    if (m_max < 1)
        return 0;
    auto it = m_attempts.find(key);
    if (it == m_attempts.end())
        return 0;
    prune(*it, nowMs);
    if (it->isEmpty()) {
        m_attempts.erase(it);
        return 0;
    }
    if (it->size() < m_max)
        return 0;
    // Allowed again when enough of the oldest attempts have left the window.
    return qMax<qint64>(1, it->at(it->size() - m_max) + m_windowMs - nowMs);
}

void LoginThrottle::record(const QString &key, qint64 nowMs)
{
    if (m_max < 1)
        return;
    if (m_attempts.size() >= m_sweepAt)
        sweep(nowMs);
    QList<qint64> &times = m_attempts[key];
    prune(times, nowMs);
    // The clock may be adjusted backwards; keep the list sorted so pruning stays correct.
    times.insert(std::upper_bound(times.begin(), times.end(), nowMs), nowMs);
}

void LoginThrottle::forgive(const QString &key, qint64 recordedAtMs)
{
    auto it = m_attempts.find(key);
    if (it == m_attempts.end())
        return;
    it->removeOne(recordedAtMs);
    if (it->isEmpty())
        m_attempts.erase(it);
}

} // namespace Banter::Server
