// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/systemeventtext.h"

namespace Banter::Desktop {

QString SystemEventText::describe(const std::optional<SystemEvent> &event, const QString &actor)
{
    using Kind = SystemEvent::Kind;
    switch (event ? event->kind : Kind::Unknown) {
    case Kind::GroupCreated:
        return tr("%1 created the group “%2”").arg(actor, event->name);
    case Kind::MembersAdded:
        return tr("%1 added members").arg(actor);
    case Kind::MemberRemoved:
        return tr("%1 removed a member").arg(actor);
    case Kind::MemberLeft:
        return tr("%1 left").arg(actor);
    case Kind::Renamed:
        return tr("%1 renamed the group to “%2”").arg(actor, event->name);
    // Changes to a message: applied to it where it is shown; this line says what happened.
    case Kind::MessageEdited:
        return tr("%1 edited a message").arg(actor);
    case Kind::MessageDeleted:
        return tr("%1 deleted a message").arg(actor);
    case Kind::ReactionAdded:
        return tr("%1 reacted with %2").arg(actor, event->emoji);
    case Kind::ReactionRemoved:
        return tr("%1 took back a reaction").arg(actor);
    case Kind::Unknown:
        break;
    }
    // A kind from a newer server: still say who changed something.
    return tr("%1 changed the conversation").arg(actor);
}

} // namespace Banter::Desktop
