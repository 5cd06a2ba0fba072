// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/domain/ids.h>
#include <banter/domain/messagecontent.h>
#include <banter/protocol/domainjson.h>
#include <banter/protocol/jsonreader_p.h>
#include <banter/protocol/systemevent.h>

namespace Banter::Protocol {

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 MaxTimeMs = MaxJsonSafeInteger;
constexpr int MaxMembersOnWire = 10'000;

Result<RetentionPolicy> retentionFromJson(const QJsonObject &object)
{
    JsonReader r(object, u"retention"_s);
    RetentionPolicy p;
    p.messageDays =
        int(r.integer("message_days"_L1, 0, RetentionRules::MaxDays, JsonReader::Optional));
    p.fileDays = int(r.integer("file_days"_L1, 0, RetentionRules::MaxDays, JsonReader::Optional));
    return r.finish(p);
}
} // namespace

QJsonObject toJson(const User &user)
{
    return {{u"id"_s, user.id},
            {u"username"_s, user.username},
            {u"display_name"_s, user.displayName},
            {u"created_at"_s, user.createdAtMs},
            {u"avatar_version"_s, user.avatarVersion}};
}

Result<User> userFromJson(const QJsonObject &object)
{
    JsonReader r(object, u"user"_s);
    User user;
    user.id = r.id("id"_L1);
    user.username = r.string("username"_L1, UserRules::MaxUsernameLength);
    user.displayName =
        r.string("display_name"_L1, UserRules::MaxDisplayNameLength, JsonReader::Optional);
    user.createdAtMs = r.integer("created_at"_L1, 0, MaxTimeMs, JsonReader::Optional);
    user.avatarVersion =
        r.integer("avatar_version"_L1, 0, MaxJsonSafeInteger, JsonReader::Optional);
    return r.finish(user);
}

QJsonObject toJson(const Attachment &a)
{
    QJsonObject object{{u"file_id"_s, a.fileId},
                       {u"name"_s, a.name},
                       {u"size"_s, a.size},
                       {u"mime_type"_s, a.mimeType}};
    if (a.width > 0 || a.height > 0) {
        object.insert(u"width"_s, a.width);
        object.insert(u"height"_s, a.height);
    }
    if (!a.thumbnail.isEmpty())
        object.insert(u"thumbnail"_s, QString::fromLatin1(a.thumbnail.toBase64()));
    if (a.deleted)
        object.insert(u"deleted"_s, true);
    return object;
}

Result<Attachment> attachmentFromJson(const QJsonObject &object)
{
    JsonReader r(object, u"attachment"_s);
    Attachment a;
    a.fileId = r.string("file_id"_L1, 128);
    // An attachment without a file is none (Attachment::isNull(), left out when encoded):
    // refused rather than read as one that would vanish on the way back.
    if (r.ok() && a.fileId.isEmpty())
        r.fail(ErrorCode::BadRequest, u"'file_id' must not be empty"_s);
    a.name = r.string("name"_L1, MessageContent::MaxFileNameLength);
    a.size = r.integer("size"_L1, 0, MaxJsonSafeInteger);
    a.mimeType = r.string("mime_type"_L1, 255, JsonReader::Optional);
    a.width = int(r.integer("width"_L1, 0, 1 << 20, JsonReader::Optional));
    a.height = int(r.integer("height"_L1, 0, 1 << 20, JsonReader::Optional));
    a.thumbnail = r.base64("thumbnail"_L1, MessageContent::MaxThumbnailBytes);
    a.deleted = r.boolean("deleted"_L1, JsonReader::Optional);
    return r.finish(a);
}

QJsonObject toJson(const Message &m)
{
    QJsonObject object{{u"id"_s, m.id.toString(QUuid::WithoutBraces)},
                       {u"conversation_id"_s, m.conversationId},
                       {u"seq"_s, m.seq},
                       {u"sender_id"_s, m.senderId},
                       {u"type"_s, messageTypeName(m.type)},
                       {u"content"_s, m.content},
                       {u"created_at"_s, m.createdAtMs}};
    if (!m.attachment.isNull())
        object.insert(u"attachment"_s, toJson(m.attachment));
    if (m.event)
        object.insert(u"event"_s, toJson(*m.event));
    // The fields of issue 18 appear only when set, so a plain message stays as small as before.
    if (!m.replyTo.isNull())
        object.insert(u"reply_to"_s, m.replyTo.toString(QUuid::WithoutBraces));
    if (m.replyPreview) {
        const ReplyPreview &p = *m.replyPreview;
        QJsonObject preview{{u"sender_id"_s, p.senderId}, {u"type"_s, messageTypeName(p.type)}};
        if (p.seq > 0)
            preview.insert(u"seq"_s, p.seq);
        if (p.deleted)
            preview.insert(u"deleted"_s, true);
        else
            preview.insert(u"content"_s, p.snippet);
        object.insert(u"reply_preview"_s, preview);
    }
    if (m.editedAtMs > 0)
        object.insert(u"edited_at"_s, m.editedAtMs);
    if (m.deletedAtMs > 0)
        object.insert(u"deleted_at"_s, m.deletedAtMs);
    if (!m.mentions.isEmpty()) {
        QJsonArray ids;
        for (UserId id : m.mentions)
            ids.append(id);
        object.insert(u"mentions"_s, ids);
    }
    if (!m.reactions.isEmpty()) {
        QJsonArray reactions;
        for (const Reaction &reaction : m.reactions) {
            QJsonObject entry{{u"emoji"_s, reaction.emoji}, {u"count"_s, reaction.count}};
            if (reaction.mine)
                entry.insert(u"mine"_s, true);
            reactions.append(entry);
        }
        object.insert(u"reactions"_s, reactions);
    }
    return object;
}

