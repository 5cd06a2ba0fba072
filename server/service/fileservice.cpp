// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/fileservice.h"

#include "files/filestore.h"
#include "service/storageexecutor.h"
#include <banter/domain/messagecontent.h>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
// Storage thread: a new upload row, if the owner's quota has room for it and they have not
// too many unfinished ones (each is a partial file and, while sent, an open descriptor).
Result<StoredUpload> createWithinQuota(Repositories &repos, const StoredUpload &fresh,
                                       const FileLimits &limits)
{
    const qint64 quota = limits.quotaBytes;
    Result<int> unfinished = repos.files.unfinishedUploads(fresh.ownerId);
    if (!unfinished)
        return unfinished.error();
    if (*unfinished >= limits.maxUnfinishedUploads)
        return makeError(ErrorCode::LimitExceeded,
                         u"at most %1 unfinished uploads; finish or cancel one first"_s.arg(
                             limits.maxUnfinishedUploads));
    Result<qint64> used = repos.files.bytesUsed(fresh.ownerId);
    if (!used)
        return used.error();
    if (*used + fresh.size > quota)
        return makeError(
            ErrorCode::LimitExceeded,
            u"this would exceed your storage quota (%1 of %2 bytes used)"_s.arg(*used).arg(quota));
    if (Status created = repos.files.createUpload(fresh); !created)
        return created.error();
    return fresh;
}

StoredUpload freshUpload(UserId owner, const Protocol::UploadStartRequest &request, qint64 now)
{
    // A name others will read is neutralised rather than refused: control characters and
    // direction overrides (`invoice\u202Efdp.exe`) become U+FFFD.
    return {FileStore::newId(),
            owner,
            MessageContent::neutralisedName(request.name),
            request.size,
            request.sha256,
            now,
            now};
}
} // namespace

