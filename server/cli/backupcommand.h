// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Banter::Server {

// banterd backup --to FILE [--config/--data-dir/--database]: an online backup of the
// configured server into one archive (backup/onlinebackup.h); prints what it wrote.
int runBackupCommand(const QStringList &arguments);

} // namespace Banter::Server
