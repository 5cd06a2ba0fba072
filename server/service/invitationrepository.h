// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/result.h>

#include <QByteArray>
#include <QList>
#include <QString>

namespace Banter::Server {

// An invitation as `banterd invite --list` shows it. The token itself is never stored: only
// its SHA-256 (InvitationToken), so a copy of the database cannot be used to register.
struct Invitation
{
    qint64 id = 0;
    QString name; // what the link calls the server, and how --list tells invitations apart
    int maxUses = 1;
    int usesLeft = 1;
    qint64 createdAtMs = 0;
    qint64 expiresAtMs = 0;
    qint64 revokedAtMs = 0; // 0 while not revoked

    bool usable(qint64 nowMs) const
    {
        return revokedAtMs == 0 && usesLeft > 0 && nowMs < expiresAtMs;
    }
};

class InvitationRepository
{
public:
    virtual ~InvitationRepository() = default;
    virtual Result<Invitation> create(const QByteArray &tokenHash, const QString &name, int maxUses,
                                      qint64 nowMs, qint64 expiresAtMs) = 0;
    // Newest first, at most `limit`.
    virtual Result<QList<Invitation>> list(int limit) = 0;
    // NotFound for an unknown id; revoking twice keeps the first time.
    virtual Status revoke(qint64 id, qint64 nowMs) = 0;
    // Whether the token can register an account now: InvitationInvalid (unknown or revoked),
    // InvitationExpired or InvitationUsed otherwise. Reads only.
    virtual Status check(const QByteArray &tokenHash, qint64 nowMs) = 0;
    // Takes one use, atomically with whatever else the job writes (the new account): fails
    // like check() when the token cannot be used any more.
    virtual Status consume(const QByteArray &tokenHash, qint64 nowMs) = 0;
};

} // namespace Banter::Server
