// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/domain/ids.h>
#include <banter/protocol/domainjson.h>
#include <banter/protocol/jsonreader_p.h>
#include <banter/protocol/memberdeltas.h>

#include <QJsonArray>

#include <algorithm>

namespace Banter::Protocol {

using namespace Qt::StringLiterals;

namespace {
using R = JsonReader;
// As many as a conversation may carry on the wire (domainjson.cpp).
constexpr int MaxMembersOnWire = 10'000;

// The change's system message is part of the conversation too: its seq is the newest.
void noteSeq(Conversation &conversation, Seq seq)
{
    conversation.lastSeq = qMax(conversation.lastSeq, seq);
}
} // namespace

QJsonObject MembersAddedPush::toJson() const
{
    return {{u"conversation_id"_s, conversationId},
            {u"seq"_s, seq},
            {u"members"_s, toJsonArray(members)}};
}

Result<MembersAddedPush> MembersAddedPush::fromJson(const QJsonObject &object)
{
    R r(object);
    MembersAddedPush v;
    v.conversationId = r.id("conversation_id"_L1);
    v.seq = r.id("seq"_L1);
    const QJsonArray members = r.array("members"_L1, MaxMembersOnWire);
    if (r.ok()) {
        Result<QList<Participant>> decoded =
            listFromJson<Participant>(members, participantFromJson);
        if (decoded)
            v.members = std::move(decoded).value();
        else
            r.fail(decoded.error());
    }
    if (r.ok() && v.members.isEmpty())
        r.fail(ErrorCode::BadRequest, u"'members' must not be empty"_s);
    return r.finish(v);
}

QJsonObject MemberRemovedPush::toJson() const
{
    QJsonObject json{
        {u"conversation_id"_s, conversationId}, {u"seq"_s, seq}, {u"user_id"_s, userId}};
    if (newAdminId)
        json.insert(u"new_admin_id"_s, newAdminId);
    return json;
}

Result<MemberRemovedPush> MemberRemovedPush::fromJson(const QJsonObject &object)
{
    R r(object);
    MemberRemovedPush v;
    v.conversationId = r.id("conversation_id"_L1);
    v.seq = r.id("seq"_L1);
    v.userId = r.id("user_id"_L1);
    v.newAdminId = r.id("new_admin_id"_L1, R::Optional);
    return r.finish(v);
}

QJsonObject ConversationRenamedPush::toJson() const
{
    return {{u"conversation_id"_s, conversationId}, {u"seq"_s, seq}, {u"name"_s, name}};
}

Result<ConversationRenamedPush> ConversationRenamedPush::fromJson(const QJsonObject &object)
{
    R r(object);
    ConversationRenamedPush v;
    v.conversationId = r.id("conversation_id"_L1);
    v.seq = r.id("seq"_L1);
    v.name = r.string("name"_L1, ConversationRules::MaxGroupNameLength);
    return r.finish(v);
}

void applyDelta(Conversation &conversation, const MembersAddedPush &delta)
{
    for (const Participant &added : delta.members) {
        auto same = [&added](const Participant &p) { return p.userId == added.userId; };
        const auto at =
            std::find_if(conversation.participants.begin(), conversation.participants.end(), same);
        if (at == conversation.participants.end())
            conversation.participants.append(added);
        else
            *at = added;
    }
    noteSeq(conversation, delta.seq);
}

void applyDelta(Conversation &conversation, const MemberRemovedPush &delta)
{
    conversation.participants.removeIf(
        [&delta](const Participant &p) { return p.userId == delta.userId; });
    for (Participant &p : conversation.participants) {
        if (p.userId == delta.newAdminId)
            p.role = ParticipantRole::Admin;
    }
    noteSeq(conversation, delta.seq);
}

void applyDelta(Conversation &conversation, const ConversationRenamedPush &delta)
{
    conversation.name = delta.name;
    noteSeq(conversation, delta.seq);
}

} // namespace Banter::Protocol
