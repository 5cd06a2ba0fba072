// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/result.h>

#include <QByteArray>
#include <QString>

namespace Banter::Server {

// The 256-bit secret that signs access tokens, kept in a file only its owner may read (0600).
// Whoever holds it can sign in as anyone: it never leaves the data directory.
class TokenKey
{
public:
    static constexpr int Size = 32;

    // Loads the key from `path`, tightening the file's mode to 0600 if it was looser. Creates
    // it with fresh random bytes when missing. A file of the wrong size is refused, never
    // replaced: a new key would quietly sign every user out.
    static Result<TokenKey> loadOrCreate(const QString &path);
    // A fresh key that is never stored (tests, one-off tools).
    static TokenKey generate();

    const QByteArray &bytes() const { return m_bytes; }

private:
    explicit TokenKey(QByteArray bytes)
        : m_bytes(std::move(bytes))
    { }

    QByteArray m_bytes;
};

// The raw bytes of TokenKey::loadOrCreate(path). Kept for the composition root
// (app/banterserver.cpp) until it holds a TokenKey itself.
Result<QByteArray> loadOrCreateTokenKey(const QString &path);

} // namespace Banter::Server
