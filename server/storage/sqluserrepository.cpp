// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqluserrepository.h"

#include "storage/sqlrows.h"

namespace Banter::Server {

using namespace Qt::StringLiterals;

Result<User> SqlUserRepository::create(const QString &username, const QString &displayName,
                                       const QString &passwordHash, qint64 nowMs)
{
    // Checked first so a taken name is a clean Conflict, not a constraint error.
    Result<std::optional<User>> existing = findByUsername(username);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return makeError(ErrorCode::Conflict, u"that username is taken"_s);
    Result<SqlCursor> q = m_session.exec(
        u"INSERT INTO users (username, display_name, password_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id"_s,
        {username, displayName, passwordHash, nowMs});
    if (!q)
        return q.error();
    q->next();
    return User{q->value(0).toLongLong(), username, displayName, nowMs};
}

Result<std::optional<Credentials>> SqlUserRepository::findCredentials(const QString &username)
{
    Result<SqlCursor> q =
        m_session.exec(u"SELECT "_s + SqlRows::UserColumns
                           + u", u.password_hash FROM users u WHERE u.username = ?"_s,
                       {username});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Credentials>{};
    return std::optional<Credentials>{Credentials{SqlRows::user(*q), q->value(4).toString()}};
}

Result<std::optional<User>> SqlUserRepository::findOne(const QString &where, const QVariant &value)
{
    Result<SqlCursor> q = m_session.exec(
        u"SELECT "_s + SqlRows::UserColumns + u" FROM users u WHERE "_s + where, {value});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<User>{};
    return std::optional<User>{SqlRows::user(*q)};
}

Result<std::optional<User>> SqlUserRepository::findById(UserId id)
{
    return findOne(u"u.id = ?"_s, id);
}

Result<std::optional<User>> SqlUserRepository::findByUsername(const QString &username)
{
    return findOne(u"u.username = ?"_s, username);
}

Result<QList<User>> SqlUserRepository::findByIds(const QList<UserId> &ids)
{
    QList<User> users;
    // Chunked so the statement stays within every backend's bind-parameter limit.
    for (qsizetype start = 0; start < ids.size(); start += 500) {
        const QList<UserId> chunk = ids.mid(start, 500);
        QStringList marks;
        QVariantList binds;
        for (UserId id : chunk) {
            marks.append(u"?"_s);
            binds.append(id);
        }
        Result<SqlCursor> q =
            m_session.exec(u"SELECT "_s + SqlRows::UserColumns + u" FROM users u WHERE u.id IN ("_s
                               + marks.join(u',') + u")"_s,
                           binds);
        if (!q)
            return q.error();
        while (q->next())
            users.append(SqlRows::user(*q));
    }
    return users;
}

Result<QList<User>> SqlUserRepository::search(const QString &prefix, int limit)
{
    QString pattern = prefix.toLower();
    pattern.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
    pattern += u'%';
    Result<SqlCursor> q = m_session.exec(u"SELECT "_s + SqlRows::UserColumns
                                             + u" FROM users u WHERE u.username LIKE ? ESCAPE '\\' "
                                               "OR lower(u.display_name) LIKE ? ESCAPE '\\' "
                                               "ORDER BY u.username LIMIT ?"_s,
                                         {pattern, pattern, limit});
    if (!q)
        return q.error();
    QList<User> users;
    while (q->next())
        users.append(SqlRows::user(*q));
    return users;
}

Status SqlUserRepository::updatePasswordHash(UserId id, const QString &passwordHash)
{
    return m_session.run(u"UPDATE users SET password_hash = ? WHERE id = ?"_s, {passwordHash, id});
}

Status SqlUserRepository::updateDisplayName(UserId id, const QString &displayName)
{
    return m_session.run(u"UPDATE users SET display_name = ? WHERE id = ?"_s, {displayName, id});
}

Status SqlUserRepository::updateLastSeen(UserId id, qint64 lastSeenMs)
{
    return m_session.run(u"UPDATE users SET last_seen = ? WHERE id = ?"_s, {lastSeenMs, id});
}

Result<qint64> SqlUserRepository::lastSeen(UserId id)
{
    Result<SqlCursor> q = m_session.exec(u"SELECT last_seen FROM users WHERE id = ?"_s, {id});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : qint64(0);
}

} // namespace Banter::Server
