// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/serverconfig.h"
#include "files/filestore.h"
#include "net/reply.h"
#include <banter/protocol/transfermessages.h>
#include "service/servicecontext.h"

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
class StorageExecutor;
class UploadIo;

// Uploads and downloads on transfer connections. Metadata goes through storage; bytes go to
// an I/O thread (UploadIo) that writes and hashes them, and downloads are paced by what the
// socket has drained, so memory stays bounded by the window, never by the file size.
class TransferService : public QObject
{
    Q_OBJECT
public:
    TransferService(StorageExecutor &storage, const FileLimits &limits, FileStore store,
                    Clock clock, QObject *parent = nullptr);
    ~TransferService() override;

    // Creates the directories, removes partial files nobody knows, starts the I/O thread and
    // the sweep of abandoned uploads.
    Status start();
    void stop();

    void startUpload(ClientConnection &c, const Protocol::UploadStartRequest &request,
                     const Reply &reply);
    void onBinary(ClientConnection &c, const QByteArray &frame);
    void finishUpload(ClientConnection &c, const QString &uploadId, const Reply &reply);
    void cancelUpload(ClientConnection &c, const QString &uploadId, const Reply &reply);
    void download(ClientConnection &c, const Protocol::DownloadRequest &request,
                  const Reply &reply);
    void cancelDownload(ClientConnection &c, const QString &fileId, const Reply &reply);
    void fileInfo(UserId user, const QString &fileId, const Reply &reply);
    void connectionClosed(ClientConnection *c);
    // Removes uploads untouched for longer than the limit (also run by a timer).
    void sweepAbandoned();

    static Protocol::FileInfo toInfo(const StoredFile &file);

private:
    struct ActiveUpload
    {
        QPointer<ClientConnection> connection;
        UserId owner = 0;
        qint64 size = 0;
        QString sha256;
        QString name;
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

    template<typename R, typename Work, typename Then>
    void onIo(Work work, Then then);
    void acceptChunk(ClientConnection &c, const QString &id, qint64 offset, const QByteArray &frame,
                     qsizetype payloadFrom, qsizetype payloadSize);
    void failUpload(ClientConnection &c, const QString &uploadId, const Error &error);
    void resumeOnIo(ClientConnection &c, const StoredUpload &upload, const Reply &reply);
    int activeUploadsOf(UserId owner, const QString &except) const;
    bool isBeingSent(const QString &uploadId) const;
    // Storage thread: a new upload row, if the owner's quota has room for it.
    static Result<StoredUpload> createUpload(Repositories &repos, const StoredUpload &fresh,
                                             qint64 quota);
    void pump(ClientConnection *c);

    StorageExecutor &m_storage;
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
