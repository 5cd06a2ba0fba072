// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/client/backoff.h>
#include <banter/domain/message.h>
#include <banter/domain/result.h>
#include <banter/protocol/frame.h>
#include <banter/protocol/transfermessages.h>

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <QWebSocket>

#include <functional>
#include <map>
#include <memory>
#include <optional>

class QThread;

namespace Banter {

class ClientSession;

// Uploads and downloads files for a signed-in ClientSession, on a second WebSocket to the
// server's /transfer path so that file bytes never queue in front of chat. Every transfer
// resumes by itself after a disconnect (from the offset the other side has), can be paused,
// resumed and cancelled, and reports progress. Uploads are hashed first and verified by the
// server; downloads are written to "<target>.part", verified, then renamed into place, so a
// half-downloaded or corrupted file never appears under its real name.
class BANTERSHARED_EXPORT TransferClient : public QObject
{
    Q_OBJECT
public:
    using TransferId = quint64;
    enum class Direction { Upload, Download };
    enum class State {
        Preparing, // hashing the file, or waiting for the transfer connection
        Queued, // upload: waiting for one of ours to end (the server's uploads-at-a-time)
        Running,
        Paused,
        Finished,
        Failed,
        Cancelled,
    };
    Q_ENUM(State)

    struct Transfer
    {
        TransferId id = 0;
        Direction direction = Direction::Upload;
        State state = State::Preparing;
        QString localPath;
        QString name;
        qint64 size = 0;
        qint64 done = 0; // confirmed by the server (upload) or written to disk (download)
        Protocol::FileInfo file; // known once an upload finished or a download started
        std::optional<Error> error;
    };

    explicit TransferClient(ClientSession &session, QObject *parent = nullptr);
    ~TransferClient() override;

    TransferId upload(const QString &localPath, const QString &name = {});
    TransferId download(const QString &fileId, const QString &targetPath);
    void pause(TransferId id);
    void resume(TransferId id);
    void cancel(TransferId id);
    std::optional<Transfer> transfer(TransferId id) const;
    QList<Transfer> transfers() const;
    bool isConnected() const { return m_authenticated; }

    // Downloads arrive as fast as the network allows; when the disk falls behind by more than
    // `high` bytes, the download is stopped on the server and asked for again from where it
    // got to once no more than `low` bytes wait, so memory does not grow with a slow disk.
    // Defaults: 16 MiB and 4 MiB.
    void setDiskBacklogLimits(qint64 high, qint64 low);
    // How many times a download waited for the disk that way (diagnostics, tests).
    quint64 diskWaits() const { return m_diskWaits; }

    // The attachment of an image or file message for a finished upload.
    static Attachment attachmentFor(const Protocol::FileInfo &file);

Q_SIGNALS:
    void progress(Banter::TransferClient::TransferId id, qint64 done, qint64 total);
    void stateChanged(Banter::TransferClient::TransferId id, Banter::TransferClient::State state);
    void uploaded(Banter::TransferClient::TransferId id, const Banter::Protocol::FileInfo &file);
    void downloaded(Banter::TransferClient::TransferId id, const QString &path);
    void failed(Banter::TransferClient::TransferId id, const Banter::Error &error);

private:
    struct Job;
    struct DiskFile;
    using Callback = std::function<void(const Protocol::ServerFrame &)>;

    Job *find(TransferId id) const;
    Job *findUpload(const QString &uploadId) const;
    Job *findDownload(const QString &fileId) const;
    void setState(Job &job, State state);
    void fail(Job &job, const Error &error);
    void ensureConnected();
    void onConnected();
    void onSslErrors(const QList<QSslError> &errors);
    void onDisconnected();
    void onText(const QString &text);
    void onBinary(const QByteArray &frame);
    void request(QLatin1String type, const QJsonObject &data, Callback callback);
    void startAll();
    void start(Job &job);
    void startUpload(Job &job);
    void startDownload(Job &job);
    void requestDownload(TransferId id, quint64 run, bool opened, qint64 have);
    void onWritten(TransferId id, quint64 run, bool ok, qint64 size);
    void waitForDisk(Job &job);
    int uploadsHoldingASlot(TransferId except) const;
    void waitForSlot(Job &job);
    void startWaitingUpload();
    void continueAfterDisk(Job &job);
    void onVerified(TransferId id, quint64 run, const QString &sha256);
    void closeDisk(Job &job, bool removePart = false);
    void onDisk(std::function<void()> work);
    void pump();
    void onUploadProgress(const Protocol::UploadRef &progress);
    void finishUpload(Job &job);
    void finishDownload(Job &job);
    bool hasWork() const;

    ClientSession &m_session;
    QWebSocket m_socket;
    bool m_authenticated = false;
    bool m_connecting = false;
    Backoff m_backoff;
    QTimer m_retry;
    QTimer m_slotRetry;
    quint64 m_nextRid = 1;
    QHash<QString, Callback> m_pending;
    std::map<TransferId, std::unique_ptr<Job>> m_jobs;
    TransferId m_nextId = 1;
    qint64 m_diskHighWater = 16 * 1024 * 1024;
    qint64 m_diskLowWater = 4 * 1024 * 1024;
    quint64 m_diskWaits = 0;
    // Downloads write and hash their chunks here, never on the caller's (GUI) thread.
    std::unique_ptr<QThread> m_diskThread;
    std::unique_ptr<QObject> m_disk; // lives on m_diskThread: the context of disk work
};

} // namespace Banter
