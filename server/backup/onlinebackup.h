// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/serverconfig.h"

namespace Banter::Server {

// What `banterd backup` reports when it is done.
struct BackupReport
{
    QString archive;
    qint64 archiveBytes = 0;
    QString databaseKind;
    int schemaVersion = 0;
    qint64 databaseBytes = 0;
    int blobs = 0;
    qint64 blobBytes = 0;
    qint64 elapsedMs = 0;
};

// Writes a backup of the server `config` describes to `archivePath` (which must not exist),
// while banterd may keep running: a consistent database snapshot (databasesnapshot.h), the
// token key, the TLS files and every blob a file row of the snapshot references, in one tar
// archive (tarwriter.h) led by a manifest (backupmanifest.h).
//
// Blobs and the snapshot: a blob is renamed into the store before its file row commits, so
// every blob the snapshot references existed when the snapshot was taken. Before the
// snapshot every blob in the store is hard-linked into a private directory in the data
// directory, so one deleted while the backup runs (a retention sweep, a user removing a
// file) is still read from the link; blobs written after the snapshot are not referenced and
// not archived. A referenced blob that is gone all the same fails the backup, never leaves
// it silently incomplete.
//
// The archive is written under a temporary name beside the target (mode 0600), fsynced,
// and renamed into place only when complete.
Result<BackupReport> createBackup(const ServerConfig &config, const QString &archivePath);

} // namespace Banter::Server
