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

#include <optional>

namespace Banter::Protocol {

/// "users": finds people by the start of their username or display name.
struct BANTERSHARED_EXPORT UserSearchRequest
{
    static constexpr int DefaultLimit = 20; ///< results when the request does not say
    static constexpr int MaxLimit = 50; ///< most results
    QString query; ///< a prefix of the username or display name
    int limit = DefaultLimit; ///< most users to return (1 to MaxLimit)
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<UserSearchRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const UserSearchRequest &, const UserSearchRequest &) = default;
};

/// The reply to users.
struct BANTERSHARED_EXPORT UsersReply
{
    QList<User> users; ///< the users found
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<UsersReply> fromJson(const QJsonObject &object);
    friend bool operator==(const UsersReply &, const UsersReply &) = default;
};

/// "presence": set this user's own status. Only online and away can be chosen; offline is
/// what others see once the last connection is gone.
struct BANTERSHARED_EXPORT SetPresenceRequest
{
    PresenceStatus status = PresenceStatus::Online; ///< online or away
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<SetPresenceRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const SetPresenceRequest &, const SetPresenceRequest &) = default;
};

/// The presence push has the shape of Presence: {user_id, status, last_seen}.
struct BANTERSHARED_EXPORT PresencePush
{
    Presence presence; ///< the user's presence now
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<PresencePush> fromJson(const QJsonObject &object);
    friend bool operator==(const PresencePush &, const PresencePush &) = default;
};

/**
 * @brief The reply to "presences": the presence of everyone who shares a conversation with
 * me, where neither of us blocked the other (the people whose presence pushes I get through
 * a conversation). Offline entries carry when the user was last seen.
 */
struct BANTERSHARED_EXPORT PresencesReply
{
    QList<Presence> presences; ///< one entry per user, in ascending user id order
    /// More follow: ask again with `after` = the last user id of this page.
    bool hasMore = false;
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<PresencesReply> fromJson(const QJsonObject &object);
    friend bool operator==(const PresencesReply &, const PresencesReply &) = default;
};

/// The most entries a `contacts` or `presences` page holds, besides its byte bound: each
/// entry costs the server a few reads, so one request's work stays bounded too.
inline constexpr int MaxPeoplePerPage = 2000;

/**
 * @brief "presences" and "contacts": a page of people in ascending user id order.
 *
 * A cursor, not an offset: people added or removed between pages neither shift nor repeat
 * the others. `{}` (after 0) is the first page, as older clients send it.
 */
struct BANTERSHARED_EXPORT PeoplePageRequest
{
    UserId after = 0; ///< only users with a greater id: the last id of the previous page
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<PeoplePageRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const PeoplePageRequest &, const PeoplePageRequest &) = default;
};

/// A user's privacy choices (issue 17), as the reply to update_profile carries them.
struct BANTERSHARED_EXPORT PrivacySettings
{
    /// Others see only online, away or offline, never when I was last seen (`last_seen` 0).
    bool hideLastSeen = false;
    /// Only people who keep me as a contact may add me to groups (`group_adds`:
    /// "contacts"); false is "everyone".
    bool groupAddsFromContactsOnly = false;
    /// Encodes this as a JSON object.
    QJsonObject toJson() const;
    /// Decodes strictly; the error names the first field that is missing or wrong.
    static Result<PrivacySettings> fromJson(const QJsonObject &object);
    friend bool operator==(const PrivacySettings &, const PrivacySettings &) = default;
};

/// "update_profile": changes what others see of me. Fields left out stay as they are; at
/// least one must be given.
struct BANTERSHARED_EXPORT UpdateProfileRequest
{
    /// The new display name (the registration rules; empty: show the username), or nothing
    /// to keep it.
    std::optional<QString> displayName;
    /// The new picture (AvatarRules: a square PNG or JPEG of at most MaxSide pixels and
    /// MaxBytes bytes; base64 on the wire), empty to remove it, or nothing to keep it.
    std::optional<QByteArray> avatar;
    /// `hide_last_seen`: PrivacySettings::hideLastSeen, or nothing to keep it.
    std::optional<bool> hideLastSeen;
    /// `group_adds` ("everyone" or "contacts"): PrivacySettings::groupAddsFromContactsOnly,
    /// or nothing to keep it.
    std::optional<bool> groupAddsFromContactsOnly;
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<UpdateProfileRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const UpdateProfileRequest &, const UpdateProfileRequest &) = default;
};

/// {user}: the reply to update_profile, and the user_updated push.
struct BANTERSHARED_EXPORT UserReply
{
    User user; ///< the user as they are now
    /// The user's own privacy settings: in the reply to update_profile only, never in a
    /// user_updated push to others.
    std::optional<PrivacySettings> privacy;
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<UserReply> fromJson(const QJsonObject &object);
    friend bool operator==(const UserReply &, const UserReply &) = default;
};

/// The reply to "avatar" (whose request is a UserRef): the user's picture as it is now.
struct BANTERSHARED_EXPORT AvatarReply
{
    UserId userId = 0; ///< whose picture
    qint64 avatarVersion = 0; ///< its User::avatarVersion (0: no picture, `data` empty)
    QByteArray data; ///< the PNG or JPEG bytes (base64 on the wire)
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<AvatarReply> fromJson(const QJsonObject &object);
    friend bool operator==(const AvatarReply &, const AvatarReply &) = default;
};

/// One entry of my contact list.
struct BANTERSHARED_EXPORT Contact
{
    User user; ///< the contact
    Presence presence; ///< their presence as I see it
    bool blocked = false; ///< whether I blocked them
    friend bool operator==(const Contact &, const Contact &) = default;
};

/// The JSON form of a contact list entry.
BANTERSHARED_EXPORT QJsonObject toJson(const Contact &contact);
/// Decodes a Contact strictly.
BANTERSHARED_EXPORT Result<Contact> contactFromJson(const QJsonObject &object);

/// The reply to contacts: my contact list.
struct BANTERSHARED_EXPORT ContactsReply
{
    QList<Contact> contacts; ///< my contacts, in ascending user id order
    /// More follow: ask again with `after` = the last user id of this page.
    bool hasMore = false;
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<ContactsReply> fromJson(const QJsonObject &object);
    friend bool operator==(const ContactsReply &, const ContactsReply &) = default;
};

/// The reply to add_contact, block and unblock: the contact as it is now.
struct BANTERSHARED_EXPORT ContactReply
{
    Contact contact; ///< the contact
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<ContactReply> fromJson(const QJsonObject &object);
    friend bool operator==(const ContactReply &, const ContactReply &) = default;
};

/// "add_contact": by id or by username (exactly one).
struct BANTERSHARED_EXPORT AddContactRequest
{
    UserId userId = 0; ///< the user to add, or 0 when `username` is set
    QString username; ///< the username to add, or empty when `userId` is set
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<AddContactRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const AddContactRequest &, const AddContactRequest &) = default;
};

/// {user_id}: remove_contact, block, unblock, avatar.
struct BANTERSHARED_EXPORT UserRef
{
    UserId userId = 0; ///< the user
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<UserRef> fromJson(const QJsonObject &object);
    friend bool operator==(const UserRef &, const UserRef &) = default;
};

/// The session_revoked push: this connection's session has ended; the server closes it.
struct BANTERSHARED_EXPORT SessionRevokedPush
{
    QString reason; ///< "logout", "revoked", "password_changed", "token_reuse", "session_limit"
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<SessionRevokedPush> fromJson(const QJsonObject &object);
    friend bool operator==(const SessionRevokedPush &, const SessionRevokedPush &) = default;
};

} // namespace Banter::Protocol
