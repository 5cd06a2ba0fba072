// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/tokenkey.h"
#include <banter/domain/ids.h>
#include <banter/domain/result.h>

#include <QByteArray>
#include <QString>

namespace Banter::Server {

struct AccessClaims
{
    UserId userId = 0; // "sub", a decimal string as RFC 7519 wants it
    SessionId sessionId = 0; // "sid"
    qint64 issuedAt = 0; // "iat", seconds
    qint64 expiresAt = 0; // "exp", seconds
};

// HS256 JSON Web Tokens (RFC 7519) with the algorithm pinned: the header must be exactly
// {"alg":"HS256","typ":"JWT"}, so "none", other HMACs and public-key algorithms are refused
// before any signature is looked at. The payload carries "typ":"access" so that no other
// token Banter might sign one day passes for an access token. What it issues verifies with
// any standard JWT library given the key.
class JwtCodec
{
public:
    explicit JwtCodec(const TokenKey &key);
    // At least 32 bytes (HS256 wants a key as long as its hash).
    explicit JwtCodec(QByteArray key);

    QString sign(const AccessClaims &claims) const;
    // Expired (exp <= now) → TokenExpired; anything else wrong → InvalidCredentials.
    Result<AccessClaims> verify(const QString &token, qint64 nowSeconds) const;

private:
    QByteArray mac(const QByteArray &signingInput) const;

    QByteArray m_key;
};

} // namespace Banter::Server
