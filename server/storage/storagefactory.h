// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The only place that knows each backend's connection set-up: driver, pragmas or session
// settings, and how a batch transaction begins. Everything past it is shared.

#include "storage/sqlstorageexecutor.h"

namespace Banter::Server {

// What the operator may tune about the connection (ServerConfig has the same defaults).
struct StorageOptions
{
    // PRAGMA busy_timeout: how long a batch waits for SQLite's write lock before its
    // requests are answered "unavailable".
    int sqliteBusyTimeoutMs = 5000;
    // A PostgreSQL batch that has waited this long without an answer has its connection cut
    // and its requests answered "unavailable" (SqlConnectionSpec::stallTimeoutMs).
    int postgresqlStallTimeoutMs = 10'000;
};

// Parses a database URL into how to connect:
//   sqlite:///absolute/path/banter.db   (or a plain file path)
//   postgresql://user[:password]@host[:port]/dbname
Result<SqlConnectionSpec> connectionSpecFromUrl(const QString &url,
                                                const StorageOptions &options = {});

// The SQLite file the URL names (absolute), or empty for any other URL. Unlike
// connectionSpecFromUrl it creates nothing (check-config asks before a start would).
QString sqliteFileFromUrl(const QString &url);

// Opens (creating and migrating) the database the URL names.
Result<std::unique_ptr<SqlStorageExecutor>> openStorage(const QString &url,
                                                        const StorageOptions &options = {});

// Opens (creating and migrating) the SQLite file at `path`, creating its directory.
Result<std::unique_ptr<SqlStorageExecutor>> openSqliteStorage(const QString &path);

} // namespace Banter::Server
