// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/ids.h>

#include <QList>
#include <QString>

namespace Banter {

/// What a system message records: a change to the conversation made by the message's sender
/// (the actor). It travels in the conversation's own seq stream, so every member learns of it
/// through the same sync, in order. Its JSON form lives in protocol/systemevent.h.
///
/// To add a kind (the message edits, deletions and reactions to come): append it to Kind, give
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
    };

    Kind kind = Kind::Unknown; ///< what changed
    /// GroupCreated, MembersAdded: the members (the creator excepted); MemberRemoved,
    /// MemberLeft: the one member.
    QList<UserId> userIds;
    QString name; ///< GroupCreated, Renamed: the group's name
    QString unknownKind; ///< Unknown: the wire name as received, kept so it encodes unchanged

    /// The group `name` was created with `members` (the creator excepted).
    static SystemEvent groupCreated(const QString &name, const QList<UserId> &members)
    {
        return {Kind::GroupCreated, members, name, {}};
    }
    /// `members` were added to the group.
    static SystemEvent membersAdded(const QList<UserId> &members)
    {
        return {Kind::MembersAdded, members, {}, {}};
    }
    /// An admin removed `member`.
    static SystemEvent memberRemoved(UserId member)
    {
        return {Kind::MemberRemoved, {member}, {}, {}};
    }
    /// `member` left the group.
    static SystemEvent memberLeft(UserId member) { return {Kind::MemberLeft, {member}, {}, {}}; }
    /// The group was renamed to `name`.
    static SystemEvent renamed(const QString &name) { return {Kind::Renamed, {}, name, {}}; }

    friend bool operator==(const SystemEvent &, const SystemEvent &) = default;
};

} // namespace Banter
