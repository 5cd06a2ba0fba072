// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "files/uploadio.h"

#include "serverlogging.h"

#include <QMimeDatabase>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 RehashBlock = 1024 * 1024;

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
    if (!upload->file.open(QIODevice::ReadWrite))
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
    return upload.size;
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
