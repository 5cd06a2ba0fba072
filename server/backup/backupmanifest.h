// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backup/tarwriter.h"

#include <QByteArray>
#include <QList>

namespace Banter::Server {

// The first member of a backup archive (manifest.json), followed by manifest.sha256 (its
// own SHA-256, so a changed byte in it is noticed too). It lists every other member with its
// size and SHA-256, so a restore knows before writing anything whether the archive is whole.
struct BackupManifest
{
    static constexpr int FormatVersion = 1;
    static constexpr auto FileName = "manifest.json";
    static constexpr auto ChecksumName = "manifest.sha256";
    // The manifest of a store with millions of blobs is a few hundred MiB; anything beyond
    // this is not one banterd wrote.
    static constexpr qint64 MaxBytes = 512LL * 1024 * 1024;

    int formatVersion = FormatVersion;
    QString banterdVersion;
    QString createdAt; // ISO 8601, UTC
    QString databaseKind; // "sqlite" or "postgresql"
    int schemaVersion = 0;
    QString databaseMember; // database/banter.db or database/banter.pgdump
    // TLS files the configuration named outside the data directory: their original paths,
    // archived as external-tls/certificate.pem and external-tls/key.pem.
    QString externalCertificate;
    QString externalKey;
    QList<TarMember> members; // everything after the manifest, in archive order

    QByteArray toJson() const;
    // Strict: a missing or mistyped field, an unknown format version or an unsafe member
    // name is an error.
    static Result<BackupManifest> fromJson(const QByteArray &json);
};

} // namespace Banter::Server
