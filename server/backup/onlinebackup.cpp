// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/onlinebackup.h"

#include "backup/backupfiles.h"
#include "backup/backupmanifest.h"
#include "backup/databasesnapshot.h"
#include "files/filestore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTemporaryFile>

#include <unistd.h>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
// One member to archive: where it comes from and, for blobs, the hash its name promises.
struct Source
{
    QString member;
    QString path;
    QString expectedSha256; // empty: hashed before the manifest is written
};

// Hard-links every blob of the store into `pins`. A blob that cannot be linked (a store on
// another file system) is read from the store later, as are blobs newer than the pins.
void pinBlobs(const QString &blobRoot, const QString &pins)
{
    QDirIterator blobs(blobRoot, QDir::Files, QDirIterator::Subdirectories);
    while (blobs.hasNext()) {
        blobs.next();
        if (isSha256Hex(blobs.fileName()))
            ::link(QFile::encodeName(blobs.filePath()).constData(),
                   QFile::encodeName(pins + u'/' + blobs.fileName()).constData());
    }
}

// What the archive holds besides the blobs, in archive order.
QList<Source> keySources(const ServerConfig &config, const DatabaseSnapshot &snapshot,
                         BackupManifest &manifest)
{
    const QDir data(config.dataDir);
    manifest.databaseMember = u"database/"_s + QFileInfo(snapshot.file).fileName();
    QList<Source> sources{{manifest.databaseMember, snapshot.file, {}},
                          {u"token.key"_s, data.filePath(u"token.key"_s), {}}};
    for (const QString &name : {u"certificate.pem"_s, u"key.pem"_s}) {
        const QString path = data.filePath(u"tls/"_s + name);
        if (QFileInfo(path).isFile())
            sources.append({u"tls/"_s + name, path, {}});
    }
    if (config.tls.enabled() && config.tls.hasOwnFiles()) {
        manifest.externalCertificate = QFileInfo(config.tls.certificateFile).absoluteFilePath();
        manifest.externalKey = QFileInfo(config.tls.keyFile).absoluteFilePath();
        sources.append({u"external-tls/certificate.pem"_s, manifest.externalCertificate, {}});
        sources.append({u"external-tls/key.pem"_s, manifest.externalKey, {}});
    }
    return sources;
}

// The blobs the snapshot references, from the pins or, when newer, from the store.
Result<QList<Source>> blobSources(const ServerConfig &config, const DatabaseSnapshot &snapshot,
                                  const QString &pins)
{
    const FileStore store(QDir(config.dataDir).filePath(u"files"_s));
    QList<Source> sources;
    for (const QString &sha : snapshot.blobs) {
        if (!isSha256Hex(sha))
            return makeError(ErrorCode::Internal,
                             u"the database names a file by '%1', which is no SHA-256"_s.arg(sha));
        const QString pinned = pins + u'/' + sha;
        const QString path = QFileInfo::exists(pinned) ? pinned : store.blobPath(sha);
        if (!QFileInfo(path).isFile())
            return makeError(
                ErrorCode::Internal,
                u"the file content %1 that the database references is missing "
                "from %2 (removed while the backup ran? run it again)"_s.arg(sha, path));
        sources.append({u"files/blobs/"_s + sha.left(2) + u'/' + sha, path, sha});
    }
    return sources;
}

// Sizes and hashes of every source, for the manifest.
Result<QList<TarMember>> describeSources(const QList<Source> &sources)
{
    QList<TarMember> members;
    for (const Source &source : sources) {
        const QFileInfo info(source.path);
        if (!info.isFile())
            return makeError(ErrorCode::NotFound, u"%1 is missing"_s.arg(source.path));
        QString sha = source.expectedSha256;
        if (sha.isEmpty()) {
            Result<QString> hashed = sha256OfFile(source.path);
            if (!hashed)
                return hashed.error();
            sha = *hashed;
        }
        members.append({source.member, info.size(), sha});
    }
    return members;
}

