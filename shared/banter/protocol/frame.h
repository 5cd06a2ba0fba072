// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The envelope every WebSocket text frame uses (docs/PROTOCOL.md, "Envelope"):
//   request   {"type": T, "rid": R, "data": {...}}
//   response  {"type": T, "rid": R, "success": true,  "data": {...}}
//             {"type": T, "rid": R, "success": false, "error": {"code", "message", ...}}
//   push      {"type": T, "data": {...}}

#include <banter/bantershared_export.h>
#include <banter/domain/result.h>

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <variant>

namespace Banter::Protocol {

inline constexpr int Version = 1; ///< the protocol version this library speaks
inline constexpr int MinSupportedVersion = 1; ///< the oldest version it still speaks
inline constexpr int MaxTypeLength = 32; ///< longest frame type, in characters
inline constexpr int MaxRequestIdLength = 64; ///< longest request id, in characters
inline constexpr int MaxJsonDepth = 8; ///< deepest nesting of JSON objects and arrays
/// Client-to-server frames are small (a 5000-character message escapes to < 64 KiB).
// A constant: an overflow would not compile, so the widening cannot lose anything.
// NOLINTNEXTLINE(bugprone-implicit-widening-of-multiplication-result)
inline constexpr qint64 MaxRequestFrameBytes = 64 * 1024;
/// Server-to-client frames are bounded by paging; clients refuse anything larger.
// A constant: an overflow would not compile, so the widening cannot lose anything.
// NOLINTNEXTLINE(bugprone-implicit-widening-of-multiplication-result)
inline constexpr qint64 MaxServerFrameBytes = 4 * 1024 * 1024;

/// A decoded client frame.
struct Request
{
    QString type; ///< the request type (see Protocol::Type)
    QString rid; ///< the request id the response echoes
    QJsonObject data; ///< the request's fields
};

/// A request that could not be decoded, with as much as could be read of it so the error
/// response can still echo the type and request id.
struct RequestError
{
    QString type; ///< the request type, if it could be read
    QString rid; ///< the request id, if it could be read
    Error error; ///< why it was refused
};

/// A decoded server frame: a response to a request, or a push.
struct ServerFrame
{
    /// Whether a frame answers a request or is pushed.
    enum class Kind {
        Response, ///< answers the request with the same rid
        Push, ///< sent by the server unasked
    };
    Kind kind = Kind::Push; ///< response or push
    QString type; ///< the request type (pong for ping), or the push type
    QString rid; ///< the request id (responses only)
    bool success = false; ///< whether a response succeeded
    QJsonObject data; ///< the response's or push's fields
    Error error; ///< when a response is not a success
};

/// The type a response carries: the request's, except ping, answered as "pong".
BANTERSHARED_EXPORT QString responseType(const QString &requestType);

/// A request frame (client to server).
BANTERSHARED_EXPORT QByteArray encodeRequest(const QString &type, const QString &rid,
                                             const QJsonObject &data);
/// A successful response frame (\a type is the response type, see responseType()).
BANTERSHARED_EXPORT QByteArray encodeSuccess(const QString &type, const QString &rid,
                                             const QJsonObject &data);
/// A failed response frame carrying \a error.
BANTERSHARED_EXPORT QByteArray encodeFailure(const QString &type, const QString &rid,
                                             const Error &error);
/// A push frame (server to client, no request id).
BANTERSHARED_EXPORT QByteArray encodePush(const QString &type, const QJsonObject &data);

/// Server side: strict decoding of a client frame.
BANTERSHARED_EXPORT std::variant<Request, RequestError> decodeRequest(const QByteArray &frame);
/// Client side: strict decoding of a server frame.
BANTERSHARED_EXPORT Result<ServerFrame> decodeServerFrame(const QByteArray &frame);

/// The `error` object of a failed response: code, message, and retry_after_ms when set.
BANTERSHARED_EXPORT QJsonObject errorToJson(const Error &error);
/// nullopt when the error object is malformed.
BANTERSHARED_EXPORT std::optional<Error> errorFromJson(const QJsonObject &object);

} // namespace Banter::Protocol
