// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>

#include <QtGlobal>

#include <functional>

namespace Banter {

/// Exponential backoff with full jitter: the n-th delay is uniform in [0, min(cap, base·2ⁿ)],
/// which spreads a crowd of clients reconnecting after a server restart.
class BANTERSHARED_EXPORT Backoff
{
public:
    /// A source of random numbers uniform in [0, 1); empty for the system's generator.
    using Random = std::function<double()>;

    /// Delays grow from `baseMs` and never exceed `capMs`; `random` is for tests.
    Backoff(int baseMs = 500, int capMs = 30'000, Random random = {});

    /// The delay before the next attempt, in milliseconds; counts the attempt.
    int nextDelayMs();
    /// Starts over from the base delay (after a success).
    void reset() { m_attempt = 0; }
    /// How many delays were handed out since the last reset.
    int attempt() const { return m_attempt; }
    /// The upper bound of the next delay.
    int ceilingMs() const;

private:
    int m_baseMs;
    int m_capMs;
    int m_attempt = 0;
    Random m_random;
};

} // namespace Banter
