// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// conversations, conversation, create_private, create_group, add_members, remove_member,
// leave, rename, set_retention.
#include "net/handlers/services.h"
#include "net/route.h"
#include "service/conversationservice.h"
#include <banter/protocol/conversationmessages.h>
#include <banter/protocol/types.h>

namespace Banter::Server {

namespace {
using Access = RequestRouter::Access;
namespace P = Protocol;
} // namespace

void registerConversationHandlers(RequestRouter &router, Services &s)
{
    ConversationService &conversations = s.conversations;
    route(router, P::Type::Conversations, conversations, &ConversationService::list);
    route<P::ConversationRef>(router, P::Type::ConversationInfo, Access::Authenticated,
                              conversations,
                              [&conversations](ClientConnection &c, const P::ConversationRef &r) {
                                  return conversations.get(c.userId(), r.conversationId);
                              });
    route<P::CreatePrivateRequest>(
        router, P::Type::CreatePrivate, Access::Authenticated, conversations,
        [&conversations](ClientConnection &c, const P::CreatePrivateRequest &r) {
            return conversations.createPrivate(c.userId(), r.userId);
        });
    route(router, P::Type::CreateGroup, conversations, &ConversationService::createGroup);
    route(router, P::Type::AddMembers, conversations, &ConversationService::addMembers);
    route(router, P::Type::RemoveMember, conversations, &ConversationService::removeMember);
    route<P::ConversationRef>(router, P::Type::Leave, Access::Authenticated, conversations,
                              [&conversations](ClientConnection &c, const P::ConversationRef &r) {
                                  return conversations.leave(c.userId(), r.conversationId);
                              });
    route(router, P::Type::Rename, conversations, &ConversationService::rename);
    route(router, P::Type::SetRetention, conversations, &ConversationService::setRetention);
}

} // namespace Banter::Server
