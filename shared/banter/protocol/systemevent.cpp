// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/domain/conversation.h>
#include <banter/domain/messagecontent.h>
#include <banter/protocol/jsonreader_p.h>
#include <banter/protocol/systemevent.h>
#include <banter/protocol/types.h>

#include <QJsonArray>

#include <array>

namespace Banter::Protocol {

using namespace Qt::StringLiterals;

namespace {
constexpr int MaxKindLength = 64;
constexpr int MaxMembersOnWire = 10'000;

// The fields a kind carries. One row per kind keeps encoding and decoding in step; a new
// kind with a new field adds a flag here and one read and one write below.
enum Field : unsigned {
    NameField = 1U << 0, // "name": string
    UserIdsField = 1U << 1, // "user_ids": [id, ...], from userIds
    UserIdField = 1U << 2, // "user_id": id, the one entry of userIds
    MessageIdField = 1U << 3, // "message_id" and "message_seq": the changed message
    EmojiField = 1U << 4, // "emoji": string
    CountField = 1U << 5, // "count": the reaction's new total
};

struct KindInfo
{
    SystemEvent::Kind kind;
    QLatin1String name;
    unsigned fields;
};

constexpr std::array<KindInfo, 9> Kinds{{
    {SystemEvent::Kind::GroupCreated, Event::GroupCreated, NameField | UserIdsField},
    {SystemEvent::Kind::MembersAdded, Event::MembersAdded, UserIdsField},
    {SystemEvent::Kind::MemberRemoved, Event::MemberRemoved, UserIdField},
    {SystemEvent::Kind::MemberLeft, Event::MemberLeft, UserIdField},
    {SystemEvent::Kind::Renamed, Event::Renamed, NameField},
    {SystemEvent::Kind::MessageEdited, Event::MessageEdited, MessageIdField},
    {SystemEvent::Kind::MessageDeleted, Event::MessageDeleted, MessageIdField},
    {SystemEvent::Kind::ReactionAdded, Event::ReactionAdded,
     MessageIdField | EmojiField | CountField},
    {SystemEvent::Kind::ReactionRemoved, Event::ReactionRemoved,
     MessageIdField | EmojiField | CountField},
}};

const KindInfo *infoOf(SystemEvent::Kind kind)
{
    for (const KindInfo &info : Kinds) {
        if (info.kind == kind)
            return &info;
    }
    return nullptr;
}

QJsonArray idsToJson(const QList<UserId> &ids)
{
    QJsonArray array;
    for (UserId id : ids)
        array.append(id);
    return array;
}
} // namespace

QString systemEventKindName(SystemEvent::Kind kind)
{
    const KindInfo *info = infoOf(kind);
    return info ? QString(info->name) : QString();
}

SystemEvent::Kind systemEventKindFromName(const QString &name)
{
    for (const KindInfo &info : Kinds) {
        if (name == info.name)
            return info.kind;
    }
    return SystemEvent::Kind::Unknown;
}

QJsonObject toJson(const SystemEvent &event)
{
    const KindInfo *info = infoOf(event.kind);
    if (!info)
        return {{u"event"_s, event.unknownKind}};
    QJsonObject object{{u"event"_s, QString(info->name)}};
    if (info->fields & NameField)
        object.insert(u"name"_s, event.name);
    if (info->fields & UserIdsField)
        object.insert(u"user_ids"_s, idsToJson(event.userIds));
    if (info->fields & UserIdField)
        object.insert(u"user_id"_s, event.userIds.value(0));
    if (info->fields & MessageIdField)
        object.insert(u"message_id"_s, event.messageId.toString(QUuid::WithoutBraces));
    if (info->fields & MessageIdField)
        object.insert(u"message_seq"_s, event.messageSeq);
    if (info->fields & EmojiField)
        object.insert(u"emoji"_s, event.emoji);
    if (info->fields & CountField)
        object.insert(u"count"_s, event.count);
    return object;
}

Result<SystemEvent> systemEventFromJson(const QJsonObject &object)
{
    JsonReader r(object, u"event"_s);
    SystemEvent event;
    const QString kindName = r.string("event"_L1, MaxKindLength);
    if (r.ok() && kindName.isEmpty())
        r.fail(ErrorCode::BadRequest, u"event.event must name a kind of event"_s);
    if (!r.ok())
        return r.finish(event);
    event.kind = systemEventKindFromName(kindName);
    const KindInfo *info = infoOf(event.kind);
    if (!info) {
        event.unknownKind = kindName;
        return event;
    }
    if (info->fields & NameField)
        event.name = r.string("name"_L1, ConversationRules::MaxGroupNameLength);
    if (info->fields & UserIdsField)
        event.userIds = r.idList("user_ids"_L1, MaxMembersOnWire);
    if (info->fields & UserIdField)
        event.userIds = {r.id("user_id"_L1)};
    if (info->fields & MessageIdField)
        event.messageId = r.uuid("message_id"_L1);
    if (info->fields & MessageIdField)
        event.messageSeq = r.id("message_seq"_L1);
    if (info->fields & EmojiField)
        event.emoji = r.string("emoji"_L1, MessageContent::MaxEmojiBytes);
    if (info->fields & CountField)
        event.count = int(r.integer("count"_L1, 0, MessageContent::MaxReactionsPerEmoji));
    return r.finish(event);
}

} // namespace Banter::Protocol
