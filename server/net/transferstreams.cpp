// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/transferstreams.h"

#include "files/uploadio.h"
#include "metrics/servermetrics.h"
#include "net/clientconnection.h"
#include "serverlogging.h"
#include "service/fileservice.h"
#include "service/storageexecutor.h"
#include <banter/protocol/frame.h>
#include <banter/protocol/transferframe.h>
#include <banter/protocol/types.h>

#include <QPromise>
#include <QSet>

namespace Banter::Server {

using namespace Qt::StringLiterals;
namespace P = Protocol;

namespace {
// A download sends while less than this waits in the socket: enough to keep loopback and a
// LAN busy, little enough that memory does not grow with the file.
constexpr qint64 DownloadHighWater = 1024 * 1024;
} // namespace

QJsonObject DownloadStarted::toJson() const
{
    return {{u"file"_s, file.toJson()}, {u"offset"_s, offset}};
}

TransferStreams::TransferStreams(FileService &files, const FileLimits &limits, FileStore store,
                                 Clock clock, QObject *parent)
    : QObject(parent)
    , m_files(files)
    , m_limits(limits)
    , m_store(std::move(store))
    , m_clock(std::move(clock))
{
    m_ioThread.setObjectName(u"banter-transfer-io"_s);
    m_sweep.setInterval(std::chrono::seconds(qMax(1, limits.sweepIntervalSeconds)));
    connect(&m_sweep, &QTimer::timeout, this, &TransferStreams::sweepAbandoned);
}

TransferStreams::~TransferStreams()
{
    stop();
}

Status TransferStreams::start()
{
    if (Status prepared = m_store.prepare(); !prepared)
        return prepared;
    m_io = new UploadIo(m_store);
    m_io->moveToThread(&m_ioThread);
    connect(&m_ioThread, &QThread::finished, m_io, &QObject::deleteLater);
    m_ioThread.start();
    // Partial files without an upload row are leftovers of a crash: remove them.
    m_files.knownUploadIds().then(this, [this](Result<QStringList> known) {
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

void TransferStreams::stop()
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

// Runs `work` (R(UploadIo&)) on the I/O thread; the future finishes there. Continue with
// .then(this, …): both queues are FIFO, so the I/O steps of one upload happen, and answer,
// in order. After stop() the future is cancelled and its continuation never runs.
template<typename R, typename Work>
QFuture<R> TransferStreams::onIo(Work work)
{
    auto promise = std::make_shared<QPromise<R>>();
    promise->start();
    QFuture<R> future = promise->future();
    if (!m_io) {
        future.cancel();
        promise->finish();
        return future;
    }
    UploadIo *io = m_io;
    QMetaObject::invokeMethod(
        io,
        [io, promise, work = std::move(work)]() mutable {
            promise->addResult(work(*io));
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

Status TransferStreams::checkUploadSlots(UserId owner, const QString &except) const
{
    // A paused upload keeps its place on the server but not its slot: otherwise pausing as
    // many uploads as the limit would block every other upload for hours.
    const qint64 idleSince = m_clock() - qint64(m_limits.idleUploadSeconds) * 1000;
    int count = 0;
    for (auto it = m_uploads.cbegin(); it != m_uploads.cend(); ++it) {
        if (it.key() != except && it->row.ownerId == owner && it->connection
            && it->lastActiveMs > idleSince)
            ++count;
    }
    if (count >= m_limits.maxConcurrentUploads)
        return makeError(ErrorCode::LimitExceeded,
                         u"at most %1 uploads at a time"_s.arg(m_limits.maxConcurrentUploads));
    return success();
}

QFuture<Result<P::UploadStartReply>>
TransferStreams::startUpload(ClientConnection &c, const P::UploadStartRequest &request)
{
    if (Status valid = m_files.checkUploadRequest(request); !valid)
        return readyResult<P::UploadStartReply>(valid.error());
    if (Status slot = checkUploadSlots(c.userId(), request.uploadId); !slot)
        return readyResult<P::UploadStartReply>(slot.error());
    const UserId owner = c.userId();
    const bool resuming = !request.uploadId.isEmpty();
    return m_files.findOrCreateUpload(owner, request)
        .then(this,
              [this, owner, request,
               resuming](Result<StoredUpload> upload) -> QFuture<Result<StoredUpload>> {
                  // The same content is being sent right now (the same photo attached twice
                  // at once): that upload is not this one's to take over; this one gets its
                  // own. The two end in the same blob.
                  if (upload && !resuming && isBeingSent(upload->id))
                      return m_files.createUpload(owner, request);
                  return readyResult(std::move(upload));
              })
        .unwrap()
        .then(this,
              [this, conn = QPointer(&c)](
                  Result<StoredUpload> upload) -> QFuture<Result<P::UploadStartReply>> {
                  if (!upload)
                      return readyResult<P::UploadStartReply>(upload.error());
                  if (!conn) // gone: nobody to answer
                      return readyResult<P::UploadStartReply>(
                          makeError(ErrorCode::Unavailable, u"the connection closed"_s));
                  return resumeOnIo(*conn, *upload);
              })
        .unwrap();
}

bool TransferStreams::isBeingSent(const QString &uploadId) const
{
    // One that failed (a bad chunk, a disk error) waits for its client to take it up again,
    // and a client that lost the upload's id does that by content.
    const auto it = m_uploads.constFind(uploadId);
    return it != m_uploads.cend() && it->connection && (it->starting || !it->failed);
}

QFuture<Result<P::UploadStartReply>> TransferStreams::resumeOnIo(ClientConnection &c,
                                                                 const StoredUpload &upload)
{
    if (Status slot = checkUploadSlots(upload.ownerId, upload.id); !slot)
        return readyResult<P::UploadStartReply>(slot.error());
    // The newest start owns the upload: chunks still arriving on an older connection of the
    // same client are refused from now on.
    ActiveUpload &active = m_uploads[upload.id];
    active.connection = &c;
    active.row = upload;
    active.failed = true; // until the I/O thread says where the bytes end
    active.starting = true;
    active.lastActiveMs = m_clock();
    const QString id = upload.id;
    // A start that was taken over before the I/O thread answered gets no answer at all: its
    // future is cancelled, and a cancelled future is never replied to.
    auto answer = std::make_shared<QPromise<Result<P::UploadStartReply>>>();
    answer->start();
    onIo<Result<qint64>>([id](UploadIo &io) {
        return io.open(id);
    }).then(this, [this, id, conn = QPointer(&c), answer](Result<qint64> offset) {
        auto it = m_uploads.find(id);
        if (it == m_uploads.end() || it->connection != conn) {
            answer->future().cancel(); // cancelled, or taken over by a newer start
            answer->finish();
            return;
        }
        if (!offset) {
            m_uploads.erase(it);
            answer->addResult(Result<P::UploadStartReply>(offset.error()));
        } else {
            it->queued = it->written = *offset;
            it->failed = false;
            it->starting = false;
            answer->addResult(
                P::UploadStartReply{id, *offset, m_limits.chunkBytes, m_limits.windowBytes});
        }
        answer->finish();
    });
    return answer->future();
}

void TransferStreams::onBinary(ClientConnection &c, const QByteArray &frame)
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
    ServerMetrics::instance().transferBytes(true, chunk->payload.size());
    const qsizetype from = frame.size() - chunk->payload.size();
    acceptChunk(c, id, chunk->offset, frame, from, chunk->payload.size());
}

void TransferStreams::acceptChunk(ClientConnection &c, const QString &id, qint64 offset,
                                  const QByteArray &frame, qsizetype payloadFrom,
                                  qsizetype payloadSize)
{
    auto it = m_uploads.find(id);
    if (it == m_uploads.end() || it->connection != &c || it->row.ownerId != c.userId())
        return failUpload(c, id, FileService::noSuchUpload());
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
    if (upload.queued + payloadSize > upload.row.size)
        return failUpload(c, id, makeError(ErrorCode::TooLarge, u"more bytes than announced"_s));
    if (upload.queued - upload.written + payloadSize > m_limits.windowBytes)
        return failUpload(
            c, id,
            makeError(ErrorCode::RateLimited,
                      u"more than %1 unconfirmed bytes in flight"_s.arg(m_limits.windowBytes)));
    upload.queued += payloadSize;
    upload.lastActiveMs = m_clock();
    onIo<Result<qint64>>([id, offset, frame, payloadFrom](UploadIo &io) {
        return io.append(id, offset, frame, payloadFrom);
    }).then(this, [this, id, conn = QPointer(&c)](Result<qint64> written) {
        auto it = m_uploads.find(id);
        if (it == m_uploads.end() || !conn || it->connection != conn)
            return;
        if (!written)
            return failUpload(*conn, id, written.error());
        it->written = *written;
        conn->sendFrame(
            P::encodePush(P::Type::UploadProgress, P::UploadRef{id, *written}.toJson()));
    });
}

void TransferStreams::failUpload(ClientConnection &c, const QString &uploadId, const Error &error)
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

QFuture<Result<P::FileReply>> TransferStreams::finishUpload(ClientConnection &c,
                                                            const QString &uploadId)
{
    auto it = m_uploads.find(uploadId);
    if (it == m_uploads.end() || it->connection != &c || it->failed || it->finishing)
        return readyResult<P::FileReply>(FileService::noSuchUpload());
    if (it->queued != it->row.size)
        return readyResult<P::FileReply>(
            makeError(ErrorCode::BadRequest,
                      u"%1 of %2 bytes were sent"_s.arg(it->queued).arg(it->row.size)));
    it->finishing = true;
    const StoredUpload upload = it->row;
    return onIo<Result<QString>>([uploadId, sha = upload.sha256, size = upload.size](UploadIo &io) {
               return io.finish(uploadId, sha, size);
           })
        .then(this,
              [this, upload](Result<QString> mimeType) -> QFuture<Result<StoredFile>> {
                  m_uploads.remove(upload.id);
                  if (mimeType)
                      return m_files.completeUpload(upload, *mimeType);
                  // A hash mismatch deleted the bytes: the upload is over, nothing was stored.
                  m_files.dropUpload(upload.id);
                  return readyResult<StoredFile>(mimeType.error());
              })
        .unwrap()
        .then(this, [](Result<StoredFile> stored) -> Result<P::FileReply> {
            if (!stored)
                return stored.error();
            qCInfo(lcNet) << "stored file" << stored->id << stored->size << "bytes"
                          << stored->mimeType;
            return P::FileReply{FileService::toInfo(*stored)};
        });
}

QFuture<Result<Done>> TransferStreams::cancelUpload(ClientConnection &c, const QString &uploadId)
{
    auto it = m_uploads.find(uploadId);
    if (it != m_uploads.end() && it->connection == &c && it->finishing)
        return readyResult<Done>(makeError(ErrorCode::Conflict, u"the upload is finishing"_s));
    if (it != m_uploads.end() && it->row.ownerId == c.userId())
        m_uploads.erase(it);
    return m_files.cancelUpload(c.userId(), uploadId)
        .then(this, [this, uploadId](Result<Done> done) {
            if (done)
                discardOnIo({uploadId});
            return done;
        });
}

void TransferStreams::discardOnIo(const QStringList &uploadIds)
{
    onIo<bool>([uploadIds](UploadIo &io) {
        for (const QString &id : uploadIds)
            io.discard(id);
        return true;
    });
}

QFuture<Result<DownloadStarted>> TransferStreams::download(ClientConnection &c,
                                                           const P::DownloadRequest &request)
{
    return m_files.readableFile(c.userId(), request.fileId)
        .then(this,
              [this, offset = request.offset,
               conn = QPointer(&c)](Result<StoredFile> file) -> Result<DownloadStarted> {
                  if (!file)
                      return file.error();
                  if (!conn)
                      return makeError(ErrorCode::Unavailable, u"the connection closed"_s);
                  return startDownload(*conn, *file, offset);
              });
}

Result<DownloadStarted> TransferStreams::startDownload(ClientConnection &c, const StoredFile &file,
                                                       qint64 offset)
{
    if (offset > file.size)
        return makeError(ErrorCode::BadRequest,
                         u"offset beyond the end of the file (%1 bytes)"_s.arg(file.size));
    DownloadQueue &queue = m_downloads[&c];
    for (const ActiveDownload &d : queue.downloads) {
        if (d.fileId == file.id)
            return makeError(ErrorCode::Conflict, u"this file is already downloading here"_s);
    }
    // Each download holds its file open until it is sent: bounded per connection like the
    // uploads, so descriptors follow connections, not requests.
    if (qsizetype(queue.downloads.size()) >= m_limits.maxDownloadsPerConnection)
        return makeError(ErrorCode::LimitExceeded,
                         u"at most %1 downloads at a time on one connection"_s.arg(
                             m_limits.maxDownloadsPerConnection));
    ActiveDownload d;
    d.fileId = file.id;
    d.file = std::make_unique<QFile>(m_store.blobPath(file.sha256));
    d.offset = offset;
    d.size = file.size;
    if (!d.file->open(QIODevice::ReadOnly) || !d.file->seek(d.offset)) {
        qCWarning(lcNet) << "blob missing or unreadable for file" << file.id;
        return makeError(ErrorCode::Internal, u"the server cannot read this file"_s);
    }
    if (d.offset == d.size)
        return DownloadStarted{FileService::toInfo(file), offset};
    queue.downloads.push_back(std::move(d));
    if (!queue.writable) {
        ClientConnection *raw = &c;
        queue.writable =
            connect(raw, &ClientConnection::writable, this, [this, raw] { pump(raw); });
    }
    // The chunks follow the answer, which goes out when this returns.
    QMetaObject::invokeMethod(
        this,
        [this, conn = QPointer(&c)] {
            if (conn)
                pump(conn.data());
        },
        Qt::QueuedConnection);
    return DownloadStarted{FileService::toInfo(file), offset};
}

void TransferStreams::pump(ClientConnection *c)
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
        ServerMetrics::instance().transferBytes(false, data.size());
        d.offset += data.size();
        if (d.offset >= d.size)
            queue.downloads.erase(queue.downloads.begin() + qsizetype(queue.next));
        else
            ++queue.next;
    }
}

QFuture<Result<Done>> TransferStreams::cancelDownload(ClientConnection &c, const QString &fileId)
{
    auto it = m_downloads.find(&c);
    if (it != m_downloads.end()) {
        auto &list = it->second.downloads;
        const auto found = std::find_if(
            list.begin(), list.end(), [&](const ActiveDownload &d) { return d.fileId == fileId; });
        if (found != list.end()) {
            list.erase(found);
            return readyResult<Done>(Done{});
        }
    }
    return readyResult<Done>(
        makeError(ErrorCode::NotFound, u"no such download in progress here"_s));
}

void TransferStreams::connectionClosed(ClientConnection *c)
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
    // The partial files stay for a resume, their descriptors do not: an open file per
    // abandoned upload would let one account use up the process's descriptors (accepting
    // connections and opening files would then fail for everyone). A resume reopens it.
    onIo<bool>([orphaned](UploadIo &io) {
        for (const QString &id : orphaned)
            io.release(id);
        return true;
    });
    // The sweep's clock starts when the client went away, not when it started.
    m_files.touchUploads(orphaned);
}

void TransferStreams::sweepAbandoned()
{
    QStringList busy;
    for (auto it = m_uploads.cbegin(); it != m_uploads.cend(); ++it) {
        if (it->connection)
            busy.append(it.key());
    }
    m_files.sweepAbandoned(busy).then(this, [this](Result<QStringList> removed) {
        if (!removed || removed->isEmpty())
            return;
        qCInfo(lcNet) << "removed" << removed->size() << "abandoned uploads";
        discardOnIo(*removed);
    });
}

QFuture<QList<FileStore::Blob>> TransferStreams::listBlobs()
{
    return onIo<QList<FileStore::Blob>>([store = m_store](UploadIo &) { return store.blobs(); });
}

QFuture<std::pair<int, qint64>> TransferStreams::removeBlobs(const QStringList &sha256s)
{
    return onIo<std::pair<int, qint64>>([store = m_store, sha256s](UploadIo &) {
        std::pair<int, qint64> freed{0, 0};
        for (const QString &sha : sha256s) {
            const qint64 size = store.removeBlob(sha);
            if (size >= 0) {
                ++freed.first;
                freed.second += size;
            }
        }
        return freed;
    });
}

} // namespace Banter::Server
