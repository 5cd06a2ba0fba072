// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/refreshtoken.h"

#include "auth/base64url.h"
#include "auth/sodium.h"

#include <QCryptographicHash>

namespace Banter::Server::RefreshToken {

QString generate()
{
    return QString::fromLatin1(toBase64Url(randomBytes(Bytes)));
}

QByteArray hash(const QString &token)
{
    return QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256);
}

bool isWellFormed(const QString &token)
{
    constexpr qsizetype Chars = (Bytes * 4 + 2) / 3;
    if (token.size() != Chars)
        return false;
    const std::optional<QByteArray> bytes = fromBase64Url(token.toLatin1());
    return bytes && bytes->size() == Bytes;
}

} // namespace Banter::Server::RefreshToken
