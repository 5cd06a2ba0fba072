// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace Banter::Server {

// libsodium must be initialised once before use; safe to call from any thread, any number
// of times.
void ensureSodium();
QByteArray randomBytes(int count);
// base64url without padding, as JWTs and refresh tokens use it.
QByteArray base64Url(const QByteArray &bytes);
// Strict: only the URL-safe alphabet, no padding, no trailing bits; nullopt-like empty
// result with ok=false when malformed.
QByteArray fromBase64Url(const QByteArray &text, bool *ok);

} // namespace Banter::Server
