// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// SqlUserRepository's account administration (schema 008): listing accounts with their
// state, disabling, admin rights and deletion. Kept apart from the everyday user queries.
#include "storage/sqlrows.h"
#include "storage/sqluserrepository.h"

namespace Banter::Server {

using namespace Qt::StringLiterals;

Result<QList<AccountRecord>> SqlUserRepository::accounts(const QString &where,
                                                         const QVariantList &binds)
{
    Result<SqlCursor> q =
        m_session.exec(u"SELECT "_s + SqlRows::UserColumns
                           + u", u.disabled, u.is_admin, u.disabled_at, u.last_seen FROM users u "
                             "WHERE u.deleted_at = 0 AND "_s
                           + where,
                       binds);
    if (!q)
        return q.error();
    QList<AccountRecord> found;
    constexpr int First = SqlRows::UserColumnCount;
    while (q->next()) {
        found.append({SqlRows::user(*q), q->value(First).toInt() != 0,
                      q->value(First + 1).toInt() != 0, q->value(First + 2).toLongLong(),
                      q->value(First + 3).toLongLong()});
    }
    return found;
}

Result<QList<AccountRecord>> SqlUserRepository::listAccounts(const QString &afterUsername,
                                                             int limit, const QString &prefix)
{
    if (prefix.isEmpty())
        return accounts(u"u.username > ? ORDER BY u.username LIMIT ?"_s, {afterUsername, limit});
    const QString pattern = SqlRows::likePrefixPattern(prefix);
    return accounts(u"u.username > ? AND "_s + SqlRows::NameStartsWith
                        + u" ORDER BY u.username LIMIT ?"_s,
                    {afterUsername, pattern, pattern, limit});
}

namespace {
Result<std::optional<AccountRecord>> firstOf(Result<QList<AccountRecord>> found)
{
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<AccountRecord>{};
    return std::optional<AccountRecord>{found->first()};
}
} // namespace

Result<std::optional<AccountRecord>> SqlUserRepository::findAccount(const QString &username)
{
    return firstOf(accounts(u"u.username = ?"_s, {username}));
}

Result<std::optional<AccountRecord>> SqlUserRepository::findAccountById(UserId id)
{
    return firstOf(accounts(u"u.id = ?"_s, {id}));
}

Result<bool> SqlUserRepository::isActive(UserId id)
{
    Result<SqlCursor> q = m_session.exec(
        u"SELECT 1 FROM users WHERE id = ? AND disabled = 0 AND deleted_at = 0"_s, {id});
    if (!q)
        return q.error();
    return q->next();
}

Status SqlUserRepository::setDisabled(UserId id, bool disabled, qint64 nowMs)
{
    return m_session.run(u"UPDATE users SET disabled = ?, disabled_at = ? WHERE id = ?"_s,
                         {disabled ? 1 : 0, disabled ? nowMs : 0, id});
}

Status SqlUserRepository::setAdmin(UserId id, bool admin)
{
    return m_session.run(u"UPDATE users SET is_admin = ? WHERE id = ?"_s, {admin ? 1 : 0, id});
}

Status SqlUserRepository::markDeleted(UserId id, const QString &tombstoneName, qint64 nowMs)
{
    // "!" is no PHC string: no password ever verifies against it.
    if (Status s = m_session.run(
            u"UPDATE users SET username = ?, display_name = '', password_hash = '!', "
            "disabled = 1, disabled_at = ?, is_admin = 0, deleted_at = ?, avatar_version = 0 "
            "WHERE id = ?"_s,
            {tombstoneName, nowMs, nowMs, id});
        !s)
        return s;
    // Nobody keeps a deleted account as a contact, and its picture goes. Its sessions are
    // revoked by the caller, so that running daemons close their sockets.
    if (Status s =
            m_session.run(u"DELETE FROM contacts WHERE owner_id = ? OR contact_id = ?"_s, {id, id});
        !s)
        return s;
    if (Status s = m_session.run(u"DELETE FROM avatars WHERE user_id = ?"_s, {id}); !s)
        return s;
    return success();
}

} // namespace Banter::Server
