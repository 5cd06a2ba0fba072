// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Banter::Server {

// banterd invite [--uses N] [--expires 7d] [--name TEXT] [--host HOST] [--json] [--qr]:
// makes an invitation and prints its banter:// link (and a QR code on a terminal).
// banterd invite --list [--json]; banterd invite --revoke ID.
int runInviteCommand(const QStringList &arguments);

} // namespace Banter::Server
