// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/ids.h>

#include <QList>
#include <QString>
#include <QUuid>

namespace Banter {

/// What a system message records: a change to the conversation made by the message's sender
/// (the actor). It travels in the conversation's own seq stream, so every member learns of it
/// through the same sync, in order. Its JSON form lives in protocol/systemevent.h.
///
/// Message edits, deletions and reaction changes are events of this kind too (the "change
/// events": their messageId names the message they change); a client applies them to that
/// message instead of showing them (see isMessageChange()).
///
/// To add a kind: append it to Kind, give
/// it a wire name in protocol/types.h and a row in protocol/systemevent.cpp's table saying
/// which fields it carries, and word it in the desktop's SystemEventText.
struct SystemEvent
{
    /// What changed. Append only: the order is not part of the wire form, but stored values are.
    enum class Kind {
        Unknown, ///< a kind this build does not know (from a newer server): shown generically
        GroupCreated, ///< the group was made, with `name` and the first members
        MembersAdded, ///< members were added
        MemberRemoved, ///< an admin removed a member
        MemberLeft, ///< a member left
        Renamed, ///< the group got a new `name`
        MessageEdited, ///< messageId got new text (the system message's content); editedAt = its
                       ///< time
        MessageDeleted, ///< messageId was deleted: its content and attachment are gone
        ReactionAdded, ///< the actor reacted to messageId with `emoji`; `count` is the new total
        ReactionRemoved, ///< the actor took back `emoji` from messageId; `count` is the new total
    };

    Kind kind = Kind::Unknown; ///< what changed
    /// GroupCreated, MembersAdded: the members (the creator excepted); MemberRemoved,
    /// MemberLeft: the one member.
    QList<UserId> userIds;
    QString name; ///< GroupCreated, Renamed: the group's name
    QString unknownKind; ///< Unknown: the wire name as received, kept so it encodes unchanged
    QUuid messageId{}; ///< change events: the message changed
    Seq messageSeq = 0; ///< change events: that message's seq (to find it in a store)
    QString emoji{}; ///< ReactionAdded, ReactionRemoved: the reaction
    int count = 0; ///< ReactionAdded, ReactionRemoved: how many reacted with `emoji` now

    /// True for the kinds that change another message (edit, delete, reactions) rather than
    /// the conversation; a client applies them and does not show them as lines.
    bool isMessageChange() const
    {
        return kind == Kind::MessageEdited || kind == Kind::MessageDeleted
            || kind == Kind::ReactionAdded || kind == Kind::ReactionRemoved;
    }

    /// The group `name` was created with `members` (the creator excepted).
    static SystemEvent groupCreated(const QString &name, const QList<UserId> &members)
    {
        return {Kind::GroupCreated, members, name, {}, {}, 0, {}, 0};
    }
    /// `members` were added to the group.
    static SystemEvent membersAdded(const QList<UserId> &members)
    {
        return {Kind::MembersAdded, members, {}, {}, {}, 0, {}, 0};
    }
    /// An admin removed `member`.
    static SystemEvent memberRemoved(UserId member)
    {
        return {Kind::MemberRemoved, {member}, {}, {}, {}, 0, {}, 0};
    }
    /// `member` left the group.
    static SystemEvent memberLeft(UserId member)
    {
        return {Kind::MemberLeft, {member}, {}, {}, {}, 0, {}, 0};
    }
    /// The group was renamed to `name`.
    static SystemEvent renamed(const QString &name)
    {
        return {Kind::Renamed, {}, name, {}, {}, 0, {}, 0};
    }

    /// `message` (at `seq`) was edited; the new text is the system message's content.
    static SystemEvent messageEdited(const QUuid &message, Seq seq)
    {
        return {Kind::MessageEdited, {}, {}, {}, message, seq, {}, 0};
    }
    /// `message` (at `seq`) was deleted.
    static SystemEvent messageDeleted(const QUuid &message, Seq seq)
    {
        return {Kind::MessageDeleted, {}, {}, {}, message, seq, {}, 0};
    }
    /// The actor reacted to `message` with `emoji`; `count` reacted with it now.
    static SystemEvent reactionAdded(const QUuid &message, Seq seq, const QString &emoji, int count)
    {
        return {Kind::ReactionAdded, {}, {}, {}, message, seq, emoji, count};
    }
    /// The actor took back `emoji` from `message`; `count` reacted with it now.
    static SystemEvent reactionRemoved(const QUuid &message, Seq seq, const QString &emoji,
                                       int count)
    {
        return {Kind::ReactionRemoved, {}, {}, {}, message, seq, emoji, count};
    }

    friend bool operator==(const SystemEvent &, const SystemEvent &) = default;
};

} // namespace Banter
