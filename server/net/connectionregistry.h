// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/clientconnection.h"
#include "service/pushsink.h"

#include <QHash>

namespace Banter::Server {

class PresenceStore;

// Live connections by id, and the PushSink the services use to reach users: a push is
// encoded once and written to every connection of every addressed user.
class ConnectionRegistry : public PushSink
{
public:
    explicit ConnectionRegistry(const PresenceStore &presence);

    void add(ClientConnection *connection);
    void remove(ClientConnection *connection);
    ClientConnection *find(ConnectionId id) const { return m_connections.value(id); }
    qsizetype size() const { return m_connections.size(); }
    // Every live connection signed in with this session.
    QList<ClientConnection *> forSession(SessionId session) const;
    QList<ClientConnection *> all() const { return m_connections.values(); }

    void push(const QList<UserId> &users, QLatin1String type, const QJsonObject &data,
              ConnectionId except = 0) override;
    void pushEither(const QList<UserId> &users, ClientFeature feature, const Form &current,
                    const Form &legacy) override;

private:
    const PresenceStore &m_presence;
    QHash<ConnectionId, ClientConnection *> m_connections;
};

} // namespace Banter::Server
