// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/jwtcodec.h"

#include "auth/base64url.h"
#include "auth/sodium.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <sodium.h>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
// Far above any token Banter issues; stops work on garbage early.
constexpr qsizetype MaxTokenChars = 2048;

Error invalidToken()
{
    return makeError(ErrorCode::InvalidCredentials, u"the token is not valid"_s);
}

// The one header Banter issues and accepts, compared as encoded bytes: no JSON parsing of
// anything unauthenticated, and no second spelling of the same header.
const QByteArray &pinnedHeader()
{
    static const QByteArray header = toBase64Url(R"({"alg":"HS256","typ":"JWT"})"_ba);
    return header;
}

bool readId(const QJsonValue &v, qint64 *out)
{
    const double d = v.toDouble();
    if (!v.isDouble() || std::floor(d) != d || d < 1 || d > double(MaxJsonSafeInteger))
        return false;
    *out = qint64(d);
    return true;
}

bool readSeconds(const QJsonValue &v, qint64 *out)
{
    const double d = v.toDouble();
    if (!v.isDouble() || std::floor(d) != d || d < 0 || d > double(MaxJsonSafeInteger))
        return false;
    *out = qint64(d);
    return true;
}

bool readSubject(const QJsonValue &v, qint64 *out)
{
    bool ok = false;
    const QString text = v.toString();
    const qint64 id = text.toLongLong(&ok);
    if (!v.isString() || !ok || id < 1 || id > MaxJsonSafeInteger || QString::number(id) != text)
        return false;
    *out = id;
    return true;
}
} // namespace

JwtCodec::JwtCodec(const TokenKey &key)
    : JwtCodec(key.bytes())
{ }

JwtCodec::JwtCodec(QByteArray key)
    : m_key(std::move(key))
{
    Q_ASSERT_X(m_key.size() >= TokenKey::Size, "JwtCodec", "the signing key is too short");
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
    sodium_memzero(&state, sizeof state);
    return out;
}

QString JwtCodec::sign(const AccessClaims &claims) const
{
    const QJsonObject payload{{u"sub"_s, QString::number(claims.userId)},
                              {u"sid"_s, claims.sessionId},
                              {u"iat"_s, claims.issuedAt},
                              {u"exp"_s, claims.expiresAt},
                              {u"typ"_s, u"access"_s}};
    const QByteArray input =
        pinnedHeader() + '.' + toBase64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(input + '.' + toBase64Url(mac(input)));
}

Result<AccessClaims> JwtCodec::verify(const QString &token, qint64 nowSeconds) const
{
    if (token.size() > MaxTokenChars)
        return invalidToken();
    // Anything outside Latin-1 turns into '?', which no part accepts.
    const QList<QByteArray> parts = token.toLatin1().split('.');
    if (parts.size() != 3 || parts[0] != pinnedHeader())
        return invalidToken();
    const std::optional<QByteArray> signature = fromBase64Url(parts[2]);
    if (!signature || signature->size() != crypto_auth_hmacsha256_BYTES)
        return invalidToken();
    const QByteArray expected = mac(parts[0] + '.' + parts[1]);
    // Constant time: how long the comparison takes must not say how many bytes matched.
    if (sodium_memcmp(signature->constData(), expected.constData(), size_t(expected.size())) != 0)
        return invalidToken();

    // Authentic from here on; the checks below catch our own mistakes, not forgeries.
    const std::optional<QByteArray> payloadJson = fromBase64Url(parts[1]);
    if (!payloadJson)
        return invalidToken();
    const QJsonObject payload = QJsonDocument::fromJson(*payloadJson).object();
    AccessClaims claims;
    if (!readSubject(payload.value(u"sub"), &claims.userId)
        || !readId(payload.value(u"sid"), &claims.sessionId)
        || !readSeconds(payload.value(u"iat"), &claims.issuedAt)
        || !readSeconds(payload.value(u"exp"), &claims.expiresAt)
        || payload.value(u"typ") != u"access"_s || claims.issuedAt > claims.expiresAt)
        return invalidToken();
    if (claims.expiresAt <= nowSeconds)
        return makeError(ErrorCode::TokenExpired, u"the access token has expired; refresh it"_s);
    return claims;
}

} // namespace Banter::Server
