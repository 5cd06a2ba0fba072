// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/transferclient.h>

#include <banter/client/certificatepin.h>
#include <banter/client/clientlogging_p.h>
#include <banter/client/clientsession.h>
#include <banter/protocol/transferframe.h>
#include <banter/protocol/types.h>

#include <QFileInfo>
#include <QPointer>
#include <QThread>
#include <QThreadPool>

namespace Banter {

using namespace Qt::StringLiterals;
namespace P = Protocol;

namespace {
// Upload chunks are handed to the socket while less than this waits in it.
constexpr qint64 SocketHighWater = 1024 * 1024;
// A transfer that keeps being refused mid-way stops retrying after this many resumes.
constexpr int MaxResumes = 8;
constexpr qint64 HashBlock = 1024 * 1024;

Error localError(const QString &message)
{
    return Error{ErrorCode::BadRequest, message, 0};
}
} // namespace

struct TransferClient::Job
{
    Transfer info;
    QString uploadId; // the server's id of this upload, once started
    QString sha256;
    qint64 sent = 0; // upload: bytes handed to the socket
    int chunkSize = 0;
    int window = 0;
    bool hashed = false;
    bool started = false; // running on the current connection
    bool finishing = false;
    int resumes = 0;
    std::unique_ptr<QFile> file; // upload: the file being sent
    // Download: the .part file and its running hash, touched only on the disk thread.
    std::shared_ptr<DiskFile> disk;
    quint64 run = 0; // download: bumped by every start, pause, cancel and failure
    qint64 received = 0; // download: bytes received in this run, written or queued to be
    // Download: stopped on the server while the disk catches up; `stopAcked` once the server
    // confirmed, so that every chunk of the stopped stream has arrived before asking again.
    bool waitingForDisk = false;
    bool stopAcked = false;
    bool slotRetried = false; // upload: refused once with none of ours running
    // Upload: an upload_start awaits its reply. The server may already count it against the
    // uploads-at-a-time limit (it takes the slot before opening the file), so a refusal seen
    // meanwhile by another upload is about that slot, not the quota.
    bool startPending = false;
};

// A download's "<target>.part" and the SHA-256 of the bytes written to it, kept across
// pauses and reconnects so that a resume does not read the file again.
struct TransferClient::DiskFile
{
    QFile file;
    QCryptographicHash hash{QCryptographicHash::Sha256};
    qint64 size = 0; // bytes written and hashed
    bool hashed = false; // size and hash describe the file's first bytes
};

TransferClient::TransferClient(ClientSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &TransferClient::ensureConnected);
    m_slotRetry.setSingleShot(true);
    m_slotRetry.setInterval(20'000);
    connect(&m_slotRetry, &QTimer::timeout, this, &TransferClient::startWaitingUpload);
    connect(&m_socket, &QWebSocket::connected, this, &TransferClient::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &TransferClient::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &TransferClient::onText);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, &TransferClient::onBinary);
    connect(&m_socket, &QWebSocket::bytesWritten, this, &TransferClient::pump);
    connect(&m_socket, &QWebSocket::sslErrors, this, &TransferClient::onSslErrors);
    // New tokens or a fresh sign-in: a transfer connection that could not sign in may now.
    connect(&m_session, &ClientSession::tokensChanged, this, &TransferClient::ensureConnected);
    connect(&m_session, &ClientSession::stateChanged, this, [this](ClientSession::State state) {
        if (state == ClientSession::State::Ready)
            ensureConnected();
    });
    connect(&m_session, &ClientSession::sessionRevoked, this, [this] { m_socket.abort(); });
}

TransferClient::~TransferClient()
{
    m_socket.abort();
    if (m_diskThread) {
        // Disk work still queued runs to its end (its files close); replies to us are
        // dropped with this object.
        m_diskThread->quit();
        m_diskThread->wait();
        m_disk.reset();
    }
}

void TransferClient::onDisk(std::function<void()> work)
{
    if (!m_diskThread) {
        m_diskThread = std::make_unique<QThread>();
        m_diskThread->setObjectName(u"banter-transfer-disk"_s);
        m_disk = std::make_unique<QObject>();
        m_disk->moveToThread(m_diskThread.get());
        m_diskThread->start();
    }
    // One thread and queued calls: a download's writes happen in the order they arrived.
    QMetaObject::invokeMethod(m_disk.get(), std::move(work), Qt::QueuedConnection);
}

