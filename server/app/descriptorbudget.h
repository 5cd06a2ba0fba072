// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Banter::Server {

// Descriptors the server keeps for itself beside its connections: the database, the files
// of uploads and downloads in flight, the listener, pipes and event notifiers.
inline constexpr int OwnDescriptors = 256;

// Makes room for `maxConnections` sockets plus OwnDescriptors under RLIMIT_NOFILE: raises
// the soft limit towards the hard one when needed, and when even that is too small, warns
// and answers how many connections fit. Past the limit, accept() fails and new uploads
// cannot open their files, for everyone; refusing the connections above the budget keeps
// the rest of the server working.
int fitConnectionsToDescriptorLimit(int maxConnections);

} // namespace Banter::Server
