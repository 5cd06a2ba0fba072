// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <algorithm>
#include <cmath>

namespace Banter::Server {

// Classic token bucket: `burst` tokens, refilled at `ratePerSecond`. Time comes from the
// caller so tests and benchmarks control it.
class TokenBucket
{
public:
    TokenBucket() = default;
    TokenBucket(double ratePerSecond, double burst, qint64 nowMs)
        : m_rate(ratePerSecond)
        , m_burst(burst)
        , m_tokens(burst)
        , m_lastMs(nowMs)
    { }

    // Takes one token; returns 0 when allowed, else the milliseconds until one is available.
    qint64 take(qint64 nowMs)
    {
        refill(nowMs);
        if (m_tokens >= 1.0) {
            m_tokens -= 1.0;
            return 0;
        }
        if (m_rate <= 0)
            return 60'000;
        return std::max<qint64>(1, qint64(std::ceil((1.0 - m_tokens) * 1000.0 / m_rate)));
    }

    bool isFull(qint64 nowMs)
    {
        refill(nowMs);
        return m_tokens >= m_burst;
    }

private:
    void refill(qint64 nowMs)
    {
        if (nowMs > m_lastMs) {
            m_tokens = std::min(m_burst, m_tokens + double(nowMs - m_lastMs) * m_rate / 1000.0);
            m_lastMs = nowMs;
        }
    }

    double m_rate = 1;
    double m_burst = 1;
    double m_tokens = 1;
    qint64 m_lastMs = 0;
};

} // namespace Banter::Server
