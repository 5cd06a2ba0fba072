// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// The password an admin's reset hands out when none is given: 20 characters from an
// alphabet without look-alikes (no 0/o, 1/l/i), about 100 bits from libsodium's random
// source, in groups of five so that it can be read out over the phone.
namespace Banter::Server::OneTimePassword {

inline constexpr int Characters = 20;

QString generate();

} // namespace Banter::Server::OneTimePassword