namespace {
Result<ReplyPreview> replyPreviewFromJson(const QJsonObject &object)
{
    JsonReader r(object, u"reply_preview"_s);
    ReplyPreview p;
    p.senderId = r.id("sender_id"_L1);
    p.seq = r.id("seq"_L1, JsonReader::Optional); // added in 1.x: an older server has none
    const std::optional<MessageType> type = messageTypeFromName(r.string("type"_L1, 16));
    if (r.ok() && !type)
        r.fail(ErrorCode::BadRequest, u"reply_preview.type is not a known message type"_s);
    p.type = type.value_or(MessageType::Text);
    p.deleted = r.boolean("deleted"_L1, JsonReader::Optional);
    p.snippet = r.string("content"_L1, ReplyPreview::MaxSnippetLength * 2, JsonReader::Optional);
    return r.finish(p);
}

Result<Reaction> reactionFromJson(const QJsonObject &object)
{
    JsonReader r(object, u"reaction"_s);
    Reaction reaction;
    reaction.emoji = r.string("emoji"_L1, MessageContent::MaxEmojiBytes);
    reaction.count = int(r.integer("count"_L1, 1, MessageContent::MaxReactionsPerEmoji));
    reaction.mine = r.boolean("mine"_L1, JsonReader::Optional);
    return r.finish(reaction);
}
} // namespace

Result<Message> messageFromJson(const QJsonObject &object)
{
    JsonReader r(object, u"message"_s);
    Message m;
    m.id = r.uuid("id"_L1);
    m.conversationId = r.id("conversation_id"_L1);
    m.seq = r.id("seq"_L1);
    m.senderId = r.id("sender_id"_L1);
    const std::optional<MessageType> type = messageTypeFromName(r.string("type"_L1, 16));
    if (r.ok() && !type)
        r.fail(ErrorCode::BadRequest, u"message.type is not a known message type"_s);
    m.type = type.value_or(MessageType::Text);
    m.content = r.string("content"_L1, MessageContent::MaxTextLength);
    m.createdAtMs = r.integer("created_at"_L1, 0, MaxTimeMs);
    m.attachment = r.nested<Attachment>("attachment"_L1, attachmentFromJson, JsonReader::Optional);
    if (r.has("event"_L1))
        m.event = r.nested<SystemEvent>("event"_L1, systemEventFromJson, JsonReader::Optional);
    m.replyTo = r.uuid("reply_to"_L1, JsonReader::Optional);
    if (r.has("reply_preview"_L1))
        m.replyPreview = r.nested<ReplyPreview>("reply_preview"_L1, replyPreviewFromJson);
    m.editedAtMs = r.integer("edited_at"_L1, 0, MaxTimeMs, JsonReader::Optional);
    m.deletedAtMs = r.integer("deleted_at"_L1, 0, MaxTimeMs, JsonReader::Optional);
    m.mentions = r.idList("mentions"_L1, MessageContent::MaxMentions, JsonReader::Optional);
    const QJsonArray reactions =
        r.array("reactions"_L1, MessageContent::MaxDistinctReactions, JsonReader::Optional);
    if (r.ok() && !reactions.isEmpty()) {
        Result<QList<Reaction>> decoded = listFromJson<Reaction>(reactions, reactionFromJson);
        if (decoded)
            m.reactions = *decoded;
        else
            r.fail(decoded.error());
    }
    return r.finish(m);
}

