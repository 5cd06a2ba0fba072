// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/backupmanifest.h"

#include "backup/backupfiles.h"
#include "backup/tarformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
Error invalid(const QString &why)
{
    return makeError(ErrorCode::BadRequest, u"the backup's manifest is invalid: %1"_s.arg(why));
}
} // namespace

QByteArray BackupManifest::toJson() const
{
    QJsonArray files;
    for (const TarMember &member : members)
        files.append(QJsonObject{{u"path"_s, member.name},
                                 {u"size"_s, double(member.size)},
                                 {u"sha256"_s, member.sha256}});
    QJsonObject database{{u"kind"_s, databaseKind},
                         {u"schema_version"_s, schemaVersion},
                         {u"path"_s, databaseMember}};
    QJsonObject root{{u"format"_s, u"banter-backup"_s},
                     {u"format_version"_s, formatVersion},
                     {u"banterd_version"_s, banterdVersion},
                     {u"created_at"_s, createdAt},
                     {u"database"_s, database},
                     {u"files"_s, files}};
    if (!externalCertificate.isEmpty())
        root.insert(u"external_tls"_s,
                    QJsonObject{{u"certificate"_s, externalCertificate}, {u"key"_s, externalKey}});
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<BackupManifest> BackupManifest::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (!document.isObject())
        return invalid(error.errorString());
    const QJsonObject root = document.object();
    if (root.value(u"format"_s).toString() != "banter-backup"_L1)
        return invalid(u"it is not a Banter backup"_s);
    BackupManifest manifest;
    manifest.formatVersion = root.value(u"format_version"_s).toInt(-1);
    if (manifest.formatVersion != FormatVersion)
        return makeError(ErrorCode::BadRequest,
                         u"the backup has format version %1; this banterd reads version %2"_s
                             .arg(root.value(u"format_version"_s).toVariant().toString())
                             .arg(FormatVersion));
    manifest.banterdVersion = root.value(u"banterd_version"_s).toString();
    manifest.createdAt = root.value(u"created_at"_s).toString();
    const QJsonObject database = root.value(u"database"_s).toObject();
    manifest.databaseKind = database.value(u"kind"_s).toString();
    manifest.schemaVersion = database.value(u"schema_version"_s).toInt(-1);
    manifest.databaseMember = database.value(u"path"_s).toString();
    if ((manifest.databaseKind != "sqlite"_L1 && manifest.databaseKind != "postgresql"_L1)
        || manifest.schemaVersion < 1)
        return invalid(u"the database kind or schema version is missing"_s);
    const QJsonObject tls = root.value(u"external_tls"_s).toObject();
    manifest.externalCertificate = tls.value(u"certificate"_s).toString();
    manifest.externalKey = tls.value(u"key"_s).toString();
    const QJsonArray files = root.value(u"files"_s).toArray();
    QSet<QString> seen;
    bool hasDatabase = false;
    for (const QJsonValue &value : files) {
        const QJsonObject file = value.toObject();
        TarMember member{file.value(u"path"_s).toString(),
                         qint64(file.value(u"size"_s).toDouble(-1)),
                         file.value(u"sha256"_s).toString()};
        if (!Tar::isSafeName(member.name) || member.size < 0 || !isSha256Hex(member.sha256))
            return invalid(u"a file entry is malformed (%1)"_s.arg(member.name));
        if (seen.contains(member.name))
            return invalid(u"%1 is listed twice"_s.arg(member.name));
        seen.insert(member.name);
        hasDatabase = hasDatabase || member.name == manifest.databaseMember;
        manifest.members.append(member);
    }
    if (!hasDatabase)
        return invalid(u"it lists no database"_s);
    return manifest;
}

} // namespace Banter::Server
