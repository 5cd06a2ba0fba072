// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/retentionservice.h"

#include "service/fileservice.h"

namespace Banter::Server {

using namespace Qt::StringLiterals;

RetentionService::RetentionService(StorageExecutor &storage, const RetentionConfig &config,
                                   Clock clock, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_config(config)
    , m_clock(std::move(clock))
{ }

QFuture<Result<PruneStep>> RetentionService::pruneMessages(ConversationId from)
{
    return runInStorage<PruneStep>(m_storage,
                                   [from, days = m_config.messageDays, now = m_clock(),
                                    limit = m_config.batchRows](Repositories &repos) {
                                       return repos.retention.pruneMessages(from, days, now, limit);
                                   });
}

QFuture<Result<QList<StoredFile>>> RetentionService::expireFiles()
{
    return runInStorage<QList<StoredFile>>(
        m_storage,
        [days = m_config.fileDays, now = m_clock(),
         limit = m_config.batchRows](Repositories &repos) -> Result<QList<StoredFile>> {
            Result<QList<StoredFile>> expired = repos.retention.expiredFiles(days, now, limit);
            if (!expired)
                return expired;
            for (const StoredFile &file : std::as_const(*expired)) {
                if (Status removed = repos.retention.removeFile(file.id); !removed)
                    return removed.error();
            }
            return expired;
        });
}

QFuture<Result<QStringList>> RetentionService::unreferencedBlobs(const QStringList &sha256s)
{
    return runInStorage<QStringList>(m_storage, [sha256s](Repositories &repos) {
        return repos.retention.unreferencedBlobs(sha256s);
    });
}

QFuture<Result<Done>> RetentionService::deleteFile(UserId user,
                                                   const Protocol::DeleteFileRequest &request)
{
    return runInStorage<StoredFile>(
               m_storage,
               [user, id = request.fileId](Repositories &repos) -> Result<StoredFile> {
                   Result<std::optional<StoredFile>> found = repos.files.findReadable(id, user);
                   if (!found)
                       return found.error();
                   if (!found->has_value())
                       return FileService::noSuchFile();
                   if ((*found)->ownerId != user)
                       return makeError(ErrorCode::Forbidden,
                                        u"only the person who uploaded a file can delete it"_s);
                   if (Status removed = repos.retention.removeFile(id); !removed)
                       return removed.error();
                   return **found;
               })
        .then(this, [this](Result<StoredFile> removed) -> Result<Done> {
            if (!removed)
                return removed.error();
            Q_EMIT fileRemoved(removed->sha256);
            return Done{};
        });
}

} // namespace Banter::Server
