// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/client/backoff.h>
#include <banter/client/channel.h>
#include <banter/client/clientfailure.h>
#include <banter/client/downloadjob_p.h>
#include <banter/client/transferclient.h>
#include <banter/client/uploadjob_p.h>
#include <banter/protocol/frame.h>

#include <QJsonObject>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>

class QThread;

namespace Banter {

// TransferClient's insides: the transfer connection (transferclient.cpp), the upload jobs
// (transferuploads.cpp) and the download jobs with their disk thread (transferdownloads.cpp).
class TransferClientPrivate
{
public:
    using TransferId = TransferClient::TransferId;
    using Reply = Result<QJsonObject>;
    using Handler = std::function<void(const Reply &)>;

    TransferClientPrivate(TransferClient *q, ClientSession &session);
    TransferClientPrivate(TransferClient *q, ClientSession &session,
                          std::unique_ptr<ChannelTransport> transport);

    // The connection.
    void ensureConnected();
    void onConnected();
    bool acceptCertificate(const QUrl &url, const QList<QSslError> &errors);
    void onDisconnected();
    void onPush(const Protocol::ServerFrame &frame);
    void onFailurePush(const Protocol::ServerFrame &frame);
    void request(QLatin1String type, const QJsonObject &data, Handler handler = {});
    bool hasWork() const;
    void startAll();

    // Uploads.
    UploadJob *findUpload(TransferId id) const;
    UploadJob *findUploadByServerId(const QString &uploadId) const;
    void move(UploadJob &job, UploadJob::Step to);
    void fail(UploadJob &job, const Error &error);
    void prepare(UploadJob &job);
    void onHashed(TransferId id, bool ok, const QString &sha256);
    void start(UploadJob &job);
    void sendStart(UploadJob &job);
    void onStartReply(TransferId id, const Reply &reply);
    int uploadsHoldingASlot(TransferId except) const;
    void waitForSlot(UploadJob &job);
    void startWaitingUpload();
    void pump();
    void onUploadProgress(const Protocol::UploadRef &progress);
    void finishUpload(UploadJob &job);
    void pause(UploadJob &job);
    void resume(UploadJob &job);
    void cancel(UploadJob &job);

    // Downloads.
    DownloadJob *findDownload(TransferId id) const;
    DownloadJob *findReceiving(const QString &fileId) const;
    void move(DownloadJob &job, DownloadJob::Step to);
    void fail(DownloadJob &job, const Error &error);
    void start(DownloadJob &job);
    void requestDownload(TransferId id, quint64 run, bool opened, qint64 have);
    void onDownloadReply(TransferId id, quint64 run, const Reply &reply);
    void onBinary(const QByteArray &frame);
    void onWritten(TransferId id, quint64 run, bool ok, qint64 size);
    void waitForDisk(DownloadJob &job);
    void continueAfterDisk(DownloadJob &job);
    void finishDownload(DownloadJob &job);
    void onVerified(TransferId id, quint64 run, const QString &sha256);
    void closePart(DownloadJob &job, bool removePart = false);
    void onDisk(std::function<void()> work);
    void pause(DownloadJob &job);
    void resume(DownloadJob &job);
    void cancel(DownloadJob &job);
    void stopDiskThread();

    TransferClient *const q;
    ClientSession &session;
    // The transfer connection: opened while there is work, signed in with the session's
    // token. It does not reconnect by itself: retry does, only while there is work.
    Channel channel;
    bool authenticated = false;
    bool shuttingDown = false; // the client is being destroyed: replies are dropped
    Backoff backoff;
    QTimer retry;
    QTimer slotRetry;
    TransferId nextId = 1;
    std::map<TransferId, std::unique_ptr<UploadJob>> uploads;
    std::map<TransferId, std::unique_ptr<DownloadJob>> downloads;
    qint64 diskHighWater = 16 * 1024 * 1024;
    qint64 diskLowWater = 4 * 1024 * 1024;
    quint64 diskWaits = 0;
    // Downloads write and hash their chunks here, never on the caller's (GUI) thread.
    std::unique_ptr<QThread> diskThread;
    std::unique_ptr<QObject> disk; // lives on diskThread: the context of disk work
};

// A transfer that keeps being refused mid-way stops retrying after this many resumes.
inline constexpr int MaxTransferResumes = 8;

// Errors found on this side (not the server's): a reason for the application to word, and
// plain English for developers and logs.
inline Error localTransferError(ClientFailure failure, const QString &message)
{
    return clientError(failure, ErrorCode::BadRequest, message);
}

} // namespace Banter
