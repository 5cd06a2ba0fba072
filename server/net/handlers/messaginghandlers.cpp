// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// message, history, sync, read, delivered, typing.
#include "net/handlers/services.h"
#include "net/requestrouter.h"
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/types.h>
#include "service/messagingservice.h"
#include "service/receiptservice.h"

namespace Banter::Server {

namespace {
using Access = RequestRouter::Access;
namespace P = Protocol;
} // namespace

void registerMessagingHandlers(RequestRouter &router, Services &s)
{
    router.add(P::Type::Message, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::SendMessageRequest>(
                       data, reply, [&](const P::SendMessageRequest &r) {
                           s.messaging.send(c.userId(), c.id(), r, [reply](Result<Message> result) {
                               if (!result)
                                   return reply.failure(result.error());
                               reply.success(P::MessageReply{*result}.toJson());
                           });
                       });
               });
    router.add(P::Type::History, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::HistoryRequest>(data, reply, [&](const P::HistoryRequest &r) {
                       s.messaging.history(c.userId(), r, reply);
                   });
               });
    router.add(P::Type::Sync, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::SyncRequest>(data, reply, [&](const P::SyncRequest &r) {
                       s.messaging.sync(c.userId(), r, reply);
                   });
               });
    router.add(P::Type::Read, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::ReceiptRequest>(data, reply, [&](const P::ReceiptRequest &r) {
                       s.receipts.markRead(c.userId(), c.id(), r, reply);
                   });
               });
    router.add(P::Type::Delivered, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::ReceiptRequest>(data, reply, [&](const P::ReceiptRequest &r) {
                       s.receipts.markDelivered(c.userId(), c.id(), r, reply);
                   });
               });
    router.add(P::Type::Typing, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::TypingRequest>(data, reply, [&](const P::TypingRequest &r) {
                       s.receipts.typing(c.userId(), r, reply);
                   });
               });
}

} // namespace Banter::Server
