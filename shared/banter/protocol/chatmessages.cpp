// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/domain/ids.h>
#include <banter/domain/messagecontent.h>
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/domainjson.h>
#include <banter/protocol/jsonreader_p.h>

namespace Banter::Protocol {

using namespace Qt::StringLiterals;

namespace {
using R = JsonReader;
constexpr int MaxMessagesOnWire = 10'000;
constexpr int MaxPositions = 100'000;

QList<Message> readMessages(R &r)
{
    const QJsonArray list = r.array("messages"_L1, MaxMessagesOnWire);
    if (!r.ok())
        return {};
    Result<QList<Message>> messages = listFromJson<Message>(list, messageFromJson);
    if (!messages) {
        r.fail(messages.error());
        return {};
    }
    return *messages;
}

QJsonArray idsToJson(const QList<qint64> &ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return array;
}
} // namespace

QJsonObject SendMessageRequest::toJson() const
{
    QJsonObject object{{u"id"_s, id.toString(QUuid::WithoutBraces)},
                       {u"type"_s, messageTypeName(type)},
                       {u"content"_s, content}};
    if (conversationId > 0)
        object.insert(u"conversation_id"_s, conversationId);
    if (to > 0)
        object.insert(u"to"_s, to);
    if (!attachment.isNull())
        object.insert(u"attachment"_s, Protocol::toJson(attachment));
    if (!replyTo.isNull())
        object.insert(u"reply_to"_s, replyTo.toString(QUuid::WithoutBraces));
    if (!mentions.isEmpty())
        object.insert(u"mentions"_s, idsToJson(mentions));
    return object;
}

Result<SendMessageRequest> SendMessageRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    SendMessageRequest v;
    v.id = r.uuid("id"_L1);
    v.conversationId = r.id("conversation_id"_L1, R::Optional);
    v.to = r.id("to"_L1, R::Optional);
    if (r.ok() && (v.conversationId > 0) == (v.to > 0))
        r.fail(ErrorCode::BadRequest, u"give exactly one of 'conversation_id' and 'to'"_s);
    const QString typeName = r.string("type"_L1, 16, R::Optional);
    const std::optional<MessageType> type =
        typeName.isEmpty() ? MessageType::Text : messageTypeFromName(typeName);
    if (r.ok() && (!type || *type == MessageType::System))
        r.fail(ErrorCode::BadRequest, u"'type' must be text, image or file"_s);
    v.type = type.value_or(MessageType::Text);
    v.content = r.string("content"_L1, MessageContent::MaxTextLength, R::Optional);
    v.attachment = r.nested<Attachment>("attachment"_L1, attachmentFromJson, R::Optional);
    v.replyTo = r.uuid("reply_to"_L1, R::Optional);
    v.mentions = r.idList("mentions"_L1, MessageContent::MaxMentions, R::Optional);
    return r.finish(v);
}

QJsonObject MessageReply::toJson() const
{
    return {{u"message"_s, Protocol::toJson(message)}};
}

Result<MessageReply> MessageReply::fromJson(const QJsonObject &object)
{
    R r(object);
    MessageReply v;
    v.message = r.nested<Message>("message"_L1, messageFromJson);
    return r.finish(v);
}

QJsonObject HistoryRequest::toJson() const
{
    QJsonObject object{
        {u"conversation_id"_s, conversationId}, {u"before_seq"_s, beforeSeq}, {u"limit"_s, limit}};
    if (around > 0)
        object.insert(u"around"_s, around);
    return object;
}

Result<HistoryRequest> HistoryRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    HistoryRequest v;
    v.conversationId = r.id("conversation_id"_L1);
    v.beforeSeq = r.integer("before_seq"_L1, 0, MaxJsonSafeInteger, R::Optional);
    v.limit = int(r.integer("limit"_L1, 1, MaxLimit, R::Optional, DefaultLimit));
    v.around = r.integer("around"_L1, 0, MaxJsonSafeInteger, R::Optional);
    return r.finish(v);
}

QJsonObject HistoryReply::toJson() const
{
    QJsonObject object{{u"messages"_s, toJsonArray(messages)}, {u"has_more"_s, hasMore}};
    if (hasNewer)
        object.insert(u"has_newer"_s, true);
    return object;
}

Result<HistoryReply> HistoryReply::fromJson(const QJsonObject &object)
{
    R r(object);
    HistoryReply v;
    v.messages = readMessages(r);
    v.hasMore = r.boolean("has_more"_L1);
    v.hasNewer = r.boolean("has_newer"_L1, R::Optional);
    return r.finish(v);
}

