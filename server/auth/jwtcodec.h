// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ids.h"
#include "domain/result.h"

#include <QByteArray>
#include <QString>

namespace Banter::Server {

struct AccessClaims
{
    UserId userId = 0; // "sub"
    SessionId sessionId = 0; // "sid"
    qint64 issuedAt = 0; // "iat", seconds
    qint64 expiresAt = 0; // "exp", seconds
};

// HS256 JSON Web Tokens with the algorithm pinned: the header must be exactly HS256/JWT, so
// "alg":"none" and algorithm confusion are rejected before any signature is looked at.
class JwtCodec
{
public:
    explicit JwtCodec(QByteArray key); // 32 random bytes

    QString sign(const AccessClaims &claims) const;
    // Expired → TokenExpired; anything else wrong → InvalidCredentials.
    Result<AccessClaims> verify(const QString &token, qint64 nowSeconds) const;

private:
    QByteArray mac(const QByteArray &signingInput) const;

    QByteArray m_key;
};

// Loads the signing key from `path`, creating 32 random bytes with mode 0600 on first use.
Result<QByteArray> loadOrCreateTokenKey(const QString &path);

} // namespace Banter::Server
