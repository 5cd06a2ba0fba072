// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/serverconfig.h"

namespace Banter::Server {

// What `banterd restore` reports when it is done.
struct RestoreReport
{
    QString dataDir;
    QString databaseKind;
    int schemaVersion = 0;
    int members = 0;
    qint64 bytes = 0;
    QString createdAt; // when the backup was taken
    QString externalCertificate; // original paths of TLS files kept outside the data directory
    QString externalKey;
};

// Restores the archive `archivePath` (written by createBackup) into the data directory and
// database `config` names. The data directory must be empty or missing, a PostgreSQL target
// database empty; a SQLite archive goes to a SQLite file, a PostgreSQL one (pg_dump's
// custom format) through pg_restore into PostgreSQL.
//
// Every member's size and SHA-256 is checked against the manifest before anything is
// written, again while it is written, and once more on disk afterwards; the database is then
// opened and its schema version compared (SQLite also passes PRAGMA integrity_check). Any
// failure removes what the restore wrote. Directories are created 0700, files 0600.
Result<RestoreReport> restoreBackup(const QString &archivePath, const ServerConfig &config);

} // namespace Banter::Server
