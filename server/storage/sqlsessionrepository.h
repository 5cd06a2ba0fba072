// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/repositories.h"
#include "storage/sqlsession.h"

namespace Banter::Server {

class SqlSessionRepository : public SessionRepository
{
public:
    explicit SqlSessionRepository(SqlSession &session)
        : m_session(session)
    { }

    Result<SessionId> create(UserId user, const QString &device, const QByteArray &refreshHash,
                             qint64 nowMs, qint64 expiresAtMs) override;
    Result<std::optional<StoredSession>> find(SessionId id) override;
    Result<std::optional<StoredSession>> findByRefreshHash(const QByteArray &hash) override;
    Status rotate(SessionId id, const QByteArray &newHash, qint64 nowMs,
                  qint64 expiresAtMs) override;
    Status reissue(SessionId id, const QByteArray &newHash, qint64 nowMs,
                   qint64 expiresAtMs) override;
    Result<std::optional<SessionId>> findSuperseded(const QByteArray &hash) override;
    Result<QList<SessionId>> revokeLeastRecentlyUsed(UserId user, int keep, qint64 nowMs) override;
    Result<int> deleteUnusable(qint64 nowMs, qint64 supersededBeforeMs) override;
    Status revoke(SessionId id) override;
    Result<QList<SessionId>> revokeAllForUser(UserId user, SessionId keep) override;
    Result<QList<StoredSession>> listForUser(UserId user) override;
    Status logRevocations(const QList<SessionId> &sessions, const QString &reason,
                          qint64 nowMs) override;
    Result<QList<LoggedRevocation>> revocationsAfter(qint64 afterId, int limit) override;
    Result<qint64> lastRevocation() override;

private:
    Result<QList<StoredSession>> select(const QString &where, const QVariantList &binds);
    Status supersede(SessionId id, qint64 nowMs); // its current token joins the history

    SqlSession &m_session;
};

} // namespace Banter::Server
