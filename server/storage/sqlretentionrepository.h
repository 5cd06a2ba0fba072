// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/repositories.h"
#include "storage/sqlsession.h"

namespace Banter::Server {

// Retention over QtSql, portable SQL for both backends (see RetentionRepository).
class SqlRetentionRepository : public RetentionRepository
{
public:
    explicit SqlRetentionRepository(SqlSession &session)
        : m_session(session)
    { }

    Status setPolicy(ConversationId id, const RetentionPolicy &policy) override;
    Result<PruneStep> pruneMessages(ConversationId fromConversation, int serverDays, qint64 nowMs,
                                    int limit) override;
    Result<QList<StoredFile>> expiredFiles(int serverDays, qint64 nowMs, int limit) override;
    Status removeFile(const QString &fileId) override;
    Result<QStringList> unreferencedBlobs(const QStringList &sha256s) override;

private:
    // Removes the conversation's messages after `prunedSeq` that are older than `cutoffMs`,
    // in seq order, at most `limit`; returns how many.
    Result<int> pruneConversation(ConversationId id, Seq prunedSeq, qint64 cutoffMs, int limit);
    // The attachment of every message carrying the file becomes "deleted".
    Status markAttachmentsDeleted(const QString &fileId);

    SqlSession &m_session;
};

} // namespace Banter::Server