QJsonObject SyncRequest::toJson() const
{
    QJsonObject jsonPositions;
    for (auto it = positions.cbegin(); it != positions.cend(); ++it)
        jsonPositions.insert(QString::number(it.key()), it.value());
    QJsonObject object{{u"positions"_s, jsonPositions}, {u"limit"_s, limit}};
    if (after > 0)
        object.insert(u"after"_s, after);
    if (through > 0)
        object.insert(u"through"_s, through);
    return object;
}

Result<SyncRequest> SyncRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    SyncRequest v;
    const QJsonObject positions = r.object("positions"_L1, R::Optional);
    if (positions.size() > MaxPositions)
        r.fail(ErrorCode::TooLarge, u"'positions' has too many entries"_s);
    for (auto it = positions.begin(); r.ok() && it != positions.end(); ++it) {
        bool ok = false;
        const qint64 conversation = it.key().toLongLong(&ok);
        // The key is the conversation id in decimal; the value a seq, read strictly.
        R entry(QJsonObject{{u"seq"_s, it.value()}}, u"positions."_s + it.key());
        const Seq seq = entry.integer("seq"_L1, 0, MaxJsonSafeInteger);
        if (!ok || conversation < 1 || conversation > MaxJsonSafeInteger)
            r.fail(ErrorCode::BadRequest, u"'positions' keys must be conversation ids"_s);
        else if (const auto &e = entry.error())
            r.fail(*e);
        else
            v.positions.insert(conversation, seq);
    }
    v.limit = int(r.integer("limit"_L1, 1, MaxLimit, R::Optional, DefaultLimit));
    v.after = r.integer("after"_L1, 0, MaxJsonSafeInteger, R::Optional, 0);
    v.through = r.integer("through"_L1, 0, MaxJsonSafeInteger, R::Optional, 0);
    return r.finish(v);
}

QJsonObject SyncReply::toJson() const
{
    QJsonArray limitedIds;
    for (ConversationId id : limited)
        limitedIds.append(id);
    QJsonObject object{{u"conversations"_s, toJsonArray(conversations)},
                       {u"messages"_s, toJsonArray(messages)},
                       {u"has_more"_s, hasMore},
                       {u"limited"_s, limitedIds}};
    if (after > 0)
        object.insert(u"after"_s, after);
    return object;
}

Result<SyncReply> SyncReply::fromJson(const QJsonObject &object)
{
    R r(object);
    SyncReply v;
    const QJsonArray list = r.array("conversations"_L1, MaxPositions);
    if (r.ok()) {
        auto conversations = listFromJson<Conversation>(list, conversationFromJson);
        if (conversations)
            v.conversations = *conversations;
        else
            r.fail(conversations.error());
    }
    v.messages = readMessages(r);
    v.hasMore = r.boolean("has_more"_L1);
    v.limited = r.idList("limited"_L1, MaxPositions, R::Optional);
    v.after = r.integer("after"_L1, 0, MaxJsonSafeInteger, R::Optional, 0);
    return r.finish(v);
}

QJsonObject ReceiptRequest::toJson() const
{
    return {{u"conversation_id"_s, conversationId}, {u"seq"_s, seq}};
}

Result<ReceiptRequest> ReceiptRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    ReceiptRequest v;
    v.conversationId = r.id("conversation_id"_L1);
    v.seq = r.id("seq"_L1);
    return r.finish(v);
}

QJsonObject ReceiptPush::toJson() const
{
    return {{u"conversation_id"_s, conversationId},
            {u"user_id"_s, userId},
            {u"kind"_s, kind == ReceiptKind::Read ? u"read"_s : u"delivered"_s},
            {u"seq"_s, seq}};
}

Result<ReceiptPush> ReceiptPush::fromJson(const QJsonObject &object)
{
    R r(object);
    ReceiptPush v;
    v.conversationId = r.id("conversation_id"_L1);
    v.userId = r.id("user_id"_L1);
    const QString kind = r.string("kind"_L1, 16);
    if (r.ok() && kind != "read"_L1 && kind != "delivered"_L1)
        r.fail(ErrorCode::BadRequest, u"'kind' must be read or delivered"_s);
    v.kind = kind == "delivered"_L1 ? ReceiptKind::Delivered : ReceiptKind::Read;
    v.seq = r.id("seq"_L1);
    return r.finish(v);
}