FileService::FileService(StorageExecutor &storage, const FileLimits &limits, Clock clock,
                         QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_limits(limits)
    , m_clock(std::move(clock))
{ }

Error FileService::noSuchUpload()
{
    return makeError(ErrorCode::NotFound,
                     u"no such upload in progress here; call upload_start to resume"_s);
}

Error FileService::noSuchFile()
{
    // The same answer whether the file is missing or just not yours to see.
    return makeError(ErrorCode::NotFound, u"no such file"_s);
}

Protocol::FileInfo FileService::toInfo(const StoredFile &file)
{
    return {file.id, file.name, file.size, file.mimeType, file.sha256, file.createdAtMs};
}

Status FileService::checkUploadRequest(const Protocol::UploadStartRequest &request) const
{
    // Refused before anything is stored.
    if (request.size > m_limits.maxFileBytes)
        return makeError(
            ErrorCode::TooLarge,
            u"files can be at most %1 bytes on this server"_s.arg(m_limits.maxFileBytes));
    if (!request.uploadId.isEmpty() && !FileStore::isServerId(request.uploadId))
        return noSuchUpload();
    return success();
}

QFuture<Result<StoredUpload>>
FileService::findOrCreateUpload(UserId owner, const Protocol::UploadStartRequest &request)
{
    const qint64 now = m_clock();
    return runInStorage<StoredUpload>(
        m_storage,
        [request, fresh = freshUpload(owner, request, now), limits = m_limits,
         now](Repositories &repos) -> Result<StoredUpload> {
            Result<std::optional<StoredUpload>> found = request.uploadId.isEmpty()
                ? repos.files.findUploadByContent(fresh.ownerId, request.size, request.sha256)
                : repos.files.findUpload(request.uploadId, fresh.ownerId);
            if (!found)
                return found.error();
            if (found->has_value()) {
                const StoredUpload &upload = **found;
                if (upload.size != request.size || upload.sha256 != request.sha256)
                    return makeError(ErrorCode::Conflict,
                                     u"this upload was started for other content"_s);
                if (Status touched = repos.files.touchUpload(upload.id, now); !touched)
                    return touched.error();
                return upload;
            }
            if (!request.uploadId.isEmpty())
                return noSuchUpload();
            return createWithinQuota(repos, fresh, limits);
        });
}

QFuture<Result<StoredUpload>> FileService::createUpload(UserId owner,
                                                        const Protocol::UploadStartRequest &request)
{
    return runInStorage<StoredUpload>(
        m_storage,
        [fresh = freshUpload(owner, request, m_clock()), limits = m_limits](Repositories &repos) {
            return createWithinQuota(repos, fresh, limits);
        });
}

QFuture<Result<StoredFile>> FileService::completeUpload(const StoredUpload &upload,
                                                        const QString &mimeType)
{
    const StoredFile file{FileStore::newId(), upload.ownerId, upload.name, upload.size,
                          mimeType,           upload.sha256,  m_clock()};
    return runInStorage<StoredFile>(
        m_storage, [file, uploadId = upload.id](Repositories &repos) -> Result<StoredFile> {
            if (Status s = repos.files.createFile(file); !s)
                return s.error();
            if (Status s = repos.files.deleteUpload(uploadId); !s)
                return s.error();
            return file;
        });
}

QFuture<Result<Done>> FileService::dropUpload(const QString &uploadId)
{
    return runInStorage<Done>(
        m_storage, [uploadId](Repositories &repos) { return repos.files.deleteUpload(uploadId); });
}

QFuture<Result<Done>> FileService::cancelUpload(UserId owner, const QString &uploadId)
{
    return runInStorage<Done>(m_storage, [uploadId, owner](Repositories &repos) -> Result<Done> {
        Result<std::optional<StoredUpload>> found = repos.files.findUpload(uploadId, owner);
        if (!found)
            return found.error();
        if (!found->has_value())
            return noSuchUpload();
        return repos.files.deleteUpload(uploadId);
    });
}

QFuture<Result<StoredFile>> FileService::readableFile(UserId user, const QString &fileId)
{
    return runInStorage<StoredFile>(
        m_storage, [fileId, user](Repositories &repos) -> Result<StoredFile> {
            Result<std::optional<StoredFile>> found = repos.files.findReadable(fileId, user);
            if (!found)
                return found.error();
            if (!found->has_value())
                return noSuchFile();
            return **found;
        });
}

QFuture<Result<Protocol::FileReply>> FileService::fileInfo(UserId user, const QString &fileId)
{
    return readableFile(user, fileId).then(this, [](Result<StoredFile> file) {
        return file ? Result<Protocol::FileReply>(Protocol::FileReply{toInfo(*file)})
                    : Result<Protocol::FileReply>(file.error());
    });
}

QFuture<Result<Done>> FileService::touchUploads(const QStringList &uploadIds)
{
    return runInStorage<Done>(m_storage,
                              [uploadIds, now = m_clock()](Repositories &repos) -> Result<Done> {
                                  for (const QString &id : uploadIds) {
                                      if (Status s = repos.files.touchUpload(id, now); !s)
                                          return s.error();
                                  }
                                  return Done{};
                              });
}

QFuture<Result<QStringList>> FileService::sweepAbandoned(const QStringList &busy)
{
    const qint64 cutoff = m_clock() - qint64(m_limits.abandonedUploadSeconds) * 1000;
    return runInStorage<QStringList>(
        m_storage, [cutoff, busy](Repositories &repos) -> Result<QStringList> {
            Result<QList<StoredUpload>> idle = repos.files.uploadsIdleSince(cutoff);
            if (!idle)
                return idle.error();
            QStringList removed;
            for (const StoredUpload &upload : *idle) {
                if (busy.contains(upload.id))
                    continue;
                if (Status s = repos.files.deleteUpload(upload.id); !s)
                    return s.error();
                removed.append(upload.id);
            }
            return removed;
        });
}

QFuture<Result<QStringList>> FileService::knownUploadIds()
{
    return runInStorage<QStringList>(
        m_storage, [](Repositories &repos) { return repos.files.allUploadIds(); });
}

} // namespace Banter::Server
