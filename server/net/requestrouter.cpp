// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/requestrouter.h"

#include "metrics/servermetrics.h"

namespace Banter::Server {

using namespace Qt::StringLiterals;

void RequestRouter::add(QLatin1String type, Access access, Handler handler)
{
    Q_ASSERT(!m_routes.contains(type));
    ServerMetrics::instance().registerRequestType(type);
    m_routes.insert(type, Route{access, std::move(handler)});
}

void RequestRouter::dispatch(ClientConnection &connection, const Protocol::Request &request) const
{
    // The response to ping is named pong, as in Banter's reference design.
    const QString replyType = Protocol::responseType(request.type);
    const Reply reply(connection, replyType, request.rid, request.type);
    const auto it = m_routes.constFind(request.type);
    if (it == m_routes.cend())
        return reply.failure(
            makeError(ErrorCode::UnknownType, u"unknown request type '%1'"_s.arg(request.type)));
    if (it->access == Access::Authenticated && !connection.isAuthenticated())
        return reply.failure(makeError(ErrorCode::Unauthenticated,
                                       u"sign in first (register, login, auth or refresh)"_s));
    it->handler(connection, request.data, reply);
}

} // namespace Banter::Server
