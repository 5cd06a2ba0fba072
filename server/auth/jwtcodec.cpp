// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/jwtcodec.h"

#include "auth/sodium.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>
#include <sodium.h>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
constexpr int KeyBytes = 32;

Error invalidToken()
{
    return makeError(ErrorCode::InvalidCredentials, u"the token is not valid"_s);
}

// The one header Banter issues and accepts.
const QByteArray &pinnedHeader()
{
    static const QByteArray header = base64Url(R"({"alg":"HS256","typ":"JWT"})"_ba);
    return header;
}

bool integral(const QJsonValue &v, qint64 *out)
{
    const double d = v.toDouble();
    if (!v.isDouble() || std::floor(d) != d || d < 0 || d > double(MaxJsonSafeInteger))
        return false;
    *out = qint64(d);
    return true;
}
} // namespace

JwtCodec::JwtCodec(QByteArray key)
    : m_key(std::move(key))
{
    ensureSodium();
}

QByteArray JwtCodec::mac(const QByteArray &signingInput) const
{
    QByteArray out(crypto_auth_hmacsha256_BYTES, Qt::Uninitialized);
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char *>(m_key.constData()),
                                size_t(m_key.size()));
    crypto_auth_hmacsha256_update(&state,
                                  reinterpret_cast<const unsigned char *>(signingInput.constData()),
                                  quint64(signingInput.size()));
    crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

QString JwtCodec::sign(const AccessClaims &claims) const
{
    const QJsonObject payload{{u"sub"_s, claims.userId},
                              {u"sid"_s, claims.sessionId},
                              {u"iat"_s, claims.issuedAt},
                              {u"exp"_s, claims.expiresAt},
                              {u"typ"_s, u"access"_s}};
    const QByteArray input =
        pinnedHeader() + '.' + base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(input + '.' + base64Url(mac(input)));
}

Result<AccessClaims> JwtCodec::verify(const QString &token, qint64 nowSeconds) const
{
    if (token.size() > 4096)
        return invalidToken();
    const QByteArray bytes = token.toLatin1();
    const QList<QByteArray> parts = bytes.split('.');
    if (parts.size() != 3 || parts[0] != pinnedHeader())
        return invalidToken();
    bool ok = false;
    const QByteArray signature = fromBase64Url(parts[2], &ok);
    if (!ok || signature.size() != crypto_auth_hmacsha256_BYTES)
        return invalidToken();
    const QByteArray expected = mac(parts[0] + '.' + parts[1]);
    if (sodium_memcmp(signature.constData(), expected.constData(), size_t(expected.size())) != 0)
        return invalidToken();
    const QByteArray payloadJson = fromBase64Url(parts[1], &ok);
    if (!ok)
        return invalidToken();
    const QJsonObject payload = QJsonDocument::fromJson(payloadJson).object();
    AccessClaims claims;
    if (!integral(payload.value(u"sub"), &claims.userId)
        || !integral(payload.value(u"sid"), &claims.sessionId)
        || !integral(payload.value(u"iat"), &claims.issuedAt)
        || !integral(payload.value(u"exp"), &claims.expiresAt)
        || payload.value(u"typ").toString() != "access"_L1 || claims.userId == 0
        || claims.sessionId == 0)
        return invalidToken();
    if (claims.expiresAt <= nowSeconds)
        return makeError(ErrorCode::TokenExpired, u"the access token has expired; refresh it"_s);
    return claims;
}

Result<QByteArray> loadOrCreateTokenKey(const QString &path)
{
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Unavailable, u"cannot read the token key %1"_s.arg(path));
        const QByteArray key = file.readAll();
        if (key.size() != KeyBytes)
            return makeError(
                ErrorCode::Internal,
                u"the token key %1 is damaged (wrong size); delete it to make a new one"_s.arg(
                    path));
        // Keep the key private even if someone loosened its mode.
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return key;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QByteArray key = randomBytes(KeyBytes);
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Unavailable, u"cannot create the token key %1"_s.arg(path));
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    out.write(key);
    if (!out.commit())
        return makeError(ErrorCode::Unavailable, u"cannot write the token key %1"_s.arg(path));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return key;
}

} // namespace Banter::Server
