// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/histogram.h"

#include <algorithm>
#include <cmath>

namespace Banter::Server {

Histogram::Histogram(QList<double> upperBounds)
    : m_bounds(std::move(upperBounds))
    , m_counts(new std::atomic<quint64>[size_t(m_bounds.size()) + 1])
{
    std::ranges::sort(m_bounds);
    for (qsizetype i = 0; i <= m_bounds.size(); ++i)
        m_counts[size_t(i)].store(0, std::memory_order_relaxed);
}

void Histogram::observe(double value)
{
    if (!std::isfinite(value) || value < 0)
        value = 0;
    const auto bucket = std::ranges::lower_bound(m_bounds, value) - m_bounds.begin();
    m_counts[size_t(bucket)].fetch_add(1, std::memory_order_relaxed);
    m_scaledSum.fetch_add(quint64(std::llround(value * SumScale)), std::memory_order_relaxed);
}

Histogram::Snapshot Histogram::snapshot() const
{
    Snapshot snapshot;
    snapshot.upperBounds = m_bounds;
    quint64 running = 0;
    for (qsizetype i = 0; i <= m_bounds.size(); ++i) {
        running += m_counts[size_t(i)].load(std::memory_order_relaxed);
        snapshot.cumulativeCounts.append(running);
    }
    snapshot.count = running;
    snapshot.sum = double(m_scaledSum.load(std::memory_order_relaxed)) / SumScale;
    return snapshot;
}

QList<double> Histogram::latencyBounds()
{
    return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

} // namespace Banter::Server
