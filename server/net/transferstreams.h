// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/serverconfig.h"
#include "files/filestore.h"
#include "service/servicecontext.h"
#include <banter/protocol/transfermessages.h>

#include <QFile>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <memory>
#include <unordered_map>
#include <vector>

namespace Banter::Server {

class ClientConnection;
class FileService;
class UploadIo;

// The answer to download: the file, and where its chunks start.
struct DownloadStarted
{
    Protocol::FileInfo file;
    qint64 offset = 0;
    QJsonObject toJson() const;
};

// The per-connection half of file transfer: which upload a transfer connection is sending
// and how far it got, chunk intake into UploadIo on its own thread, and downloads paced by
// what the socket has drained, so memory stays bounded by the window, never by the file
// size. What may be stored or read is FileService's decision.
class TransferStreams : public QObject
{
    Q_OBJECT
public:
    TransferStreams(FileService &files, const FileLimits &limits, FileStore store, Clock clock,
                    QObject *parent = nullptr);
    ~TransferStreams() override;

    // Creates the directories, removes partial files nobody knows, starts the I/O thread and
    // the sweep of abandoned uploads.
    Status start();
    void stop();

    QFuture<Result<Protocol::UploadStartReply>>
    startUpload(ClientConnection &c, const Protocol::UploadStartRequest &request);
    void onBinary(ClientConnection &c, const QByteArray &frame);
    QFuture<Result<Protocol::FileReply>> finishUpload(ClientConnection &c, const QString &uploadId);
    QFuture<Result<Done>> cancelUpload(ClientConnection &c, const QString &uploadId);
    // Answers with the file and offset; the chunks follow the answer.
    QFuture<Result<DownloadStarted>> download(ClientConnection &c,
                                              const Protocol::DownloadRequest &request);
    QFuture<Result<Done>> cancelDownload(ClientConnection &c, const QString &fileId);
    void connectionClosed(ClientConnection *c);
    // Removes uploads untouched for longer than the limit (also run by a timer).
    void sweepAbandoned();
    // Retention's disk work (RetentionSweep), on the I/O thread. Queued there in order with
    // every upload's finish, a removal asked for right after storage found a blob
    // unreferenced happens before any upload started later can find the blob and keep it.
    // Cancelled when the I/O thread is not running.
    QFuture<QList<FileStore::Blob>> listBlobs();
    // Answers how many of the blobs went and the bytes freed.
    QFuture<std::pair<int, qint64>> removeBlobs(const QStringList &sha256s);

private:
    struct ActiveUpload
    {
        QPointer<ClientConnection> connection;
        StoredUpload row;
        qint64 queued = 0; // bytes accepted from the socket
        qint64 written = 0; // bytes on disk and hashed
        bool failed = false; // stop answering further chunks until a resume
        bool starting = false; // (re)started, waiting for the I/O thread to open it
        bool finishing = false;
        qint64 lastActiveMs = 0; // started, resumed or sent a chunk (for the concurrency limit)
    };
    struct ActiveDownload
    {
        QString fileId;
        std::unique_ptr<QFile> file;
        qint64 offset = 0;
        qint64 size = 0;
    };
    struct DownloadQueue
    {
        std::vector<ActiveDownload> downloads;
        size_t next = 0; // round robin between downloads on one connection
        QMetaObject::Connection writable;
    };

    template<typename R, typename Work>
    QFuture<R> onIo(Work work);
    void acceptChunk(ClientConnection &c, const QString &id, qint64 offset, const QByteArray &frame,
                     qsizetype payloadFrom, qsizetype payloadSize);
    void failUpload(ClientConnection &c, const QString &uploadId, const Error &error);
    QFuture<Result<Protocol::UploadStartReply>> resumeOnIo(ClientConnection &c,
                                                           const StoredUpload &upload);
    Status checkUploadSlots(UserId owner, const QString &except) const;
    bool isBeingSent(const QString &uploadId) const;
    void discardOnIo(const QStringList &uploadIds);
    Result<DownloadStarted> startDownload(ClientConnection &c, const StoredFile &file,
                                          qint64 offset);
    void pump(ClientConnection *c);

    FileService &m_files;
    const FileLimits &m_limits;
    FileStore m_store;
    Clock m_clock;
    QThread m_ioThread;
    UploadIo *m_io = nullptr;
    QTimer m_sweep;
    QHash<QString, ActiveUpload> m_uploads;
    std::unordered_map<ClientConnection *, DownloadQueue> m_downloads;
};

} // namespace Banter::Server
