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
#include <QStringList>

namespace Banter::Protocol {

/// "hello": the optional first request, saying which protocol version the client speaks.
struct BANTERSHARED_EXPORT HelloRequest
{
    int protocol = 1; ///< the protocol version the client speaks (Protocol::Version)
    QString client; ///< free text, e.g. "banter/0.1 (linux)"
    /// Optional behaviours the client understands (Protocol::Feature names, at most
    /// MaxFeatures of at most MaxFeatureChars each); the server ignores those it does not know.
    QStringList features;
    static constexpr int MaxFeatures = 32; ///< most entries of `features`
    static constexpr int MaxFeatureChars = 64; ///< longest feature name
    /// Encodes this as a frame's `data` object (`features` only when not empty).
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<HelloRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const HelloRequest &, const HelloRequest &) = default;
};

/// The limits a server announces in its hello reply, so clients can check before sending.
struct BANTERSHARED_EXPORT ServerLimits
{
    int maxMessageChars = 5000; ///< longest message text, in characters
    // A constant: an overflow would not compile, so the widening cannot lose anything.
    // NOLINTNEXTLINE(bugprone-implicit-widening-of-multiplication-result)
    qint64 maxRequestBytes = 64 * 1024; ///< largest client-to-server frame, in bytes
    int historyPageMax = 100; ///< most messages one history reply carries
    int syncPageMax = 500; ///< most messages one sync reply carries
    int maxGroupSize = 500; ///< most members a group may have
    bool registrationOpen = true; ///< whether register is accepted without an invitation
    /// Requests a connection may send per second on average (more are `rate_limited`);
    /// a server that does not say has the documented default.
    int requestsPerSecond = 50;
    int requestBurst = 100; ///< requests a connection may send at once
    /// Whether register is accepted with an invitation (RegisterRequest::invite) while
    /// registrationOpen is false: the server takes new accounts by invitation only.
    bool invitationRequired = false;
    /// How long after sending a message its sender may edit it, in seconds; 0: always (also
    /// from a server that does not say). A client offers Edit only within it.
    int editWindowSeconds = 0;
    friend bool operator==(const ServerLimits &, const ServerLimits &) = default;
};

/// The reply to hello: the version the server will speak, its name and its limits.
struct BANTERSHARED_EXPORT HelloReply
{
    int protocol = 1; ///< the protocol version in use on this connection
    QString server; ///< the server software and version, e.g. "banterd/0.1.0"
    ServerLimits limits; ///< what the server accepts
    /// The requested features the server will use on this connection (absent: none).
    QStringList features;
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<HelloReply> fromJson(const QJsonObject &object);
    friend bool operator==(const HelloReply &, const HelloReply &) = default;
};

/// "register": makes an account and signs the connection in (the reply is an AuthGrant).
struct BANTERSHARED_EXPORT RegisterRequest
{
    QString username; ///< the login name (UserRules::validateUsername)
    QString password; ///< the password, hashed by the server and never stored
    QString displayName; ///< the name shown to others; may be empty
    QString device; ///< a name for this device in the list of sessions
    /// The token of an invitation (InvitationLink::token); needed when the server takes new
    /// accounts by invitation only (ServerLimits::invitationRequired), ignored otherwise.
    QString invite;
    /// Longest invitation token a server reads (its own are 43 characters).
    static constexpr int MaxInviteChars = 128;
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<RegisterRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const RegisterRequest &, const RegisterRequest &) = default;
};

/// "login": signs the connection in with a password and starts a session for this
/// device (the reply is an AuthGrant).
struct BANTERSHARED_EXPORT LoginRequest
{
    QString username; ///< the login name
    QString password; ///< the password
    QString device; ///< a name for this device in the list of sessions
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<LoginRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const LoginRequest &, const LoginRequest &) = default;
};

/// The reply to register, login and refresh: who you are and the tokens to come back with.
struct BANTERSHARED_EXPORT AuthGrant
{
    User user; ///< the signed-in user
    SessionId sessionId = 0; ///< this device's session
    QString accessToken; ///< a short-lived token for auth on new connections; treat it as opaque
    qint64 accessExpiresAtMs = 0; ///< when the access token expires (ms since the epoch)
    QString refreshToken; ///< a long-lived, single-use token for refresh
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<AuthGrant> fromJson(const QJsonObject &object);
    friend bool operator==(const AuthGrant &, const AuthGrant &) = default;
};

/// "auth": signs a new connection in with an access token.
struct BANTERSHARED_EXPORT AuthRequest
{
    QString token; ///< an access token
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<AuthRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const AuthRequest &, const AuthRequest &) = default;
};

/// The reply to auth: who the token belongs to and until when it is valid.
struct BANTERSHARED_EXPORT AuthReply
{
    User user; ///< the signed-in user
    SessionId sessionId = 0; ///< the session the token belongs to
    qint64 accessExpiresAtMs = 0; ///< when the access token expires (ms since the epoch)
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<AuthReply> fromJson(const QJsonObject &object);
    friend bool operator==(const AuthReply &, const AuthReply &) = default;
};

/// "refresh": trades a refresh token for a new AuthGrant (the old token stops working).
struct BANTERSHARED_EXPORT RefreshRequest
{
    QString refreshToken; ///< the refresh token of the last AuthGrant
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<RefreshRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const RefreshRequest &, const RefreshRequest &) = default;
};

/// One signed-in device of the account, as the sessions reply lists it.
struct BANTERSHARED_EXPORT SessionInfo
{
    SessionId id = 0; ///< the session id (for revoke_session)
    QString device; ///< the device name given at register or login
    qint64 createdAtMs = 0; ///< when the session started (ms since the epoch)
    qint64 lastUsedAtMs = 0; ///< when the session last signed a connection in (ms since the epoch)
    bool current = false; ///< true for the asking connection's own session
    friend bool operator==(const SessionInfo &, const SessionInfo &) = default;
};

/// The reply to sessions: the live sessions of my account.
struct BANTERSHARED_EXPORT SessionsReply
{
    QList<SessionInfo> sessions; ///< neither revoked nor expired
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<SessionsReply> fromJson(const QJsonObject &object);
    friend bool operator==(const SessionsReply &, const SessionsReply &) = default;
};

/// "revoke_session": signs one of my devices out.
struct BANTERSHARED_EXPORT RevokeSessionRequest
{
    SessionId sessionId = 0; ///< the session to revoke (see SessionInfo::id)
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<RevokeSessionRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const RevokeSessionRequest &, const RevokeSessionRequest &) = default;
};

/// "change_password": sets a new password; the other sessions are signed out.
struct BANTERSHARED_EXPORT ChangePasswordRequest
{
    QString oldPassword; ///< the current password
    QString newPassword; ///< the new password (UserRules::validatePassword)
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<ChangePasswordRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const ChangePasswordRequest &, const ChangePasswordRequest &) = default;
};

/// The reply to ping (type "pong"): the server is alive, and its clock.
struct BANTERSHARED_EXPORT PongReply
{
    qint64 timeMs = 0; ///< server time
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<PongReply> fromJson(const QJsonObject &object);
    friend bool operator==(const PongReply &, const PongReply &) = default;
};

} // namespace Banter::Protocol
