// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// TransferClient's uploads: hash, ask the server to start (or resume), wait for a slot when
// refused for the uploads-at-a-time limit, send chunks within the server's window, finish.
#include <banter/client/clientlogging_p.h>
#include <banter/client/transferclient_p.h>
#include <banter/protocol/transferframe.h>
#include <banter/protocol/types.h>

#include <QCryptographicHash>
#include <QFileInfo>
#include <QPointer>
#include <QThreadPool>

namespace Banter {

using namespace Qt::StringLiterals;
namespace P = Protocol;
using Step = UploadJob::Step;

namespace {
// Upload chunks are handed to the socket while less than this waits in it.
constexpr qint64 SocketHighWater = 1024 * 1024;

Error unreadable(const QString &path)
{
    return localTransferError(ClientFailure::FileUnreadable, path + u" cannot be read"_s);
}
} // namespace

UploadJob *TransferClientPrivate::findUpload(TransferId id) const
{
    auto it = uploads.find(id);
    return it == uploads.end() ? nullptr : it->second.get();
}

UploadJob *TransferClientPrivate::findUploadByServerId(const QString &uploadId) const
{
    for (const auto &[id, job] : uploads) {
        if (job->uploadId == uploadId)
            return job.get();
    }
    return nullptr;
}

void TransferClientPrivate::move(UploadJob &job, Step to)
{
    const TransferClient::State before = job.info.state;
    if (!job.moveTo(to) || job.info.state == before)
        return;
    const TransferClient::State now = job.info.state;
    Q_EMIT q->stateChanged(job.info.id, now);
    // An upload that stops holding a slot on the server lets a queued one try.
    const bool freesSlot = now == TransferClient::State::Finished
        || now == TransferClient::State::Failed || now == TransferClient::State::Cancelled
        || now == TransferClient::State::Paused;
    if (freesSlot)
        QMetaObject::invokeMethod(
            q, [this] { startWaitingUpload(); }, Qt::QueuedConnection);
}

void TransferClientPrivate::fail(UploadJob &job, const Error &error)
{
    qCInfo(lcClient) << "transfer" << job.info.id << "failed:" << error.message;
    job.info.error = error;
    job.file.reset();
    move(job, Step::Failed);
    Q_EMIT q->failed(job.info.id, error);
}

// Checks what can be checked at once, then hashes the file off the caller's thread (a large
// file takes a while).
void TransferClientPrivate::prepare(UploadJob &job)
{
    const TransferId id = job.info.id;
    const QFileInfo info(job.info.localPath);
    const bool readable = info.isFile() && info.isReadable();
    if (!readable || info.size() == 0) {
        // Reported on the next turn, after the caller has the id.
        const Error error = readable
            ? localTransferError(ClientFailure::FileEmpty, u"empty files cannot be sent"_s)
            : unreadable(job.info.localPath);
        QMetaObject::invokeMethod(
            q,
            [this, id, error] {
                if (UploadJob *j = findUpload(id); j && j->step() != Step::Cancelled)
                    fail(*j, error);
            },
            Qt::QueuedConnection);
        return;
    }
    move(job, Step::Hashing);
    QPointer<TransferClient> self(q);
    QThreadPool::globalInstance()->start([self, id, path = job.info.localPath] {
        QFile file(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        const bool ok = file.open(QIODevice::ReadOnly) && hash.addData(&file);
        const QString sha = QString::fromLatin1(hash.result().toHex());
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, id, ok, sha] {
                if (self)
                    self->d->onHashed(id, ok, sha);
            },
            Qt::QueuedConnection);
    });
}

void TransferClientPrivate::onHashed(TransferId id, bool ok, const QString &sha256)
{
    UploadJob *job = findUpload(id);
    if (!job || job->step() == Step::Cancelled)
        return;
    if (!ok) {
        if (job->step() != Step::Failed)
            fail(*job, unreadable(job->info.localPath));
        return;
    }
    job->sha256 = sha256;
    if (job->step() == Step::Hashing)
        start(*job);
}

void TransferClientPrivate::start(UploadJob &job)
{
    if (!authenticated) {
        job.file.reset();
        move(job, Step::Connecting);
        return ensureConnected();
    }
    sendStart(job);
}

void TransferClientPrivate::sendStart(UploadJob &job)
{
    move(job, Step::Starting);
    job.startPending = true;
    const TransferId id = job.info.id;
    request(P::Type::UploadStart,
            P::UploadStartRequest{job.info.name, job.info.size, job.sha256, job.uploadId}.toJson(),
            [this, id](const Reply &reply) { onStartReply(id, reply); });
}

