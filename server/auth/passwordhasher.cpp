// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/passwordhasher.h"

#include "auth/sodium.h"
#include <banter/domain/user.h>

#include <QtConcurrent/QtConcurrentRun>

#include <sodium.h>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
PasswordParams clamped(PasswordParams p)
{
    constexpr quint64 MinKiB = crypto_pwhash_MEMLIMIT_MIN / 1024;
    constexpr quint64 MaxKiB = quint64(crypto_pwhash_MEMLIMIT_MAX) / 1024;
    constexpr quint64 MinIterations = crypto_pwhash_OPSLIMIT_MIN;
    constexpr quint64 MaxIterations = crypto_pwhash_OPSLIMIT_MAX;
    p.memoryKiB = qBound(MinKiB, p.memoryKiB, MaxKiB);
    p.iterations = qBound(MinIterations, p.iterations, MaxIterations);
    return p;
}
} // namespace

PasswordHasher::PasswordHasher(PasswordParams params)
    : m_params(clamped(params))
{
    ensureSodium();
    // Two at a time: each takes a core and memoryKiB for its whole run.
    m_pool.setMaxThreadCount(2);
    // The dummy must be made with the current parameters to cost what a real verify costs,
    // and from a random password so that no one can ever match it.
    if (Result<QString> dummy = hash(QString::fromLatin1(randomBytes(24).toBase64())))
        m_dummyHash = *dummy;
}

PasswordHasher::~PasswordHasher()
{
    m_pool.waitForDone();
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
    // libsodium reads the stored string up to its NUL within crypto_pwhash_STRBYTES.
    if (bytes.size() > UserRules::MaxPasswordBytes || stored.size() >= crypto_pwhash_STRBYTES)
        return false;
    return crypto_pwhash_str_verify(stored.constData(), bytes.constData(), quint64(bytes.size()))
        == 0;
}

bool PasswordHasher::needsRehash(const QString &phc) const
{
    const QByteArray stored = phc.toLatin1();
    if (stored.size() >= crypto_pwhash_STRBYTES)
        return true;
    // Also true for another algorithm (argon2i) or a string it cannot parse.
    return crypto_pwhash_str_needs_rehash(stored.constData(), m_params.iterations,
                                          size_t(m_params.memoryKiB) * 1024)
        != 0;
}

bool PasswordHasher::dummyVerify(const QString &password) const
{
    (void)verify(password, m_dummyHash);
    return false;
}

PasswordCheck PasswordHasher::check(const QString &password,
                                    const std::optional<QString> &phc) const
{
    PasswordCheck result;
    if (!phc) {
        dummyVerify(password);
        return result;
    }
    result.ok = verify(password, *phc);
    if (result.ok && needsRehash(*phc)) {
        if (Result<QString> fresh = hash(password))
            result.rehash = *fresh;
    }
    return result;
}

QFuture<Result<QString>> PasswordHasher::hashAsync(const QString &password) const
{
    return QtConcurrent::run(&m_pool, [this, password] { return hash(password); });
}

QFuture<bool> PasswordHasher::verifyAsync(const QString &password, const QString &phc) const
{
    return QtConcurrent::run(&m_pool, [this, password, phc] { return verify(password, phc); });
}

QFuture<PasswordCheck> PasswordHasher::checkAsync(const QString &password,
                                                  const std::optional<QString> &phc) const
{
    return QtConcurrent::run(&m_pool, [this, password, phc] { return check(password, phc); });
}

} // namespace Banter::Server
