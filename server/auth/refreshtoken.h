// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

// Refresh tokens are opaque: 32 random bytes, base64url without padding (43 characters).
// The database keeps only their SHA-256, so a leaked copy of it cannot be replayed. A plain
// hash (no salt, no Argon2) is enough for 256 random bits, and it lets the server look a token
// up by its hash; that lookup is not constant time, but its timing can only say something
// about the hash, never about a token still to be guessed.
namespace Banter::Server::RefreshToken {

inline constexpr int Bytes = 32;

QString generate();
QByteArray hash(const QString &token);
// Exactly what generate() makes; anything else is refused before any lookup.
bool isWellFormed(const QString &token);

} // namespace Banter::Server::RefreshToken
