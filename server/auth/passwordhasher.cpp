// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/passwordhasher.h"

#include "auth/sodium.h"
#include "domain/user.h"

#include <sodium.h>

namespace Banter::Server {

using namespace Qt::StringLiterals;

PasswordHasher::PasswordHasher(PasswordParams params)
    : m_params(params)
{
    ensureSodium();
    m_params.memoryKiB = qMax<quint64>(m_params.memoryKiB, crypto_pwhash_MEMLIMIT_MIN / 1024);
    m_params.iterations = qMax<quint64>(m_params.iterations, crypto_pwhash_OPSLIMIT_MIN);
    if (Result<QString> dummy = hash(u"not a real password"_s))
        m_dummyHash = *dummy;
}

Result<QString> PasswordHasher::hash(const QString &password) const
{
    const QByteArray bytes = password.toUtf8();
    if (bytes.size() > UserRules::MaxPasswordBytes)
        return makeError(ErrorCode::TooLarge, u"password is too long"_s);
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, bytes.constData(), quint64(bytes.size()), m_params.iterations,
                              size_t(m_params.memoryKiB) * 1024, crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return makeError(ErrorCode::Internal, u"out of memory while hashing a password"_s);
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &password, const QString &phc) const
{
    const QByteArray bytes = password.toUtf8();
    const QByteArray stored = phc.toLatin1();
    if (bytes.size() > UserRules::MaxPasswordBytes || stored.size() >= crypto_pwhash_STRBYTES)
        return false;
    return crypto_pwhash_str_verify(stored.constData(), bytes.constData(), quint64(bytes.size()))
        == 0;
}

bool PasswordHasher::needsRehash(const QString &phc) const
{
    const QByteArray stored = phc.toLatin1();
    return crypto_pwhash_str_needs_rehash(stored.constData(), m_params.iterations,
                                          size_t(m_params.memoryKiB) * 1024)
        != 0;
}

void PasswordHasher::dummyVerify(const QString &password) const
{
    (void)verify(password, m_dummyHash);
}

} // namespace Banter::Server