QJsonObject TypingRequest::toJson() const
{
    return {{u"conversation_id"_s, conversationId}, {u"typing"_s, typing}};
}

Result<TypingRequest> TypingRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    TypingRequest v;
    v.conversationId = r.id("conversation_id"_L1);
    v.typing = r.boolean("typing"_L1, R::Optional, true);
    return r.finish(v);
}

QJsonObject TypingPush::toJson() const
{
    return {{u"conversation_id"_s, conversationId}, {u"user_id"_s, userId}, {u"typing"_s, typing}};
}

Result<TypingPush> TypingPush::fromJson(const QJsonObject &object)
{
    R r(object);
    TypingPush v;
    v.conversationId = r.id("conversation_id"_L1);
    v.userId = r.id("user_id"_L1);
    v.typing = r.boolean("typing"_L1);
    return r.finish(v);
}

QJsonObject EditMessageRequest::toJson() const
{
    QJsonObject object{{u"conversation_id"_s, conversationId},
                       {u"message_id"_s, messageId.toString(QUuid::WithoutBraces)},
                       {u"content"_s, content}};
    if (!mentions.isEmpty())
        object.insert(u"mentions"_s, idsToJson(mentions));
    return object;
}

Result<EditMessageRequest> EditMessageRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    EditMessageRequest v;
    v.conversationId = r.id("conversation_id"_L1);
    v.messageId = r.uuid("message_id"_L1);
    v.content = r.string("content"_L1, MessageContent::MaxTextLength);
    v.mentions = r.idList("mentions"_L1, MessageContent::MaxMentions, R::Optional);
    return r.finish(v);
}

QJsonObject MessageRef::toJson() const
{
    return {{u"conversation_id"_s, conversationId},
            {u"message_id"_s, messageId.toString(QUuid::WithoutBraces)}};
}

Result<MessageRef> MessageRef::fromJson(const QJsonObject &object)
{
    R r(object);
    MessageRef v;
    v.conversationId = r.id("conversation_id"_L1);
    v.messageId = r.uuid("message_id"_L1);
    return r.finish(v);
}

QJsonObject ReactionRequest::toJson() const
{
    return {{u"conversation_id"_s, conversationId},
            {u"message_id"_s, messageId.toString(QUuid::WithoutBraces)},
            {u"emoji"_s, emoji}};
}

Result<ReactionRequest> ReactionRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    ReactionRequest v;
    v.conversationId = r.id("conversation_id"_L1);
    v.messageId = r.uuid("message_id"_L1);
    // Read with a loose bound in characters; validateEmoji checks bytes and clusters.
    v.emoji = r.string("emoji"_L1, MessageContent::MaxEmojiBytes);
    if (r.ok()) {
        if (Status valid = MessageContent::validateEmoji(v.emoji); !valid)
            r.fail(valid.error());
    }
    return r.finish(v);
}

QJsonObject ReactionReply::toJson() const
{
    if (!message)
        return {};
    return {{u"message"_s, Protocol::toJson(*message)}};
}

Result<ReactionReply> ReactionReply::fromJson(const QJsonObject &object)
{
    R r(object);
    ReactionReply v;
    if (r.has("message"_L1))
        v.message = r.nested<Message>("message"_L1, messageFromJson);
    return r.finish(v);
}

QJsonObject ReactorsReply::toJson() const
{
    QJsonArray list;
    for (const Entry &e : reactions)
        list.append(QJsonObject{
            {u"emoji"_s, e.emoji}, {u"count"_s, e.count}, {u"user_ids"_s, idsToJson(e.userIds)}});
    return {{u"reactions"_s, list}};
}

Result<ReactorsReply> ReactorsReply::fromJson(const QJsonObject &object)
{
    R r(object);
    ReactorsReply v;
    const QJsonArray list = r.array("reactions"_L1, MessageContent::MaxDistinctReactions);
    for (qsizetype i = 0; r.ok() && i < list.size(); ++i) {
        R entry(list.at(i).toObject(), u"reactions"_s);
        Entry e;
        e.emoji = entry.string("emoji"_L1, MessageContent::MaxEmojiBytes);
        e.count = int(entry.integer("count"_L1, 0, MessageContent::MaxReactionsPerEmoji));
        e.userIds = entry.idList("user_ids"_L1, MaxUsersPerEmoji);
        if (const auto &error = entry.error())
            r.fail(*error);
        else
            v.reactions.append(e);
    }
    return r.finish(v);
}

} // namespace Banter::Protocol
