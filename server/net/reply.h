// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/clientconnection.h"
#include <banter/domain/result.h>
#include <banter/protocol/frame.h>

#include <QPointer>

namespace Banter::Server {

// The one response a request gets. It holds the connection weakly: a reply that completes
// after the client left is dropped quietly.
class Reply
{
public:
    Reply(ClientConnection &connection, QString type, QString rid)
        : m_connection(&connection)
        , m_type(std::move(type))
        , m_rid(std::move(rid))
    { }

    ClientConnection *connection() const { return m_connection.data(); }
    const QString &type() const { return m_type; }

    void success(const QJsonObject &data) const
    {
        if (m_connection)
            m_connection->sendAnswer(m_rid, Protocol::encodeSuccess(m_type, m_rid, data));
    }
    void failure(const Error &error) const
    {
        if (m_connection)
            m_connection->sendAnswer(m_rid, Protocol::encodeFailure(m_type, m_rid, error));
    }

private:
    QPointer<ClientConnection> m_connection;
    QString m_type;
    QString m_rid;
};

} // namespace Banter::Server
