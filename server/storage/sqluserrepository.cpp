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
                           + u", u.password_hash, u.disabled FROM users u WHERE u.username = ?"_s,
                       {username});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Credentials>{};
    return std::optional<Credentials>{
        Credentials{SqlRows::user(*q), q->value(SqlRows::UserColumnCount).toString(),
                    q->value(SqlRows::UserColumnCount + 1).toInt() != 0}};
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

namespace {
Result<QList<User>> userRows(Result<SqlCursor> q)
{
    if (!q)
        return q.error();
    QList<User> found;
    while (q->next())
        found.append(SqlRows::user(*q));
    return found;
}
} // namespace

Result<QList<User>> SqlUserRepository::search(const QString &prefix, int limit)
{
    const QString pattern = SqlRows::likePrefixPattern(prefix);
    return userRows(m_session.exec(u"SELECT "_s + SqlRows::UserColumns + u" FROM users u WHERE "_s
                                       + SqlRows::NameStartsWith
                                       + u" ORDER BY u.username LIMIT ?"_s,
                                   {pattern, pattern, limit}));
}

Result<QList<User>> SqlUserRepository::searchKnown(UserId viewer, const QString &prefix, int limit)
{
    const QString pattern = SqlRows::likePrefixPattern(prefix);
    return userRows(m_session.exec(
        u"SELECT "_s + SqlRows::UserColumns + u" FROM users u WHERE "_s + SqlRows::NameStartsWith
            + u" AND u.id <> ? AND "
              "(u.id IN (SELECT c.contact_id FROM contacts c WHERE c.owner_id = ? AND "
              "c.blocked = 0) OR u.id IN (SELECT other.user_id FROM participants mine JOIN "
              "participants other ON other.conversation_id = mine.conversation_id "
              "WHERE mine.user_id = ?)) ORDER BY u.username LIMIT ?"_s,
        {pattern, pattern, viewer, viewer, viewer, limit}));
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
    Result<SqlCursor> q = m_session.exec(
        u"SELECT CASE WHEN hide_last_seen = 0 THEN last_seen ELSE 0 END FROM users WHERE id = ?"_s,
        {id});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : qint64(0);
}

Result<Protocol::PrivacySettings> SqlUserRepository::privacy(UserId id)
{
    Result<SqlCursor> q = m_session.exec(
        u"SELECT hide_last_seen, group_adds_contacts_only FROM users WHERE id = ?"_s, {id});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(ErrorCode::NotFound, u"no such user"_s);
    return Protocol::PrivacySettings{q->value(0).toInt() != 0, q->value(1).toInt() != 0};
}

Status SqlUserRepository::setPrivacy(UserId id, const Protocol::PrivacySettings &settings)
{
    return m_session.run(
        u"UPDATE users SET hide_last_seen = ?, group_adds_contacts_only = ? WHERE id = ?"_s,
        {int(settings.hideLastSeen), int(settings.groupAddsFromContactsOnly), id});
}

Result<bool> SqlUserRepository::acceptsGroupAddsFrom(UserId user, UserId adder)
{
    Result<SqlCursor> q = m_session.exec(
        u"SELECT 1 FROM users u WHERE u.id = ? AND (u.group_adds_contacts_only = 0 OR EXISTS "
        "(SELECT 1 FROM contacts c WHERE c.owner_id = u.id AND c.contact_id = ? AND "
        "c.blocked = 0))"_s,
        {user, adder});
    if (!q)
        return q.error();
    return q->next();
}

} // namespace Banter::Server

namespace Banter::Server {

Result<qint64> SqlUserRepository::setAvatar(UserId id, const QByteArray &data, qint64 nowMs)
{
    // The row outlives a removal (empty data), so versions only ever count up: a client that
    // kept an older picture never mistakes a new one for it.
    Result<SqlCursor> q = m_session.exec(
        u"INSERT INTO avatars (user_id, version, data, updated_at) VALUES (?, 1, ?, ?) "
        "ON CONFLICT (user_id) DO UPDATE SET version = avatars.version + 1, "
        "data = excluded.data, updated_at = excluded.updated_at RETURNING version"_s,
        {id, data.isEmpty() ? QByteArray("") : data, nowMs});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(ErrorCode::Internal, u"storing the avatar returned no version"_s);
    const qint64 version = q->value(0).toLongLong();
    const qint64 shown = data.isEmpty() ? 0 : version;
    if (Status updated =
            m_session.run(u"UPDATE users SET avatar_version = ? WHERE id = ?"_s, {shown, id});
        !updated)
        return updated.error();
    return shown;
}

Result<std::pair<qint64, QByteArray>> SqlUserRepository::avatar(UserId id)
{
    Result<SqlCursor> q = m_session.exec(
        u"SELECT u.avatar_version, a.data FROM users u JOIN avatars a ON a.user_id = u.id "
        "WHERE u.id = ? AND u.avatar_version > 0"_s,
        {id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::pair<qint64, QByteArray>{0, {}};
    return std::pair<qint64, QByteArray>{q->value(0).toLongLong(), q->value(1).toByteArray()};
}

Result<bool> SqlUserRepository::canSeeProfile(UserId viewer, UserId user)
{
    if (viewer == user)
        return true;
    // presence's audience (ConversationRepository::peersOf, ContactRepository::watchersOf)
    // asked for one pair instead of listed.
    Result<SqlCursor> q = m_session.exec(
        u"SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM contacts b WHERE b.blocked = 1 AND "
        "((b.owner_id = ? AND b.contact_id = ?) OR (b.owner_id = ? AND b.contact_id = ?))) "
        "AND ((EXISTS (SELECT 1 FROM contacts c WHERE c.owner_id = ? AND c.contact_id = ?) "
        "AND EXISTS (SELECT 1 FROM contacts c WHERE c.owner_id = ? AND c.contact_id = ?)) "
        "OR EXISTS (SELECT 1 FROM participants mine JOIN participants other "
        "ON other.conversation_id = mine.conversation_id "
        "WHERE mine.user_id = ? AND other.user_id = ?))"_s,
        {viewer, user, user, viewer, viewer, user, user, viewer, viewer, user});
    if (!q)
        return q.error();
    return q->next();
}

} // namespace Banter::Server
