// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/domain/ids.h>
#include <banter/domain/message.h>
#include <banter/domain/result.h>

#include <QList>
#include <QString>

#include <optional>

namespace Banter {

/// The kind of a conversation.
enum class ConversationType {
    Private, ///< between exactly two users; never changes
    Group, ///< named, with members that admins add and remove
};
/// What a member may do in a group.
enum class ParticipantRole {
    Member, ///< reads and writes
    Admin, ///< also renames the group and adds and removes members
};

/// The type's wire name (`"private"`, `"group"`).
BANTERSHARED_EXPORT QString conversationTypeName(ConversationType type);
/// The type with that wire name, or nothing for an unknown name.
BANTERSHARED_EXPORT std::optional<ConversationType> conversationTypeFromName(const QString &name);
/// The role's wire name (`"member"`, `"admin"`).
BANTERSHARED_EXPORT QString participantRoleName(ParticipantRole role);
/// The role with that wire name, or nothing for an unknown name.
BANTERSHARED_EXPORT std::optional<ParticipantRole> participantRoleFromName(const QString &name);

/// A member of a conversation with their receipt positions ("read/delivered up to seq N").
struct Participant
{
    UserId userId = 0; ///< the member
    ParticipantRole role = ParticipantRole::Member; ///< member or admin
    // Denormalised from the user for display, filled by the server when it answers.
    QString username; ///< the member's username, for display
    QString displayName; ///< the member's display name, for display
    qint64 joinedAtMs = 0; ///< when they joined (ms since the epoch)
    Seq readSeq = 0; ///< they have read every message up to this seq
    Seq deliveredSeq = 0; ///< every message up to this seq reached one of their devices
    // Denormalised from the user like the names (appended: aggregate initialisers elsewhere
    // keep their meaning).
    qint64 avatarVersion = 0; ///< the member's User::avatarVersion (0: no picture)

    friend bool operator==(const Participant &, const Participant &) = default;
};

/// How long a conversation keeps its messages and files (issue 15). 0 keeps forever; the
/// server's own policy applies as well, and where both are set the stricter one wins
/// (RetentionRules::stricter).
struct RetentionPolicy
{
    int messageDays = 0; ///< messages older than this many days are removed; 0: kept
    int fileDays = 0; ///< files older than this many days are removed; 0: kept

    /// True when nothing is ever removed.
    bool keepsForever() const { return messageDays == 0 && fileDays == 0; }
    friend bool operator==(const RetentionPolicy &, const RetentionPolicy &) = default;
};

/// A private chat or a group, with its members.
struct BANTERSHARED_EXPORT Conversation
{
    ConversationId id = 0; ///< the server's id of the conversation
    ConversationType type = ConversationType::Private; ///< private or group
    QString name; ///< groups only; private conversations are named after the other member
    qint64 createdAtMs = 0; ///< when it was made (ms since the epoch)
    Seq lastSeq = 0; ///< seq of the newest message, 0 when empty
    QList<Participant> participants; ///< every member, with roles and receipt positions
    // Appended (issue 15): aggregate initialisers elsewhere keep their meaning.
    RetentionPolicy retention; ///< the conversation's own policy (set_retention)
    /// Every message up to this seq was removed by retention (0: none); history and sync
    /// have nothing at or below it.
    Seq prunedSeq = 0;

    /// The member with that user id, or nullptr when the user is not a member.
    const Participant *participant(UserId user) const;
    /// Whether the user is a member.
    bool isMember(UserId user) const { return participant(user) != nullptr; }
    /// Whether the user is a member with the admin role.
    bool isAdmin(UserId user) const;

    friend bool operator==(const Conversation &, const Conversation &) = default;
};

/// One conversation as its member sees it in their list.
struct ConversationSummary
{
    Conversation conversation; ///< the conversation and its members
    std::optional<Message> lastMessage; ///< the newest message, if there is one
    qint64 unreadCount =
        0; ///< messages (not system ones) from others with seq > the member's read seq
    /// Messages among the unread ones that mention the member (and are not deleted).
    qint64 unreadMentions = 0;

    friend bool operator==(const ConversationSummary &, const ConversationSummary &) = default;
};

namespace ConversationRules {
inline constexpr int MaxGroupNameLength = 100; ///< longest group name, in characters
/// Most members a group may have unless the server is configured otherwise.
inline constexpr int DefaultMaxGroupSize = 500;
/// The most members an operator may allow (`max_group_size`): a conversation travels whole,
/// every member in it, in the `conversation` reply, the `conversation_updated` push and as
/// one entry of a `conversations` or `sync` page, and docs/PROTOCOL.md promises such an entry
/// stays under 512 KiB. A member encodes to at most about 620 bytes (the longest id,
/// username, escape-heavy display name and seqs), so 800 of them and the group's name fit
/// with room to spare; tst_protocolmessages checks it on the encoded bytes.
inline constexpr int MaxGroupSizeAllowed = 800;

/// A group name is well-formed text, not blank, at most MaxGroupNameLength characters
/// (too long is ErrorCode::TooLarge, anything else ErrorCode::BadRequest).
BANTERSHARED_EXPORT Status validateGroupName(const QString &name);
/// Only members may read or write a conversation; a non-member is told it does not exist
/// (ErrorCode::NotFound), so membership cannot be probed.
BANTERSHARED_EXPORT Status checkMember(const Conversation &conversation, UserId user);
/// Membership changes and renames in groups are for admins (ErrorCode::Forbidden for
/// others); private conversations never change.
BANTERSHARED_EXPORT Status checkCanManage(const Conversation &conversation, UserId user);
} // namespace ConversationRules

namespace RetentionRules {
inline constexpr int MaxDays = 36'500; ///< the longest policy that can be set (100 years)
/// The stricter of two day counts where 0 means "forever": the smaller non-zero one.
BANTERSHARED_EXPORT int stricterDays(int a, int b);
/// Both counts of the two policies, each the stricter.
BANTERSHARED_EXPORT RetentionPolicy stricter(const RetentionPolicy &a, const RetentionPolicy &b);
/// Each count is from 0 to MaxDays (ErrorCode::BadRequest otherwise).
BANTERSHARED_EXPORT Status validate(const RetentionPolicy &policy);
/// Who may set a conversation's policy: a group's admins; in a private conversation either
/// member, since the history is theirs alike (ErrorCode::Forbidden for others, NotFound for
/// non-members).
BANTERSHARED_EXPORT Status checkCanSetRetention(const Conversation &conversation, UserId user);
} // namespace RetentionRules

} // namespace Banter
