// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/serverconfig.h"

#include <QUrl>

namespace Banter::Server {

// Where an invitation link sends people: `host` when the operator gave one; else the
// address banterd listens on; when that is every interface, this machine's first address
// that others can reach (an up, non-loopback interface; IPv4 first, then IPv6). The port is
// the configured one (a port of 0 is chosen at start, so no link can name it: an error).
Result<QUrl> inviteServerUrl(const ServerConfig &config, const QString &host);
// Whether only this machine can reach `host`.
bool isLoopbackHost(const QString &host);
// What a link calls the server when the operator gives no name: the host name.
QString defaultServerName();

} // namespace Banter::Server