void TransferClient::closeDisk(Job &job, bool removePart)
{
    ++job.run; // replies from the disk thread for earlier runs are now stale
    if (job.info.direction != Direction::Download)
        return;
    const QString part = job.info.localPath + u".part"_s;
    std::shared_ptr<DiskFile> disk = job.disk;
    if (removePart)
        job.disk.reset();
    if (!disk && !removePart)
        return;
    onDisk([disk, part, removePart] {
        if (disk)
            disk->file.close();
        if (removePart)
            QFile::remove(part);
    });
}

Attachment TransferClient::attachmentFor(const P::FileInfo &file)
{
    Attachment a;
    a.fileId = file.id;
    a.name = file.name;
    a.size = file.size;
    a.mimeType = file.mimeType;
    return a;
}

TransferClient::Job *TransferClient::find(TransferId id) const
{
    auto it = m_jobs.find(id);
    return it == m_jobs.end() ? nullptr : it->second.get();
}

TransferClient::Job *TransferClient::findUpload(const QString &uploadId) const
{
    for (const auto &[id, job] : m_jobs) {
        if (job->info.direction == Direction::Upload && job->uploadId == uploadId)
            return job.get();
    }
    return nullptr;
}

TransferClient::Job *TransferClient::findDownload(const QString &fileId) const
{
    for (const auto &[id, job] : m_jobs) {
        if (job->info.direction == Direction::Download && job->info.file.id == fileId
            && job->started)
            return job.get();
    }
    return nullptr;
}

std::optional<TransferClient::Transfer> TransferClient::transfer(TransferId id) const
{
    if (Job *job = find(id))
        return job->info;
    return std::nullopt;
}

QList<TransferClient::Transfer> TransferClient::transfers() const
{
    QList<Transfer> list;
    for (const auto &[id, job] : m_jobs)
        list.append(job->info);
    return list;
}

bool TransferClient::hasWork() const
{
    for (const auto &[id, job] : m_jobs) {
        if ((job->info.state == State::Preparing || job->info.state == State::Queued
             || job->info.state == State::Running)
            && (job->info.direction == Direction::Download || job->hashed))
            return true;
    }
    return false;
}

void TransferClient::setState(Job &job, State state)
{
    if (job.info.state == state)
        return;
    job.info.state = state;
    const bool freesSlot = job.info.direction == Direction::Upload
        && (state == State::Finished || state == State::Failed || state == State::Cancelled
            || state == State::Paused);
    Q_EMIT stateChanged(job.info.id, state);
    if (freesSlot)
        QMetaObject::invokeMethod(this, &TransferClient::startWaitingUpload, Qt::QueuedConnection);
}

int TransferClient::uploadsHoldingASlot(TransferId except) const
{
    int holding = 0;
    for (const auto &[id, job] : m_jobs) {
        if (id != except && job->info.direction == Direction::Upload
            && (job->info.state == State::Running || job->startPending))
            ++holding;
    }
    return holding;
}

void TransferClient::waitForSlot(Job &job)
{
    setState(job, State::Queued);
    // A paused upload frees its slot on the server only after a while: look again then too.
    m_slotRetry.start();
}

void TransferClient::startWaitingUpload()
{
    for (const auto &[id, job] : m_jobs) {
        if (job->info.state == State::Queued)
            return start(*job); // one at a time: refused again, it waits again
    }
}

void TransferClient::fail(Job &job, const Error &error)
{
    qCInfo(lcClient) << "transfer" << job.info.id << "failed:" << error.message;
    job.info.error = error;
    job.started = false;
    job.file.reset();
    closeDisk(job);
    setState(job, State::Failed);
    Q_EMIT failed(job.info.id, error);
}

