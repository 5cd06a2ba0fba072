// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/result.h>

#include <QString>
#include <QStringList>

namespace Banter::Server {

// One consistent copy of the database, taken while banterd keeps writing to it.
struct DatabaseSnapshot
{
    QString kind; // "sqlite" or "postgresql"
    QString file; // the copy: a SQLite file, or pg_dump's custom format
    int schemaVersion = 0;
    // The SHA-256 of every file row in the copy: the blobs the archive must hold.
    QStringList blobs;
};

// SQLite: VACUUM INTO on a connection of its own, a read transaction that writers in WAL
// mode do not wait for. PostgreSQL: a REPEATABLE READ transaction exports its snapshot,
// pg_dump dumps exactly that snapshot (--snapshot) and the blob list is read in it too.
// The copy is written into `directory`. A database that does not exist yet is an error:
// nothing is created.
Result<DatabaseSnapshot> takeDatabaseSnapshot(const QString &databaseUrl, const QString &directory);

// The schema version of the database at `url` and whether its content is sound (SQLite:
// PRAGMA integrity_check), for a restore to check what it wrote.
Result<int> checkRestoredDatabase(const QString &databaseUrl);

// Whether the PostgreSQL database at `url` has no tables yet (a restore target must not).
Result<bool> isEmptyPostgresqlDatabase(const QString &databaseUrl);

} // namespace Banter::Server
