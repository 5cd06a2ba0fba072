// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/servermetrics.h"
#include "net/clientconnection.h"
#include <banter/domain/result.h>
#include <banter/protocol/frame.h>

#include <QPointer>

#include <chrono>

namespace Banter::Server {

// The one response a request gets. It holds the connection weakly: a reply that completes
// after the client left is dropped quietly. Answering counts the request (its type, how long
// it took, its error code) in ServerMetrics, whether or not the client is still there.
class Reply
{
public:
    Reply(ClientConnection &connection, QString type, QString rid, QString requestType = {})
        : m_connection(&connection)
        , m_type(std::move(type))
        , m_rid(std::move(rid))
        , m_requestType(std::move(requestType))
        , m_started(std::chrono::steady_clock::now())
    { }

    ClientConnection *connection() const { return m_connection.data(); }
    const QString &type() const { return m_type; }

    void success(const QJsonObject &data) const
    {
        count({});
        if (m_connection)
            m_connection->sendAnswer(m_rid, Protocol::encodeSuccess(m_type, m_rid, data));
    }
    void failure(const Error &error) const
    {
        count(error.code);
        if (m_connection)
            m_connection->sendAnswer(m_rid, Protocol::encodeFailure(m_type, m_rid, error));
    }

private:
    void count(std::optional<ErrorCode> error) const
    {
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - m_started;
        ServerMetrics::instance().requestAnswered(m_requestType, took.count(), error);
    }

    QPointer<ClientConnection> m_connection;
    QString m_type;
    QString m_rid;
    QString m_requestType; // as the client sent it; unknown ones are counted as "other"
    std::chrono::steady_clock::time_point m_started;
};

} // namespace Banter::Server