TransferClient::TransferId TransferClient::upload(const QString &localPath, const QString &name)
{
    auto job = std::make_unique<Job>();
    const TransferId id = m_nextId++;
    const QFileInfo info(localPath);
    job->info.id = id;
    job->info.direction = Direction::Upload;
    job->info.localPath = localPath;
    job->info.name = name.isEmpty() ? info.fileName() : name;
    job->info.size = info.size();
    Job &ref = *job;
    m_jobs.emplace(id, std::move(job));
    if (!info.isFile() || !info.isReadable()) {
        QMetaObject::invokeMethod(
            this,
            [this, id] {
                if (Job *j = find(id))
                    fail(*j, localError(tr("%1 cannot be read").arg(j->info.localPath)));
            },
            Qt::QueuedConnection);
        return id;
    }
    if (ref.info.size == 0) {
        QMetaObject::invokeMethod(
            this,
            [this, id] {
                if (Job *j = find(id))
                    fail(*j, localError(tr("Empty files cannot be sent")));
            },
            Qt::QueuedConnection);
        return id;
    }
    // Hashing a large file takes a while: off the caller's thread.
    QPointer<TransferClient> self(this);
    QThreadPool::globalInstance()->start([self, id, localPath] {
        QFile file(localPath);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        const bool ok = file.open(QIODevice::ReadOnly) && hash.addData(&file);
        const QString sha = QString::fromLatin1(hash.result().toHex());
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, id, ok, sha] {
                if (!self)
                    return;
                Job *job = self->find(id);
                if (!job || job->info.state == State::Cancelled)
                    return;
                if (!ok)
                    return self->fail(*job,
                                      localError(tr("%1 cannot be read").arg(job->info.localPath)));
                job->sha256 = sha;
                job->hashed = true;
                if (job->info.state == State::Preparing)
                    self->start(*job);
            },
            Qt::QueuedConnection);
    });
    return id;
}

TransferClient::TransferId TransferClient::download(const QString &fileId,
                                                    const QString &targetPath)
{
    auto job = std::make_unique<Job>();
    const TransferId id = m_nextId++;
    job->info.id = id;
    job->info.direction = Direction::Download;
    job->info.localPath = targetPath;
    job->info.name = QFileInfo(targetPath).fileName();
    job->info.file.id = fileId;
    job->hashed = true;
    m_jobs.emplace(id, std::move(job));
    QMetaObject::invokeMethod(
        this,
        [this, id] {
            if (Job *j = find(id); j && j->info.state == State::Preparing)
                start(*j);
        },
        Qt::QueuedConnection);
    return id;
}

void TransferClient::pause(TransferId id)
{
    Job *job = find(id);
    if (!job
        || (job->info.state != State::Running && job->info.state != State::Preparing
            && job->info.state != State::Queued))
        return;
    if (job->info.direction == Direction::Download && job->started && m_authenticated)
        request(P::Type::DownloadCancel, P::DownloadRequest{job->info.file.id, 0}.toJson(),
                [](const P::ServerFrame &) {});
    job->started = false;
    job->file.reset();
    closeDisk(*job);
    setState(*job, State::Paused);
}

void TransferClient::resume(TransferId id)
{
    Job *job = find(id);
    if (!job || (job->info.state != State::Paused && job->info.state != State::Failed))
        return;
    job->info.error.reset();
    job->resumes = 0;
    setState(*job, State::Preparing);
    if (job->hashed)
        start(*job);
}

void TransferClient::cancel(TransferId id)
{
    Job *job = find(id);
    if (!job || job->info.state == State::Finished || job->info.state == State::Cancelled)
        return;
    if (m_authenticated) {
        if (job->info.direction == Direction::Upload && !job->uploadId.isEmpty())
            request(P::Type::UploadCancel, P::UploadRef{job->uploadId, 0}.toJson(),
                    [](const P::ServerFrame &) {});
        if (job->info.direction == Direction::Download && job->started)
            request(P::Type::DownloadCancel, P::DownloadRequest{job->info.file.id, 0}.toJson(),
                    [](const P::ServerFrame &) {});
    }
    job->started = false;
    job->file.reset();
    closeDisk(*job, true);
    setState(*job, State::Cancelled);
}

void TransferClient::start(Job &job)
{
    setState(job, State::Preparing);
    if (!m_authenticated)
        return ensureConnected();
    if (job.info.direction == Direction::Upload)
        startUpload(job);
    else
        startDownload(job);
}

