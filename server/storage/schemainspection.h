// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/result.h>

#include <QString>

namespace Banter::Server {

// Where a database's schema stands against this binary, read without changing anything.
struct SchemaState
{
    int current = 0; // the version recorded in the database; 0 when it is empty
    int latest = 0; // the newest version this binary's migrations reach
};

// Connects to the database the URL names (on the calling thread, its own connection), reads
// its schema version and closes again: no migration, no table created. Unreachable: an
// Unavailable error; a database this binary must not touch (newer, unfinished step, foreign
// tables): the migrator's refusal.
Result<SchemaState> inspectSchema(const QString &url);

} // namespace Banter::Server
