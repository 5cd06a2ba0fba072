// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// File transfer, spoken on a separate WebSocket (path /transfer) so that chunks never queue
// in front of chat frames: upload_start, upload_finish, upload_cancel, download,
// download_cancel, file; the upload_progress, upload_failed and download_failed pushes. The
// bytes themselves travel in binary frames (transferframe.h).

#include <banter/bantershared_export.h>
#include <banter/domain/result.h>

#include <QJsonObject>
#include <QString>

namespace Banter::Protocol {

// A stored file as the server describes it. The id is random and unguessable; size,
// mime type and hash are the server's findings, never the uploader's claims.
struct BANTERSHARED_EXPORT FileInfo
{
    QString id;
    QString name;
    qint64 size = 0;
    QString mimeType;
    QString sha256; // lower-case hex
    qint64 createdAtMs = 0;
    QJsonObject toJson() const;
    static Result<FileInfo> fromJson(const QJsonObject &object);
    friend bool operator==(const FileInfo &, const FileInfo &) = default;
};

// Starts an upload, or resumes one: with upload_id, that upload; without, an unfinished
// upload of mine with the same size and hash if there is one.
struct BANTERSHARED_EXPORT UploadStartRequest
{
    static constexpr int Sha256HexLength = 64;
    QString name;
    qint64 size = 0;
    QString sha256; // lower-case hex of the whole content
    QString uploadId; // optional: resume this upload
    QJsonObject toJson() const;
    static Result<UploadStartRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const UploadStartRequest &, const UploadStartRequest &) = default;
};

// Send bytes from `offset` on, in chunks of at most `chunk_size`, with at most `window`
// bytes not yet confirmed by upload_progress.
struct BANTERSHARED_EXPORT UploadStartReply
{
    QString uploadId;
    qint64 offset = 0;
    int chunkSize = 0;
    int window = 0;
    QJsonObject toJson() const;
    static Result<UploadStartReply> fromJson(const QJsonObject &object);
    friend bool operator==(const UploadStartReply &, const UploadStartReply &) = default;
};

// upload_finish, upload_cancel and the upload_progress push carry the upload id (and the
// push the bytes stored so far).
struct BANTERSHARED_EXPORT UploadRef
{
    QString uploadId;
    qint64 offset = 0; // upload_progress only
    QJsonObject toJson() const;
    static Result<UploadRef> fromJson(const QJsonObject &object);
    friend bool operator==(const UploadRef &, const UploadRef &) = default;
};

// The reply of upload_finish and of file: {"file": FileInfo}.
struct BANTERSHARED_EXPORT FileReply
{
    FileInfo file;
    QJsonObject toJson() const;
    static Result<FileReply> fromJson(const QJsonObject &object);
    friend bool operator==(const FileReply &, const FileReply &) = default;
};

// download, download_cancel and file: a file id, and where to start.
struct BANTERSHARED_EXPORT DownloadRequest
{
    QString fileId;
    qint64 offset = 0;
    QJsonObject toJson() const;
    static Result<DownloadRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const DownloadRequest &, const DownloadRequest &) = default;
};

// upload_failed / download_failed: a transfer stopped outside any request (a bad chunk, a
// disk error); `id` is the upload or file id.
struct BANTERSHARED_EXPORT TransferFailedPush
{
    QString id;
    Error error;
    QJsonObject toJson() const;
    static Result<TransferFailedPush> fromJson(const QJsonObject &object);
};

} // namespace Banter::Protocol
