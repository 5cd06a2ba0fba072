// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The member_deltas pushes: what changed in a group, instead of the whole conversation.
// A connection that announced the `member_deltas` feature in hello gets these where others
// get conversation_updated; a client applies them to its copy of the conversation
// (applyDelta) and keeps it equal to the server's.

#include <banter/bantershared_export.h>
#include <banter/domain/conversation.h>
#include <banter/domain/result.h>

#include <QJsonObject>
#include <QList>

namespace Banter::Protocol {

/// The members_added push: people joined a group.
struct BANTERSHARED_EXPORT MembersAddedPush
{
    ConversationId conversationId = 0; ///< the group
    Seq seq = 0; ///< seq of the members_added system message that records the change
    QList<Participant> members; ///< the new members, as the conversation lists them
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<MembersAddedPush> fromJson(const QJsonObject &object);
    friend bool operator==(const MembersAddedPush &, const MembersAddedPush &) = default;
};

/// The member_removed push: a member was removed or left.
struct BANTERSHARED_EXPORT MemberRemovedPush
{
    ConversationId conversationId = 0; ///< the group
    Seq seq = 0; ///< seq of the member_removed or member_left system message
    UserId userId = 0; ///< who is no longer a member
    /// The member who became admin because the last admin left; 0 (absent) for none.
    UserId newAdminId = 0;
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<MemberRemovedPush> fromJson(const QJsonObject &object);
    friend bool operator==(const MemberRemovedPush &, const MemberRemovedPush &) = default;
};

/// The conversation_renamed push: a group has a new name.
struct BANTERSHARED_EXPORT ConversationRenamedPush
{
    ConversationId conversationId = 0; ///< the group
    Seq seq = 0; ///< seq of the renamed system message
    QString name; ///< the new name
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<ConversationRenamedPush> fromJson(const QJsonObject &object);
    friend bool operator==(const ConversationRenamedPush &,
                           const ConversationRenamedPush &) = default;
};

/// Applies the delta to @p conversation (the same id): members added or replaced by user id.
/// Idempotent, so a delta that arrives twice changes nothing more.
BANTERSHARED_EXPORT void applyDelta(Conversation &conversation, const MembersAddedPush &delta);
/// Applies the delta: the member goes, the new admin (if any) gets the admin role.
BANTERSHARED_EXPORT void applyDelta(Conversation &conversation, const MemberRemovedPush &delta);
/// Applies the delta: the new name.
BANTERSHARED_EXPORT void applyDelta(Conversation &conversation,
                                    const ConversationRenamedPush &delta);

} // namespace Banter::Protocol
