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

enum class ConversationType { Private, Group };
enum class ParticipantRole { Member, Admin };

BANTERSHARED_EXPORT QString conversationTypeName(ConversationType type);
BANTERSHARED_EXPORT std::optional<ConversationType> conversationTypeFromName(const QString &name);
BANTERSHARED_EXPORT QString participantRoleName(ParticipantRole role);
BANTERSHARED_EXPORT std::optional<ParticipantRole> participantRoleFromName(const QString &name);

// A member of a conversation with their receipt positions ("read/delivered up to seq N").
struct Participant
{
    UserId userId = 0;
    ParticipantRole role = ParticipantRole::Member;
    // Denormalised from the user for display, filled by the server when it answers.
    QString username;
    QString displayName;
    qint64 joinedAtMs = 0;
    Seq readSeq = 0;
    Seq deliveredSeq = 0;

    friend bool operator==(const Participant &, const Participant &) = default;
};

struct BANTERSHARED_EXPORT Conversation
{
    ConversationId id = 0;
    ConversationType type = ConversationType::Private;
    QString name; // groups only; private conversations are named after the other member
    qint64 createdAtMs = 0;
    Seq lastSeq = 0; // seq of the newest message, 0 when empty
    QList<Participant> participants;

    const Participant *participant(UserId user) const;
    bool isMember(UserId user) const { return participant(user) != nullptr; }
    bool isAdmin(UserId user) const;

    friend bool operator==(const Conversation &, const Conversation &) = default;
};

// One conversation as its member sees it in their list.
struct ConversationSummary
{
    Conversation conversation;
    std::optional<Message> lastMessage;
    qint64 unreadCount =
        0; // messages (not system ones) from others with seq > the member's read seq

    friend bool operator==(const ConversationSummary &, const ConversationSummary &) = default;
};

namespace ConversationRules {
inline constexpr int MaxGroupNameLength = 100;
inline constexpr int DefaultMaxGroupSize = 500;

BANTERSHARED_EXPORT Status validateGroupName(const QString &name);
// Only members may read or write a conversation; a non-member is told it does not exist,
// so membership cannot be probed.
BANTERSHARED_EXPORT Status checkMember(const Conversation &conversation, UserId user);
// Membership changes and renames in groups are for admins; private conversations never change.
BANTERSHARED_EXPORT Status checkCanManage(const Conversation &conversation, UserId user);
} // namespace ConversationRules

} // namespace Banter
