// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/refreshtoken.h"

// Invitation tokens are made and kept exactly like refresh tokens: 32 random bytes in
// base64url (43 characters), only their SHA-256 in the database. The same reasoning holds:
// 256 random bits need no slow hash, and the hash lets the server find the invitation.
namespace Banter::Server::InvitationToken {

inline QString generate()
{
    return RefreshToken::generate();
}
inline QByteArray hash(const QString &token)
{
    return RefreshToken::hash(token);
}
inline bool isWellFormed(const QString &token)
{
    return RefreshToken::isWellFormed(token);
}

} // namespace Banter::Server::InvitationToken
