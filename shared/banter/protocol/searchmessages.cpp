// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/domain/ids.h>
#include <banter/protocol/domainjson.h>
#include <banter/protocol/jsonreader_p.h>
#include <banter/protocol/searchmessages.h>

#include <QJsonArray>

namespace Banter::Protocol {

using namespace Qt::StringLiterals;

namespace {
using R = JsonReader;
constexpr int MaxSnippetChars = 1000; // the server sends about 160; room for future growth
constexpr int MaxHitsOnWire = 1000;
} // namespace

QJsonObject SearchRequest::toJson() const
{
    QJsonObject o{{u"query"_s, query}, {u"limit"_s, limit}};
    if (conversationId > 0)
        o.insert(u"conversation_id"_s, conversationId);
    if (before > 0)
        o.insert(u"before"_s, before);
    return o;
}

Result<SearchRequest> SearchRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    SearchRequest v;
    v.query = r.string("query"_L1, MaxQueryChars);
    v.conversationId = r.id("conversation_id"_L1, R::Optional);
    v.before = r.integer("before"_L1, 1, MaxJsonSafeInteger, R::Optional);
    v.limit = int(r.integer("limit"_L1, 1, MaxLimit, R::Optional, DefaultLimit));
    if (r.ok() && v.query.trimmed().isEmpty())
        r.fail(ErrorCode::BadRequest, u"'query' must not be empty"_s);
    return r.finish(v);
}

QList<SnippetPart> SearchHit::snippetParts() const
{
    QList<SnippetPart> parts;
    SnippetPart current;
    auto flush = [&parts, &current] {
        if (!current.text.isEmpty())
            parts.append(current);
        current.text.clear();
    };
    for (const QChar c : snippet) {
        if (c == SearchHighlightStart || c == SearchHighlightEnd) {
            flush();
            current.highlighted = c == SearchHighlightStart;
        } else {
            current.text += c;
        }
    }
    flush();
    return parts;
}

QJsonObject SearchHit::toJson() const
{
    return {{u"conversation_id"_s, conversationId},
            {u"seq"_s, seq},
            {u"message_id"_s, messageId.toString(QUuid::WithoutBraces)},
            {u"sender_id"_s, senderId},
            {u"created_at"_s, createdAtMs},
            {u"snippet"_s, snippet}};
}

Result<SearchHit> SearchHit::fromJson(const QJsonObject &object)
{
    R r(object, u"hit"_s);
    SearchHit v;
    v.conversationId = r.id("conversation_id"_L1);
    v.seq = r.id("seq"_L1);
    v.messageId = r.uuid("message_id"_L1);
    v.senderId = r.id("sender_id"_L1);
    v.createdAtMs = r.integer("created_at"_L1, 0, MaxJsonSafeInteger);
    v.snippet = r.string("snippet"_L1, MaxSnippetChars);
    return r.finish(v);
}

QJsonObject SearchReply::toJson() const
{
    QJsonArray list;
    for (const SearchHit &hit : hits)
        list.append(hit.toJson());
    QJsonObject o{{u"hits"_s, list}, {u"has_more"_s, hasMore}};
    if (hasMore)
        o.insert(u"before"_s, before);
    return o;
}

Result<SearchReply> SearchReply::fromJson(const QJsonObject &object)
{
    R r(object);
    SearchReply v;
    const QJsonArray hits = r.array("hits"_L1, MaxHitsOnWire);
    v.hasMore = r.boolean("has_more"_L1);
    v.before = r.integer("before"_L1, 1, MaxJsonSafeInteger, v.hasMore ? R::Required : R::Optional);
    if (!r.ok())
        return r.finish(v);
    Result<QList<SearchHit>> decoded = listFromJson<SearchHit>(hits, &SearchHit::fromJson);
    if (!decoded)
        r.fail(decoded.error());
    else
        v.hits = std::move(decoded).value();
    return r.finish(v);
}

} // namespace Banter::Protocol
