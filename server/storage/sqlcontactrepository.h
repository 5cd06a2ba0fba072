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
    Result<QList<ContactEntry>> listAfter(UserId owner, UserId after, int limit) override;
    Result<bool> isBlocked(UserId blocker, UserId blocked) override;
    Result<QList<UserId>> watchersOf(UserId user) override;

    // After a rollback (of the transaction or to a savepoint): drops the block cache if the
    // transaction changed what it holds (it may then hold uncommitted rows); answers whether
    // it did. A failed read leaves the cache alone, so a trickle of failing requests does not
    // make every send read its block again.
    bool forgetUncommittedState()
    {
        const bool changed = m_changedInTransaction;
        if (changed)
            m_blockedCache.clear();
        return changed;
    }
    // The transaction committed or rolled back (after forgetUncommittedState): the cache
    // holds only committed rows again.
    void transactionEnded() { m_changedInTransaction = false; }

private:
    SqlSession &m_session;
    // Every private send asks whether the recipient blocked the sender. Blocks change rarely
    // and only through this repository (one banterd per database), so each owner's block
    // list is kept here once read, and dropped when any of that owner's entries changes.
    QHash<UserId, QSet<UserId>> m_blockedCache;
    bool m_changedInTransaction = false; // written since the last commit or rollback
    static constexpr qsizetype BlockedCacheLimit = 50000; // owners; then start over
};

} // namespace Banter::Server
