// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace Banter::Server {

// What only the running server knows at the moment of a scrape (the rest are the counters
// of ServerMetrics).
struct LiveGauges
{
    qsizetype chatConnections = 0;
    qsizetype unauthenticatedConnections = 0;
    qsizetype transferConnections = 0;
    qsizetype handshakingConnections = 0;
    qsizetype usersOnline = 0;
};

// The /metrics page in Prometheus text format: the live gauges, every counter and histogram
// of ServerMetrics, and the process's resident memory and open descriptors (from /proc).
QByteArray metricsPage(const LiveGauges &gauges);

} // namespace Banter::Server
