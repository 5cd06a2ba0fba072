// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "files/filestore.h"
#include <banter/domain/result.h>

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QObject>

#include <memory>

namespace Banter::Server {

// Lives on the transfer I/O thread: appends chunks to partial files and hashes them as they
// arrive, so neither the disk nor SHA-256 ever stalls the thread that serves chat. Calls
// reach it queued (TransferStreams::onIo), in order, so a finish sees every earlier append.
class UploadIo : public QObject
{
    Q_OBJECT
public:
    explicit UploadIo(FileStore store, QObject *parent = nullptr);
    ~UploadIo() override;

    // Opens (or keeps open) the partial file; the answer is how many bytes it holds. After
    // a restart the hash state is rebuilt by reading those bytes once.
    Result<qint64> open(const QString &uploadId);
    // Writes frame[from..] at `offset`, which must be the current end; returns the new end.
    Result<qint64> append(const QString &uploadId, qint64 offset, const QByteArray &frame,
                          qsizetype from);
    // Checks size and hash, sniffs the type from the content, and moves the bytes into the
    // blob store. On a mismatch the partial file is deleted: nothing is stored.
    Result<QString> finish(const QString &uploadId, const QString &sha256, qint64 size);
    // Forgets the upload and deletes its bytes.
    void discard(const QString &uploadId);
    // Forgets the open handle but keeps the bytes (for a later resume).
    void release(const QString &uploadId);

private:
    struct OpenUpload
    {
        QFile file;
        QCryptographicHash hash{QCryptographicHash::Sha256};
        qint64 size = 0;
        qint64 writebackStartedAt = 0; // bytes before this were handed to the disk
    };
    void startWriteback(OpenUpload &upload);

    FileStore m_store;
    QHash<QString, std::shared_ptr<OpenUpload>> m_open;
};

} // namespace Banter::Server
