// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/presence.h>

#include <QHash>
#include <QList>
#include <QSet>

namespace Banter::Server {

using ConnectionId = quint64;

// Who is connected, from which connections, and with what chosen status. Owned by the
// event-loop thread and touched only there, so a plain QHash needs no locks.
class PresenceStore
{
public:
    // Returns true when the user was offline and is now online.
    bool addConnection(UserId user, ConnectionId connection);
    // Returns true when this was the user's last connection (they are now offline).
    bool removeConnection(UserId user, ConnectionId connection, qint64 nowMs);
    // Online users may choose online or away; returns true when the visible status changed.
    bool setStatus(UserId user, PresenceStatus status);

    Presence presence(UserId user) const;
    bool isOnline(UserId user) const { return m_online.contains(user); }
    QList<ConnectionId> connections(UserId user) const;
    int connectionCount(UserId user) const;
    qsizetype onlineUserCount() const { return m_online.size(); }
    // Remembers when a user was last seen, e.g. loaded from storage.
    void setLastSeen(UserId user, qint64 lastSeenMs);
    // The user's choice to hide when they were last seen (PrivacySettings::hideLastSeen):
    // presence() then reports offline with last_seen 0. Learnt at sign-in and on change.
    void setLastSeenHidden(UserId user, bool hidden);

private:
    struct Online
    {
        QList<ConnectionId> connections;
        PresenceStatus status = PresenceStatus::Online;
    };
    QHash<UserId, Online> m_online;
    QHash<UserId, qint64> m_lastSeen;
    QSet<UserId> m_lastSeenHidden; // users only: bounded by the accounts that chose it
};

} // namespace Banter::Server