void TransferClient::startAll()
{
    for (const auto &[id, job] : m_jobs) {
        if (job->info.state == State::Preparing || job->info.state == State::Queued
            || job->info.state == State::Running) {
            if (job->hashed)
                start(*job);
        }
    }
}

void TransferClient::ensureConnected()
{
    if (m_authenticated || m_connecting || !hasWork() || m_session.accessToken().isEmpty()
        || !m_session.url().isValid())
        return;
    m_connecting = true;
    QUrl url = m_session.url();
    url.setPath(u"/transfer"_s);
    m_socket.open(url);
}

void TransferClient::onSslErrors(const QList<QSslError> &errors)
{
    // The chat connection pinned the server's certificate before this one opens; the
    // transfer connection accepts that certificate and nothing else.
    const QByteArray presented =
        CertificatePin::fingerprint(CertificatePin::presentedCertificate(errors));
    const QByteArray pinned = m_session.pinnedCertificate(m_socket.requestUrl());
    if (!presented.isEmpty() && presented == pinned && CertificatePin::onlyTrustErrors(errors)) {
        m_socket.ignoreSslErrors(errors);
        return;
    }
    qCWarning(lcClient) << "transfer connection: the server's certificate is not the pinned one";
    const Error refused = localError(
        tr("The server's certificate is not the one trusted for it; transfers were stopped."));
    for (const auto &[id, job] : m_jobs) {
        const State state = job->info.state;
        if (state == State::Preparing || state == State::Queued || state == State::Running)
            fail(*job, refused);
    }
}

void TransferClient::onConnected()
{
    request(P::Type::Auth, {{u"token"_s, m_session.accessToken()}},
            [this](const P::ServerFrame &reply) {
                if (!reply.success) {
                    // An expired token: the chat session refreshes it, and tokensChanged
                    // brings us back. Until then, retry with backoff.
                    qCInfo(lcClient) << "transfer connection refused:" << reply.error.message;
                    m_socket.close();
                    return;
                }
                m_connecting = false;
                m_authenticated = true;
                m_backoff.reset();
                startAll();
            });
}

void TransferClient::onDisconnected()
{
    m_authenticated = false;
    m_connecting = false;
    m_pending.clear();
    for (const auto &[id, job] : m_jobs) {
        job->started = false;
        job->finishing = false;
        job->startPending = false;
    }
    if (hasWork())
        m_retry.start(m_backoff.nextDelayMs());
}

void TransferClient::request(QLatin1String type, const QJsonObject &data, Callback callback)
{
    const QString rid = QString::number(m_nextRid++);
    m_pending.insert(rid, std::move(callback));
    m_socket.sendTextMessage(QString::fromUtf8(P::encodeRequest(type, rid, data)));
}

void TransferClient::onText(const QString &text)
{
    Result<P::ServerFrame> frame = P::decodeServerFrame(text.toUtf8());
    if (!frame)
        return;
    if (frame->kind == P::ServerFrame::Kind::Response) {
        Callback callback = m_pending.take(frame->rid);
        if (callback)
            callback(*frame);
        return;
    }
    if (frame->type == P::Type::UploadProgress) {
        if (Result<P::UploadRef> progress = P::UploadRef::fromJson(frame->data))
            onUploadProgress(*progress);
    } else if (frame->type == P::Type::UploadFailed || frame->type == P::Type::DownloadFailed) {
        Result<P::TransferFailedPush> push = P::TransferFailedPush::fromJson(frame->data);
        if (!push)
            return;
        const bool upload = frame->type == P::Type::UploadFailed;
        Job *job = upload ? findUpload(push->id) : findDownload(push->id);
        if (!job || job->info.state != State::Running)
            return;
        const bool retryable = push->error.code == ErrorCode::Conflict
            || push->error.code == ErrorCode::NotFound || push->error.code == ErrorCode::RateLimited
            || push->error.code == ErrorCode::Internal;
        if (retryable && ++job->resumes <= MaxResumes) {
            job->started = false;
            return start(*job); // from wherever the server has got to
        }
        fail(*job, push->error);
    }
}

