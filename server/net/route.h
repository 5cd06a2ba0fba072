// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// route<Request>(…): the one shape every request handler has. Decode the request data as
// Request (or reply with the decoding error), ask a service for a future, answer with its
// result. A cancelled future is not answered (the request was superseded).

#include "net/requestrouter.h"
#include "service/servicecontext.h"
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/conversationmessages.h>
#include <banter/protocol/peoplemessages.h>

#include <QFuture>

#include <type_traits>

namespace Banter::Server {

// What a service value looks like as reply data. Services answer with domain values where
// the value is also used for pushes; the wire wraps them.
template<typename T>
QJsonObject replyData(const T &value)
{
    return value.toJson();
}
inline QJsonObject replyData(const Done &)
{
    return {};
}
inline QJsonObject replyData(const Message &message)
{
    return Protocol::MessageReply{message}.toJson();
}
inline QJsonObject replyData(const Conversation &conversation)
{
    return Protocol::ConversationReply{conversation}.toJson();
}
inline QJsonObject replyData(const Protocol::Contact &contact)
{
    return Protocol::ContactReply{contact}.toJson();
}

// Replies when the future finishes. `context` (a service, which outlives the connections)
// brings a result from the storage thread back to ours; one that is already here is
// answered at once.
template<typename T>
void answerWhenDone(QFuture<Result<T>> future, QObject &context, const Reply &reply)
{
    future.then(&context, [reply](const Result<T> &result) {
        if (!result)
            reply.failure(result.error());
        else
            reply.success(replyData(*result));
    });
}

// The general form: `call(ClientConnection &, const Request &)` returns the service's
// future. Request void: the request carries no data, `call(ClientConnection &)`.
template<typename Request, typename Call>
void route(RequestRouter &router, QLatin1String type, RequestRouter::Access access,
           QObject &context, Call call)
{
    router.add(type, access,
               [&context, call = std::move(call)](ClientConnection &c, const QJsonObject &data,
                                                  const Reply &reply) {
                   if constexpr (std::is_void_v<Request>) {
                       answerWhenDone(call(c), context, reply);
                   } else {
                       Result<Request> decoded = Request::fromJson(data);
                       if (!decoded)
                           return reply.failure(decoded.error());
                       answerWhenDone(call(c, *decoded), context, reply);
                   }
               });
}

// The common form: an authenticated request handled by Service::method(UserId, const
// Request &).
template<typename Request, typename Service, typename T>
void route(RequestRouter &router, QLatin1String type, Service &service,
           QFuture<Result<T>> (Service::*method)(UserId, const Request &))
{
    route<Request>(router, type, RequestRouter::Access::Authenticated, service,
                   [&service, method](ClientConnection &c, const Request &request) {
                       return (service.*method)(c.userId(), request);
                   });
}

// The same with the origin connection, which the service's pushes skip (it gets the reply).
template<typename Request, typename Service, typename T>
void route(RequestRouter &router, QLatin1String type, Service &service,
           QFuture<Result<T>> (Service::*method)(UserId, ConnectionId, const Request &))
{
    route<Request>(router, type, RequestRouter::Access::Authenticated, service,
                   [&service, method](ClientConnection &c, const Request &request) {
                       return (service.*method)(c.userId(), c.id(), request);
                   });
}

} // namespace Banter::Server
