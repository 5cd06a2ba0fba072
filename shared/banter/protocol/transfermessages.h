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

/// A stored file as the server describes it. The id is random and unguessable; size,
/// mime type and hash are the server's findings, never the uploader's claims.
struct BANTERSHARED_EXPORT FileInfo
{
    QString id; ///< the file id, random and unguessable
    QString name; ///< the name the uploader gave
    qint64 size = 0; ///< in bytes
    QString mimeType; ///< as the server sniffed it from the content
    QString sha256; ///< lower-case hex
    qint64 createdAtMs = 0; ///< when the upload finished (ms since the epoch)
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<FileInfo> fromJson(const QJsonObject &object);
    friend bool operator==(const FileInfo &, const FileInfo &) = default;
};

/// Starts an upload, or resumes one: with upload_id, that upload; without, an unfinished
/// upload of mine with the same size and hash if there is one.
struct BANTERSHARED_EXPORT UploadStartRequest
{
    static constexpr int Sha256HexLength = 64; ///< length of a SHA-256 in hex
    QString name; ///< the file name to store
    qint64 size = 0; ///< the whole file, in bytes
    QString sha256; ///< lower-case hex of the whole content
    QString uploadId; ///< optional: resume this upload
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<UploadStartRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const UploadStartRequest &, const UploadStartRequest &) = default;
};

/// Send bytes from `offset` on, in chunks of at most `chunk_size`, with at most `window`
/// bytes not yet confirmed by upload_progress.
struct BANTERSHARED_EXPORT UploadStartReply
{
    QString uploadId; ///< the upload, for chunks, upload_finish and resuming
    qint64 offset = 0; ///< the first byte the server still needs
    int chunkSize = 0; ///< largest chunk payload, in bytes
    int window = 0; ///< most bytes sent and not yet confirmed
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<UploadStartReply> fromJson(const QJsonObject &object);
    friend bool operator==(const UploadStartReply &, const UploadStartReply &) = default;
};

/// upload_finish, upload_cancel and the upload_progress push carry the upload id (and the
/// push the bytes stored so far).
struct BANTERSHARED_EXPORT UploadRef
{
    QString uploadId; ///< the upload
    qint64 offset = 0; ///< upload_progress only
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<UploadRef> fromJson(const QJsonObject &object);
    friend bool operator==(const UploadRef &, const UploadRef &) = default;
};

/// The reply of upload_finish and of file: {"file": FileInfo}.
struct BANTERSHARED_EXPORT FileReply
{
    FileInfo file; ///< the stored file
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<FileReply> fromJson(const QJsonObject &object);
    friend bool operator==(const FileReply &, const FileReply &) = default;
};

/// download, download_cancel and file: a file id, and where to start.
struct BANTERSHARED_EXPORT DownloadRequest
{
    QString fileId; ///< the file (from a message's attachment)
    qint64 offset = 0; ///< the first byte wanted (to resume a download)
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<DownloadRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const DownloadRequest &, const DownloadRequest &) = default;
};

/// "delete_file" (chat connection): the uploader deletes one of their files. Downloads then
/// answer not_found and the messages that carried it show the attachment as deleted.
struct BANTERSHARED_EXPORT DeleteFileRequest
{
    QString fileId; ///< the file (from FileInfo or a message's attachment)
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<DeleteFileRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const DeleteFileRequest &, const DeleteFileRequest &) = default;
};

/// upload_failed / download_failed: a transfer stopped outside any request (a bad chunk, a
/// disk error); `id` is the upload or file id.
struct BANTERSHARED_EXPORT TransferFailedPush
{
    QString id; ///< the upload or file id
    Error error; ///< why it stopped
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<TransferFailedPush> fromJson(const QJsonObject &object);
};

} // namespace Banter::Protocol
