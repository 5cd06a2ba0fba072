// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// ClientCache: what ClientSession writes. Each call is one transaction; a sync page of
// hundreds of messages reuses the same prepared statements and updates each conversation's
// row once.
#include <banter/client/clientcache_p.h>
#include <banter/client/clientlogging_p.h>
#include <banter/domain/messagechange.h>
#include <banter/protocol/domainjson.h>

#include <QJsonDocument>
#include <QSqlError>

#include <algorithm>

namespace Banter {

using namespace Qt::StringLiterals;

namespace {

QByteArray encode(const Conversation &conversation)
{
    return QJsonDocument(Protocol::toJson(conversation)).toJson(QJsonDocument::Compact);
}

QVariant nullable(const std::optional<Seq> &seq)
{
    return seq ? QVariant(*seq) : QVariant(QMetaType::fromType<qlonglong>());
}

// Commits on scope exit (or rolls back when the database refused to start).
class Transaction
{
public:
    explicit Transaction(QSqlDatabase &db)
        : m_db(db)
        , m_open(db.transaction())
    {
        if (!m_open)
            qCWarning(lcClient) << "cache: cannot start a transaction:" << db.lastError().text();
    }
    ~Transaction()
    {
        if (m_open && !m_db.commit()) {
            qCWarning(lcClient) << "cache: cannot commit:" << m_db.lastError().text();
            m_db.rollback();
        }
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

private:
    QSqlDatabase &m_db;
    bool m_open;
};

} // namespace

std::optional<CacheRange> ClientCache::Private::range(ConversationId id)
{
    QSqlQuery &query = prepared(selectRange,
                                u"SELECT position, oldest, has_start, counted_seq, read_seq,"
                                " unread, last_seq FROM conversations WHERE id = ?"_s);
    query.bindValue(0, id);
    if (!query.exec() || !query.next()) {
        query.finish();
        return std::nullopt;
    }
    CacheRange range;
    if (!query.value(0).isNull())
        range.position = query.value(0).toLongLong();
    range.oldest = query.value(1).toLongLong();
    range.hasStart = query.value(2).toBool();
    range.countedSeq = query.value(3).toLongLong();
    range.readSeq = query.value(4).toLongLong();
    range.unread = query.value(5).toLongLong();
    range.lastSeq = query.value(6).toLongLong();
    query.finish();
    return range;
}

void ClientCache::Private::ensureConversation(ConversationId id)
{
    QSqlQuery &query =
        prepared(ensureRow, u"INSERT OR IGNORE INTO conversations (id) VALUES (?)"_s);
    query.bindValue(0, id);
    if (!query.exec())
        qCWarning(lcClient) << "cache: cannot add a conversation:" << query.lastError().text();
}

void ClientCache::Private::writeRange(ConversationId id, const CacheRange &range)
{
    exec(u"UPDATE conversations SET position = ?, oldest = ?, has_start = ?, counted_seq = ?,"
         " read_seq = ?, unread = ?, last_seq = ? WHERE id = ?"_s,
         {nullable(range.position), range.oldest, range.hasStart, range.countedSeq, range.readSeq,
          range.unread, range.lastSeq, id});
}

void ClientCache::Private::clearMessages(ConversationId id)
{
    exec(u"DELETE FROM messages WHERE conversation_id = ?"_s, {id});
}

bool ClientCache::Private::counts(const Message &message) const
{
    return message.senderId != identity.user && message.type != MessageType::System;
}

bool ClientCache::Private::insert(const Message &message)
{
    QSqlQuery &query =
        prepared(insertMessage,
                 u"INSERT OR REPLACE INTO messages (conversation_id, seq, counts, body)"
                 " VALUES (?, ?, ?, ?)"_s);
    query.bindValue(0, message.conversationId);
    query.bindValue(1, message.seq);
    query.bindValue(2, counts(message));
    query.bindValue(3, encodeMessage(message));
    if (query.exec())
        return true;
    qCWarning(lcClient) << "cache: cannot store a message:" << query.lastError().text();
    return false;
}

void ClientCache::Private::appendMessages(ConversationId id, const QList<const Message *> &messages)
{
    ensureConversation(id);
    CacheRange r = range(id).value_or(CacheRange{});
    const Message *newest = nullptr;
    for (const Message *m : messages) {
        const Seq position = r.position.value_or(0);
        if (r.position && m->seq <= position)
            continue; // held already
        if (!r.position || m->seq != position + 1) {
            // Nothing held yet, or a gap: the contiguous range restarts here.
            if (r.oldest > 0)
                clearMessages(id);
            r.oldest = m->seq;
            r.hasStart = m->seq == 1;
        } else if (r.oldest == 0) {
            r.oldest = m->seq;
            r.hasStart = r.hasStart || m->seq == 1;
        }
        if (!insert(*m))
            break;
        if (m->isMessageChange())
            applyChange(id, *m);
        r.position = m->seq;
        if (m->seq > r.countedSeq) {
            r.countedSeq = m->seq;
            if (counts(*m) && m->seq > r.readSeq)
                ++r.unread;
        }
        // A change is not a message to show as the conversation's last one.
        if (!m->isMessageChange())
            newest = m;
        r.lastSeq = std::max(r.lastSeq, m->seq);
    }
    writeRange(id, r);
    if (newest)
        exec(u"UPDATE conversations SET last_message = ?, activity = max(activity, ?)"
             " WHERE id = ? AND last_seq <= ?"_s,
             {encodeMessage(*newest), newest->createdAtMs, id, newest->seq});
}

void ClientCache::Private::applyChange(ConversationId id, const Message &change)
{
    // The event names its target's seq: one primary-key read, one write.
    QSqlQuery query(db);
    query.prepare(u"SELECT body FROM messages WHERE conversation_id = ? AND seq = ?"_s);
    query.addBindValue(id);
    query.addBindValue(change.event->messageSeq);
    if (query.exec() && query.next()) {
        std::optional<Message> target = decodeMessage(query.value(0).toByteArray());
        query.finish();
        if (target && MessageChange::apply(*target, change, identity.user))
            exec(u"UPDATE messages SET body = ? WHERE conversation_id = ? AND seq = ?"_s,
                 {encodeMessage(*target), id, target->seq});
    }
    applyToReplies(id, change);
    QSqlQuery last(db);
    last.prepare(u"SELECT last_message FROM conversations WHERE id = ?"_s);
    last.addBindValue(id);
    if (last.exec() && last.next() && !last.value(0).isNull()) {
        std::optional<Message> shown = decodeMessage(last.value(0).toByteArray());
        last.finish();
        if (shown
            && (MessageChange::apply(*shown, change, identity.user)
                || MessageChange::applyToReply(*shown, change)))
            exec(u"UPDATE conversations SET last_message = ? WHERE id = ?"_s,
                 {encodeMessage(*shown), id});
    }
}

void ClientCache::Private::applyToReplies(ConversationId id, const Message &change)
{
    if (change.event->kind != SystemEvent::Kind::MessageDeleted
        && change.event->kind != SystemEvent::Kind::MessageEdited)
        return;
    // Replies come after what they answer, and their stored body names it: instr() on the
    // encoded rows finds the few candidates without decoding every held message (deletions
    // and edits are rare; a conversation holds at most the cache depth).
    QSqlQuery query(db);
    query.prepare(u"SELECT seq, body FROM messages WHERE conversation_id = ? AND seq > ? "
                  "AND instr(body, ?) > 0"_s);
    query.addBindValue(id);
    query.addBindValue(change.event->messageSeq);
    query.addBindValue(change.event->messageId.toString(QUuid::WithoutBraces).toUtf8());
    if (!query.exec()) {
        qCWarning(lcClient) << "cache: cannot find replies:" << query.lastError().text();
        return;
    }
    QList<Message> changed;
    while (query.next()) {
        std::optional<Message> reply = decodeMessage(query.value(1).toByteArray());
        if (reply && MessageChange::applyToReply(*reply, change))
            changed.append(std::move(*reply));
    }
    query.finish();
    for (const Message &reply : std::as_const(changed))
        exec(u"UPDATE messages SET body = ? WHERE conversation_id = ? AND seq = ?"_s,
             {encodeMessage(reply), id, reply.seq});
}

void ClientCache::storeMessages(const QList<Message> &messages)
{
    if (messages.isEmpty())
        return;
    // Grouped by conversation, keeping each one's seq order.
    QList<ConversationId> order;
    QHash<ConversationId, QList<const Message *>> byConversation;
    for (const Message &m : messages) {
        auto &list = byConversation[m.conversationId];
        if (list.isEmpty())
            order.append(m.conversationId);
        list.append(&m);
    }
    Transaction transaction(d->db);
    for (ConversationId id : std::as_const(order))
        d->appendMessages(id, byConversation.value(id));
}

void ClientCache::storeOlder(ConversationId id, const QList<Message> &messages, bool reachedStart)
{
    std::optional<CacheRange> r = d->range(id);
    if (!r || !r->position || messages.isEmpty())
        return;
    // The page joins when its newest message reaches the one just below the range.
    const Seq boundary = r->oldest > 0 ? r->oldest : *r->position + 1;
    if (messages.last().seq + 1 < boundary)
        return;
    if (*r->position - boundary + 1 >= d->depth)
        return; // deep enough: older pages come from the server

    Transaction transaction(d->db);
    Seq oldest = 0;
    for (auto m = messages.crbegin(); m != messages.crend(); ++m) {
        if (m->seq >= boundary)
            continue;
        if (m->seq != (oldest > 0 ? oldest : boundary) - 1)
            break; // a hole: keep only what continues the range
        if (!d->insert(*m))
            break;
        oldest = m->seq;
    }
    if (oldest == 0)
        return;
    r->oldest = oldest;
    r->hasStart = r->hasStart || oldest == 1 || (reachedStart && oldest == messages.first().seq);
    d->writeRange(id, *r);
}

void ClientCache::storeSummaries(const QList<ConversationSummary> &summaries)
{
    Transaction transaction(d->db);
    QSet<ConversationId> listed;
    for (const ConversationSummary &s : summaries)
        listed.insert(s.conversation.id);
    QSqlQuery existing(d->db);
    existing.exec(u"SELECT id FROM conversations"_s);
    QList<ConversationId> gone;
    while (existing.next()) {
        if (!listed.contains(existing.value(0).toLongLong()))
            gone.append(existing.value(0).toLongLong());
    }
    existing.finish();
    for (ConversationId id : std::as_const(gone)) {
        d->clearMessages(id);
        d->exec(u"DELETE FROM conversations WHERE id = ?"_s, {id});
    }
    for (const ConversationSummary &s : summaries) {
        const Conversation &c = s.conversation;
        const Participant *me = c.participant(d->identity.user);
        const Seq lastSeq = std::max(c.lastSeq, s.lastMessage ? s.lastMessage->seq : 0);
        const qint64 activity = s.lastMessage ? s.lastMessage->createdAtMs : c.createdAtMs;
        const QVariant last = s.lastMessage ? QVariant(encodeMessage(*s.lastMessage))
                                            : QVariant(QMetaType::fromType<QByteArray>());
        // The server's count covers every message up to its last_seq (counted_seq), so the
        // ones the catch-up stores next are not counted again.
        d->exec(u"INSERT INTO conversations (id, conversation, last_message, last_seq, activity,"
                " unread, counted_seq, read_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET conversation = excluded.conversation,"
                " last_message = coalesce(excluded.last_message, last_message),"
                " last_seq = max(last_seq, excluded.last_seq),"
                " activity = max(activity, excluded.activity), unread = excluded.unread,"
                " counted_seq = max(counted_seq, excluded.counted_seq),"
                " read_seq = max(read_seq, excluded.read_seq)"_s,
                {c.id, encode(c), last, lastSeq, activity, s.unreadCount, lastSeq,
                 me ? me->readSeq : 0});
    }
}

void ClientCache::storeConversation(const Conversation &c)
{
    const Participant *me = c.participant(d->identity.user);
    d->exec(u"INSERT INTO conversations (id, conversation, last_seq, activity, read_seq)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            " conversation = excluded.conversation, last_seq = max(last_seq, excluded.last_seq),"
            " activity = max(activity, excluded.activity),"
            " read_seq = max(read_seq, excluded.read_seq)"_s,
            {c.id, encode(c), c.lastSeq, c.createdAtMs, me ? me->readSeq : 0});
}

void ClientCache::removeConversation(ConversationId id)
{
    Transaction transaction(d->db);
    d->clearMessages(id);
    d->exec(u"DELETE FROM conversations WHERE id = ?"_s, {id});
}

void ClientCache::resetConversation(ConversationId id, Seq position)
{
    Transaction transaction(d->db);
    d->ensureConversation(id);
    d->clearMessages(id);
    d->exec(u"UPDATE conversations SET position = ?, oldest = 0, has_start = ? WHERE id = ?"_s,
            {position, position == 0, id});
}

void ClientCache::setReadPosition(ConversationId id, UserId user, Seq seq)
{
    std::optional<CacheRange> r = d->range(id);
    if (!r)
        return;
    Transaction transaction(d->db);
    if (std::optional<Conversation> c = conversation(id)) {
        for (Participant &p : c->participants) {
            if (p.userId == user && seq > p.readSeq) {
                p.readSeq = seq;
                p.deliveredSeq = std::max(p.deliveredSeq, seq);
                d->exec(u"UPDATE conversations SET conversation = ? WHERE id = ?"_s,
                        {encode(*c), id});
            }
        }
    }
    if (user != d->identity.user || seq <= r->readSeq)
        return;
    if (seq >= std::max(r->countedSeq, r->lastSeq)) {
        r->unread = 0;
    } else {
        // Only what the cache holds can be taken off; the rest stays counted.
        QSqlQuery read(d->db);
        read.prepare(u"SELECT count(*) FROM messages WHERE conversation_id = ? AND seq > ?"
                     " AND seq <= ? AND counts = 1"_s);
        read.addBindValue(id);
        read.addBindValue(r->readSeq);
        read.addBindValue(seq);
        if (read.exec() && read.next())
            r->unread = std::max<qint64>(0, r->unread - read.value(0).toLongLong());
    }
    r->readSeq = seq;
    d->writeRange(id, *r);
}

void ClientCache::setDepth(int perConversation)
{
    d->depth = std::max(perConversation, 1);
}

int ClientCache::depth() const
{
    return d->depth;
}

void ClientCache::prune(int perConversation)
{
    const int keep = std::max(perConversation, 0);
    Transaction transaction(d->db);
    d->exec(u"DELETE FROM messages WHERE seq <= (SELECT position FROM conversations"
            " WHERE conversations.id = messages.conversation_id) - ?"_s,
            {keep});
    d->exec(u"UPDATE conversations SET oldest = CASE WHEN ? = 0 THEN 0 ELSE position - ? + 1 END,"
            " has_start = 0 WHERE position IS NOT NULL AND oldest > 0 AND oldest <= position - ?"_s,
            {keep, keep, keep});
}

} // namespace Banter
