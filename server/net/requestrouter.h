// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/reply.h"
#include <banter/protocol/frame.h>

#include <QHash>

#include <functional>

namespace Banter::Server {

// Maps request types to handlers and enforces the one rule every handler shares: requests
// other than the session family need an authenticated connection.
class RequestRouter
{
public:
    enum class Access { Anyone, Authenticated };
    using Handler = std::function<void(ClientConnection &, const QJsonObject &data, const Reply &)>;

    void add(QLatin1String type, Access access, Handler handler);
    void dispatch(ClientConnection &connection, const Protocol::Request &request) const;
    QStringList types() const { return m_routes.keys(); }

private:
    struct Route
    {
        Access access = Access::Authenticated;
        Handler handler;
    };
    QHash<QString, Route> m_routes;
};

} // namespace Banter::Server
