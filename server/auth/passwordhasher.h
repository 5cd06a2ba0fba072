// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QString>

namespace Banter::Server {

// Argon2id cost. The defaults are the OWASP minimum (19 MiB, two passes).
struct PasswordParams
{
    quint64 memoryKiB = 19 * 1024;
    quint64 iterations = 2;
};

// Argon2id password hashing with libsodium, stored as the PHC string. Every call costs tens
// of milliseconds: call it from a worker thread, never the event loop. Thread-safe.
class PasswordHasher
{
public:
    explicit PasswordHasher(PasswordParams params = {});

    Result<QString> hash(const QString &password) const;
    bool verify(const QString &password, const QString &phc) const;
    // True when the stored hash was made with other parameters than the current ones.
    bool needsRehash(const QString &phc) const;
    // Costs what a real verify costs, so an unknown username takes as long as a wrong password.
    void dummyVerify(const QString &password) const;

    const PasswordParams &params() const { return m_params; }

private:
    PasswordParams m_params;
    QString m_dummyHash;
};

} // namespace Banter::Server
