// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/result.h>

#include <QFuture>
#include <QString>
#include <QThreadPool>

#include <optional>

namespace Banter::Server {

// Argon2id cost. The defaults are the OWASP minimum (19 MiB, two passes); only tests should
// go lower. Values below what libsodium accepts are raised to its minimum.
struct PasswordParams
{
    quint64 memoryKiB = 19 * 1024;
    quint64 iterations = 2;
};

// The outcome of a sign-in check.
struct PasswordCheck
{
    bool ok = false;
    QString rehash; // a hash with the current parameters when the stored one is outdated
};

// Argon2id password hashing with libsodium, stored as the PHC string
// ($argon2id$v=19$m=...,t=...,p=1$salt$hash). Hashing and verifying cost tens of milliseconds
// of CPU and the configured memory: the event loop uses the *Async calls, which run on this
// hasher's own pool of at most two threads (bounding memory to twice the Argon2 cost).
// Thread-safe; the destructor waits for work already started.
class PasswordHasher
{
public:
    explicit PasswordHasher(PasswordParams params = {});
    ~PasswordHasher();
    Q_DISABLE_COPY_MOVE(PasswordHasher)

    // Longer than UserRules::MaxPasswordBytes → TooLarge.
    Result<QString> hash(const QString &password) const;
    bool verify(const QString &password, const QString &phc) const;
    // True when the stored hash was made with other parameters than the current ones. Cheap.
    bool needsRehash(const QString &phc) const;
    // Costs what a real verify costs, so an unknown username takes as long as a wrong
    // password. Always false.
    bool dummyVerify(const QString &password) const;

    QFuture<Result<QString>> hashAsync(const QString &password) const;
    QFuture<bool> verifyAsync(const QString &password, const QString &phc) const;
    // Sign-in in one trip to the pool: verifies against `phc`, or without an account burns a
    // dummy verify; after a successful verify with outdated parameters, also rehashes.
    QFuture<PasswordCheck> checkAsync(const QString &password,
                                      const std::optional<QString> &phc) const;

    const PasswordParams &params() const { return m_params; }
    // Waits for the work already started (before the services that wait for it go away).
    void waitForDone() const { m_pool.waitForDone(); }

private:
    PasswordCheck check(const QString &password, const std::optional<QString> &phc) const;

    PasswordParams m_params;
    QString m_dummyHash;
    mutable QThreadPool m_pool; // mutable: scheduling work does not change what is hashed
};

} // namespace Banter::Server
