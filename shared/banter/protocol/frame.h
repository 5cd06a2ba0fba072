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

inline constexpr int Version = 1;
inline constexpr int MinSupportedVersion = 1;
inline constexpr int MaxTypeLength = 32;
inline constexpr int MaxRequestIdLength = 64;
inline constexpr int MaxJsonDepth = 8;
// Client-to-server frames are small (a 5000-character message escapes to < 64 KiB).
inline constexpr qint64 MaxRequestFrameBytes = 64 * 1024;
// Server-to-client frames are bounded by paging; clients refuse anything larger.
inline constexpr qint64 MaxServerFrameBytes = 4 * 1024 * 1024;

struct Request
{
    QString type;
    QString rid;
    QJsonObject data;
};

// A request that could not be decoded, with as much as could be read of it so the error
// response can still echo the type and request id.
struct RequestError
{
    QString type;
    QString rid;
    Error error;
};

struct ServerFrame
{
    enum class Kind { Response, Push };
    Kind kind = Kind::Push;
    QString type;
    QString rid;
    bool success = false;
    QJsonObject data;
    Error error; // when a response is not a success
};

// The type a response carries: the request's, except ping, answered as "pong".
BANTERSHARED_EXPORT QString responseType(const QString &requestType);

BANTERSHARED_EXPORT QByteArray encodeRequest(const QString &type, const QString &rid,
                                             const QJsonObject &data);
BANTERSHARED_EXPORT QByteArray encodeSuccess(const QString &type, const QString &rid,
                                             const QJsonObject &data);
BANTERSHARED_EXPORT QByteArray encodeFailure(const QString &type, const QString &rid,
                                             const Error &error);
BANTERSHARED_EXPORT QByteArray encodePush(const QString &type, const QJsonObject &data);

// Server side: strict decoding of a client frame.
BANTERSHARED_EXPORT std::variant<Request, RequestError> decodeRequest(const QByteArray &frame);
// Client side: strict decoding of a server frame.
BANTERSHARED_EXPORT Result<ServerFrame> decodeServerFrame(const QByteArray &frame);

BANTERSHARED_EXPORT QJsonObject errorToJson(const Error &error);
// nullopt when the error object is malformed.
BANTERSHARED_EXPORT std::optional<Error> errorFromJson(const QJsonObject &object);

} // namespace Banter::Protocol
