// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/repositories.h"
#include "storage/sqlsession.h"

namespace Banter::Server {

class SqlContactRepository : public ContactRepository
{
public:
    explicit SqlContactRepository(SqlSession &session)
        : m_session(session)
    { }

    Status add(UserId owner, UserId contact, qint64 nowMs) override;
    Status remove(UserId owner, UserId contact) override;
    Status setBlocked(UserId owner, UserId contact, bool blocked, qint64 nowMs) override;
    Result<QList<ContactEntry>> list(UserId owner) override;
    Result<bool> isBlocked(UserId blocker, UserId blocked) override;
    Result<QList<UserId>> watchersOf(UserId user) override;

private:
    SqlSession &m_session;
};

} // namespace Banter::Server
