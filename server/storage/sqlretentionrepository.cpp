// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlretentionrepository.h"

#include "storage/sqlrows.h"
#include <banter/protocol/domainjson.h>

#include <QJsonDocument>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 DayMs = 24LL * 3600 * 1000;
// Conversations one prune step looks at, whether or not they have anything to remove.
constexpr int ConversationsPerStep = 200;

qint64 cutoffFor(int days, qint64 nowMs)
{
    return nowMs - qint64(days) * DayMs;
}
} // namespace

Status SqlRetentionRepository::setPolicy(ConversationId id, const RetentionPolicy &policy)
{
    return m_session.run(u"UPDATE conversations SET retention_message_days = ?, "
                         "retention_file_days = ? WHERE id = ?"_s,
                         {policy.messageDays, policy.fileDays, id});
}

Result<PruneStep> SqlRetentionRepository::pruneMessages(ConversationId fromConversation,
                                                        int serverDays, qint64 nowMs, int limit)
{
    Result<SqlCursor> q = m_session.exec(
        u"SELECT id, retention_message_days, pruned_seq FROM conversations WHERE id >= ? AND "
        "(retention_message_days > 0 OR ? > 0) AND last_seq > pruned_seq ORDER BY id LIMIT ?"_s,
        {fromConversation, serverDays, ConversationsPerStep});
    if (!q)
        return q.error();
    struct Candidate
    {
        ConversationId id;
        int days;
        Seq pruned;
    };
    QList<Candidate> candidates;
    while (q->next())
        candidates.append(
            {q->value(0).toLongLong(), q->value(1).toInt(), q->value(2).toLongLong()});
    q->finish();
    PruneStep step;
    for (const Candidate &c : std::as_const(candidates)) {
        const int days = RetentionRules::stricterDays(serverDays, c.days);
        Result<int> removed =
            pruneConversation(c.id, c.pruned, cutoffFor(days, nowMs), limit - step.removed);
        if (!removed)
            return removed.error();
        step.removed += *removed;
        if (step.removed >= limit) {
            step.nextConversation = c.id; // it may have more: the next step starts with it
            return step;
        }
    }
    if (candidates.size() == ConversationsPerStep)
        step.nextConversation = candidates.constLast().id + 1;
    return step;
}

Result<int> SqlRetentionRepository::pruneConversation(ConversationId id, Seq prunedSeq,
                                                      qint64 cutoffMs, int limit)
{
    // Most conversations have nothing old enough: one row tells, before a batch is read.
    Result<SqlCursor> oldest =
        m_session.exec(u"SELECT created_at FROM messages WHERE conversation_id = ? AND seq > ? "
                       "ORDER BY seq LIMIT 1"_s,
                       {id, prunedSeq});
    if (!oldest)
        return oldest.error();
    const bool due = oldest->next() && oldest->value(0).toLongLong() < cutoffMs;
    oldest->finish();
    if (!due)
        return 0;
    Result<SqlCursor> q = m_session.exec(u"SELECT seq, created_at FROM messages WHERE "
                                         "conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?"_s,
                                         {id, prunedSeq, limit});
    if (!q)
        return q.error();
    // Only a prefix goes: the first message young enough ends it, so what remains of the
    // stream has no holes.
    Seq through = prunedSeq;
    int count = 0;
    while (q->next() && q->value(1).toLongLong() < cutoffMs) {
        through = q->value(0).toLongLong();
        ++count;
    }
    q->finish();
    if (count == 0)
        return 0;
    if (Status s = m_session.run(
            u"DELETE FROM mentions WHERE conversation_id = ? AND seq > ? AND seq <= ?"_s,
            {id, prunedSeq, through});
        !s)
        return s.error();
    // Reactions go with their message (ON DELETE CASCADE); the search index follows the
    // rows (SQLite triggers, the PostgreSQL index).
    if (Status s = m_session.run(
            u"DELETE FROM messages WHERE conversation_id = ? AND seq > ? AND seq <= ?"_s,
            {id, prunedSeq, through});
        !s)
        return s.error();
    if (Status s =
            m_session.run(u"UPDATE conversations SET pruned_seq = ? WHERE id = ?"_s, {through, id});
        !s)
        return s.error();
    return count;
}

