// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace Banter::Server {

// libsodium must be initialised once before use. Safe to call from any thread, any number of
// times; aborts when the system offers no secure randomness, because every key and token
// would then be guessable.
void ensureSodium();

// Bytes from the operating system's CSPRNG (libsodium randombytes_buf).
QByteArray randomBytes(int count);

} // namespace Banter::Server
