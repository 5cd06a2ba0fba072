// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Banter::Server {

// The unit that per-address limits (sign-in failures, new accounts) count: an IPv4 address,
// or the /64 network of an IPv6 address. One host is usually handed a whole /64, so counting
// single IPv6 addresses would let it rotate through billions of them. IPv4-mapped IPv6
// addresses (a dual-stack listener) count as the IPv4 address. Anything unparsable is its own
// bucket.
QString addressBucket(const QString &peerAddress);

} // namespace Banter::Server