QJsonObject toJson(const Participant &p)
{
    QJsonObject object{{u"user_id"_s, p.userId},
                       {u"username"_s, p.username},
                       {u"display_name"_s, p.displayName},
                       {u"role"_s, participantRoleName(p.role)},
                       {u"joined_at"_s, p.joinedAtMs},
                       {u"read_seq"_s, p.readSeq},
                       {u"delivered_seq"_s, p.deliveredSeq}};
    // Left out when there is no picture: groups list every member in every reply.
    if (p.avatarVersion > 0)
        object.insert(u"avatar_version"_s, p.avatarVersion);
    return object;
}

Result<Participant> participantFromJson(const QJsonObject &object)
{
    JsonReader r(object, u"member"_s);
    Participant p;
    p.userId = r.id("user_id"_L1);
    p.username = r.string("username"_L1, UserRules::MaxUsernameLength, JsonReader::Optional);
    p.displayName =
        r.string("display_name"_L1, UserRules::MaxDisplayNameLength, JsonReader::Optional);
    const std::optional<ParticipantRole> role = participantRoleFromName(r.string("role"_L1, 16));
    if (r.ok() && !role)
        r.fail(ErrorCode::BadRequest, u"member.role must be 'member' or 'admin'"_s);
    p.role = role.value_or(ParticipantRole::Member);
    p.joinedAtMs = r.integer("joined_at"_L1, 0, MaxTimeMs, JsonReader::Optional);
    p.readSeq = r.integer("read_seq"_L1, 0, MaxJsonSafeInteger, JsonReader::Optional);
    p.deliveredSeq = r.integer("delivered_seq"_L1, 0, MaxJsonSafeInteger, JsonReader::Optional);
    p.avatarVersion = r.integer("avatar_version"_L1, 0, MaxJsonSafeInteger, JsonReader::Optional);
    return r.finish(p);
}

QJsonObject toJson(const Conversation &c)
{
    QJsonObject object{{u"id"_s, c.id},
                       {u"type"_s, conversationTypeName(c.type)},
                       {u"name"_s, c.name},
                       {u"created_at"_s, c.createdAtMs},
                       {u"last_seq"_s, c.lastSeq},
                       {u"members"_s, toJsonArray(c.participants)}};
    // Only what differs from the defaults, so older conversations look as they did.
    if (!c.retention.keepsForever()) {
        object.insert(u"retention"_s,
                      QJsonObject{{u"message_days"_s, c.retention.messageDays},
                                  {u"file_days"_s, c.retention.fileDays}});
    }
    if (c.prunedSeq > 0)
        object.insert(u"pruned_seq"_s, c.prunedSeq);
    return object;
}

Result<Conversation> conversationFromJson(const QJsonObject &object)
{
    JsonReader r(object, u"conversation"_s);
    Conversation c;
    c.id = r.id("id"_L1);
    const std::optional<ConversationType> type = conversationTypeFromName(r.string("type"_L1, 16));
    if (r.ok() && !type)
        r.fail(ErrorCode::BadRequest, u"conversation.type must be 'private' or 'group'"_s);
    c.type = type.value_or(ConversationType::Private);
    c.name = r.string("name"_L1, ConversationRules::MaxGroupNameLength, JsonReader::Optional);
    c.createdAtMs = r.integer("created_at"_L1, 0, MaxTimeMs, JsonReader::Optional);
    c.lastSeq = r.integer("last_seq"_L1, 0, MaxJsonSafeInteger);
    c.retention =
        r.nested<RetentionPolicy>("retention"_L1, retentionFromJson, JsonReader::Optional);
    c.prunedSeq = r.integer("pruned_seq"_L1, 0, MaxJsonSafeInteger, JsonReader::Optional);
    const QJsonArray members = r.array("members"_L1, MaxMembersOnWire);
    if (r.ok()) {
        Result<QList<Participant>> participants =
            listFromJson<Participant>(members, participantFromJson);
        if (participants)
            c.participants = *participants;
        else
            r.fail(participants.error());
    }
    return r.finish(c);
}

QJsonObject toJson(const Presence &p)
{
    return {{u"user_id"_s, p.userId},
            {u"status"_s, presenceStatusName(p.status)},
            {u"last_seen"_s, p.lastSeenMs}};
}

Result<Presence> presenceFromJson(const QJsonObject &object)
{
    JsonReader r(object, u"presence"_s);
    Presence p;
    p.userId = r.id("user_id"_L1);
    const std::optional<PresenceStatus> status = presenceStatusFromName(r.string("status"_L1, 16));
    if (r.ok() && !status)
        r.fail(ErrorCode::BadRequest, u"presence.status must be online, away or offline"_s);
    p.status = status.value_or(PresenceStatus::Offline);
    p.lastSeenMs = r.integer("last_seen"_L1, 0, MaxTimeMs, JsonReader::Optional);
    return r.finish(p);
}

} // namespace Banter::Protocol
