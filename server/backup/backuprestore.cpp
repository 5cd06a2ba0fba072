// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/backuprestore.h"

#include "backup/backupfiles.h"
#include "backup/backupmanifest.h"
#include "backup/databasesnapshot.h"
#include "backup/postgresqltools.h"
#include "backup/tarreader.h"
#include "storage/storagefactory.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>

#include <functional>
#include <memory>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
constexpr QFileDevice::Permissions OwnerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions OwnerOnlyDirectory = OwnerOnlyFile | QFileDevice::ExeOwner;
const QString PgDumpName = u".restore-banter.pgdump"_s;

Error damaged(const QString &why)
{
    return makeError(ErrorCode::BadRequest,
                     u"the archive is damaged or not a Banter backup: %1"_s.arg(why));
}

// Where each member's content goes; nullptr: read and checked, written nowhere.
using MemberSink = std::function<Result<std::unique_ptr<QFile>>(const TarMember &)>;

// The first two members: the manifest and the checksum that guards it.
Result<BackupManifest> readManifest(TarReader &tar)
{
    const QString names[] = {QString::fromLatin1(BackupManifest::FileName),
                             QString::fromLatin1(BackupManifest::ChecksumName)};
    QByteArray contents[2];
    for (int i = 0; i < 2; ++i) {
        Result<std::optional<TarMember>> member = tar.next();
        if (!member)
            return member.error();
        if (!*member || (*member)->name != names[i])
            return damaged(u"it does not begin with %1"_s.arg(names[i]));
        Result<QByteArray> content = tar.readSmall(i == 0 ? BackupManifest::MaxBytes : 1024);
        if (!content)
            return content.error();
        contents[i] = *content;
    }
    const QByteArray expected =
        QCryptographicHash::hash(contents[0], QCryptographicHash::Sha256).toHex() + "  "
        + BackupManifest::FileName + '\n';
    if (contents[1] != expected)
        return damaged(u"manifest.json does not match manifest.sha256"_s);
    return BackupManifest::fromJson(contents[0]);
}

// Every member after the manifest, in the manifest's order, each checked against it.
Status readMembers(TarReader &tar, const BackupManifest &manifest, const MemberSink &sink)
{
    for (const TarMember &expected : manifest.members) {
        Result<std::optional<TarMember>> member = tar.next();
        if (!member)
            return member.error();
        if (!*member)
            return damaged(u"it ends before %1"_s.arg(expected.name));
        if ((*member)->name != expected.name || (*member)->size != expected.size)
            return damaged(u"it holds %1 (%2 bytes) where the manifest lists %3 (%4 bytes)"_s
                               .arg((*member)->name)
                               .arg((*member)->size)
                               .arg(expected.name)
                               .arg(expected.size));
        std::unique_ptr<QFile> file;
        if (sink) {
            Result<std::unique_ptr<QFile>> opened = sink(expected);
            if (!opened)
                return opened.error();
            file = std::move(*opened);
        }
        Result<QString> sha = tar.readContent(file.get());
        if (!sha)
            return sha.error();
        if (*sha != expected.sha256)
            return damaged(u"the content of %1 does not match its SHA-256 in the manifest"_s.arg(
                expected.name));
        if (file && (!file->flush() || !syncFile(file->handle())))
            return makeError(ErrorCode::Internal, u"cannot write %1"_s.arg(file->fileName()));
    }
    Result<std::optional<TarMember>> extra = tar.next();
    if (!extra)
        return extra.error();
    if (*extra)
        return damaged(u"it holds %1, which the manifest does not list"_s.arg((*extra)->name));
    return success();
}

// One full pass over the archive; with a sink, this is the restore itself.
Result<BackupManifest> readArchive(const QString &path, const MemberSink &sink)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound,
                         u"cannot open %1: %2"_s.arg(path, file.errorString()));
    TarReader tar(file);
    Result<BackupManifest> manifest = readManifest(tar);
    if (!manifest)
        return manifest.error();
    if (Status read = readMembers(tar, *manifest, sink); !read)
        return read.error();
    return manifest;
}

bool isEmptyDirectory(const QString &path)
{
    return QDir(path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden
                              | QDir::System);
}

// Refuses a target that holds anything: a restore never mixes old and new data.
Status checkTarget(const BackupManifest &manifest, const QString &dataDir,
                   const SqlConnectionSpec &database, const QString &databaseUrl)
{
    const QFileInfo dir(dataDir);
    if (dir.exists() && (!dir.isDir() || !isEmptyDirectory(dataDir)))
        return makeError(ErrorCode::Conflict,
                         u"the data directory %1 is not empty; restore into an empty or new "
                         "directory"_s.arg(dataDir));
    const bool sqlite = database.driver == "QSQLITE"_L1;
    if (sqlite != (manifest.databaseKind == "sqlite"_L1))
        return makeError(ErrorCode::Conflict,
                         u"the backup holds a %1 database, but the target database is %2; "
                         "restore it to its own kind (then banterd migrate-data can move it)"_s.arg(
                             manifest.databaseKind, sqlite ? u"SQLite"_s : u"PostgreSQL"_s));
    if (sqlite && QFileInfo::exists(database.databaseName))
        return makeError(ErrorCode::Conflict,
                         u"the database file %1 already exists"_s.arg(database.databaseName));
    if (!sqlite) {
        Result<bool> empty = isEmptyPostgresqlDatabase(databaseUrl);
        if (!empty)
            return empty.error();
        if (!*empty)
            return makeError(ErrorCode::Conflict,
                             u"the database %1 is not empty; restore into "
                             "a new, empty database"_s.arg(database.databaseName));
    }
    return success();
}

