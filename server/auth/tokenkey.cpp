// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/tokenkey.h"

#include "auth/sodium.h"
#include "serverlogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// Group or others may read or write it (QFile reports the owner bits twice, as Owner and
// User; only the group and other bits matter here).
bool isShared(QFileDevice::Permissions permissions)
{
    return permissions
        & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
           | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther);
}

Result<QByteArray> load(const QString &path)
{
    if (!QFileInfo(path).isFile())
        return makeError(ErrorCode::Unavailable, u"the token key %1 is not a file"_s.arg(path));
    if (isShared(QFile::permissions(path))) {
        qCWarning(lcAuth) << "the token key" << path
                          << "was readable by others; restricting it to its owner";
        if (!QFile::setPermissions(path, OwnerOnly) || isShared(QFile::permissions(path)))
            return makeError(
                ErrorCode::Unavailable,
                u"cannot restrict the token key %1 to its owner (chmod 600 it)"_s.arg(path));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Unavailable,
                         u"cannot read the token key %1: %2"_s.arg(path, file.errorString()));
    const QByteArray key = file.read(TokenKey::Size + 1);
    if (key.size() != TokenKey::Size)
        return makeError(ErrorCode::Internal,
                         u"the token key %1 is damaged (it must be %2 bytes); delete it to make a "
                         u"new one, which signs every user out"_s.arg(path)
                             .arg(TokenKey::Size));
    return key;
}

Result<QByteArray> create(const QString &path)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return makeError(ErrorCode::Unavailable,
                         u"cannot create the directory of the token key %1"_s.arg(path));
    const QByteArray key = randomBytes(TokenKey::Size);
    // QSaveFile: the key appears whole or not at all. Its mode is set before the secret is
    // written, so the bytes never sit in a file others may read.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || !out.setPermissions(OwnerOnly)
        || out.write(key) != key.size() || !out.commit())
        return makeError(ErrorCode::Unavailable,
                         u"cannot write the token key %1: %2"_s.arg(path, out.errorString()));
    if (isShared(QFile::permissions(path)))
        return makeError(ErrorCode::Unavailable,
                         u"cannot restrict the token key %1 to its owner"_s.arg(path));
    qCInfo(lcAuth) << "created a new token key" << path;
    return key;
}
} // namespace

Result<TokenKey> TokenKey::loadOrCreate(const QString &path)
{
    Result<QByteArray> bytes = QFileInfo::exists(path) ? load(path) : create(path);
    if (!bytes)
        return bytes.error();
    return TokenKey(std::move(bytes).value());
}

TokenKey TokenKey::generate()
{
    return TokenKey(randomBytes(Size));
}

Result<QByteArray> loadOrCreateTokenKey(const QString &path)
{
    Result<TokenKey> key = TokenKey::loadOrCreate(path);
    if (!key)
        return key.error();
    return key->bytes();
}

} // namespace Banter::Server
