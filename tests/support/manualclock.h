// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A clock the test moves by hand, for server behaviour that depends on time (idle and
// abandoned uploads, token expiry, rate-limit refill, throttle windows): the test advances it
// instead of sleeping. Install it with TestServer::setClock().

#include "service/servicecontext.h"

#include <QDateTime>

#include <atomic>
#include <memory>

namespace Banter::Test {

class ManualClock
{
public:
    // Starts at the real time, so what it stamps still looks like today's data.
    explicit ManualClock(qint64 startMs = QDateTime::currentMSecsSinceEpoch())
        : m_now(std::make_shared<std::atomic<qint64>>(startMs))
    { }

    // What the server reads. Shares the time with this object (and outlives it): the
    // storage thread may read it while the test advances it.
    Server::Clock clock() const
    {
        return [now = m_now] { return now->load(); };
    }
    qint64 now() const { return m_now->load(); }
    void advance(qint64 ms) { m_now->fetch_add(ms); }
    void advanceSeconds(qint64 seconds) { advance(seconds * 1000); }

private:
    std::shared_ptr<std::atomic<qint64>> m_now;
};

} // namespace Banter::Test