Result<QList<StoredFile>> SqlRetentionRepository::expiredFiles(int serverDays, qint64 nowMs,
                                                               int limit)
{
    // Nothing is older than 0 ms: a server keeping files forever names no cut-off.
    const qint64 serverCutoff = serverDays > 0 ? cutoffFor(serverDays, nowMs) : 0;
    Result<SqlCursor> q = m_session.exec(
        u"SELECT f.id, f.owner_id, f.name, f.size, f.mime_type, f.sha256, f.created_at "
        "FROM files f WHERE f.created_at < ? OR EXISTS (SELECT 1 FROM shared_files s "
        "JOIN conversations c ON c.id = s.conversation_id WHERE s.file_id = f.id AND "
        "c.retention_file_days > 0 AND f.created_at < ? - c.retention_file_days * "
        "CAST(86400000 AS BIGINT)) ORDER BY f.created_at, f.id LIMIT ?"_s,
        {serverCutoff, nowMs, limit});
    if (!q)
        return q.error();
    QList<StoredFile> files;
    while (q->next()) {
        files.append({q->value(0).toString(), q->value(1).toLongLong(), q->value(2).toString(),
                      q->value(3).toLongLong(), q->value(4).toString(), q->value(5).toString(),
                      q->value(6).toLongLong()});
    }
    return files;
}

Status SqlRetentionRepository::markAttachmentsDeleted(const QString &fileId)
{
    // File ids are 32 hex digits: nothing in them is a LIKE wildcard.
    Result<SqlCursor> q = m_session.exec(
        u"SELECT m.id, m.attachment FROM messages m JOIN shared_files s ON "
        "s.conversation_id = m.conversation_id WHERE s.file_id = ? AND m.attachment IS NOT NULL "
        "AND m.attachment LIKE ?"_s,
        {fileId, u"%\"%1\"%"_s.arg(fileId)});
    if (!q)
        return q.error();
    QList<std::pair<QString, QString>> changed;
    while (q->next()) {
        Result<Attachment> a = Protocol::attachmentFromJson(
            QJsonDocument::fromJson(q->value(1).toString().toUtf8()).object());
        if (!a || a->fileId != fileId || a->deleted)
            continue;
        a->deleted = true;
        a->thumbnail.clear(); // a preview of the content goes with the content
        changed.append({q->value(0).toString(), SqlRows::attachmentText(*a)});
    }
    q->finish();
    for (const auto &[id, attachment] : std::as_const(changed)) {
        if (Status s = m_session.run(u"UPDATE messages SET attachment = ? WHERE id = ?"_s,
                                     {attachment, id});
            !s)
            return s;
    }
    return success();
}

Status SqlRetentionRepository::removeFile(const QString &fileId)
{
    if (Status marked = markAttachmentsDeleted(fileId); !marked)
        return marked;
    if (Status s = m_session.run(u"DELETE FROM shared_files WHERE file_id = ?"_s, {fileId}); !s)
        return s;
    return m_session.run(u"DELETE FROM files WHERE id = ?"_s, {fileId});
}

Result<QStringList> SqlRetentionRepository::unreferencedBlobs(const QStringList &sha256s)
{
    QStringList unreferenced;
    for (const QString &sha : sha256s) {
        // An unfinished upload of the same content counts: its finish may find the blob
        // already there and keep it instead of its own bytes.
        Result<SqlCursor> q =
            m_session.exec(u"SELECT (SELECT COUNT(*) FROM files WHERE sha256 = ?) + "
                           "(SELECT COUNT(*) FROM uploads WHERE sha256 = ?)"_s,
                           {sha, sha});
        if (!q)
            return q.error();
        const bool referenced = q->next() && q->value(0).toLongLong() > 0;
        q->finish();
        if (!referenced)
            unreferenced.append(sha);
    }
    return unreferenced;
}

} // namespace Banter::Server
