// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/domain/messagecontent.h>
#include <banter/protocol/frame.h>
#include <banter/protocol/jsonreader_p.h>
#include <banter/protocol/transferframe.h>
#include <banter/protocol/transfermessages.h>

namespace Banter::Protocol {

using namespace Qt::StringLiterals;

namespace {
using R = JsonReader;
constexpr qint64 MaxJsonSafe = (1LL << 53) - 1;

bool isTransferId(const QString &id)
{
    if (id.isEmpty() || id.size() > MaxChunkIdLength)
        return false;
    for (QChar c : id) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-'
              || u == '_'))
            return false;
    }
    return true;
}

QString readId(R &r, QLatin1String key, R::Presence presence = R::Required)
{
    QString id = r.string(key, MaxChunkIdLength, presence);
    if (r.ok() && r.has(key) && !isTransferId(id))
        r.fail(ErrorCode::BadRequest, u"'%1' is not a valid id"_s.arg(key));
    return id;
}

bool isSha256Hex(const QString &text)
{
    if (text.size() != UploadStartRequest::Sha256HexLength)
        return false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (!((u >= '0' && u <= '9') || (u >= 'a' && u <= 'f')))
            return false;
    }
    return true;
}
} // namespace

QJsonObject FileInfo::toJson() const
{
    return {{u"id"_s, id},         {u"name"_s, name},
            {u"size"_s, size},     {u"mime_type"_s, mimeType},
            {u"sha256"_s, sha256}, {u"created_at"_s, createdAtMs}};
}

Result<FileInfo> FileInfo::fromJson(const QJsonObject &object)
{
    R r(object, u"file"_s);
    FileInfo v;
    v.id = readId(r, "id"_L1);
    v.name = r.string("name"_L1, MessageContent::MaxFileNameLength);
    v.size = r.integer("size"_L1, 1, MaxJsonSafe);
    v.mimeType = r.string("mime_type"_L1, 255);
    v.sha256 = r.string("sha256"_L1, UploadStartRequest::Sha256HexLength);
    v.createdAtMs = r.integer("created_at"_L1, 0, MaxJsonSafe);
    return r.finish(v);
}

QJsonObject UploadStartRequest::toJson() const
{
    QJsonObject object{{u"name"_s, name}, {u"size"_s, size}, {u"sha256"_s, sha256}};
    if (!uploadId.isEmpty())
        object.insert(u"upload_id"_s, uploadId);
    return object;
}

Result<UploadStartRequest> UploadStartRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    UploadStartRequest v;
    v.name = r.string("name"_L1, MessageContent::MaxFileNameLength);
    v.size = r.integer("size"_L1, 0, MaxJsonSafe);
    v.sha256 = r.string("sha256"_L1, Sha256HexLength);
    v.uploadId = readId(r, "upload_id"_L1, R::Optional);
    if (r.ok() && v.name.trimmed().isEmpty())
        r.fail(ErrorCode::BadRequest, u"'name' must not be empty"_s);
    if (r.ok() && v.size == 0)
        r.fail(ErrorCode::BadRequest, u"empty files cannot be sent"_s);
    if (r.ok() && !isSha256Hex(v.sha256))
        r.fail(ErrorCode::BadRequest, u"'sha256' must be 64 lower-case hex digits"_s);
    return r.finish(v);
}

QJsonObject UploadStartReply::toJson() const
{
    return {{u"upload_id"_s, uploadId},
            {u"offset"_s, offset},
            {u"chunk_size"_s, chunkSize},
            {u"window"_s, window}};
}

Result<UploadStartReply> UploadStartReply::fromJson(const QJsonObject &object)
{
    R r(object);
    UploadStartReply v;
    v.uploadId = readId(r, "upload_id"_L1);
    v.offset = r.integer("offset"_L1, 0, MaxJsonSafe);
    v.chunkSize = int(r.integer("chunk_size"_L1, 1, qint64(64) * 1024 * 1024));
    v.window = int(r.integer("window"_L1, 1, qint64(1024) * 1024 * 1024));
    return r.finish(v);
}

QJsonObject UploadRef::toJson() const
{
    QJsonObject object{{u"upload_id"_s, uploadId}};
    if (offset > 0)
        object.insert(u"offset"_s, offset);
    return object;
}

Result<UploadRef> UploadRef::fromJson(const QJsonObject &object)
{
    R r(object);
    UploadRef v;
    v.uploadId = readId(r, "upload_id"_L1);
    v.offset = r.integer("offset"_L1, 0, MaxJsonSafe, R::Optional);
    return r.finish(v);
}

QJsonObject FileReply::toJson() const
{
    return {{u"file"_s, file.toJson()}};
}

Result<FileReply> FileReply::fromJson(const QJsonObject &object)
{
    R r(object);
    FileReply v;
    v.file = r.nested<FileInfo>("file"_L1, &FileInfo::fromJson);
    return r.finish(v);
}

QJsonObject DownloadRequest::toJson() const
{
    QJsonObject object{{u"file_id"_s, fileId}};
    if (offset > 0)
        object.insert(u"offset"_s, offset);
    return object;
}

Result<DownloadRequest> DownloadRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    DownloadRequest v;
    v.fileId = readId(r, "file_id"_L1);
    v.offset = r.integer("offset"_L1, 0, MaxJsonSafe, R::Optional);
    return r.finish(v);
}

QJsonObject DeleteFileRequest::toJson() const
{
    return {{u"file_id"_s, fileId}};
}

Result<DeleteFileRequest> DeleteFileRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    DeleteFileRequest v;
    v.fileId = readId(r, "file_id"_L1);
    return r.finish(v);
}

QJsonObject TransferFailedPush::toJson() const
{
    return {{u"id"_s, id}, {u"error"_s, errorToJson(error)}};
}

Result<TransferFailedPush> TransferFailedPush::fromJson(const QJsonObject &object)
{
    R r(object);
    TransferFailedPush v;
    v.id = readId(r, "id"_L1);
    const QJsonObject error = r.object("error"_L1);
    if (r.ok()) {
        if (std::optional<Error> decoded = errorFromJson(error))
            v.error = *decoded;
        else
            r.fail(ErrorCode::BadRequest, u"'error' is not an error object"_s);
    }
    return r.finish(v);
}

} // namespace Banter::Protocol
