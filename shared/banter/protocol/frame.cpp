// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/domain/messagecontent.h>
#include <banter/protocol/frame.h>
#include <banter/protocol/jsonreader_p.h>

#include <QJsonDocument>
#include <QJsonParseError>

namespace Banter::Protocol {

using namespace Qt::StringLiterals;

namespace {
QByteArray toFrame(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Status checkDepth(const QJsonObject &object)
{
    if (!withinDepth(object, MaxJsonDepth))
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("JSON is nested deeper than %1 levels").arg(MaxJsonDepth));
    return success();
}

// Parses one frame into a JSON object; nesting depth is checked by the caller.
Result<QJsonObject> parseObject(const QByteArray &frame, qint64 maxBytes)
{
    if (frame.size() > maxBytes)
        return makeError(ErrorCode::TooLarge,
                         QStringLiteral("frame is larger than %1 bytes").arg(maxBytes));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(frame, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("malformed JSON: %1").arg(parseError.errorString()));
    if (!document.isObject())
        return makeError(ErrorCode::BadRequest, QStringLiteral("a frame must be a JSON object"));
    return document.object();
}
} // namespace

QString responseType(const QString &requestType)
{
    return requestType == "ping"_L1 ? u"pong"_s : requestType;
}

QByteArray encodeRequest(const QString &type, const QString &rid, const QJsonObject &data)
{
    return toFrame({{u"type"_s, type}, {u"rid"_s, rid}, {u"data"_s, data}});
}

QByteArray encodeSuccess(const QString &type, const QString &rid, const QJsonObject &data)
{
    return toFrame({{u"type"_s, type}, {u"rid"_s, rid}, {u"success"_s, true}, {u"data"_s, data}});
}

QByteArray encodeFailure(const QString &type, const QString &rid, const Error &error)
{
    QJsonObject object{{u"type"_s, type}, {u"success"_s, false}, {u"error"_s, errorToJson(error)}};
    // A request whose id could not be read is answered with "rid": null.
    object.insert(u"rid"_s, rid.isEmpty() ? QJsonValue() : QJsonValue(rid));
    return toFrame(object);
}

QByteArray encodePush(const QString &type, const QJsonObject &data)
{
    return toFrame({{u"type"_s, type}, {u"data"_s, data}});
}

QJsonObject errorToJson(const Error &error)
{
    QJsonObject object{{u"code"_s, errorCodeName(error.code)}, {u"message"_s, error.message}};
    // `unavailable` carries it when the server knows (it is stopping); rate_limited always.
    // rate_limited always says when; unavailable only from a stopping server, which knows.
    if (error.code == ErrorCode::RateLimited
        || (error.code == ErrorCode::Unavailable && error.retryAfterMs > 0))
        object.insert(u"retry_after_ms"_s, error.retryAfterMs);
    return object;
}

std::optional<Error> errorFromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("error"));
    const QString codeName = reader.string("code"_L1, 64);
    Error error;
    error.message = reader.string("message"_L1, 4096);
    error.retryAfterMs = reader.integer("retry_after_ms"_L1, 0, 86'400'000, JsonReader::Optional);
    if (reader.ok()) {
        // An unknown code from a newer server is still an error; treat it as internal.
        error.code = errorCodeFromName(codeName).value_or(ErrorCode::Internal);
    }
    if (!reader.ok())
        return std::nullopt;
    return error;
}

std::variant<Request, RequestError> decodeRequest(const QByteArray &frame)
{
    Result<QJsonObject> parsed = parseObject(frame, MaxRequestFrameBytes);
    if (!parsed)
        return RequestError{{}, {}, parsed.error()};
    const QJsonObject &object = *parsed;

    // Read the request id and type first, leniently, so even a bad request is answered with
    // them; then validate strictly. One that breaks a rule (too long) is echoed all the same,
    // so the client can match the refusal to its request: the frame cap bounds it.
    RequestError failure;
    // Only well-formed text is echoed: a NUL or a lone surrogate would make the answer
    // unreadable to a client.
    if (const QJsonValue rid = object.value(u"rid");
        rid.isString() && MessageContent::isWellFormedText(rid.toString()))
        failure.rid = rid.toString();
    if (const QJsonValue type = object.value(u"type");
        type.isString() && MessageContent::isWellFormedText(type.toString()))
        failure.type = type.toString();
    if (Status depth = checkDepth(object); !depth) {
        failure.error = depth.error();
        return failure;
    }

    JsonReader reader(*parsed);
    Request request;
    request.type = reader.string("type"_L1, MaxTypeLength);
    request.rid = reader.string("rid"_L1, MaxRequestIdLength);
    request.data = reader.object("data"_L1, JsonReader::Optional);
    if (reader.ok() && request.type.isEmpty())
        reader.fail(ErrorCode::BadRequest, QStringLiteral("'type' must not be empty"));
    if (reader.ok() && request.rid.isEmpty())
        reader.fail(ErrorCode::BadRequest, QStringLiteral("'rid' must not be empty"));
    if (!reader.ok()) {
        failure.error = *reader.error();
        return failure;
    }
    return request;
}

Result<ServerFrame> decodeServerFrame(const QByteArray &frame)
{
    Result<QJsonObject> parsed = parseObject(frame, MaxServerFrameBytes);
    if (!parsed)
        return parsed.error();
    if (Status depth = checkDepth(*parsed); !depth)
        return depth.error();
    JsonReader reader(*parsed);
    ServerFrame result;
    result.type = reader.string("type"_L1, MaxTypeLength);
    if (reader.has("success"_L1)) {
        result.kind = ServerFrame::Kind::Response;
        result.rid = reader.string("rid"_L1, MaxRequestIdLength, JsonReader::Optional);
        result.success = reader.boolean("success"_L1);
        if (result.success) {
            result.data = reader.object("data"_L1, JsonReader::Optional);
        } else if (reader.ok()) {
            std::optional<Error> error = errorFromJson(reader.object("error"_L1));
            if (error)
                result.error = *error;
            else
                reader.fail(ErrorCode::BadRequest, u"malformed 'error' object"_s);
        }
    } else {
        result.kind = ServerFrame::Kind::Push;
        result.data = reader.object("data"_L1, JsonReader::Optional);
    }
    return reader.finish(result);
}

} // namespace Banter::Protocol
