// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlcontactrepository.h"

#include "storage/sqlrows.h"

namespace Banter::Server {

using namespace Qt::StringLiterals;

Status SqlContactRepository::add(UserId owner, UserId contact, qint64 nowMs)
{
    m_blockedCache.remove(owner);
    m_changedInTransaction = true;
    return m_session.run(
        u"INSERT INTO contacts (owner_id, contact_id, blocked, added_at) VALUES (?, ?, 0, ?) "
        "ON CONFLICT (owner_id, contact_id) DO NOTHING"_s,
        {owner, contact, nowMs});
}

Status SqlContactRepository::remove(UserId owner, UserId contact)
{
    m_blockedCache.remove(owner);
    m_changedInTransaction = true;
    // A block outlives "remove contact": only unblocking lifts it.
    return m_session.run(
        u"DELETE FROM contacts WHERE owner_id = ? AND contact_id = ? AND blocked = 0"_s,
        {owner, contact});
}

Status SqlContactRepository::setBlocked(UserId owner, UserId contact, bool blocked, qint64 nowMs)
{
    m_blockedCache.remove(owner);
    m_changedInTransaction = true;
    return m_session.run(
        u"INSERT INTO contacts (owner_id, contact_id, blocked, added_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (owner_id, contact_id) DO UPDATE SET blocked = excluded.blocked"_s,
        {owner, contact, blocked ? 1 : 0, nowMs});
}

Result<QList<ContactEntry>> SqlContactRepository::list(UserId owner)
{
    Result<SqlCursor> q = m_session.exec(
        u"SELECT "_s + SqlRows::UserColumns
            + u", c.blocked, c.added_at FROM contacts c JOIN users u ON u.id = c.contact_id "
              "WHERE c.owner_id = ? ORDER BY u.username"_s,
        {owner});
    if (!q)
        return q.error();
    QList<ContactEntry> entries;
    while (q->next())
        entries.append({SqlRows::user(*q), q->value(SqlRows::UserColumnCount).toInt() != 0,
                        q->value(SqlRows::UserColumnCount + 1).toLongLong()});
    return entries;
}

Result<QList<ContactEntry>> SqlContactRepository::listAfter(UserId owner, UserId after, int limit)
{
    Result<SqlCursor> q = m_session.exec(
        u"SELECT "_s + SqlRows::UserColumns
            + u", c.blocked, c.added_at FROM contacts c JOIN users u ON u.id = c.contact_id "
              "WHERE c.owner_id = ? AND c.contact_id > ? ORDER BY c.contact_id LIMIT ?"_s,
        {owner, after, limit});
    if (!q)
        return q.error();
    QList<ContactEntry> entries;
    while (q->next())
        entries.append({SqlRows::user(*q), q->value(SqlRows::UserColumnCount).toInt() != 0,
                        q->value(SqlRows::UserColumnCount + 1).toLongLong()});
    return entries;
}

Result<bool> SqlContactRepository::isBlocked(UserId blocker, UserId blocked)
{
    auto cached = m_blockedCache.constFind(blocker);
    if (cached == m_blockedCache.cend()) {
        Result<SqlCursor> q = m_session.exec(
            u"SELECT contact_id FROM contacts WHERE owner_id = ? AND blocked = 1"_s, {blocker});
        if (!q)
            return q.error();
        QSet<UserId> blockedByOwner;
        while (q->next())
            blockedByOwner.insert(q->value(0).toLongLong());
        if (m_blockedCache.size() >= BlockedCacheLimit)
            m_blockedCache.clear();
        cached = m_blockedCache.insert(blocker, std::move(blockedByOwner));
    }
    return cached->contains(blocked);
}

Result<QList<UserId>> SqlContactRepository::watchersOf(UserId user)
{
    // Mutual contacts: people who keep `user` as a contact and whom `user` keeps as one, with
    // no block either way (a block is the `blocked` flag of either row).
    Result<SqlCursor> q = m_session.exec(
        u"SELECT c.owner_id FROM contacts c JOIN contacts m ON m.owner_id = ? AND "
        "m.contact_id = c.owner_id AND m.blocked = 0 WHERE c.contact_id = ? AND c.blocked = 0"_s,
        {user, user});
    if (!q)
        return q.error();
    return SqlRows::ids(*q);
}

} // namespace Banter::Server
