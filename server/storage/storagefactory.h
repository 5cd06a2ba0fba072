// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/sqlstorageexecutor.h"

namespace Banter::Server {

// Parses a database URL into how to connect:
//   sqlite:///absolute/path/banter.db   (or a plain file path)
//   postgresql://user[:password]@host[:port]/dbname
Result<SqlConnectionSpec> connectionSpecFromUrl(const QString &url);

// Opens (creating and migrating) the database the URL names.
Result<std::unique_ptr<SqlStorageExecutor>> openStorage(const QString &url);

} // namespace Banter::Server