void TransferClientPrivate::onStartReply(TransferId id, const Reply &reply)
{
    UploadJob *job = findUpload(id);
    if (!job)
        return;
    job->startPending = false;
    if (job->step() != Step::Starting)
        return; // paused or cancelled meanwhile
    if (!reply) {
        // The server forgot the upload (it was swept): start it afresh.
        if (reply.error().code == ErrorCode::NotFound && !job->uploadId.isEmpty()) {
            job->uploadId.clear();
            return sendStart(*job);
        }
        // Ten files attached at once: the ones past the server's uploads-at-a-time wait for a
        // slot instead of failing. With none of ours running the limit is the quota (or ours
        // ended just now: asked once more to be sure).
        if (reply.error().code == ErrorCode::LimitExceeded) {
            if (uploadsHoldingASlot(id) > 0)
                return waitForSlot(*job);
            if (job->limitRefusals++ == 0)
                return sendStart(*job);
        }
        return fail(*job, reply.error());
    }
    job->limitRefusals = 0;
    Result<P::UploadStartReply> started = P::UploadStartReply::fromJson(*reply);
    if (!started)
        return fail(*job, started.error());
    job->uploadId = started->uploadId;
    job->chunkSize = started->chunkSize;
    job->window = started->window;
    job->file = std::make_unique<QFile>(job->info.localPath);
    if (!job->file->open(QIODevice::ReadOnly) || !job->file->seek(started->offset))
        return fail(*job, unreadable(job->info.localPath));
    job->sent = started->offset;
    job->info.done = started->offset;
    move(*job, Step::Running);
    Q_EMIT q->progress(job->info.id, job->info.done, job->info.size);
    if (job->info.done == job->info.size)
        return finishUpload(*job);
    pump();
}

int TransferClientPrivate::uploadsHoldingASlot(TransferId except) const
{
    int holding = 0;
    for (const auto &[id, job] : uploads) {
        if (id != except && (job->isSending() || job->startPending))
            ++holding;
    }
    return holding;
}

void TransferClientPrivate::waitForSlot(UploadJob &job)
{
    move(job, Step::Queued);
    // A paused upload frees its slot on the server only after a while: look again then too.
    slotRetry.start();
}

void TransferClientPrivate::startWaitingUpload()
{
    for (const auto &[id, job] : uploads) {
        if (job->step() == Step::Queued)
            return start(*job); // one at a time: refused again, it waits again
    }
}

void TransferClientPrivate::pump()
{
    if (!authenticated)
        return;
    bool sentSome = true;
    while (sentSome && channel.bytesToWrite() < SocketHighWater) {
        sentSome = false;
        for (const auto &[id, job] : uploads) {
            if (job->step() != Step::Running || job->sent >= job->info.size)
                continue;
            const qint64 want = qMin<qint64>(job->chunkSize, job->info.size - job->sent);
            if (job->sent - job->info.done + want > job->window)
                continue;
            const QByteArray data = job->file->read(want);
            if (data.size() != want) {
                fail(*job,
                     localTransferError(ClientFailure::FileChangedWhileSending,
                                        job->info.localPath
                                            + u" changed while it was being sent"_s));
                break; // the map is unchanged, but start over to be safe
            }
            channel.sendBinary(
                P::encodeChunk(P::ChunkKind::Upload, job->uploadId.toLatin1(), job->sent, data));
            job->sent += want;
            sentSome = true;
        }
    }
}

void TransferClientPrivate::onUploadProgress(const P::UploadRef &update)
{
    UploadJob *job = findUploadByServerId(update.uploadId);
    if (!job || !job->isSending() || update.offset <= job->info.done)
        return;
    job->info.done = update.offset;
    Q_EMIT q->progress(job->info.id, job->info.done, job->info.size);
    if (job->info.done == job->info.size)
        finishUpload(*job);
    else
        pump();
}

void TransferClientPrivate::finishUpload(UploadJob &job)
{
    if (job.step() != Step::Running)
        return; // finishing already
    move(job, Step::Finishing);
    const TransferId id = job.info.id;
    request(P::Type::UploadFinish, P::UploadRef{job.uploadId, 0}.toJson(),
            [this, id](const Reply &reply) {
                UploadJob *job = findUpload(id);
                if (!job || job->step() != Step::Finishing)
                    return;
                if (!reply)
                    return fail(*job, reply.error());
                Result<P::FileReply> stored = P::FileReply::fromJson(*reply);
                if (!stored)
                    return fail(*job, stored.error());
                job->info.file = stored->file;
                job->file.reset();
                move(*job, Step::Finished);
                Q_EMIT q->uploaded(id, stored->file);
            });
}

void TransferClientPrivate::pause(UploadJob &job)
{
    if (!job.isActive())
        return;
    job.file.reset();
    move(job, Step::Paused);
}

void TransferClientPrivate::resume(UploadJob &job)
{
    if (job.step() != Step::Paused && job.step() != Step::Failed)
        return;
    job.info.error.reset();
    job.resumes = 0;
    if (!job.sha256.isEmpty())
        return start(job);
    // Paused while hashing: the hash is still on its way. Failed before it was known: look
    // at the file again.
    if (job.step() == Step::Paused)
        move(job, Step::Hashing);
    else
        prepare(job);
}

void TransferClientPrivate::cancel(UploadJob &job)
{
    if (job.step() == Step::Finished || job.step() == Step::Cancelled)
        return;
    if (authenticated && !job.uploadId.isEmpty())
        request(P::Type::UploadCancel, P::UploadRef{job.uploadId, 0}.toJson());
    job.file.reset();
    move(job, Step::Cancelled);
}

} // namespace Banter
