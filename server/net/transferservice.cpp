// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/transferservice.h"

#include "files/uploadio.h"
#include "net/clientconnection.h"
#include <banter/protocol/frame.h>
#include <banter/protocol/transferframe.h>
#include <banter/protocol/types.h>
#include "serverlogging.h"
#include "service/storageexecutor.h"

#include <QSet>

namespace Banter::Server {

using namespace Qt::StringLiterals;
namespace P = Protocol;

namespace {
// A download sends while less than this waits in the socket: enough to keep loopback and a
// LAN busy, little enough that memory does not grow with the file.
constexpr qint64 DownloadHighWater = 1024 * 1024;

Error noSuchUpload()
{
    return makeError(ErrorCode::NotFound,
                     u"no such upload in progress here; call upload_start to resume"_s);
}

Error noSuchFile()
{
    // The same answer whether the file is missing or just not yours to see.
    return makeError(ErrorCode::NotFound, u"no such file"_s);
}
} // namespace

TransferService::TransferService(StorageExecutor &storage, const FileLimits &limits,
                                 FileStore store, Clock clock, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_limits(limits)
    , m_store(std::move(store))
    , m_clock(std::move(clock))
{
    m_ioThread.setObjectName(u"banter-transfer-io"_s);
    m_sweep.setInterval(std::chrono::seconds(qMax(1, limits.sweepIntervalSeconds)));
    connect(&m_sweep, &QTimer::timeout, this, &TransferService::sweepAbandoned);
}

TransferService::~TransferService()
{
    stop();
}

Status TransferService::start()
{
    if (Status prepared = m_store.prepare(); !prepared)
        return prepared;
    m_io = new UploadIo(m_store);
    m_io->moveToThread(&m_ioThread);
    connect(&m_ioThread, &QThread::finished, m_io, &QObject::deleteLater);
    m_ioThread.start();
    // Partial files without an upload row are leftovers of a crash: remove them.
    runInStorage<QStringList>(
        m_storage, this, [](Repositories &repos) { return repos.files.allUploadIds(); },
        [this](Result<QStringList> known) {
            if (!known)
                return;
            const QSet<QString> live(known->cbegin(), known->cend());
            const QStringList onDisk = m_store.partialIds();
            for (const QString &id : onDisk) {
                if (!live.contains(id))
                    QFile::remove(m_store.partialPath(id));
            }
        });
    m_sweep.start();
    return success();
}

void TransferService::stop()
{
    m_sweep.stop();
    for (auto &[connection, queue] : m_downloads)
        disconnect(queue.writable);
    m_downloads.clear();
    m_uploads.clear();
    if (m_ioThread.isRunning()) {
        m_ioThread.quit();
        m_ioThread.wait();
    }
    m_io = nullptr;
}

// Runs `work` (R(UploadIo&)) on the I/O thread, then `then` (void(R)) back on this one. Both
// queues are FIFO, so the I/O steps of one upload happen, and answer, in order.
template<typename R, typename Work, typename Then>
void TransferService::onIo(Work work, Then then)
{
    if (!m_io)
        return;
    UploadIo *io = m_io;
    QPointer<TransferService> self(this);
    QMetaObject::invokeMethod(
        io,
        [io, self, work = std::move(work), then = std::move(then)]() mutable {
            R result = work(*io);
            if (!self)
                return;
            QMetaObject::invokeMethod(
                self.data(),
                [result = std::move(result), then = std::move(then)]() mutable {
                    then(std::move(result));
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

Protocol::FileInfo TransferService::toInfo(const StoredFile &file)
{
    return {file.id, file.name, file.size, file.mimeType, file.sha256, file.createdAtMs};
}

int TransferService::activeUploadsOf(UserId owner, const QString &except) const
{
    // A paused upload keeps its place on the server but not its slot: otherwise pausing as
    // many uploads as the limit would block every other upload for hours.
    const qint64 idleSince = m_clock() - qint64(m_limits.idleUploadSeconds) * 1000;
    int count = 0;
    for (auto it = m_uploads.cbegin(); it != m_uploads.cend(); ++it) {
        if (it.key() != except && it->owner == owner && it->connection
            && it->lastActiveMs > idleSince)
            ++count;
    }
    return count;
}

void TransferService::startUpload(ClientConnection &c, const P::UploadStartRequest &request,
                                  const Reply &reply)
{
    // Refused before anything is stored.
    if (request.size > m_limits.maxFileBytes)
        return reply.failure(makeError(
            ErrorCode::TooLarge,
            u"files can be at most %1 bytes on this server"_s.arg(m_limits.maxFileBytes)));
    if (!request.uploadId.isEmpty() && !FileStore::isServerId(request.uploadId))
        return reply.failure(noSuchUpload());
    if (activeUploadsOf(c.userId(), request.uploadId) >= m_limits.maxConcurrentUploads)
        return reply.failure(
            makeError(ErrorCode::LimitExceeded,
                      u"at most %1 uploads at a time"_s.arg(m_limits.maxConcurrentUploads)));
    const qint64 now = m_clock();
    const UserId owner = c.userId();
    StoredUpload fresh{FileStore::newId(), owner, request.name, request.size,
                       request.sha256,     now,   now};
    runInStorage<StoredUpload>(
        m_storage, this,
        [request, fresh, quota = m_limits.quotaBytes,
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
            return createUpload(repos, fresh, quota);
        },
        [this, conn = QPointer(&c), reply, fresh,
         resuming = !request.uploadId.isEmpty()](Result<StoredUpload> upload) {
            if (!upload)
                return reply.failure(upload.error());
            if (!conn)
                return;
            // The same content is being sent right now (the same photo attached twice at
            // once): that upload is not this one's to take over; this one gets its own. The
            // two end in the same blob.
            if (!resuming && upload->id != fresh.id && isBeingSent(upload->id)) {
                return runInStorage<StoredUpload>(
                    m_storage, this,
                    [fresh, quota = m_limits.quotaBytes](Repositories &repos) {
                        return createUpload(repos, fresh, quota);
                    },
                    [this, conn, reply](Result<StoredUpload> created) {
                        if (!created)
                            return reply.failure(created.error());
                        if (conn)
                            resumeOnIo(*conn, *created, reply);
                    });
            }
            resumeOnIo(*conn, *upload, reply);
        });
}

bool TransferService::isBeingSent(const QString &uploadId) const
{
    // One that failed (a bad chunk, a disk error) waits for its client to take it up again,
    // and a client that lost the upload's id does that by content.
    const auto it = m_uploads.constFind(uploadId);
    return it != m_uploads.cend() && it->connection && (it->starting || !it->failed);
}

Result<StoredUpload> TransferService::createUpload(Repositories &repos, const StoredUpload &fresh,
                                                   qint64 quota)
{
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

void TransferService::resumeOnIo(ClientConnection &c, const StoredUpload &upload,
                                 const Reply &reply)
{
    if (activeUploadsOf(upload.ownerId, upload.id) >= m_limits.maxConcurrentUploads)
        return reply.failure(
            makeError(ErrorCode::LimitExceeded,
                      u"at most %1 uploads at a time"_s.arg(m_limits.maxConcurrentUploads)));
    // The newest start owns the upload: chunks still arriving on an older connection of the
    // same client are refused from now on.
    ActiveUpload &active = m_uploads[upload.id];
    active.connection = &c;
    active.owner = upload.ownerId;
    active.size = upload.size;
    active.sha256 = upload.sha256;
    active.name = upload.name;
    active.failed = true; // until the I/O thread says where the bytes end
    active.starting = true;
    active.lastActiveMs = m_clock();
    const QString id = upload.id;
    onIo<Result<qint64>>(
        [id](UploadIo &io) { return io.open(id); },
        [this, id, conn = QPointer(&c), reply, limits = m_limits](Result<qint64> offset) {
            auto it = m_uploads.find(id);
            if (it == m_uploads.end() || it->connection != conn)
                return; // cancelled, or taken over by a newer start
            if (!offset) {
                m_uploads.erase(it);
                return reply.failure(offset.error());
            }
            it->queued = it->written = *offset;
            it->failed = false;
            it->starting = false;
            reply.success(
                P::UploadStartReply{id, *offset, limits.chunkBytes, limits.windowBytes}.toJson());
        });
}

void TransferService::onBinary(ClientConnection &c, const QByteArray &frame)
{
    const std::optional<P::ChunkView> chunk = P::decodeChunk(frame);
    if (!chunk || chunk->kind != P::ChunkKind::Upload) {
        c.sendFrame(P::encodePush(
            P::Type::UploadFailed,
            P::TransferFailedPush{
                u"-"_s,
                makeError(ErrorCode::BadRequest, u"a binary frame must be an upload chunk"_s)}
                .toJson()));
        return;
    }
    const QString id = QString::fromLatin1(chunk->id);
    const qsizetype from = frame.size() - chunk->payload.size();
    acceptChunk(c, id, chunk->offset, frame, from, chunk->payload.size());
}

void TransferService::acceptChunk(ClientConnection &c, const QString &id, qint64 offset,
                                  const QByteArray &frame, qsizetype payloadFrom,
                                  qsizetype payloadSize)
{
    auto it = m_uploads.find(id);
    if (it == m_uploads.end() || it->connection != &c || it->owner != c.userId())
        return failUpload(c, id, noSuchUpload());
    ActiveUpload &upload = *it;
    if (upload.failed || upload.finishing)
        return; // already told; the client resumes with upload_start
    if (payloadSize < 1 || payloadSize > m_limits.chunkBytes)
        return failUpload(c, id,
                          makeError(ErrorCode::TooLarge,
                                    u"a chunk carries 1 to %1 bytes"_s.arg(m_limits.chunkBytes)));
    if (offset != upload.queued)
        return failUpload(
            c, id,
            makeError(ErrorCode::Conflict,
                      u"chunk at offset %1, expected %2"_s.arg(offset).arg(upload.queued)));
    if (upload.queued + payloadSize > upload.size)
        return failUpload(c, id, makeError(ErrorCode::TooLarge, u"more bytes than announced"_s));
    if (upload.queued - upload.written + payloadSize > m_limits.windowBytes)
        return failUpload(
            c, id,
            makeError(ErrorCode::RateLimited,
                      u"more than %1 unconfirmed bytes in flight"_s.arg(m_limits.windowBytes)));
    upload.queued += payloadSize;
    upload.lastActiveMs = m_clock();
    onIo<Result<qint64>>([id, offset, frame, payloadFrom](
                             UploadIo &io) { return io.append(id, offset, frame, payloadFrom); },
                         [this, id, conn = QPointer(&c)](Result<qint64> written) {
                             auto it = m_uploads.find(id);
                             if (it == m_uploads.end() || !conn || it->connection != conn)
                                 return;
                             if (!written)
                                 return failUpload(*conn, id, written.error());
                             it->written = *written;
                             conn->sendFrame(P::encodePush(P::Type::UploadProgress,
                                                           P::UploadRef{id, *written}.toJson()));
                         });
}

void TransferService::failUpload(ClientConnection &c, const QString &uploadId, const Error &error)
{
    auto it = m_uploads.find(uploadId);
    if (it != m_uploads.end() && it->connection == &c) {
        if (it->failed)
            return;
        it->failed = true;
    }
    c.sendFrame(
        P::encodePush(P::Type::UploadFailed, P::TransferFailedPush{uploadId, error}.toJson()));
}

void TransferService::finishUpload(ClientConnection &c, const QString &uploadId, const Reply &reply)
{
    auto it = m_uploads.find(uploadId);
    if (it == m_uploads.end() || it->connection != &c || it->failed || it->finishing)
        return reply.failure(noSuchUpload());
    if (it->queued != it->size)
        return reply.failure(makeError(
            ErrorCode::BadRequest, u"%1 of %2 bytes were sent"_s.arg(it->queued).arg(it->size)));
    it->finishing = true;
    const ActiveUpload upload = *it;
    onIo<Result<QString>>([uploadId, sha = upload.sha256, size = upload.size](
                              UploadIo &io) { return io.finish(uploadId, sha, size); },
                          [this, uploadId, upload, reply](Result<QString> mimeType) {
                              m_uploads.remove(uploadId);
                              if (!mimeType) {
                                  // A hash mismatch deleted the bytes: the upload is over, nothing
                                  // was stored.
                                  runInStorage<Done>(
                                      m_storage, this,
                                      [uploadId](Repositories &repos) -> Result<Done> {
                                          if (Status s = repos.files.deleteUpload(uploadId); !s)
                                              return s.error();
                                          return Done{};
                                      },
                                      [](Result<Done>) {});
                                  return reply.failure(mimeType.error());
                              }
                              const StoredFile file{FileStore::newId(), upload.owner, upload.name,
                                                    upload.size,        *mimeType,    upload.sha256,
                                                    m_clock()};
                              runInStorage<StoredFile>(
                                  m_storage, this,
                                  [file, uploadId](Repositories &repos) -> Result<StoredFile> {
                                      if (Status s = repos.files.createFile(file); !s)
                                          return s.error();
                                      if (Status s = repos.files.deleteUpload(uploadId); !s)
                                          return s.error();
                                      return file;
                                  },
                                  [reply](Result<StoredFile> stored) {
                                      if (!stored)
                                          return reply.failure(stored.error());
                                      qCInfo(lcNet) << "stored file" << stored->id << stored->size
                                                    << "bytes" << stored->mimeType;
                                      reply.success(P::FileReply{toInfo(*stored)}.toJson());
                                  });
                          });
}

void TransferService::cancelUpload(ClientConnection &c, const QString &uploadId, const Reply &reply)
{
    auto it = m_uploads.find(uploadId);
    if (it != m_uploads.end() && it->connection == &c && it->finishing)
        return reply.failure(makeError(ErrorCode::Conflict, u"the upload is finishing"_s));
    if (it != m_uploads.end() && it->owner == c.userId())
        m_uploads.erase(it);
    const UserId owner = c.userId();
    runInStorage<Done>(
        m_storage, this,
        [uploadId, owner](Repositories &repos) -> Result<Done> {
            Result<std::optional<StoredUpload>> found = repos.files.findUpload(uploadId, owner);
            if (!found)
                return found.error();
            if (!found->has_value())
                return noSuchUpload();
            if (Status s = repos.files.deleteUpload(uploadId); !s)
                return s.error();
            return Done{};
        },
        [this, uploadId, reply](Result<Done> done) {
            if (done)
                onIo<bool>(
                    [uploadId](UploadIo &io) {
                        io.discard(uploadId);
                        return true;
                    },
                    [](bool) {});
            reply(done);
        });
}

void TransferService::download(ClientConnection &c, const P::DownloadRequest &request,
                               const Reply &reply)
{
    const UserId user = c.userId();
    runInStorage<std::optional<StoredFile>>(
        m_storage, this,
        [id = request.fileId, user](Repositories &repos) {
            return repos.files.findReadable(id, user);
        },
        [this, request, conn = QPointer(&c), reply](Result<std::optional<StoredFile>> found) {
            if (!found)
                return reply.failure(found.error());
            if (!found->has_value())
                return reply.failure(noSuchFile());
            if (!conn)
                return;
            const StoredFile &file = **found;
            if (request.offset > file.size)
                return reply.failure(
                    makeError(ErrorCode::BadRequest,
                              u"offset beyond the end of the file (%1 bytes)"_s.arg(file.size)));
            DownloadQueue &queue = m_downloads[conn.data()];
            for (const ActiveDownload &d : queue.downloads) {
                if (d.fileId == file.id)
                    return reply.failure(
                        makeError(ErrorCode::Conflict, u"this file is already downloading here"_s));
            }
            ActiveDownload d;
            d.fileId = file.id;
            d.file = std::make_unique<QFile>(m_store.blobPath(file.sha256));
            d.offset = request.offset;
            d.size = file.size;
            if (!d.file->open(QIODevice::ReadOnly) || !d.file->seek(d.offset)) {
                qCWarning(lcNet) << "blob missing or unreadable for file" << file.id;
                return reply.failure(
                    makeError(ErrorCode::Internal, u"the server cannot read this file"_s));
            }
            const bool empty = d.offset == d.size;
            reply.success({{u"file"_s, toInfo(file).toJson()}, {u"offset"_s, request.offset}});
            if (empty)
                return;
            queue.downloads.push_back(std::move(d));
            if (!queue.writable) {
                ClientConnection *raw = conn.data();
                queue.writable =
                    connect(raw, &ClientConnection::writable, this, [this, raw] { pump(raw); });
            }
            pump(conn.data());
        });
}

void TransferService::pump(ClientConnection *c)
{
    auto it = m_downloads.find(c);
    if (it == m_downloads.end())
        return;
    DownloadQueue &queue = it->second;
    while (!queue.downloads.empty() && c->bytesToWrite() < DownloadHighWater) {
        queue.next %= queue.downloads.size();
        ActiveDownload &d = queue.downloads[queue.next];
        const qint64 want = qMin<qint64>(m_limits.chunkBytes, d.size - d.offset);
        const QByteArray data = d.file->read(want);
        if (data.size() != want) {
            c->sendFrame(P::encodePush(
                P::Type::DownloadFailed,
                P::TransferFailedPush{
                    d.fileId, makeError(ErrorCode::Internal, u"the server cannot read this file"_s)}
                    .toJson()));
            queue.downloads.erase(queue.downloads.begin() + qsizetype(queue.next));
            continue;
        }
        c->sendBinary(P::encodeChunk(P::ChunkKind::Download, d.fileId.toLatin1(), d.offset, data));
        d.offset += data.size();
        if (d.offset >= d.size)
            queue.downloads.erase(queue.downloads.begin() + qsizetype(queue.next));
        else
            ++queue.next;
    }
}

void TransferService::cancelDownload(ClientConnection &c, const QString &fileId, const Reply &reply)
{
    auto it = m_downloads.find(&c);
    if (it != m_downloads.end()) {
        auto &list = it->second.downloads;
        const auto found = std::find_if(
            list.begin(), list.end(), [&](const ActiveDownload &d) { return d.fileId == fileId; });
        if (found != list.end()) {
            list.erase(found);
            return reply.success({});
        }
    }
    reply.failure(makeError(ErrorCode::NotFound, u"no such download in progress here"_s));
}

void TransferService::fileInfo(UserId user, const QString &fileId, const Reply &reply)
{
    runInStorage<std::optional<StoredFile>>(
        m_storage, this,
        [fileId, user](Repositories &repos) { return repos.files.findReadable(fileId, user); },
        [reply](Result<std::optional<StoredFile>> found) {
            if (!found)
                return reply.failure(found.error());
            if (!found->has_value())
                return reply.failure(noSuchFile());
            reply.success(P::FileReply{toInfo(**found)}.toJson());
        });
}

void TransferService::connectionClosed(ClientConnection *c)
{
    if (auto it = m_downloads.find(c); it != m_downloads.end()) {
        disconnect(it->second.writable);
        m_downloads.erase(it);
    }
    QStringList orphaned;
    for (auto it = m_uploads.begin(); it != m_uploads.end();) {
        if (it->connection == c || !it->connection) {
            if (!it->finishing) {
                orphaned.append(it.key());
                it = m_uploads.erase(it);
                continue;
            }
        }
        ++it;
    }
    if (orphaned.isEmpty())
        return;
    // The sweep's clock starts when the client went away, not when it started.
    runInStorage<Done>(
        m_storage, this,
        [orphaned, now = m_clock()](Repositories &repos) -> Result<Done> {
            for (const QString &id : orphaned) {
                if (Status s = repos.files.touchUpload(id, now); !s)
                    return s.error();
            }
            return Done{};
        },
        [](Result<Done>) {});
}

void TransferService::sweepAbandoned()
{
    const qint64 cutoff = m_clock() - qint64(m_limits.abandonedUploadSeconds) * 1000;
    QStringList busy;
    for (auto it = m_uploads.cbegin(); it != m_uploads.cend(); ++it) {
        if (it->connection)
            busy.append(it.key());
    }
    runInStorage<QStringList>(
        m_storage, this,
        [cutoff, busy](Repositories &repos) -> Result<QStringList> {
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
        },
        [this](Result<QStringList> removed) {
            if (!removed || removed->isEmpty())
                return;
            qCInfo(lcNet) << "removed" << removed->size() << "abandoned uploads";
            const QStringList ids = *removed;
            onIo<bool>(
                [ids](UploadIo &io) {
                    for (const QString &id : ids)
                        io.discard(id);
                    return true;
                },
                [](bool) {});
        });
}

} // namespace Banter::Server
