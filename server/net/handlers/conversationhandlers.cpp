// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// conversations, conversation, create_private, create_group, add_members, remove_member,
// leave, rename.
#include "net/handlers/services.h"
#include "net/requestrouter.h"
#include <banter/protocol/conversationmessages.h>
#include <banter/protocol/types.h>
#include "service/conversationservice.h"

namespace Banter::Server {

namespace {
using Access = RequestRouter::Access;
namespace P = Protocol;

// Conversation results go out as {"conversation": ...}.
Callback<Conversation> asConversationReply(const Reply &reply)
{
    return [reply](Result<Conversation> result) {
        if (!result)
            return reply.failure(result.error());
        reply.success(P::ConversationReply{*result}.toJson());
    };
}
} // namespace

void registerConversationHandlers(RequestRouter &router, Services &s)
{
    router.add(P::Type::Conversations, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &, const Reply &reply) {
                   s.conversations.list(c.userId(), reply);
               });
    router.add(P::Type::ConversationInfo, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::ConversationRef>(data, reply, [&](const P::ConversationRef &r) {
                       s.conversations.get(c.userId(), r.conversationId,
                                           asConversationReply(reply));
                   });
               });
    router.add(P::Type::CreatePrivate, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::CreatePrivateRequest>(
                       data, reply, [&](const P::CreatePrivateRequest &r) {
                           s.conversations.createPrivate(c.userId(), r.userId,
                                                         asConversationReply(reply));
                       });
               });
    router.add(P::Type::CreateGroup, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::CreateGroupRequest>(
                       data, reply, [&](const P::CreateGroupRequest &r) {
                           s.conversations.createGroup(c.userId(), r, asConversationReply(reply));
                       });
               });
    router.add(P::Type::AddMembers, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::AddMembersRequest>(
                       data, reply, [&](const P::AddMembersRequest &r) {
                           s.conversations.addMembers(c.userId(), r, asConversationReply(reply));
                       });
               });
    router.add(P::Type::RemoveMember, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::RemoveMemberRequest>(
                       data, reply, [&](const P::RemoveMemberRequest &r) {
                           s.conversations.removeMember(c.userId(), r, asConversationReply(reply));
                       });
               });
    router.add(P::Type::Leave, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::ConversationRef>(data, reply, [&](const P::ConversationRef &r) {
                       s.conversations.leave(c.userId(), r.conversationId, reply);
                   });
               });
    router.add(P::Type::Rename, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::RenameRequest>(data, reply, [&](const P::RenameRequest &r) {
                       s.conversations.rename(c.userId(), r, asConversationReply(reply));
                   });
               });
}

} // namespace Banter::Server
