// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include <atomic>
#include <memory>

namespace Banter::Server {

// A Prometheus histogram with bucket bounds fixed at construction: observe() from any thread
// costs two relaxed atomic adds and a short search, and memory never grows.
class Histogram
{
public:
    explicit Histogram(QList<double> upperBounds);

    void observe(double value);

    struct Snapshot
    {
        QList<double> upperBounds;
        QList<quint64> cumulativeCounts; // per bound, then +Inf (== count)
        double sum = 0;
        quint64 count = 0;
    };
    Snapshot snapshot() const;

    // Bounds for durations in seconds, from half a millisecond to ten seconds.
    static QList<double> latencyBounds();

private:
    static constexpr double SumScale = 1e6; // the sum is kept in millionths, as an integer

    QList<double> m_bounds;
    std::unique_ptr<std::atomic<quint64>[]> m_counts; // one per bound, then one for +Inf
    std::atomic<quint64> m_scaledSum{0};
};

} // namespace Banter::Server
