// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/result.h>
#include "net/clientconnection.h"
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
            m_connection->sendFrame(Protocol::encodeSuccess(m_type, m_rid, data));
    }
    void failure(const Error &error) const
    {
        if (m_connection)
            m_connection->sendFrame(Protocol::encodeFailure(m_type, m_rid, error));
    }

    // Completes with a service result: T's JSON on success, the error otherwise.
    template<typename T>
    void operator()(const Result<T> &result) const
    {
        if (!result)
            failure(result.error());
        else
            success(toData(*result));
    }

private:
    static QJsonObject toData(const Done &) { return {}; }
    template<typename T>
    static QJsonObject toData(const T &value)
    {
        return value.toJson();
    }

    QPointer<ClientConnection> m_connection;
    QString m_type;
    QString m_rid;
};

// Decodes the request data as T and calls handle(T) or replies with the decoding error.
template<typename T, typename Handle>
void withDecoded(const QJsonObject &data, const Reply &reply, Handle handle)
{
    Result<T> decoded = T::fromJson(data);
    if (!decoded)
        return reply.failure(decoded.error());
    handle(std::move(decoded).value());
}

} // namespace Banter::Server
