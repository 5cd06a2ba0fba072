// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// TransferClient's downloads: open "<target>.part" and continue after what it holds, ask the
// server, write and hash chunks on the disk thread (stopping the stream while the disk is
// behind), verify the SHA-256 and rename into place.
#include <banter/client/clientlogging_p.h>
#include <banter/client/transferclient_p.h>
#include <banter/protocol/transferframe.h>
#include <banter/protocol/types.h>

#include <QThread>

namespace Banter {

using namespace Qt::StringLiterals;
namespace P = Protocol;
using Step = DownloadJob::Step;

namespace {
constexpr qint64 HashBlock = 1024 * 1024;

Error unwritable(const QString &path)
{
    return localTransferError(ClientFailure::FileUnwritable, path + u" cannot be written"_s);
}

QString partPath(const DownloadJob &job)
{
    return job.info.localPath + u".part"_s;
}
} // namespace

DownloadJob *TransferClientPrivate::findDownload(TransferId id) const
{
    auto it = downloads.find(id);
    return it == downloads.end() ? nullptr : it->second.get();
}

DownloadJob *TransferClientPrivate::findReceiving(const QString &fileId) const
{
    for (const auto &[id, job] : downloads) {
        if (job->info.file.id == fileId && job->isReceiving())
            return job.get();
    }
    return nullptr;
}

void TransferClientPrivate::move(DownloadJob &job, Step to)
{
    const TransferClient::State before = job.info.state;
    if (job.moveTo(to) && job.info.state != before)
        Q_EMIT q->stateChanged(job.info.id, job.info.state);
}

void TransferClientPrivate::fail(DownloadJob &job, const Error &error)
{
    qCInfo(lcClient) << "transfer" << job.info.id << "failed:" << error.message;
    job.info.error = error;
    closePart(job);
    move(job, Step::Failed);
    Q_EMIT q->failed(job.info.id, error);
}

void TransferClientPrivate::onDisk(std::function<void()> work)
{
    if (!diskThread) {
        diskThread = std::make_unique<QThread>();
        diskThread->setObjectName(u"banter-transfer-disk"_s);
        disk = std::make_unique<QObject>();
        disk->moveToThread(diskThread.get());
        diskThread->start();
    }
    // One thread and queued calls: a download's writes happen in the order they arrived.
    QMetaObject::invokeMethod(disk.get(), std::move(work), Qt::QueuedConnection);
}

void TransferClientPrivate::stopDiskThread()
{
    if (!diskThread)
        return;
    // Disk work still queued runs to its end (its files close); replies to us are dropped
    // with the client.
    diskThread->quit();
    diskThread->wait();
    disk.reset();
}

void TransferClientPrivate::closePart(DownloadJob &job, bool removePart)
{
    ++job.run; // replies from the disk thread for earlier runs are now stale
    const QString part = partPath(job);
    std::shared_ptr<DownloadPart> open = job.part;
    if (removePart)
        job.part.reset();
    if (!open && !removePart)
        return;
    onDisk([open, part, removePart] {
        if (open)
            open->file.close();
        if (removePart)
            QFile::remove(part);
    });
}

void TransferClientPrivate::start(DownloadJob &job)
{
    if (!authenticated) {
        move(job, Step::Connecting);
        return ensureConnected();
    }
    move(job, Step::Opening);
    const quint64 run = ++job.run;
    if (!job.part)
        job.part = std::make_shared<DownloadPart>();
    const std::shared_ptr<DownloadPart> part = job.part;
    const QString path = partPath(job);
    const TransferId id = job.info.id;
    // Bytes from an earlier attempt stay in "<target>.part": continue after them. The running
    // hash already covers the bytes this job wrote (a resume after a disconnect or pause):
    // only bytes from an earlier run of the app need reading and hashing again, on the disk
    // thread like every write.
    onDisk([this, part, path, id, run] {
        bool ok = part->file.isOpen();
        if (!ok) {
            part->file.setFileName(path);
            ok = part->file.open(QIODevice::ReadWrite);
        }
        if (ok && (!part->hashed || part->file.size() != part->size)) {
            part->hash.reset();
            part->size = 0;
            ok = part->file.seek(0);
            while (ok && !part->file.atEnd()) {
                const QByteArray block = part->file.read(HashBlock);
                if (block.isEmpty())
                    break;
                part->hash.addData(block);
                part->size += block.size();
            }
            part->hashed = ok;
        }
        ok = ok && part->file.seek(part->size);
        const qint64 have = part->size;
        QMetaObject::invokeMethod(
            q, [this, id, run, ok, have] { requestDownload(id, run, ok, have); },
            Qt::QueuedConnection);
    });
}

void TransferClientPrivate::requestDownload(TransferId id, quint64 run, bool opened, qint64 have)
{
    DownloadJob *job = findDownload(id);
    if (!job || job->run != run || job->step() != Step::Opening)
        return;
    if (!opened)
        return fail(*job, unwritable(job->info.localPath));
    if (!authenticated) {
        // The connection dropped meanwhile: startAll() starts this again.
        move(*job, Step::Connecting);
        return ensureConnected();
    }
    job->info.done = have;
    job->received = have;
    move(*job, Step::Requesting);
    request(P::Type::Download, P::DownloadRequest{job->info.file.id, have}.toJson(),
            [this, id, run](const Reply &reply) { onDownloadReply(id, run, reply); });
}

void TransferClientPrivate::onDownloadReply(TransferId id, quint64 run, const Reply &reply)
{
    DownloadJob *job = findDownload(id);
    if (!job || job->run != run || job->step() != Step::Requesting)
        return;
    if (!reply) {
        // A partial file longer than the file: start over rather than give up.
        if (reply.error().code == ErrorCode::BadRequest && job->info.done > 0) {
            const std::shared_ptr<DownloadPart> old = std::move(job->part);
            onDisk([old] {
                old->file.resize(0);
                old->file.close();
            });
            return start(*job);
        }
        return fail(*job, reply.error());
    }
    Result<P::FileReply> described = P::FileReply::fromJson(*reply);
    if (!described)
        return fail(*job, described.error());
    job->info.file = described->file;
    job->info.size = described->file.size;
    move(*job, Step::Running);
    Q_EMIT q->progress(job->info.id, job->info.done, job->info.size);
    if (job->info.done == job->info.size)
        finishDownload(*job);
}

void TransferClientPrivate::onBinary(const QByteArray &frame)
{
    const std::optional<P::ChunkView> chunk = P::decodeChunk(frame);
    if (!chunk || chunk->kind != P::ChunkKind::Download)
        return;
    DownloadJob *job = findReceiving(QString::fromLatin1(chunk->id));
    if (!job)
        return;
    const qint64 length = chunk->payload.size();
    if (chunk->offset != job->received || job->received + length > job->info.size) {
        // Out of step with the server: ask again from what is on disk.
        request(P::Type::DownloadCancel, P::DownloadRequest{job->info.file.id, 0}.toJson());
        if (++job->resumes > MaxTransferResumes)
            return fail(*job,
                        localTransferError(ClientFailure::DownloadOutOfStep,
                                           u"the download kept going out of step"_s));
        return start(*job);
    }
    job->received += length;
    if (job->step() == Step::Running && job->received - job->info.done > diskHighWater)
        waitForDisk(*job);
    // The frame is shared, not copied, into the disk thread; the payload is a part of it.
    const qsizetype at = chunk->payload.data() - frame.constData();
    const TransferId id = job->info.id;
    const quint64 run = job->run;
    onDisk([this, part = job->part, frame, at, length, id, run] {
        if (!part->file.isOpen())
            return; // paused or cancelled before this chunk's turn; a resume asks again
        const char *data = frame.constData() + at;
        const bool ok = part->file.write(data, length) == length;
        if (ok) {
            part->hash.addData(QByteArrayView(data, length));
            part->size += length;
        } else {
            part->hashed = false; // the file's end is unknown now: hash it again on resume
        }
        const qint64 size = part->size;
        QMetaObject::invokeMethod(
            q, [this, id, run, ok, size] { onWritten(id, run, ok, size); }, Qt::QueuedConnection);
    });
}

void TransferClientPrivate::onWritten(TransferId id, quint64 run, bool ok, qint64 size)
{
    DownloadJob *job = findDownload(id);
    if (!job || job->run != run || !job->isReceiving())
        return;
    if (!ok)
        return fail(*job, unwritable(job->info.localPath));
    job->info.done = size;
    Q_EMIT q->progress(job->info.id, job->info.done, job->info.size);
    if (job->info.done == job->info.size)
        return finishDownload(*job);
    if (job->step() == Step::Stopped)
        continueAfterDisk(*job);
}

// The disk is behind: stop the server's stream (the chunks already on their way still come
// and are written) rather than hold an ever larger queue of chunks in memory.
void TransferClientPrivate::waitForDisk(DownloadJob &job)
{
    ++diskWaits;
    move(job, Step::Throttled);
    const TransferId id = job.info.id;
    const quint64 run = job.run;
    request(P::Type::DownloadCancel, P::DownloadRequest{job.info.file.id, 0}.toJson(),
            [this, id, run](const Reply &) {
                DownloadJob *job = findDownload(id);
                if (!job || job->run != run || job->step() != Step::Throttled)
                    return;
                move(*job, Step::Stopped); // nothing of the stopped stream is still on its way
                continueAfterDisk(*job);
            });
}

void TransferClientPrivate::continueAfterDisk(DownloadJob &job)
{
    if (job.received - job.info.done > diskLowWater)
        return;
    move(job, Step::Running);
    if (job.received >= job.info.size)
        return; // everything arrived before the stop took effect
    const TransferId id = job.info.id;
    const quint64 run = job.run;
    request(P::Type::Download, P::DownloadRequest{job.info.file.id, job.received}.toJson(),
            [this, id, run](const Reply &reply) {
                DownloadJob *job = findDownload(id);
                if (!job || job->run != run || !job->isReceiving() || reply)
                    return;
                if (++job->resumes <= MaxTransferResumes)
                    return start(*job); // ask again from what is on disk
                fail(*job, reply.error());
            });
}

void TransferClientPrivate::finishDownload(DownloadJob &job)
{
    move(job, Step::Verifying);
    const TransferId id = job.info.id;
    const quint64 run = job.run;
    onDisk([this, part = job.part, id, run] {
        part->file.close();
        const QString sha = QString::fromLatin1(part->hash.result().toHex());
        QMetaObject::invokeMethod(
            q, [this, id, run, sha] { onVerified(id, run, sha); }, Qt::QueuedConnection);
    });
}

void TransferClientPrivate::onVerified(TransferId id, quint64 run, const QString &sha256)
{
    DownloadJob *job = findDownload(id);
    if (!job || job->run != run || job->step() != Step::Verifying)
        return;
    const QString part = partPath(*job);
    job->part.reset();
    if (sha256 != job->info.file.sha256) {
        QFile::remove(part);
        return fail(*job,
                    localTransferError(ClientFailure::DownloadDamaged,
                                       u"the downloaded file does not match its hash"_s));
    }
    QFile::remove(job->info.localPath);
    if (!QFile::rename(part, job->info.localPath))
        return fail(*job, unwritable(job->info.localPath));
    move(*job, Step::Finished);
    Q_EMIT q->downloaded(job->info.id, job->info.localPath);
}

void TransferClientPrivate::pause(DownloadJob &job)
{
    if (!job.isActive())
        return;
    if (job.isReceiving() && authenticated)
        request(P::Type::DownloadCancel, P::DownloadRequest{job.info.file.id, 0}.toJson());
    closePart(job);
    move(job, Step::Paused);
}

void TransferClientPrivate::resume(DownloadJob &job)
{
    if (job.step() != Step::Paused && job.step() != Step::Failed)
        return;
    job.info.error.reset();
    job.resumes = 0;
    start(job);
}

void TransferClientPrivate::cancel(DownloadJob &job)
{
    if (job.step() == Step::Finished || job.step() == Step::Cancelled)
        return;
    if (authenticated && job.isReceiving())
        request(P::Type::DownloadCancel, P::DownloadRequest{job.info.file.id, 0}.toJson());
    closePart(job, true);
    move(job, Step::Cancelled);
}

} // namespace Banter
