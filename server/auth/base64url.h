// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <optional>

namespace Banter::Server {

// base64url without padding (RFC 7515 §2), as JWTs and refresh tokens use it.
QByteArray toBase64Url(const QByteArray &bytes);

// Strict decoding: only the URL-safe alphabet, no padding, no whitespace, no non-zero
// trailing bits. Exactly one text decodes to given bytes, so a token cannot be re-spelled.
std::optional<QByteArray> fromBase64Url(const QByteArray &text);

} // namespace Banter::Server
