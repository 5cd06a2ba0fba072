// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

#include <algorithm>
#include <vector>

// Latency samples in microseconds and their percentiles.
class Latencies
{
public:
    void add(qint64 micros) { m_samples.push_back(micros); }
    size_t count() const { return m_samples.size(); }
    double percentileMs(double p)
    {
        if (m_samples.empty())
            return 0;
        std::sort(m_samples.begin(), m_samples.end());
        const size_t index =
            std::min(m_samples.size() - 1, size_t(p / 100.0 * double(m_samples.size())));
        return double(m_samples[index]) / 1000.0;
    }
    QJsonObject toJson(const QString &prefix)
    {
        return {{prefix + QStringLiteral("_p50_ms"), percentileMs(50)},
                {prefix + QStringLiteral("_p95_ms"), percentileMs(95)},
                {prefix + QStringLiteral("_p99_ms"), percentileMs(99)}};
    }

private:
    std::vector<qint64> m_samples;
};