void TransferClient::startUpload(Job &job)
{
    job.started = false;
    job.startPending = true;
    const TransferId id = job.info.id;
    request(P::Type::UploadStart,
            P::UploadStartRequest{job.info.name, job.info.size, job.sha256, job.uploadId}.toJson(),
            [this, id](const P::ServerFrame &reply) {
                Job *job = find(id);
                if (!job)
                    return;
                job->startPending = false;
                if (job->info.state != State::Preparing)
                    return;
                if (!reply.success) {
                    // The server forgot the upload (it was swept): start it afresh.
                    if (reply.error.code == ErrorCode::NotFound && !job->uploadId.isEmpty()) {
                        job->uploadId.clear();
                        return startUpload(*job);
                    }
                    // Ten files attached at once: the ones past the server's uploads-at-a-time
                    // wait for a slot instead of failing. With none of ours running the limit
                    // is the quota (or ours ended just now: asked once more to be sure).
                    if (reply.error.code == ErrorCode::LimitExceeded) {
                        if (uploadsHoldingASlot(id) > 0)
                            return waitForSlot(*job);
                        if (!job->slotRetried) {
                            job->slotRetried = true;
                            return startUpload(*job);
                        }
                    }
                    return fail(*job, reply.error);
                }
                job->slotRetried = false;
                Result<P::UploadStartReply> started = P::UploadStartReply::fromJson(reply.data);
                if (!started)
                    return fail(*job, started.error());
                job->uploadId = started->uploadId;
                job->chunkSize = started->chunkSize;
                job->window = started->window;
                job->file = std::make_unique<QFile>(job->info.localPath);
                if (!job->file->open(QIODevice::ReadOnly) || !job->file->seek(started->offset))
                    return fail(*job, localError(tr("%1 cannot be read").arg(job->info.localPath)));
                job->sent = started->offset;
                job->info.done = started->offset;
                job->started = true;
                setState(*job, State::Running);
                Q_EMIT progress(job->info.id, job->info.done, job->info.size);
                if (job->info.done == job->info.size)
                    return finishUpload(*job);
                pump();
            });
}

void TransferClient::pump()
{
    if (!m_authenticated)
        return;
    bool sentSome = true;
    while (sentSome && m_socket.bytesToWrite() < SocketHighWater) {
        sentSome = false;
        for (const auto &[id, job] : m_jobs) {
            if (job->info.direction != Direction::Upload || !job->started || job->finishing
                || job->info.state != State::Running || job->sent >= job->info.size)
                continue;
            const qint64 want = qMin<qint64>(job->chunkSize, job->info.size - job->sent);
            if (job->sent - job->info.done + want > job->window)
                continue;
            const QByteArray data = job->file->read(want);
            if (data.size() != want) {
                fail(*job,
                     localError(tr("%1 changed while it was being sent").arg(job->info.localPath)));
                break; // m_jobs is unchanged, but start over to be safe
            }
            m_socket.sendBinaryMessage(
                P::encodeChunk(P::ChunkKind::Upload, job->uploadId.toLatin1(), job->sent, data));
            job->sent += want;
            sentSome = true;
        }
    }
}

void TransferClient::onUploadProgress(const P::UploadRef &update)
{
    Job *job = findUpload(update.uploadId);
    if (!job || !job->started || update.offset <= job->info.done)
        return;
    job->info.done = update.offset;
    Q_EMIT progress(job->info.id, job->info.done, job->info.size);
    if (job->info.done == job->info.size)
        finishUpload(*job);
    else
        pump();
}

void TransferClient::finishUpload(Job &job)
{
    if (job.finishing)
        return;
    job.finishing = true;
    const TransferId id = job.info.id;
    request(P::Type::UploadFinish, P::UploadRef{job.uploadId, 0}.toJson(),
            [this, id](const P::ServerFrame &reply) {
                Job *job = find(id);
                if (!job || job->info.state != State::Running)
                    return;
                job->finishing = false;
                if (!reply.success)
                    return fail(*job, reply.error);
                Result<P::FileReply> stored = P::FileReply::fromJson(reply.data);
                if (!stored)
                    return fail(*job, stored.error());
                job->info.file = stored->file;
                job->started = false;
                job->file.reset();
                setState(*job, State::Finished);
                Q_EMIT uploaded(id, stored->file);
            });
}

