// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/// \file
/// The admin_* requests: server admins manage accounts and sessions (issue 15). The server
/// refuses them with ErrorCode::Forbidden for everyone who is not an active server admin.

#include <banter/bantershared_export.h>
#include <banter/domain/result.h>
#include <banter/domain/user.h>
#include <banter/protocol/sessionmessages.h>

#include <QJsonObject>
#include <QList>

namespace Banter::Protocol {

/// "admin_users": a page of accounts, by username.
struct BANTERSHARED_EXPORT AdminUsersRequest
{
    static constexpr int DefaultLimit = 50; ///< accounts per page when no limit is given
    static constexpr int MaxLimit = 200; ///< the most accounts one page may ask for
    QString after; ///< accounts with a username after this one (empty: from the first)
    int limit = DefaultLimit; ///< 1..MaxLimit
    /// Only accounts whose username or display name starts with this (case-insensitive;
    /// empty: every account). Appended in protocol 1: older servers ignore it.
    QString query;
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<AdminUsersRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const AdminUsersRequest &, const AdminUsersRequest &) = default;
};

/// One account as a server admin sees it.
struct BANTERSHARED_EXPORT AdminAccount
{
    User user; ///< the account
    bool disabled = false; ///< an admin disabled it: it cannot sign in
    bool admin = false; ///< a server admin
    qint64 disabledAtMs = 0; ///< when it was disabled (ms since the epoch), 0 when enabled
    qint64 lastSeenMs = 0; ///< when it was last connected (ms since the epoch), 0: never
    /// Connected to the server now (a chat connection is open). Appended: false from a
    /// server that does not send it.
    bool online = false;
    /// Encodes this as a JSON object (also the reply to admin_set_disabled, admin_set_admin).
    QJsonObject toJson() const;
    /// Decodes an account strictly.
    static Result<AdminAccount> fromJson(const QJsonObject &object);
    friend bool operator==(const AdminAccount &, const AdminAccount &) = default;
};

/// The reply to admin_users.
struct BANTERSHARED_EXPORT AdminUsersReply
{
    QList<AdminAccount> users; ///< by username
    bool hasMore = false; ///< more accounts follow: ask again with `after` = the last username
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly.
    static Result<AdminUsersReply> fromJson(const QJsonObject &object);
    friend bool operator==(const AdminUsersReply &, const AdminUsersReply &) = default;
};

/// "admin_set_disabled": disables an account (ending its sessions) or enables it again.
struct BANTERSHARED_EXPORT AdminSetDisabledRequest
{
    QString username; ///< the account
    bool disabled = true; ///< true: disable; false: enable
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly.
    static Result<AdminSetDisabledRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const AdminSetDisabledRequest &,
                           const AdminSetDisabledRequest &) = default;
};

/// "admin_set_admin": grants or takes server admin rights.
struct BANTERSHARED_EXPORT AdminSetAdminRequest
{
    QString username; ///< the account
    bool admin = false; ///< true: make a server admin; false: no longer one
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly.
    static Result<AdminSetAdminRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const AdminSetAdminRequest &, const AdminSetAdminRequest &) = default;
};

/// "admin_reset_password": sets a new password and ends every session of the account.
struct BANTERSHARED_EXPORT AdminResetPasswordRequest
{
    QString username; ///< the account
    QString password; ///< the new password; empty: the server generates one
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly.
    static Result<AdminResetPasswordRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const AdminResetPasswordRequest &,
                           const AdminResetPasswordRequest &) = default;
};

/// The reply to admin_reset_password.
struct BANTERSHARED_EXPORT AdminResetPasswordReply
{
    QString password; ///< the password now set (the generated one, when none was given)
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly.
    static Result<AdminResetPasswordReply> fromJson(const QJsonObject &object);
    friend bool operator==(const AdminResetPasswordReply &,
                           const AdminResetPasswordReply &) = default;
};

/// "admin_sessions": the live sessions of an account (the reply is a SessionsReply, whose
/// `current` is always false).
struct BANTERSHARED_EXPORT AdminSessionsRequest
{
    QString username; ///< the account
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly.
    static Result<AdminSessionsRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const AdminSessionsRequest &, const AdminSessionsRequest &) = default;
};

/// "admin_revoke_session": ends one session (`session_id`) or every session of an account
/// (`username`); exactly one of the two.
struct BANTERSHARED_EXPORT AdminRevokeSessionRequest
{
    SessionId sessionId = 0; ///< the session to end, or 0
    QString username; ///< the account whose sessions all end, or empty
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly.
    static Result<AdminRevokeSessionRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const AdminRevokeSessionRequest &,
                           const AdminRevokeSessionRequest &) = default;
};

/// The reply to admin_revoke_session.
struct BANTERSHARED_EXPORT AdminRevokeSessionReply
{
    int revoked = 0; ///< how many sessions ended
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly.
    static Result<AdminRevokeSessionReply> fromJson(const QJsonObject &object);
    friend bool operator==(const AdminRevokeSessionReply &,
                           const AdminRevokeSessionReply &) = default;
};

} // namespace Banter::Protocol
