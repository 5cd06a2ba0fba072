// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/accountbackoff.h"

namespace Banter::Server {

qint64 AccountBackoff::delayAfter(int attempts) const
{
    if (m_free < 1 || attempts < m_free)
        return 0;
    // 1 s, 2 s, 4 s, ... capped; the shift is bounded so it cannot overflow.
    const int doublings = qMin(attempts - m_free, 30);
    return qMin<qint64>(1000LL << doublings, m_maxDelayMs);
}

void AccountBackoff::sweep(qint64 nowMs)
{
    for (auto it = m_entries.begin(); it != m_entries.end();)
        it = nowMs - it->lastMs >= m_quietMs ? m_entries.erase(it) : std::next(it);
    // Sweep again when the table has doubled: amortised constant cost per record.
    m_sweepAt = qMax<qsizetype>(1024, m_entries.size() * 2);
}

qint64 AccountBackoff::retryAfter(const QString &account, qint64 nowMs)
{
    auto it = m_entries.find(account);
    if (it == m_entries.end())
        return 0;
    if (nowMs - it->lastMs >= m_quietMs) {
        m_entries.erase(it);
        return 0;
    }
    return qMax<qint64>(0, it->lastMs + delayAfter(it->attempts) - nowMs);
}

void AccountBackoff::record(const QString &account, qint64 nowMs)
{
    if (m_free < 1)
        return;
    if (m_entries.size() >= m_sweepAt)
        sweep(nowMs);
    Entry &entry = m_entries[account];
    ++entry.attempts;
    // The clock may be adjusted backwards; the delay runs from the latest attempt.
    entry.lastMs = qMax(entry.lastMs, nowMs);
}

} // namespace Banter::Server