void TransferClient::setDiskBacklogLimits(qint64 high, qint64 low)
{
    m_diskHighWater = qMax<qint64>(1, high);
    m_diskLowWater = qBound<qint64>(0, low, m_diskHighWater);
}

void TransferClient::startDownload(Job &job)
{
    job.started = false;
    job.waitingForDisk = false;
    const quint64 run = ++job.run;
    if (!job.disk)
        job.disk = std::make_shared<DiskFile>();
    const std::shared_ptr<DiskFile> disk = job.disk;
    const QString part = job.info.localPath + u".part"_s;
    const TransferId id = job.info.id;
    // Bytes from an earlier attempt stay in "<target>.part": continue after them. The running
    // hash already covers the bytes this job wrote (a resume after a disconnect or pause):
    // only bytes from an earlier run of the app need reading and hashing again, on the disk
    // thread like every write.
    onDisk([this, disk, part, id, run] {
        bool ok = disk->file.isOpen();
        if (!ok) {
            disk->file.setFileName(part);
            ok = disk->file.open(QIODevice::ReadWrite);
        }
        if (ok && (!disk->hashed || disk->file.size() != disk->size)) {
            disk->hash.reset();
            disk->size = 0;
            ok = disk->file.seek(0);
            while (ok && !disk->file.atEnd()) {
                const QByteArray block = disk->file.read(HashBlock);
                if (block.isEmpty())
                    break;
                disk->hash.addData(block);
                disk->size += block.size();
            }
            disk->hashed = ok;
        }
        ok = ok && disk->file.seek(disk->size);
        const qint64 have = disk->size;
        QMetaObject::invokeMethod(
            this, [this, id, run, ok, have] { requestDownload(id, run, ok, have); },
            Qt::QueuedConnection);
    });
}

void TransferClient::requestDownload(TransferId id, quint64 run, bool opened, qint64 have)
{
    Job *job = find(id);
    if (!job || job->run != run || job->info.state != State::Preparing)
        return;
    if (!opened)
        return fail(*job, localError(tr("%1 cannot be written").arg(job->info.localPath)));
    if (!m_authenticated)
        return; // the connection dropped meanwhile: startAll() starts this again
    job->info.done = have;
    job->received = have;
    request(P::Type::Download, P::DownloadRequest{job->info.file.id, have}.toJson(),
            [this, id, run](const P::ServerFrame &reply) {
                Job *job = find(id);
                if (!job || job->run != run || job->info.state != State::Preparing)
                    return;
                if (!reply.success) {
                    // A partial file longer than the file: start over rather than give up.
                    if (reply.error.code == ErrorCode::BadRequest && job->info.done > 0) {
                        const std::shared_ptr<DiskFile> old = std::move(job->disk);
                        onDisk([old] {
                            old->file.resize(0);
                            old->file.close();
                        });
                        return startDownload(*job);
                    }
                    return fail(*job, reply.error);
                }
                Result<P::FileReply> described = P::FileReply::fromJson(reply.data);
                if (!described)
                    return fail(*job, described.error());
                job->info.file = described->file;
                job->info.size = described->file.size;
                job->started = true;
                setState(*job, State::Running);
                Q_EMIT progress(job->info.id, job->info.done, job->info.size);
                if (job->info.done == job->info.size)
                    finishDownload(*job);
            });
}