bool makePrivateDirectories(const QString &root, const QString &relative)
{
    QString path = root;
    for (const QString &part : relative.split(u'/', Qt::SkipEmptyParts)) {
        path += u'/' + part;
        if (!QFileInfo(path).isDir() && !QDir().mkdir(path, OwnerOnlyDirectory))
            return false;
    }
    return true;
}

// Where a member is written: the SQLite database to its configured file, pg_dump's output
// to a temporary file for pg_restore, everything else to its own path in the data directory.
QString targetPath(const TarMember &member, const BackupManifest &manifest, const QString &dataDir,
                   const SqlConnectionSpec &database)
{
    if (member.name != manifest.databaseMember)
        return dataDir + u'/' + member.name;
    return database.driver == "QSQLITE"_L1 ? database.databaseName : dataDir + u'/' + PgDumpName;
}

Result<std::unique_ptr<QFile>> createPrivateFile(const QString &path)
{
    if (!makePrivateDirectories(QString(), QFileInfo(path).absolutePath()))
        return makeError(ErrorCode::Internal, u"cannot create the directory of %1"_s.arg(path));
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::WriteOnly | QIODevice::NewOnly, OwnerOnlyFile))
        return makeError(ErrorCode::Internal,
                         u"cannot create %1: %2"_s.arg(path, file->errorString()));
    return file;
}

// Removes what a failed restore wrote; the directory was empty (or missing) before.
void undo(const QString &dataDir, bool createdDir, const SqlConnectionSpec &database)
{
    if (createdDir) {
        QDir(dataDir).removeRecursively();
    } else {
        const QStringList entries = QDir(dataDir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot
                                                            | QDir::Hidden | QDir::System);
        for (const QString &entry : entries) {
            const QString path = dataDir + u'/' + entry;
            if (QFileInfo(path).isDir())
                QDir(path).removeRecursively();
            else
                QFile::remove(path);
        }
    }
    if (database.driver == "QSQLITE"_L1) {
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QFile::remove(database.databaseName + suffix);
    }
}

// Writes every member, re-checks it on disk and loads the database.
Status restoreInto(const QString &archivePath, const BackupManifest &manifest,
                   const QString &dataDir, const SqlConnectionSpec &database,
                   const QString &databaseUrl)
{
    const MemberSink sink = [&](const TarMember &member) {
        return createPrivateFile(targetPath(member, manifest, dataDir, database));
    };
    Result<BackupManifest> written = readArchive(archivePath, sink);
    if (!written)
        return written.error();
    if (written->toJson() != manifest.toJson())
        return damaged(u"it changed while it was restored"_s);
    for (const TarMember &member : manifest.members) {
        const QString path = targetPath(member, manifest, dataDir, database);
        Result<QString> sha = sha256OfFile(path);
        if (!sha)
            return sha.error();
        if (*sha != member.sha256 || QFileInfo(path).size() != member.size)
            return makeError(ErrorCode::Internal,
                             u"%1 differs from the archive after it was written; is the disk "
                             "failing?"_s.arg(path));
    }
    if (database.driver != "QSQLITE"_L1) {
        const QString dump = dataDir + u'/' + PgDumpName;
        Status loaded =
            runPostgresqlTool(u"pg_restore"_s, database,
                              {u"--exit-on-error"_s, u"--single-transaction"_s, u"--no-owner"_s,
                               u"--no-privileges"_s, u"--dbname"_s, database.databaseName, dump});
        QFile::remove(dump);
        if (!loaded)
            return loaded.error();
    }
    Result<int> version = checkRestoredDatabase(databaseUrl);
    if (!version)
        return version.error();
    if (*version != manifest.schemaVersion)
        return makeError(
            ErrorCode::Internal,
            u"the restored database has schema version %1, the backup says %2"_s.arg(*version).arg(
                manifest.schemaVersion));
    return success();
}
} // namespace

Result<RestoreReport> restoreBackup(const QString &archivePath, const ServerConfig &config)
{
    const QString dataDir = QFileInfo(config.dataDir).absoluteFilePath();
    const QString databaseUrl = config.effectiveDatabaseUrl();
    // Before anything is written (a SQLite spec creates its file's directory): the whole
    // archive against its manifest.
    Result<BackupManifest> manifest = readArchive(archivePath, {});
    if (!manifest)
        return manifest.error();
    const bool createdDir = !QFileInfo::exists(dataDir);
    Result<SqlConnectionSpec> database = connectionSpecFromUrl(databaseUrl);
    if (!database)
        return database.error();
    if (Status target = checkTarget(*manifest, dataDir, *database, databaseUrl); !target) {
        if (createdDir)
            QDir(dataDir).removeRecursively();
        return target.error();
    }
    if (!QFileInfo::exists(dataDir)
        && (!QDir().mkpath(QFileInfo(dataDir).absolutePath())
            || !QDir().mkdir(dataDir, OwnerOnlyDirectory)))
        return makeError(ErrorCode::Internal, u"cannot create %1"_s.arg(dataDir));
    if (!QFile::setPermissions(dataDir, OwnerOnlyDirectory))
        return makeError(ErrorCode::Internal, u"cannot make %1 owner-only"_s.arg(dataDir));
    if (Status restored = restoreInto(archivePath, *manifest, dataDir, *database, databaseUrl);
        !restored) {
        undo(dataDir, createdDir, *database);
        return restored.error();
    }
    syncDirectory(dataDir);

    RestoreReport report;
    report.dataDir = dataDir;
    report.databaseKind = manifest->databaseKind;
    report.schemaVersion = manifest->schemaVersion;
    report.members = int(manifest->members.size());
    for (const TarMember &member : manifest->members)
        report.bytes += member.size;
    report.createdAt = manifest->createdAt;
    report.externalCertificate = manifest->externalCertificate;
    report.externalKey = manifest->externalKey;
    return report;
}

} // namespace Banter::Server
