// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Banter::Server {

// banterd migrate-data --from A --to B: copies every table, verifies row counts and
// checksums, prints a report; exit 0 only if every table matches.
int runMigrateDataCommand(const QStringList &arguments);

} // namespace Banter::Server
