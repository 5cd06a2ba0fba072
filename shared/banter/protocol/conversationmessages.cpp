// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/domain/ids.h>
#include <banter/protocol/conversationmessages.h>
#include <banter/protocol/domainjson.h>
#include <banter/protocol/jsonreader_p.h>

namespace Banter::Protocol {

using namespace Qt::StringLiterals;

namespace {
using R = JsonReader;
constexpr int MaxIdsPerRequest = 1000;
constexpr int MaxConversationsOnWire = 100'000;

} // namespace

QJsonObject toJson(const ConversationSummary &s)
{
    QJsonObject object{{u"conversation"_s, toJson(s.conversation)},
                       {u"unread_count"_s, s.unreadCount},
                       {u"unread_mentions"_s, s.unreadMentions}};
    if (s.lastMessage)
        object.insert(u"last_message"_s, toJson(*s.lastMessage));
    return object;
}

Result<ConversationSummary> summaryFromJson(const QJsonObject &object)
{
    R r(object);
    ConversationSummary s;
    s.conversation = r.nested<Conversation>("conversation"_L1, conversationFromJson);
    if (r.has("last_message"_L1))
        s.lastMessage = r.nested<Message>("last_message"_L1, messageFromJson);
    s.unreadCount = r.integer("unread_count"_L1, 0, MaxJsonSafeInteger);
    s.unreadMentions = r.integer("unread_mentions"_L1, 0, MaxJsonSafeInteger, R::Optional);
    return r.finish(s);
}

QJsonObject ConversationRef::toJson() const
{
    return {{u"conversation_id"_s, conversationId}};
}

Result<ConversationRef> ConversationRef::fromJson(const QJsonObject &object)
{
    R r(object);
    ConversationRef v;
    v.conversationId = r.id("conversation_id"_L1);
    return r.finish(v);
}

QJsonObject ConversationReply::toJson() const
{
    return {{u"conversation"_s, Protocol::toJson(conversation)}};
}

Result<ConversationReply> ConversationReply::fromJson(const QJsonObject &object)
{
    R r(object);
    ConversationReply v;
    v.conversation = r.nested<Conversation>("conversation"_L1, conversationFromJson);
    return r.finish(v);
}

QJsonObject ConversationsReply::toJson() const
{
    QJsonArray list;
    for (const ConversationSummary &s : conversations)
        list.append(Protocol::toJson(s));
    QJsonObject object{{u"conversations"_s, list}};
    if (hasMore)
        object.insert(u"has_more"_s, true);
    return object;
}

Result<ConversationsReply> ConversationsReply::fromJson(const QJsonObject &object)
{
    R r(object);
    ConversationsReply v;
    const QJsonArray list = r.array("conversations"_L1, MaxConversationsOnWire);
    if (r.ok()) {
        auto decoded = listFromJson<ConversationSummary>(list, summaryFromJson);
        if (decoded)
            v.conversations = *decoded;
        else
            r.fail(decoded.error());
    }
    v.hasMore = r.boolean("has_more"_L1, R::Optional);
    return r.finish(v);
}

QJsonObject ConversationsRequest::toJson() const
{
    if (offset == 0)
        return {};
    return {{u"offset"_s, offset}};
}

Result<ConversationsRequest> ConversationsRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    ConversationsRequest v;
    v.offset = int(r.integer("offset"_L1, 0, MaxConversationsOnWire, R::Optional, 0));
    return r.finish(v);
}

QJsonObject CreatePrivateRequest::toJson() const
{
    return {{u"user_id"_s, userId}};
}

Result<CreatePrivateRequest> CreatePrivateRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    CreatePrivateRequest v;
    v.userId = r.id("user_id"_L1);
    return r.finish(v);
}

QJsonObject CreateGroupRequest::toJson() const
{
    QJsonArray ids;
    for (UserId id : memberIds)
        ids.append(id);
    return {{u"name"_s, name}, {u"member_ids"_s, ids}};
}

Result<CreateGroupRequest> CreateGroupRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    CreateGroupRequest v;
    v.name = r.string("name"_L1, ConversationRules::MaxGroupNameLength);
    v.memberIds = r.idList("member_ids"_L1, MaxIdsPerRequest);
    return r.finish(v);
}

QJsonObject AddMembersRequest::toJson() const
{
    QJsonArray ids;
    for (UserId id : userIds)
        ids.append(id);
    return {{u"conversation_id"_s, conversationId}, {u"user_ids"_s, ids}};
}

Result<AddMembersRequest> AddMembersRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    AddMembersRequest v;
    v.conversationId = r.id("conversation_id"_L1);
    v.userIds = r.idList("user_ids"_L1, MaxIdsPerRequest);
    if (r.ok() && v.userIds.isEmpty())
        r.fail(ErrorCode::BadRequest, u"'user_ids' must not be empty"_s);
    return r.finish(v);
}

QJsonObject RemoveMemberRequest::toJson() const
{
    return {{u"conversation_id"_s, conversationId}, {u"user_id"_s, userId}};
}

Result<RemoveMemberRequest> RemoveMemberRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    RemoveMemberRequest v;
    v.conversationId = r.id("conversation_id"_L1);
    v.userId = r.id("user_id"_L1);
    return r.finish(v);
}

QJsonObject RenameRequest::toJson() const
{
    return {{u"conversation_id"_s, conversationId}, {u"name"_s, name}};
}

Result<RenameRequest> RenameRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    RenameRequest v;
    v.conversationId = r.id("conversation_id"_L1);
    v.name = r.string("name"_L1, ConversationRules::MaxGroupNameLength);
    return r.finish(v);
}

QJsonObject SetRetentionRequest::toJson() const
{
    return {{u"conversation_id"_s, conversationId},
            {u"message_days"_s, messageDays},
            {u"file_days"_s, fileDays}};
}

Result<SetRetentionRequest> SetRetentionRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    SetRetentionRequest v;
    v.conversationId = r.id("conversation_id"_L1);
    v.messageDays = int(r.integer("message_days"_L1, 0, RetentionRules::MaxDays));
    v.fileDays = int(r.integer("file_days"_L1, 0, RetentionRules::MaxDays));
    return r.finish(v);
}

} // namespace Banter::Protocol
