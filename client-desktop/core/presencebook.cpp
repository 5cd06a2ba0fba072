// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/presencebook.h"

#include <banter/client/clientsession.h>

namespace Banter::Desktop {

PresenceBook::PresenceBook(ClientSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(&session, &ClientSession::presenceChanged, this, &PresenceBook::merge);
    // After every (re)connect: what changed while this client was away was not pushed to it.
    connect(&session, &ClientSession::synced, this, &PresenceBook::reload);
}

Presence PresenceBook::presence(UserId user) const
{
    return m_known.value(user, Presence{user, PresenceStatus::Offline, 0});
}

bool PresenceBook::isConnected(UserId user) const
{
    return presence(user).status != PresenceStatus::Offline;
}

void PresenceBook::merge(const Presence &presence)
{
    if (presence.userId == 0)
        return;
    auto known = m_known.find(presence.userId);
    if (known != m_known.end() && *known == presence)
        return;
    m_known.insert(presence.userId, presence);
    Q_EMIT changed(presence);
}

void PresenceBook::reload()
{
    m_session.presences().then(this, [this](Result<Protocol::PresencesReply> reply) {
        if (!reply)
            return; // the next sync asks again; pushes keep what is known current
        for (const Presence &p : reply->presences)
            merge(p);
        Q_EMIT loaded();
    });
}

} // namespace Banter::Desktop
