// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/descriptorbudget.h"

#include "serverlogging.h"

#include <algorithm>
#include <sys/resource.h>

namespace Banter::Server {

int fitConnectionsToDescriptorLimit(int maxConnections)
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return maxConnections;
    const rlim_t needed = rlim_t(maxConnections) + OwnDescriptors;
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < needed) {
        rlimit raised = limit;
        raised.rlim_cur =
            limit.rlim_max == RLIM_INFINITY ? needed : std::min(needed, limit.rlim_max);
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur >= needed)
        return maxConnections;
    const int fitting = std::max<int>(1, int(limit.rlim_cur) - OwnDescriptors);
    qCWarning(lcServer).noquote()
        << QStringLiteral("max_connections is %1, but the open-file limit is %2 descriptors and "
                          "the server needs %3 for itself: accepting at most %4 connections. "
                          "Raise the limit (LimitNOFILE= in the systemd unit, ulimit -n) to at "
                          "least %5, or lower [limits] max_connections.")
               .arg(maxConnections)
               .arg(qulonglong(limit.rlim_cur))
               .arg(OwnDescriptors)
               .arg(fitting)
               .arg(qulonglong(needed));
    return fitting;
}

} // namespace Banter::Server
