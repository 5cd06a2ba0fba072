// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The only place that knows each backend's connection set-up: driver, pragmas or session
// settings, and how a batch transaction begins. Everything past it is shared.

#include "storage/sqlstorageexecutor.h"

namespace Banter::Server {

// Parses a database URL into how to connect:
//   sqlite:///absolute/path/banter.db   (or a plain file path)
//   postgresql://user[:password]@host[:port]/dbname
Result<SqlConnectionSpec> connectionSpecFromUrl(const QString &url);

// Opens (creating and migrating) the database the URL names.
Result<std::unique_ptr<SqlStorageExecutor>> openStorage(const QString &url);

// Opens (creating and migrating) the SQLite file at `path`, creating its directory.
Result<std::unique_ptr<SqlStorageExecutor>> openSqliteStorage(const QString &path);

} // namespace Banter::Server
