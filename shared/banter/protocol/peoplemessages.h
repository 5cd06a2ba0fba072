// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Requests, replies and pushes about people: users (search), presence, contacts,
// add_contact, remove_contact, block, unblock; the presence and session_revoked pushes.

#include <banter/bantershared_export.h>
#include <banter/domain/presence.h>
#include <banter/domain/result.h>
#include <banter/domain/user.h>

#include <QJsonObject>
#include <QList>

namespace Banter::Protocol {

struct BANTERSHARED_EXPORT UserSearchRequest
{
    static constexpr int DefaultLimit = 20;
    static constexpr int MaxLimit = 50;
    QString query; // a prefix of the username or display name
    int limit = DefaultLimit;
    QJsonObject toJson() const;
    static Result<UserSearchRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const UserSearchRequest &, const UserSearchRequest &) = default;
};

struct BANTERSHARED_EXPORT UsersReply
{
    QList<User> users;
    QJsonObject toJson() const;
    static Result<UsersReply> fromJson(const QJsonObject &object);
    friend bool operator==(const UsersReply &, const UsersReply &) = default;
};

// "presence": set this user's own status. Only online and away can be chosen; offline is
// what others see once the last connection is gone.
struct BANTERSHARED_EXPORT SetPresenceRequest
{
    PresenceStatus status = PresenceStatus::Online;
    QJsonObject toJson() const;
    static Result<SetPresenceRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const SetPresenceRequest &, const SetPresenceRequest &) = default;
};

// The presence push has the shape of Presence: {user_id, status, last_seen}.
struct BANTERSHARED_EXPORT PresencePush
{
    Presence presence;
    QJsonObject toJson() const;
    static Result<PresencePush> fromJson(const QJsonObject &object);
    friend bool operator==(const PresencePush &, const PresencePush &) = default;
};

struct BANTERSHARED_EXPORT Contact
{
    User user;
    Presence presence;
    bool blocked = false;
    friend bool operator==(const Contact &, const Contact &) = default;
};

BANTERSHARED_EXPORT QJsonObject toJson(const Contact &contact);
BANTERSHARED_EXPORT Result<Contact> contactFromJson(const QJsonObject &object);

struct BANTERSHARED_EXPORT ContactsReply
{
    QList<Contact> contacts;
    QJsonObject toJson() const;
    static Result<ContactsReply> fromJson(const QJsonObject &object);
    friend bool operator==(const ContactsReply &, const ContactsReply &) = default;
};

struct BANTERSHARED_EXPORT ContactReply
{
    Contact contact;
    QJsonObject toJson() const;
    static Result<ContactReply> fromJson(const QJsonObject &object);
    friend bool operator==(const ContactReply &, const ContactReply &) = default;
};

// "add_contact": by id or by username (exactly one).
struct BANTERSHARED_EXPORT AddContactRequest
{
    UserId userId = 0;
    QString username;
    QJsonObject toJson() const;
    static Result<AddContactRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const AddContactRequest &, const AddContactRequest &) = default;
};

// {user_id}: remove_contact, block, unblock.
struct BANTERSHARED_EXPORT UserRef
{
    UserId userId = 0;
    QJsonObject toJson() const;
    static Result<UserRef> fromJson(const QJsonObject &object);
    friend bool operator==(const UserRef &, const UserRef &) = default;
};

struct BANTERSHARED_EXPORT SessionRevokedPush
{
    QString reason; // "logout", "revoked", "password_changed", "token_reuse"
    QJsonObject toJson() const;
    static Result<SessionRevokedPush> fromJson(const QJsonObject &object);
    friend bool operator==(const SessionRevokedPush &, const SessionRevokedPush &) = default;
};

} // namespace Banter::Protocol
