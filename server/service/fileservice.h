// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/serverconfig.h"
#include "service/servicecontext.h"
#include <banter/protocol/transfermessages.h>

#include <QObject>

namespace Banter::Server {

// File transfer's use case: upload and file rows, the quota, who may read a file, and the
// storage half of removing abandoned uploads. The bytes are not its business: net's
// TransferStreams streams them through UploadIo and asks this service before and after.
class FileService : public QObject
{
    Q_OBJECT
public:
    FileService(StorageExecutor &storage, const FileLimits &limits, Clock clock,
                QObject *parent = nullptr);

    // Checks an upload_start before anything else is looked at: size limit, upload id form.
    Status checkUploadRequest(const Protocol::UploadStartRequest &request) const;
    // The upload to (re)start: the one named by id, else an unfinished one of the same
    // content, else a new one if the owner's quota has room for it. Touches what it finds.
    QFuture<Result<StoredUpload>> findOrCreateUpload(UserId owner,
                                                     const Protocol::UploadStartRequest &request);
    // A new upload even if one of the same content exists (that one is being sent now).
    QFuture<Result<StoredUpload>> createUpload(UserId owner,
                                               const Protocol::UploadStartRequest &request);
    // The verified bytes are in the blob store: the upload becomes a file.
    QFuture<Result<StoredFile>> completeUpload(const StoredUpload &upload, const QString &mimeType);
    // The bytes were refused (hash mismatch): the upload row goes too.
    QFuture<Result<Done>> dropUpload(const QString &uploadId);
    // The owner gives up an upload; NotFound when it is not theirs or not there.
    QFuture<Result<Done>> cancelUpload(UserId owner, const QString &uploadId);
    // A file the user may read (their own, or shared into a conversation they are in).
    QFuture<Result<StoredFile>> readableFile(UserId user, const QString &fileId);
    QFuture<Result<Protocol::FileReply>> fileInfo(UserId user, const QString &fileId);
    // Restarts the abandonment clock of uploads whose connection went away.
    QFuture<Result<Done>> touchUploads(const QStringList &uploadIds);
    // Deletes the rows of uploads untouched for longer than the limit, except `busy`;
    // answers which ones went, so their bytes can go too.
    QFuture<Result<QStringList>> sweepAbandoned(const QStringList &busy);
    // Every upload row (at start-up: partial files without one are leftovers).
    QFuture<Result<QStringList>> knownUploadIds();

    static Protocol::FileInfo toInfo(const StoredFile &file);
    static Error noSuchUpload();
    static Error noSuchFile();

private:
    StorageExecutor &m_storage;
    const FileLimits &m_limits;
    Clock m_clock;
};

} // namespace Banter::Server
