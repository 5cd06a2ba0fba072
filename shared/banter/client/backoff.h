// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>

#include <QtGlobal>

#include <functional>

namespace Banter {

// Exponential backoff with full jitter: the n-th delay is uniform in [0, min(cap, base·2ⁿ)],
// which spreads a crowd of clients reconnecting after a server restart.
class BANTERSHARED_EXPORT Backoff
{
public:
    using Random = std::function<double()>; // uniform in [0, 1)

    Backoff(int baseMs = 500, int capMs = 30'000, Random random = {});

    int nextDelayMs();
    void reset() { m_attempt = 0; }
    int attempt() const { return m_attempt; }
    int ceilingMs() const; // the upper bound of the next delay

private:
    int m_baseMs;
    int m_capMs;
    int m_attempt = 0;
    Random m_random;
};

} // namespace Banter
