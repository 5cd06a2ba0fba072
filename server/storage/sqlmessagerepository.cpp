// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlmessagerepository.h"

#include "storage/sqlrows.h"

#include <QDateTime>

#include <algorithm>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
// A resend is the same message when everything its sender chose is the same.
bool sameSend(const Message &stored, const Message &incoming)
{
    return stored.senderId == incoming.senderId && stored.conversationId == incoming.conversationId
        && stored.type == incoming.type && stored.content == incoming.content
        && stored.attachment == incoming.attachment;
}
} // namespace

Result<QList<Message>> SqlMessageRepository::select(const QString &tail, const QVariantList &binds)
{
    Result<SqlCursor> q = m_session.exec(
        u"SELECT "_s + SqlRows::MessageColumns + u" FROM messages m "_s + tail, binds);
    if (!q)
        return q.error();
    QList<Message> messages;
    while (q->next())
        messages.append(SqlRows::message(*q));
    return messages;
}

Result<std::optional<Message>> SqlMessageRepository::findById(const QUuid &id)
{
    Result<QList<Message>> found = select(u"WHERE m.id = ?"_s, {id.toString(QUuid::WithoutBraces)});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Message>{};
    return std::optional<Message>{found->first()};
}

Result<AppendedMessage> SqlMessageRepository::append(const Message &message)
{
    // No look-up first: a resend is caught by the primary key, which also covers two
    // servers storing the same id at once, and costs nothing on the common path.
    // Taking the seq from the conversation row inside the transaction serialises writers per
    // conversation: commit order is seq order and no reader sees a gap.
    Message stored = message;
    if (stored.createdAtMs == 0)
        stored.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    const QVariantList columns{
        stored.id.toString(QUuid::WithoutBraces),
        stored.conversationId,
        stored.senderId,
        messageTypeName(stored.type),
        stored.content,
        stored.attachment.isNull() ? QVariant()
                                   : QVariant(SqlRows::attachmentText(stored.attachment)),
        stored.event ? QVariant(SqlRows::eventText(*stored.event)) : QVariant(),
        stored.createdAtMs};
    std::optional<Seq> seq;
    if (m_session.dialect().writableCte) {
        // One round trip: the seq comes from the UPDATE in the WITH clause. No row back means
        // a resend (the UPDATE still ran and is undone below) or no such conversation.
        QVariantList binds{stored.createdAtMs, stored.conversationId};
        binds.append(columns);
        Result<SqlCursor> inserted = m_session.exec(
            u"WITH next AS (UPDATE conversations SET last_seq = last_seq + 1, last_activity = ? "
            "WHERE id = ? RETURNING last_seq) "
            "INSERT INTO messages (id, conversation_id, seq, sender_id, type, content, attachment, "
            "event, created_at) SELECT ?, ?, next.last_seq, ?, ?, ?, ?, ?, ? FROM next "
            "ON CONFLICT (id) DO NOTHING RETURNING seq"_s,
            binds);
        if (!inserted)
            return inserted.error();
        if (inserted->next())
            seq = inserted->value(0).toLongLong();
        inserted->finish();
    } else {
        Result<SqlCursor> next = m_session.exec(
            u"UPDATE conversations SET last_seq = last_seq + 1, last_activity = ? WHERE id = ? "
            "RETURNING last_seq"_s,
            {stored.createdAtMs, stored.conversationId});
        if (!next)
            return next.error();
        if (!next->next())
            return makeError(ErrorCode::NotFound, u"no such conversation"_s);
        stored.seq = next->value(0).toLongLong();
        next->finish();
        QVariantList binds = columns;
        binds.insert(2, stored.seq); // after id and conversation_id
        Result<SqlCursor> inserted = m_session.exec(
            u"INSERT INTO messages (id, conversation_id, seq, sender_id, type, content, "
            "attachment, event, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO NOTHING RETURNING seq"_s,
            binds);
        if (!inserted)
            return inserted.error();
        if (inserted->next())
            seq = stored.seq;
        inserted->finish();
    }
    if (seq) {
        stored.seq = *seq;
        return AppendedMessage{stored, false};
    }
    // Nothing inserted: the id is taken (a resend, or another banterd storing the same id at
    // the same moment). The seq taken above is given back (we still hold the conversation
    // row's lock, so no one else took a later one) and the stored message wins.
    Result<std::optional<Message>> winner = findById(message.id);
    if (!winner)
        return winner.error();
    if (!winner->has_value()) // only the one-statement form gets here: no such conversation
        return makeError(ErrorCode::NotFound, u"no such conversation"_s);
    // SET sees the row as it was: last_seq - 1 is the newest real message, whose time was the
    // last activity before this resend touched it.
    if (Status undone = m_session.run(
            u"UPDATE conversations SET last_seq = last_seq - 1, last_activity = COALESCE("
            "(SELECT m.created_at FROM messages m WHERE m.conversation_id = conversations.id "
            "AND m.seq = conversations.last_seq - 1), conversations.created_at) WHERE id = ?"_s,
            {stored.conversationId});
        !undone)
        return undone.error();
    if (!sameSend(**winner, message))
        return makeError(ErrorCode::Conflict,
                         u"this message id was already used for another message"_s);
    return AppendedMessage{**winner, true};
}

Result<QList<Message>> SqlMessageRepository::before(ConversationId id, Seq beforeSeq, int limit)
{
    Result<QList<Message>> page =
        select(u"WHERE m.conversation_id = ? AND m.seq < ? ORDER BY m.seq DESC LIMIT ?"_s,
               {id, beforeSeq, limit});
    if (page)
        std::reverse(page->begin(), page->end());
    return page;
}

Result<QList<Message>> SqlMessageRepository::after(ConversationId id, Seq afterSeq, int limit)
{
    return select(u"WHERE m.conversation_id = ? AND m.seq > ? ORDER BY m.seq ASC LIMIT ?"_s,
                  {id, afterSeq, limit});
}

} // namespace Banter::Server