Status writeArchive(QIODevice &out, const BackupManifest &manifest, const QList<Source> &sources)
{
    TarWriter tar(out);
    const QByteArray json = manifest.toJson();
    const QByteArray sum = QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex() + "  "
        + BackupManifest::FileName + '\n';
    if (Result<TarMember> added = tar.add(QString::fromLatin1(BackupManifest::FileName), json);
        !added)
        return added.error();
    if (Result<TarMember> added = tar.add(QString::fromLatin1(BackupManifest::ChecksumName), sum);
        !added)
        return added.error();
    for (qsizetype i = 0; i < sources.size(); ++i) {
        const TarMember &expected = manifest.members.at(i);
        QFile file(sources.at(i).path);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Internal,
                             u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString()));
        Result<TarMember> added = tar.add(expected.name, file, expected.size);
        if (!added)
            return added.error();
        if (added->sha256 != expected.sha256)
            return makeError(ErrorCode::Internal,
                             u"%1 changed or is damaged: its content's SHA-256 is %2, not %3"_s.arg(
                                 file.fileName(), added->sha256, expected.sha256));
    }
    return tar.finish();
}
} // namespace

Result<BackupReport> createBackup(const ServerConfig &config, const QString &archivePath)
{
    QElapsedTimer timer;
    timer.start();
    const QFileInfo target(archivePath);
    if (target.exists())
        return makeError(ErrorCode::Conflict,
                         u"%1 already exists; a backup never overwrites a file"_s.arg(archivePath));
    if (!target.absoluteDir().exists())
        return makeError(ErrorCode::NotFound,
                         u"the directory %1 does not exist"_s.arg(target.absolutePath()));
    const QDir data(config.dataDir);
    if (!QFileInfo(data.filePath(u"token.key"_s)).isFile())
        return makeError(
            ErrorCode::NotFound,
            u"there is no token key in %1: is it banterd's data directory?"_s.arg(config.dataDir));

    const QTemporaryDir pins(data.filePath(u".backup-pins-XXXXXX"_s));
    const QTemporaryDir staging(target.absoluteFilePath() + u".staging-XXXXXX"_s);
    if (!pins.isValid() || !staging.isValid())
        return makeError(ErrorCode::Internal,
                         u"cannot create a temporary directory: %1"_s.arg(
                             pins.isValid() ? staging.errorString() : pins.errorString()));
    pinBlobs(data.filePath(u"files/blobs"_s), pins.path());
    Result<DatabaseSnapshot> snapshot =
        takeDatabaseSnapshot(config.effectiveDatabaseUrl(), staging.path());
    if (!snapshot)
        return snapshot.error();

    BackupManifest manifest;
    manifest.banterdVersion = QCoreApplication::applicationVersion();
    manifest.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    manifest.databaseKind = snapshot->kind;
    manifest.schemaVersion = snapshot->schemaVersion;
    QList<Source> sources = keySources(config, *snapshot, manifest);
    Result<QList<Source>> blobs = blobSources(config, *snapshot, pins.path());
    if (!blobs)
        return blobs.error();
    sources += *blobs;
    Result<QList<TarMember>> members = describeSources(sources);
    if (!members)
        return members.error();
    manifest.members = *members;

    // QTemporaryFile creates it owner-only (0600) and removes it unless it was renamed.
    QTemporaryFile out(target.absoluteFilePath() + u".XXXXXX.partial"_s);
    if (!out.open())
        return makeError(ErrorCode::Internal,
                         u"cannot create %1: %2"_s.arg(out.fileTemplate(), out.errorString()));
    if (Status written = writeArchive(out, manifest, sources); !written)
        return written.error();
    if (!out.flush() || !syncFile(out.handle()))
        return makeError(ErrorCode::Internal,
                         u"cannot write %1: %2"_s.arg(out.fileName(), out.errorString()));
    if (!out.rename(target.absoluteFilePath()))
        return makeError(
            ErrorCode::Internal,
            u"cannot rename %1 to %2: %3"_s.arg(out.fileName(), archivePath, out.errorString()));
    out.setAutoRemove(false);
    syncDirectory(target.absolutePath());

    BackupReport report;
    report.archive = target.absoluteFilePath();
    report.archiveBytes = QFileInfo(report.archive).size();
    report.databaseKind = snapshot->kind;
    report.schemaVersion = snapshot->schemaVersion;
    report.databaseBytes = manifest.members.constFirst().size;
    report.blobs = int(blobs->size());
    for (qsizetype i = sources.size() - blobs->size(); i < sources.size(); ++i)
        report.blobBytes += manifest.members.at(i).size;
    report.elapsedMs = timer.elapsed();
    return report;
}

} // namespace Banter::Server