void TransferClient::onBinary(const QByteArray &frame)
{
    const std::optional<P::ChunkView> chunk = P::decodeChunk(frame);
    if (!chunk || chunk->kind != P::ChunkKind::Download)
        return;
    Job *job = findDownload(QString::fromLatin1(chunk->id));
    if (!job || job->info.state != State::Running)
        return;
    const qint64 length = chunk->payload.size();
    if (chunk->offset != job->received || job->received + length > job->info.size) {
        // Out of step with the server: ask again from what is on disk.
        request(P::Type::DownloadCancel, P::DownloadRequest{job->info.file.id, 0}.toJson(),
                [](const P::ServerFrame &) {});
        if (++job->resumes > MaxResumes)
            return fail(*job, localError(tr("The download kept going out of step")));
        return start(*job);
    }
    job->received += length;
    if (!job->waitingForDisk && job->received - job->info.done > m_diskHighWater)
        waitForDisk(*job);
    // The frame is shared, not copied, into the disk thread; the payload is a part of it.
    const qsizetype at = chunk->payload.data() - frame.constData();
    const TransferId id = job->info.id;
    const quint64 run = job->run;
    onDisk([this, disk = job->disk, frame, at, length, id, run] {
        if (!disk->file.isOpen())
            return; // paused or cancelled before this chunk's turn; a resume asks again
        const char *data = frame.constData() + at;
        const bool ok = disk->file.write(data, length) == length;
        if (ok) {
            disk->hash.addData(QByteArrayView(data, length));
            disk->size += length;
        } else {
            disk->hashed = false; // the file's end is unknown now: hash it again on resume
        }
        const qint64 size = disk->size;
        QMetaObject::invokeMethod(
            this, [this, id, run, ok, size] { onWritten(id, run, ok, size); },
            Qt::QueuedConnection);
    });
}

void TransferClient::onWritten(TransferId id, quint64 run, bool ok, qint64 size)
{
    Job *job = find(id);
    if (!job || job->run != run || job->info.state != State::Running)
        return;
    if (!ok)
        return fail(*job, localError(tr("%1 cannot be written").arg(job->info.localPath)));
    job->info.done = size;
    Q_EMIT progress(job->info.id, job->info.done, job->info.size);
    if (job->info.done == job->info.size)
        return finishDownload(*job);
    if (job->waitingForDisk)
        continueAfterDisk(*job);
}

// The disk is behind: stop the server's stream (the chunks already on their way still come
// and are written) rather than hold an ever larger queue of chunks in memory.
void TransferClient::waitForDisk(Job &job)
{
    ++m_diskWaits;
    job.waitingForDisk = true;
    job.stopAcked = false;
    const TransferId id = job.info.id;
    const quint64 run = job.run;
    request(P::Type::DownloadCancel, P::DownloadRequest{job.info.file.id, 0}.toJson(),
            [this, id, run](const P::ServerFrame &) {
                Job *job = find(id);
                if (!job || job->run != run || !job->waitingForDisk)
                    return;
                job->stopAcked = true; // nothing of the stopped stream is still on its way
                continueAfterDisk(*job);
            });
}

void TransferClient::continueAfterDisk(Job &job)
{
    if (!job.stopAcked || job.received - job.info.done > m_diskLowWater)
        return;
    job.waitingForDisk = false;
    if (job.received >= job.info.size)
        return; // everything arrived before the stop took effect
    const TransferId id = job.info.id;
    const quint64 run = job.run;
    request(P::Type::Download, P::DownloadRequest{job.info.file.id, job.received}.toJson(),
            [this, id, run](const P::ServerFrame &reply) {
                Job *job = find(id);
                if (!job || job->run != run || job->info.state != State::Running)
                    return;
                if (!reply.success && ++job->resumes <= MaxResumes)
                    return start(*job); // ask again from what is on disk
                if (!reply.success)
                    fail(*job, reply.error);
            });
}

void TransferClient::finishDownload(Job &job)
{
    job.started = false;
    const TransferId id = job.info.id;
    const quint64 run = job.run;
    onDisk([this, disk = job.disk, id, run] {
        disk->file.close();
        const QString sha = QString::fromLatin1(disk->hash.result().toHex());
        QMetaObject::invokeMethod(
            this, [this, id, run, sha] { onVerified(id, run, sha); }, Qt::QueuedConnection);
    });
}

void TransferClient::onVerified(TransferId id, quint64 run, const QString &sha256)
{
    Job *job = find(id);
    if (!job || job->run != run || job->info.state != State::Running)
        return;
    const QString part = job->info.localPath + u".part"_s;
    job->disk.reset();
    if (sha256 != job->info.file.sha256) {
        QFile::remove(part);
        return fail(*job, localError(tr("The downloaded file is damaged; try again")));
    }
    QFile::remove(job->info.localPath);
    if (!QFile::rename(part, job->info.localPath))
        return fail(*job, localError(tr("%1 cannot be written").arg(job->info.localPath)));
    setState(*job, State::Finished);
    Q_EMIT downloaded(job->info.id, job->info.localPath);
}

} // namespace Banter
