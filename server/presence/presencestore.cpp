// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "presence/presencestore.h"

namespace Banter::Server {

bool PresenceStore::addConnection(UserId user, ConnectionId connection)
{
    auto it = m_online.find(user);
    if (it == m_online.end()) {
        m_online.insert(user, Online{{connection}, PresenceStatus::Online});
        return true;
    }
    if (!it->connections.contains(connection))
        it->connections.append(connection);
    return false;
}

bool PresenceStore::removeConnection(UserId user, ConnectionId connection, qint64 nowMs)
{
    auto it = m_online.find(user);
    if (it == m_online.end())
        return false;
    it->connections.removeAll(connection);
    if (!it->connections.isEmpty())
        return false;
    m_online.erase(it);
    m_lastSeen.insert(user, nowMs);
    return true;
}

bool PresenceStore::setStatus(UserId user, PresenceStatus status)
{
    auto it = m_online.find(user);
    if (it == m_online.end() || status == PresenceStatus::Offline || it->status == status)
        return false;
    it->status = status;
    return true;
}

Presence PresenceStore::presence(UserId user) const
{
    const auto it = m_online.constFind(user);
    if (it != m_online.cend())
        return Presence{user, it->status, 0};
    if (m_lastSeenHidden.contains(user))
        return Presence{user, PresenceStatus::Offline, 0};
    return Presence{user, PresenceStatus::Offline, m_lastSeen.value(user, 0)};
}

void PresenceStore::setLastSeenHidden(UserId user, bool hidden)
{
    if (hidden)
        m_lastSeenHidden.insert(user);
    else
        m_lastSeenHidden.remove(user);
}

QList<ConnectionId> PresenceStore::connections(UserId user) const
{
    return m_online.value(user).connections;
}

int PresenceStore::connectionCount(UserId user) const
{
    return int(m_online.value(user).connections.size());
}

void PresenceStore::setLastSeen(UserId user, qint64 lastSeenMs)
{
    if (!m_online.contains(user))
        m_lastSeen.insert(user, lastSeenMs);
}

} // namespace Banter::Server
