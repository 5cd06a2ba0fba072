// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlfilerepository.h"

namespace Banter::Server {

using namespace Qt::StringLiterals;

Status SqlFileRepository::createUpload(const StoredUpload &u)
{
    return m_session.run(u"INSERT INTO uploads (id, owner_id, name, size, sha256, created_at, "
                         "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                         {u.id, u.ownerId, u.name, u.size, u.sha256, u.createdAtMs, u.updatedAtMs});
}

Result<QList<StoredUpload>> SqlFileRepository::selectUploads(const QString &where,
                                                             const QVariantList &binds)
{
    Result<SqlCursor> q = m_session.exec(
        u"SELECT id, owner_id, name, size, sha256, created_at, updated_at FROM uploads WHERE "_s
            + where,
        binds);
    if (!q)
        return q.error();
    QList<StoredUpload> uploads;
    while (q->next()) {
        uploads.append({q->value(0).toString(), q->value(1).toLongLong(), q->value(2).toString(),
                        q->value(3).toLongLong(), q->value(4).toString(), q->value(5).toLongLong(),
                        q->value(6).toLongLong()});
    }
    return uploads;
}

Result<std::optional<StoredUpload>> SqlFileRepository::findUpload(const QString &id, UserId owner)
{
    Result<QList<StoredUpload>> found = selectUploads(u"id = ? AND owner_id = ?"_s, {id, owner});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<StoredUpload>{};
    return std::optional<StoredUpload>{found->first()};
}

Result<std::optional<StoredUpload>>
SqlFileRepository::findUploadByContent(UserId owner, qint64 size, const QString &sha256)
{
    Result<QList<StoredUpload>> found = selectUploads(
        u"owner_id = ? AND size = ? AND sha256 = ? ORDER BY updated_at DESC LIMIT 1"_s,
        {owner, size, sha256});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<StoredUpload>{};
    return std::optional<StoredUpload>{found->first()};
}

Status SqlFileRepository::touchUpload(const QString &id, qint64 nowMs)
{
    return m_session.run(u"UPDATE uploads SET updated_at = ? WHERE id = ?"_s, {nowMs, id});
}

Status SqlFileRepository::deleteUpload(const QString &id)
{
    return m_session.run(u"DELETE FROM uploads WHERE id = ?"_s, {id});
}

Result<QList<StoredUpload>> SqlFileRepository::uploadsIdleSince(qint64 beforeMs)
{
    return selectUploads(u"updated_at < ?"_s, {beforeMs});
}

Result<QStringList> SqlFileRepository::allUploadIds()
{
    Result<SqlCursor> q = m_session.exec(u"SELECT id FROM uploads"_s);
    if (!q)
        return q.error();
    QStringList ids;
    while (q->next())
        ids.append(q->value(0).toString());
    return ids;
}

Result<qint64> SqlFileRepository::bytesUsed(UserId owner)
{
    Result<SqlCursor> q =
        m_session.exec(u"SELECT (SELECT COALESCE(SUM(size), 0) FROM files WHERE owner_id = ?) + "
                       "(SELECT COALESCE(SUM(size), 0) FROM uploads WHERE owner_id = ?)"_s,
                       {owner, owner});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<int> SqlFileRepository::unfinishedUploads(UserId owner)
{
    Result<SqlCursor> q =
        m_session.exec(u"SELECT COUNT(*) FROM uploads WHERE owner_id = ?"_s, {owner});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

Status SqlFileRepository::createFile(const StoredFile &f)
{
    return m_session.run(u"INSERT INTO files (id, owner_id, name, size, mime_type, sha256, "
                         "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                         {f.id, f.ownerId, f.name, f.size, f.mimeType, f.sha256, f.createdAtMs});
}

Result<std::optional<StoredFile>> SqlFileRepository::findReadable(const QString &id, UserId user)
{
    Result<SqlCursor> q = m_session.exec(
        u"SELECT f.id, f.owner_id, f.name, f.size, f.mime_type, f.sha256, f.created_at "
        "FROM files f WHERE f.id = ? AND (f.owner_id = ? OR EXISTS (SELECT 1 FROM shared_files s "
        "JOIN participants p ON p.conversation_id = s.conversation_id "
        "WHERE s.file_id = f.id AND p.user_id = ?))"_s,
        {id, user, user});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<StoredFile>{};
    return std::optional<StoredFile>{StoredFile{q->value(0).toString(), q->value(1).toLongLong(),
                                                q->value(2).toString(), q->value(3).toLongLong(),
                                                q->value(4).toString(), q->value(5).toString(),
                                                q->value(6).toLongLong()}};
}

Status SqlFileRepository::share(const QString &fileId, ConversationId conversation)
{
    return m_session.run(u"INSERT INTO shared_files (file_id, conversation_id) VALUES (?, ?) "
                         "ON CONFLICT (file_id, conversation_id) DO NOTHING"_s,
                         {fileId, conversation});
}

} // namespace Banter::Server
