// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/backoff.h>

#include <QRandomGenerator>

#include <algorithm>

namespace Banter {

Backoff::Backoff(int baseMs, int capMs, Random random)
    : m_baseMs(std::max(1, baseMs))
    , m_capMs(std::max(m_baseMs, capMs))
    , m_random(random ? std::move(random)
                      : Random([] { return QRandomGenerator::global()->generateDouble(); }))
{ }

int Backoff::ceilingMs() const
{
    const qint64 grown = qint64(m_baseMs) << std::min(m_attempt, 30);
    return int(std::min<qint64>(m_capMs, grown));
}

int Backoff::nextDelayMs()
{
    const int ceiling = ceilingMs();
    ++m_attempt;
    return int(m_random() * ceiling);
}

} // namespace Banter
