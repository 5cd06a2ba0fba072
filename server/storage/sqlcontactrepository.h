// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/repositories.h"
#include "storage/sqlsession.h"

#include <QHash>
#include <QSet>

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

    // Drops the block cache: called after a rollback, since the cache may hold what the
    // rolled-back transaction wrote.
    void forgetCachedState() { m_blockedCache.clear(); }

private:
    SqlSession &m_session;
    // Every private send asks whether the recipient blocked the sender. Blocks change rarely
    // and only through this repository (one banterd per database), so each owner's block
    // list is kept here once read, and dropped when any of that owner's entries changes.
    QHash<UserId, QSet<UserId>> m_blockedCache;
    static constexpr qsizetype BlockedCacheLimit = 50000; // owners; then start over
};

} // namespace Banter::Server
