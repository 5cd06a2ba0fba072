// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlsessionrepository.h"

#include "storage/sqlrows.h"

namespace Banter::Server {

using namespace Qt::StringLiterals;

Result<SessionId> SqlSessionRepository::create(UserId user, const QString &device,
                                               const QByteArray &refreshHash, qint64 nowMs,
                                               qint64 expiresAtMs)
{
    Result<SqlCursor> q = m_session.exec(u"INSERT INTO sessions (user_id, device, refresh_hash, "
                                         u"created_at, last_used_at, expires_at) "
                                         "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"_s,
                                         {user, device, refreshHash, nowMs, nowMs, expiresAtMs});
    if (!q)
        return q.error();
    q->next();
    return q->value(0).toLongLong();
}

Result<QList<StoredSession>> SqlSessionRepository::select(const QString &where,
                                                          const QVariantList &binds)
{
    Result<SqlCursor> q = m_session.exec(u"SELECT id, user_id, device, refresh_hash, "
                                         u"previous_refresh_hash, created_at, last_used_at, "
                                         "expires_at, revoked FROM sessions WHERE "_s
                                             + where + u" ORDER BY id"_s,
                                         binds);
    if (!q)
        return q.error();
    QList<StoredSession> sessions;
    while (q->next()) {
        StoredSession s;
        s.id = q->value(0).toLongLong();
        s.userId = q->value(1).toLongLong();
        s.device = q->value(2).toString();
        s.refreshHash = q->value(3).toByteArray();
        s.previousRefreshHash = q->value(4).toByteArray();
        s.createdAtMs = q->value(5).toLongLong();
        s.lastUsedAtMs = q->value(6).toLongLong();
        s.expiresAtMs = q->value(7).toLongLong();
        s.revoked = q->value(8).toInt() != 0;
        sessions.append(s);
    }
    return sessions;
}

Result<std::optional<StoredSession>> SqlSessionRepository::find(SessionId id)
{
    Result<QList<StoredSession>> found = select(u"id = ?"_s, {id});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<StoredSession>{};
    return std::optional<StoredSession>{found->first()};
}

Result<std::optional<StoredSession>> SqlSessionRepository::findByRefreshHash(const QByteArray &hash)
{
    Result<QList<StoredSession>> found =
        select(u"refresh_hash = ? OR previous_refresh_hash = ?"_s, {hash, hash});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<StoredSession>{};
    return std::optional<StoredSession>{found->first()};
}

Status SqlSessionRepository::supersede(SessionId id, qint64 nowMs)
{
    return m_session.run(u"INSERT INTO refresh_token_history (hash, session_id, superseded_at) "
                         u"SELECT refresh_hash, id, ? FROM sessions WHERE id = ?"_s,
                         {nowMs, id});
}

Status SqlSessionRepository::rotate(SessionId id, const QByteArray &newHash, qint64 nowMs,
                                    qint64 expiresAtMs)
{
    if (Status s = supersede(id, nowMs); !s)
        return s;
    return m_session.run(
        u"UPDATE sessions SET previous_refresh_hash = refresh_hash, refresh_hash = ?, "
        "last_used_at = ?, expires_at = ? WHERE id = ?"_s,
        {newHash, nowMs, expiresAtMs, id});
}

Status SqlSessionRepository::reissue(SessionId id, const QByteArray &newHash, qint64 nowMs,
                                     qint64 expiresAtMs)
{
    if (Status s = supersede(id, nowMs); !s)
        return s;
    // last_used_at stays the time of the rotation: the grace window it anchors must not
    // stretch. The previous token is dropped from the row (it stays in the history): the
    // grace re-issues once, and the token coming back again is a copy.
    return m_session.run(u"UPDATE sessions SET refresh_hash = ?, previous_refresh_hash = NULL, "
                         u"expires_at = ? WHERE id = ?"_s,
                         {newHash, expiresAtMs, id});
}

Result<std::optional<SessionId>> SqlSessionRepository::findSuperseded(const QByteArray &hash)
{
    Result<SqlCursor> q =
        m_session.exec(u"SELECT session_id FROM refresh_token_history WHERE hash = ?"_s, {hash});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<SessionId>{};
    return std::optional<SessionId>{q->value(0).toLongLong()};
}

Result<QList<SessionId>> SqlSessionRepository::revokeLeastRecentlyUsed(UserId user, int keep,
                                                                       qint64 nowMs)
{
    Result<SqlCursor> q = m_session.exec(
        u"UPDATE sessions SET revoked = 1 WHERE user_id = ? AND revoked = 0 AND expires_at > ? "
        u"AND id NOT IN (SELECT id FROM sessions WHERE user_id = ? AND revoked = 0 "
        u"AND expires_at > ? ORDER BY last_used_at DESC, id DESC LIMIT ?) RETURNING id"_s,
        {user, nowMs, user, nowMs, keep});
    if (!q)
        return q.error();
    return SqlRows::ids(*q);
}

Result<int> SqlSessionRepository::deleteUnusable(qint64 nowMs, qint64 supersededBeforeMs)
{
    if (Status s = m_session.run(u"DELETE FROM refresh_token_history WHERE superseded_at < ?"_s,
                                 {supersededBeforeMs});
        !s)
        return s.error();
    // Daemons follow the revocation log within seconds; old rows serve nobody.
    if (Status s = m_session.run(u"DELETE FROM session_revocations WHERE created_at < ?"_s,
                                 {supersededBeforeMs});
        !s)
        return s.error();
    // The history of a deleted session goes with it (ON DELETE CASCADE).
    Result<SqlCursor> q = m_session.exec(
        u"DELETE FROM sessions WHERE revoked = 1 OR expires_at <= ? RETURNING id"_s, {nowMs});
    if (!q)
        return q.error();
    return int(SqlRows::ids(*q).size());
}

Status SqlSessionRepository::revoke(SessionId id)
{
    return m_session.run(u"UPDATE sessions SET revoked = 1 WHERE id = ?"_s, {id});
}

Result<QList<SessionId>> SqlSessionRepository::revokeAllForUser(UserId user, SessionId keep)
{
    Result<SqlCursor> q = m_session.exec(
        u"UPDATE sessions SET revoked = 1 WHERE user_id = ? AND id <> ? AND revoked = 0 RETURNING id"_s,
        {user, keep});
    if (!q)
        return q.error();
    return SqlRows::ids(*q);
}

Result<QList<StoredSession>> SqlSessionRepository::listForUser(UserId user)
{
    return select(u"user_id = ? AND revoked = 0"_s, {user});
}

Status SqlSessionRepository::logRevocations(const QList<SessionId> &sessions, const QString &reason,
                                            qint64 nowMs)
{
    for (SessionId id : sessions) {
        if (Status s = m_session.run(u"INSERT INTO session_revocations (session_id, reason, "
                                     u"created_at) VALUES (?, ?, ?)"_s,
                                     {id, reason, nowMs});
            !s)
            return s;
    }
    return success();
}

Result<QList<LoggedRevocation>> SqlSessionRepository::revocationsAfter(qint64 afterId, int limit)
{
    Result<SqlCursor> q = m_session.exec(u"SELECT id, session_id, reason FROM session_revocations "
                                         u"WHERE id > ? ORDER BY id LIMIT ?"_s,
                                         {afterId, limit});
    if (!q)
        return q.error();
    QList<LoggedRevocation> rows;
    while (q->next())
        rows.append({q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toString()});
    return rows;
}

Result<qint64> SqlSessionRepository::lastRevocation()
{
    Result<SqlCursor> q = m_session.exec(u"SELECT COALESCE(MAX(id), 0) FROM session_revocations"_s);
    if (!q)
        return q.error();
    q->next();
    return q->value(0).toLongLong();
}

} // namespace Banter::Server
