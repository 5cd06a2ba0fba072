// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/repositories.h"
#include "storage/sqlsession.h"

namespace Banter::Server {

class SqlFileRepository : public FileRepository
{
public:
    explicit SqlFileRepository(SqlSession &session)
        : m_session(session)
    { }

    Status createUpload(const StoredUpload &upload) override;
    Result<std::optional<StoredUpload>> findUpload(const QString &id, UserId owner) override;
    Result<std::optional<StoredUpload>> findUploadByContent(UserId owner, qint64 size,
                                                            const QString &sha256) override;
    Status touchUpload(const QString &id, qint64 nowMs) override;
    Status deleteUpload(const QString &id) override;
    Result<QList<StoredUpload>> uploadsIdleSince(qint64 beforeMs) override;
    Result<QStringList> allUploadIds() override;
    Result<qint64> bytesUsed(UserId owner) override;
    Result<int> unfinishedUploads(UserId owner) override;
    Status createFile(const StoredFile &file) override;
    Result<std::optional<StoredFile>> findReadable(const QString &id, UserId user) override;
    Status share(const QString &fileId, ConversationId conversation) override;

private:
    Result<QList<StoredUpload>> selectUploads(const QString &where, const QVariantList &binds);

    SqlSession &m_session;
};

} // namespace Banter::Server
