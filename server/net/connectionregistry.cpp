// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/connectionregistry.h"

#include "presence/presencestore.h"
#include <banter/protocol/frame.h>

namespace Banter::Server {

ConnectionRegistry::ConnectionRegistry(const PresenceStore &presence)
    : m_presence(presence)
{ }

void ConnectionRegistry::add(ClientConnection *connection)
{
    m_connections.insert(connection->id(), connection);
}

void ConnectionRegistry::remove(ClientConnection *connection)
{
    m_connections.remove(connection->id());
}

QList<ClientConnection *> ConnectionRegistry::forSession(SessionId session) const
{
    QList<ClientConnection *> result;
    for (ClientConnection *c : m_connections) {
        if (c->sessionId() == session)
            result.append(c);
    }
    return result;
}

void ConnectionRegistry::push(const QList<UserId> &users, QLatin1String type,
                              const QJsonObject &data, ConnectionId except)
{
    QByteArray frame; // encoded lazily: most pushes to offline users cost nothing
    for (UserId user : users) {
        const QList<ConnectionId> connections = m_presence.connections(user);
        for (ConnectionId id : connections) {
            ClientConnection *connection = m_connections.value(id);
            if (!connection || id == except)
                continue;
            if (frame.isEmpty())
                frame = Protocol::encodePush(type, data);
            connection->sendFrame(frame);
        }
    }
}

void ConnectionRegistry::pushEither(const QList<UserId> &users, ClientFeature feature,
                                    const Form &current, const Form &legacy)
{
    QByteArray currentFrame; // each form encoded lazily, once
    QByteArray legacyFrame;
    for (UserId user : users) {
        const QList<ConnectionId> connections = m_presence.connections(user);
        for (ConnectionId id : connections) {
            ClientConnection *connection = m_connections.value(id);
            if (!connection)
                continue;
            const bool understands = connection->hasFeature(feature);
            QByteArray &frame = understands ? currentFrame : legacyFrame;
            if (frame.isEmpty()) {
                const Form &form = understands ? current : legacy;
                frame = Protocol::encodePush(form.type, form.data);
            }
            connection->sendFrame(frame);
        }
    }
}

} // namespace Banter::Server
