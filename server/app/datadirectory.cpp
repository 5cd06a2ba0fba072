// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/datadirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
constexpr QFileDevice::Permissions OwnerOnlyDirectory =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
// QFile reports the owner's bits twice (Owner and User); only group and other matter here.
constexpr QFileDevice::Permissions GroupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup
    | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
    | QFileDevice::ExeOther;

QString octalMode(QFileDevice::Permissions permissions)
{
    int mode = 0;
    const struct
    {
        QFileDevice::Permission flag;
        int bit;
    } bits[] = {{QFileDevice::ReadOwner, 0400}, {QFileDevice::WriteOwner, 0200},
                {QFileDevice::ExeOwner, 0100},  {QFileDevice::ReadGroup, 040},
                {QFileDevice::WriteGroup, 020}, {QFileDevice::ExeGroup, 010},
                {QFileDevice::ReadOther, 04},   {QFileDevice::WriteOther, 02},
                {QFileDevice::ExeOther, 01}};
    for (const auto &b : bits) {
        if (permissions & b.flag)
            mode |= b.bit;
    }
    return u"%1"_s.arg(mode, 4, 8, QChar(u'0'));
}

Status refuseShared(const QString &what, const QString &path, const QString &fix)
{
    return makeError(ErrorCode::Unavailable,
                     u"%1 %2 can be read by other users of this machine (mode %3); refusing to "
                     "start. Restrict it to the server's account: %4"_s.arg(
                         what, path, octalMode(QFile::permissions(path)), fix));
}
} // namespace

Status prepareDataDirectory(const QString &path, const QString &sqliteFile)
{
    if (path.isEmpty())
        return makeError(ErrorCode::Unavailable, u"no data directory is configured"_s);
    const QFileInfo info(path);
    if (!info.exists()) {
        const QString parent = info.absolutePath();
        if (!QDir().mkpath(parent) || !QDir().mkdir(path, OwnerOnlyDirectory))
            return makeError(ErrorCode::Unavailable,
                             u"cannot create the data directory '%1'"_s.arg(path));
    } else if (!info.isDir()) {
        return makeError(ErrorCode::Unavailable,
                         u"the data directory '%1' is not a directory"_s.arg(path));
    }
    if (QFile::permissions(path) & GroupOrOther)
        return refuseShared(u"the data directory"_s, path, u"chmod 700 '%1'"_s.arg(path));
    // Made owner-only before SQLite creates it: SQLite gives its journal and WAL files the
    // mode of the database file, whatever the umask.
    if (!sqliteFile.isEmpty() && !QFileInfo::exists(sqliteFile)) {
        QFile database(sqliteFile);
        if (!QDir().mkpath(QFileInfo(sqliteFile).absolutePath())
            || !database.open(QIODevice::WriteOnly,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return makeError(ErrorCode::Unavailable,
                             u"cannot create the database file %1"_s.arg(sqliteFile));
    }
    // A database kept outside the data directory is not covered by its mode.
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
        const QString file = sqliteFile.isEmpty() ? QString() : sqliteFile + suffix;
        if (!file.isEmpty() && QFileInfo::exists(file) && (QFile::permissions(file) & GroupOrOther))
            return refuseShared(u"the database file"_s, file, u"chmod 600 '%1'"_s.arg(file));
    }
    return success();
}

Status checkDataDirectory(const QString &path, const QString &sqliteFile)
{
    if (path.isEmpty())
        return makeError(ErrorCode::Unavailable, u"no data directory is configured"_s);
    const QFileInfo info(path);
    if (info.exists() && !info.isDir())
        return makeError(ErrorCode::Unavailable,
                         u"the data directory '%1' is not a directory"_s.arg(path));
    if (info.exists() && (QFile::permissions(path) & GroupOrOther))
        return refuseShared(u"the data directory"_s, path, u"chmod 700 '%1'"_s.arg(path));
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
        const QString file = sqliteFile.isEmpty() ? QString() : sqliteFile + suffix;
        if (!file.isEmpty() && QFileInfo::exists(file) && (QFile::permissions(file) & GroupOrOther))
            return refuseShared(u"the database file"_s, file, u"chmod 600 '%1'"_s.arg(file));
    }
    return success();
}

Status checkPrivateFile(const QString &what, const QString &path)
{
    if (QFileInfo::exists(path) && (QFile::permissions(path) & GroupOrOther))
        return makeError(ErrorCode::Unavailable,
                         u"%1 %2 can be read by other users of this machine (mode %3): chmod 600 "
                         "'%2'"_s.arg(what, path, octalMode(QFile::permissions(path))));
    return success();
}

} // namespace Banter::Server
