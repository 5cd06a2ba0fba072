// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Requests and replies of the session family: hello, register, login, auth, refresh,
// logout, sessions, revoke_session, change_password, ping.

#include <banter/bantershared_export.h>
#include <banter/domain/result.h>
#include <banter/domain/user.h>

#include <QJsonObject>
#include <QList>

namespace Banter::Protocol {

struct BANTERSHARED_EXPORT HelloRequest
{
    int protocol = 1;
    QString client; // free text, e.g. "banter/0.1 (linux)"
    QJsonObject toJson() const;
    static Result<HelloRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const HelloRequest &, const HelloRequest &) = default;
};

struct BANTERSHARED_EXPORT ServerLimits
{
    int maxMessageChars = 5000;
    qint64 maxRequestBytes = 64 * 1024;
    int historyPageMax = 100;
    int syncPageMax = 500;
    int maxGroupSize = 500;
    bool registrationOpen = true;
    friend bool operator==(const ServerLimits &, const ServerLimits &) = default;
};

struct BANTERSHARED_EXPORT HelloReply
{
    int protocol = 1;
    QString server;
    ServerLimits limits;
    QJsonObject toJson() const;
    static Result<HelloReply> fromJson(const QJsonObject &object);
    friend bool operator==(const HelloReply &, const HelloReply &) = default;
};

struct BANTERSHARED_EXPORT RegisterRequest
{
    QString username;
    QString password;
    QString displayName;
    QString device;
    QJsonObject toJson() const;
    static Result<RegisterRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const RegisterRequest &, const RegisterRequest &) = default;
};

struct BANTERSHARED_EXPORT LoginRequest
{
    QString username;
    QString password;
    QString device;
    QJsonObject toJson() const;
    static Result<LoginRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const LoginRequest &, const LoginRequest &) = default;
};

// The reply to register, login and refresh: who you are and the tokens to come back with.
struct BANTERSHARED_EXPORT AuthGrant
{
    User user;
    SessionId sessionId = 0;
    QString accessToken;
    qint64 accessExpiresAtMs = 0;
    QString refreshToken;
    QJsonObject toJson() const;
    static Result<AuthGrant> fromJson(const QJsonObject &object);
    friend bool operator==(const AuthGrant &, const AuthGrant &) = default;
};

struct BANTERSHARED_EXPORT AuthRequest
{
    QString token; // an access token
    QJsonObject toJson() const;
    static Result<AuthRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const AuthRequest &, const AuthRequest &) = default;
};

struct BANTERSHARED_EXPORT AuthReply
{
    User user;
    SessionId sessionId = 0;
    qint64 accessExpiresAtMs = 0;
    QJsonObject toJson() const;
    static Result<AuthReply> fromJson(const QJsonObject &object);
    friend bool operator==(const AuthReply &, const AuthReply &) = default;
};

struct BANTERSHARED_EXPORT RefreshRequest
{
    QString refreshToken;
    QJsonObject toJson() const;
    static Result<RefreshRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const RefreshRequest &, const RefreshRequest &) = default;
};

struct BANTERSHARED_EXPORT SessionInfo
{
    SessionId id = 0;
    QString device;
    qint64 createdAtMs = 0;
    qint64 lastUsedAtMs = 0;
    bool current = false;
    friend bool operator==(const SessionInfo &, const SessionInfo &) = default;
};

struct BANTERSHARED_EXPORT SessionsReply
{
    QList<SessionInfo> sessions;
    QJsonObject toJson() const;
    static Result<SessionsReply> fromJson(const QJsonObject &object);
    friend bool operator==(const SessionsReply &, const SessionsReply &) = default;
};

struct BANTERSHARED_EXPORT RevokeSessionRequest
{
    SessionId sessionId = 0;
    QJsonObject toJson() const;
    static Result<RevokeSessionRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const RevokeSessionRequest &, const RevokeSessionRequest &) = default;
};

struct BANTERSHARED_EXPORT ChangePasswordRequest
{
    QString oldPassword;
    QString newPassword;
    QJsonObject toJson() const;
    static Result<ChangePasswordRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const ChangePasswordRequest &, const ChangePasswordRequest &) = default;
};

struct BANTERSHARED_EXPORT PongReply
{
    qint64 timeMs = 0; // server time
    QJsonObject toJson() const;
    static Result<PongReply> fromJson(const QJsonObject &object);
    friend bool operator==(const PongReply &, const PongReply &) = default;
};

} // namespace Banter::Protocol
