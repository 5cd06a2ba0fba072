// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Banter::Server {

// banterd restore --from FILE --data-dir DIR [--database URL] [--config FILE]: restores a
// backup into an empty data directory (and empty database), verified before and after
// (backup/backuprestore.h).
int runRestoreCommand(const QStringList &arguments);

} // namespace Banter::Server
