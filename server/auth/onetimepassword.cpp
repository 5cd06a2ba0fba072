// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/onetimepassword.h"

#include "auth/sodium.h"

namespace Banter::Server::OneTimePassword {

QString generate()
{
    // 32 symbols: each random byte's low five bits pick one without bias.
    static constexpr char Alphabet[] = "23456789abcdefghjkmnpqrstuvwxyz-";
    static_assert(sizeof(Alphabet) - 1 == 32);
    const QByteArray bytes = randomBytes(Characters);
    QString password;
    for (int i = 0; i < Characters; ++i) {
        if (i > 0 && i % 5 == 0)
            password += u'.';
        password += QLatin1Char(Alphabet[quint8(bytes.at(i)) & 31]);
    }
    return password;
}

} // namespace Banter::Server::OneTimePassword
