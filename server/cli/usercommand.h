// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Banter::Server {

// banterd user add|list|disable|enable|delete|reset-password|set-admin: account
// administration on the configured database, with or without a running daemon.
int runUserCommand(const QStringList &arguments);

} // namespace Banter::Server
