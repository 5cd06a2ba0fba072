// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/sodium.h"

#include <cstdlib>
#include <mutex>
#include <sodium.h>

namespace Banter::Server {

void ensureSodium()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0)
            std::abort(); // no safe randomness: refuse to run rather than issue weak tokens
    });
}

QByteArray randomBytes(int count)
{
    ensureSodium();
    QByteArray bytes(count, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(count));
    return bytes;
}

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray fromBase64Url(const QByteArray &text, bool *ok)
{
    for (char c : text) {
        const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
            || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!allowed) {
            *ok = false;
            return {};
        }
    }
    auto decoded = QByteArray::fromBase64Encoding(
        text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    // Re-encoding must give the same text: rejects non-canonical trailing bits.
    *ok = decoded.decodingStatus == QByteArray::Base64DecodingStatus::Ok
        && base64Url(decoded.decoded) == text;
    return *ok ? decoded.decoded : QByteArray();
}

} // namespace Banter::Server
