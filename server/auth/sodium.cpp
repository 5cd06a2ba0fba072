// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/sodium.h"

#include <cstdlib>
#include <mutex>
#include <sodium.h>

namespace Banter::Server {

void ensureSodium()
{
    // sodium_init() is itself idempotent, but not documented as safe to race on first use.
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0)
            std::abort();
    });
}

QByteArray randomBytes(int count)
{
    ensureSodium();
    QByteArray bytes(count, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(count));
    return bytes;
}

} // namespace Banter::Server
