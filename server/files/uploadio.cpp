// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "files/uploadio.h"

#include "serverlogging.h"

#include <QMimeDatabase>

#include <fcntl.h>
#include <unistd.h>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 RehashBlock = 1024 * 1024;
// How much of an upload may sit in the page cache before it is pushed to the disk.
constexpr qint64 WritebackStep = 8 * 1024 * 1024;

Error diskError(const QFile &file)
{
    qCWarning(lcServer) << "file store:" << file.fileName() << file.errorString();
    return makeError(ErrorCode::Internal, u"the server could not write the file"_s);
}
} // namespace

UploadIo::UploadIo(FileStore store, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
{ }

UploadIo::~UploadIo() = default;

Result<qint64> UploadIo::open(const QString &uploadId)
{
    if (auto it = m_open.constFind(uploadId); it != m_open.cend())
        return (*it)->size;
    auto upload = std::make_shared<OpenUpload>();
    upload->file.setFileName(m_store.partialPath(uploadId));
    // Owner-only from the first byte: the partial file becomes the blob by a rename.
    if (!upload->file.open(QIODevice::ReadWrite, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return diskError(upload->file);
    // Bytes from before a restart: hash them once, in blocks, never all in memory.
    QByteArray block;
    while (!upload->file.atEnd()) {
        block = upload->file.read(RehashBlock);
        if (block.isEmpty())
            return diskError(upload->file);
        upload->hash.addData(block);
        upload->size += block.size();
    }
    m_open.insert(uploadId, upload);
    return upload->size;
}

Result<qint64> UploadIo::append(const QString &uploadId, qint64 offset, const QByteArray &frame,
                                qsizetype from)
{
    Result<qint64> opened = open(uploadId);
    if (!opened)
        return opened.error();
    OpenUpload &upload = *m_open.value(uploadId);
    if (offset != upload.size)
        return makeError(ErrorCode::Conflict,
                         u"chunk at %1, but %2 bytes are stored"_s.arg(offset).arg(upload.size));
    const QByteArrayView payload = QByteArrayView(frame).sliced(from);
    if (!upload.file.seek(upload.size)
        || upload.file.write(payload.data(), payload.size()) != payload.size()
        || !upload.file.flush()) {
        const Error error = diskError(upload.file);
        // What reached the disk is unknown: start over from what is really there.
        release(uploadId);
        return error;
    }
    upload.hash.addData(payload);
    upload.size += payload.size();
    if (upload.size - upload.writebackStartedAt >= WritebackStep)
        startWriteback(upload);
    return upload.size;
}

// Left alone, the kernel writes a large upload out in one burst long after it arrived, and
// every chat commit's fsync meanwhile waits behind that burst (ext4 orders them): chat
// latency spiked to hundreds of milliseconds during a 200 MiB upload. So each step is handed
// to the disk as it completes, and this thread (never the event loop) waits for the step
// before it, which bounds the dirty data of an upload to two steps. It also makes the final
// fdatasync in finish() short.
void UploadIo::startWriteback(OpenUpload &upload)
{
#if defined(Q_OS_LINUX)
    const int fd = upload.file.handle();
    const qint64 from = upload.writebackStartedAt;
    const qint64 length = upload.size - from;
    if (from >= WritebackStep) {
        ::sync_file_range(fd, from - WritebackStep, WritebackStep,
                          SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE
                              | SYNC_FILE_RANGE_WAIT_AFTER);
    }
    ::sync_file_range(fd, from, length, SYNC_FILE_RANGE_WRITE);
#endif
    upload.writebackStartedAt = upload.size;
}

Result<QString> UploadIo::finish(const QString &uploadId, const QString &sha256, qint64 size)
{
    Result<qint64> opened = open(uploadId);
    if (!opened)
        return opened.error();
    std::shared_ptr<OpenUpload> upload = m_open.value(uploadId);
    if (upload->size != size)
        return makeError(ErrorCode::BadRequest,
                         u"%1 of %2 bytes have arrived"_s.arg(upload->size).arg(size));
    const QString actual = QString::fromLatin1(upload->hash.result().toHex());
    if (actual != sha256) {
        discard(uploadId);
        return makeError(ErrorCode::BadRequest,
                         u"the content does not match its SHA-256; nothing was stored"_s);
    }
    // The type comes from the bytes, not from the name or the client's word.
    upload->file.seek(0);
    const QString mimeType = QMimeDatabase().mimeTypeForData(&upload->file).name();
    // On the disk before the database says the file exists: a power cut must not leave a
    // stored file row over a blob with holes.
    if (::fdatasync(upload->file.handle()) != 0) {
        const Error error = diskError(upload->file);
        release(uploadId);
        return error;
    }
    upload->file.close();
    m_open.remove(uploadId);
    if (Status committed = m_store.commit(uploadId, sha256); !committed)
        return committed.error();
    return mimeType;
}

void UploadIo::discard(const QString &uploadId)
{
    release(uploadId);
    m_store.removePartial(uploadId);
}

void UploadIo::release(const QString &uploadId)
{
    m_open.remove(uploadId);
}

} // namespace Banter::Server
