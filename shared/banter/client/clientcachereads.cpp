// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// ClientCache: what the application reads. Each is one indexed query.
#include <banter/client/clientcache_p.h>
#include <banter/client/clientlogging_p.h>
#include <banter/protocol/domainjson.h>

#include <QJsonDocument>
#include <QSqlError>

#include <algorithm>
#include <limits>

namespace Banter {

using namespace Qt::StringLiterals;

namespace {

std::optional<Conversation> decodeConversation(const QByteArray &body)
{
    if (body.isEmpty())
        return std::nullopt;
    Result<Conversation> c = Protocol::conversationFromJson(QJsonDocument::fromJson(body).object());
    if (!c)
        return std::nullopt;
    return std::move(c).value();
}

// A conversation row as the list shows it. A row made by a message before its conversation
// was known has only an id.
ConversationSummary summaryOf(const QSqlQuery &row)
{
    ConversationSummary summary;
    const ConversationId id = row.value(0).toLongLong();
    summary.conversation = decodeConversation(row.value(1).toByteArray()).value_or(Conversation{});
    summary.conversation.id = id;
    summary.conversation.lastSeq =
        std::max(summary.conversation.lastSeq, row.value(4).toLongLong());
    summary.lastMessage = decodeMessage(row.value(2).toByteArray());
    summary.unreadCount = row.value(3).toLongLong();
    return summary;
}

QList<Message> messagesOf(QSqlQuery &query)
{
    QList<Message> messages;
    while (query.next()) {
        if (std::optional<Message> m = decodeMessage(query.value(0).toByteArray()))
            messages.append(std::move(*m));
    }
    return messages;
}

QSqlQuery run(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        qCWarning(lcClient) << "cache:" << sql << "failed:" << query.lastError().text();
    return query;
}

} // namespace

QList<ConversationSummary> ClientCache::conversations() const
{
    QSqlQuery query = run(d->db,
                          u"SELECT id, conversation, last_message, unread, last_seq"
                          " FROM conversations ORDER BY activity DESC, id DESC"_s,
                          {});
    QList<ConversationSummary> list;
    while (query.next())
        list.append(summaryOf(query));
    return list;
}

std::optional<Conversation> ClientCache::conversation(ConversationId id) const
{
    QSqlQuery query = run(d->db,
                          u"SELECT id, conversation, last_message, unread, last_seq"
                          " FROM conversations WHERE id = ? AND conversation IS NOT NULL"_s,
                          {id});
    if (!query.next())
        return std::nullopt;
    return summaryOf(query).conversation;
}

QHash<ConversationId, Seq> ClientCache::positions() const
{
    QSqlQuery query =
        run(d->db, u"SELECT id, position FROM conversations WHERE position IS NOT NULL"_s, {});
    QHash<ConversationId, Seq> positions;
    while (query.next())
        positions.insert(query.value(0).toLongLong(), query.value(1).toLongLong());
    return positions;
}

QList<Message> ClientCache::messagesBefore(ConversationId id, Seq beforeSeq, int limit) const
{
    const Seq before = beforeSeq > 0 ? beforeSeq : std::numeric_limits<Seq>::max();
    QSqlQuery query = run(d->db,
                          u"SELECT body FROM messages WHERE conversation_id = ? AND seq < ?"
                          " ORDER BY seq DESC LIMIT ?"_s,
                          {id, before, limit});
    QList<Message> messages = messagesOf(query);
    std::reverse(messages.begin(), messages.end());
    return messages;
}

QList<Message> ClientCache::messagesAfter(ConversationId id, Seq afterSeq, int limit) const
{
    QSqlQuery query = run(d->db,
                          u"SELECT body FROM messages WHERE conversation_id = ? AND seq > ?"
                          " ORDER BY seq LIMIT ?"_s,
                          {id, afterSeq, limit});
    return messagesOf(query);
}

Seq ClientCache::oldestSeq(ConversationId id) const
{
    return d->range(id).value_or(CacheRange{}).oldest;
}

bool ClientCache::hasStart(ConversationId id) const
{
    return d->range(id).value_or(CacheRange{}).hasStart;
}

qint64 ClientCache::messageCount() const
{
    QSqlQuery query = run(d->db, u"SELECT count(*) FROM messages"_s, {});
    return query.next() ? query.value(0).toLongLong() : 0;
}

} // namespace Banter
