// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/invitationrepository.h"
#include "storage/sqlsession.h"

namespace Banter::Server {

class SqlInvitationRepository : public InvitationRepository
{
public:
    explicit SqlInvitationRepository(SqlSession &session)
        : m_session(session)
    { }

    Result<Invitation> create(const QByteArray &tokenHash, const QString &name, int maxUses,
                              qint64 nowMs, qint64 expiresAtMs) override;
    Result<QList<Invitation>> list(int limit) override;
    Status revoke(qint64 id, qint64 nowMs) override;
    Status check(const QByteArray &tokenHash, qint64 nowMs) override;
    Status consume(const QByteArray &tokenHash, qint64 nowMs) override;

private:
    SqlSession &m_session;
};

} // namespace Banter::Server
