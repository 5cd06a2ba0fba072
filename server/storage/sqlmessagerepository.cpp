// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlmessagerepository.h"

#include "storage/sqlrows.h"

#include <QDateTime>
#include <QHash>

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

Result<QList<Message>> SqlMessageRepository::select(const QString &tail, const QVariantList &binds,
                                                    UserId viewer)
{
    Result<SqlCursor> q = m_session.exec(u"SELECT "_s + SqlRows::MessageColumns
                                             + u" FROM messages m"_s + SqlRows::ReplyJoin + tail,
                                         binds);
    if (!q)
        return q.error();
    QList<Message> messages;
    QList<qsizetype> reacted;
    while (q->next()) {
        if (q->value(SqlRows::ReactionCountColumn).toLongLong() > 0)
            reacted.append(messages.size());
        messages.append(SqlRows::message(*q));
    }
    q->finish();
    // Most messages have no reaction: the page costs a second query only when one does.
    if (!reacted.isEmpty()) {
        if (Status filled = fillReactions(messages, reacted, viewer); !filled)
            return filled.error();
    }
    return messages;
}

Status SqlMessageRepository::fillReactions(QList<Message> &messages,
                                           const QList<qsizetype> &reacted, UserId viewer)
{
    QHash<QUuid, qsizetype> index;
    QString marks;
    QVariantList binds{viewer};
    for (qsizetype i : reacted) {
        index.insert(messages.at(i).id, i);
        marks += marks.isEmpty() ? u"?"_s : u", ?"_s;
        binds.append(messages.at(i).id.toString(QUuid::WithoutBraces));
    }
    // Per message and emoji: the count, whether the viewer is among them, and the first
    // reaction's time, which orders a message's emoji. At most 20 rows per message.
    Result<SqlCursor> q = m_session.exec(
        u"SELECT message_id, emoji, COUNT(*), MAX(CASE WHEN user_id = ? THEN 1 ELSE 0 END), "
        "MIN(created_at) AS first_at FROM reactions WHERE message_id IN ("_s
            + marks + u") GROUP BY message_id, emoji ORDER BY message_id, first_at, emoji"_s,
        binds);
    if (!q)
        return q.error();
    while (q->next()) {
        const qsizetype at = index.value(QUuid::fromString(q->value(0).toString()), -1);
        if (at < 0)
            continue;
        messages[at].reactions.append(
            {q->value(1).toString(), q->value(2).toInt(), q->value(3).toInt() > 0});
    }
    return success();
}

Result<std::optional<Message>> SqlMessageRepository::findById(const QUuid &id, UserId viewer)
{
    Result<QList<Message>> found =
        select(u"WHERE m.id = ?"_s, {id.toString(QUuid::WithoutBraces)}, viewer);
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
        stored.createdAtMs,
        stored.replyTo.isNull() ? QVariant()
                                : QVariant(stored.replyTo.toString(QUuid::WithoutBraces)),
        stored.isMessageChange() ? QVariant(stored.event->messageId.toString(QUuid::WithoutBraces))
                                 : QVariant(),
        SqlRows::mentionsText(stored.mentions)};
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
            "event, created_at, reply_to, target_id, mentions) "
            "SELECT ?, ?, next.last_seq, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM next "
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
            "attachment, event, created_at, reply_to, target_id, mentions) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
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
        // An edit event carries the new mentions for the clients; the rows that count them
        // belong to the edited message (replaceContent).
        if (!stored.isMessageChange()) {
            if (Status mentioned =
                    insertMentions(stored.conversationId, stored.seq, stored.mentions);
                !mentioned)
                return mentioned.error();
        }
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

Result<QList<Message>> SqlMessageRepository::before(ConversationId id, Seq beforeSeq, int limit,
                                                    const MessageReadOptions &options)
{
    const QString changes = options.withChanges ? QString() : u" AND m.target_id IS NULL"_s;
    Result<QList<Message>> page = select(u"WHERE m.conversation_id = ? AND m.seq < ?"_s + changes
                                             + u" ORDER BY m.seq DESC LIMIT ?"_s,
                                         {id, beforeSeq, limit}, options.viewer);
    if (page)
        std::reverse(page->begin(), page->end());
    return page;
}

Result<QList<Message>> SqlMessageRepository::after(ConversationId id, Seq afterSeq, int limit,
                                                   const MessageReadOptions &options)
{
    const QString changes = options.withChanges ? QString() : u" AND m.target_id IS NULL"_s;
    return select(u"WHERE m.conversation_id = ? AND m.seq > ?"_s + changes
                      + u" ORDER BY m.seq ASC LIMIT ?"_s,
                  {id, afterSeq, limit}, options.viewer);
}

Status SqlMessageRepository::insertMentions(ConversationId conversation, Seq seq,
                                            const QList<UserId> &users)
{
    for (UserId user : users) {
        if (Status s = m_session.run(u"INSERT INTO mentions (user_id, conversation_id, seq) "
                                     "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"_s,
                                     {user, conversation, seq});
            !s)
            return s;
    }
    return success();
}

Status SqlMessageRepository::replaceContent(const QUuid &id, const QString &content,
                                            qint64 editedAtMs, const QList<UserId> &mentions)
{
    const QString key = id.toString(QUuid::WithoutBraces);
    Result<SqlCursor> q =
        m_session.exec(u"UPDATE messages SET content = ?, edited_at = ?, mentions = ? WHERE id = ? "
                       "RETURNING conversation_id, seq"_s,
                       {content, editedAtMs, SqlRows::mentionsText(mentions), key});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(ErrorCode::NotFound, u"no such message"_s);
    const ConversationId conversation = q->value(0).toLongLong();
    const Seq seq = q->value(1).toLongLong();
    q->finish();
    if (Status s = m_session.run(u"DELETE FROM mentions WHERE conversation_id = ? AND seq = ?"_s,
                                 {conversation, seq});
        !s)
        return s;
    return insertMentions(conversation, seq, mentions);
}

Status SqlMessageRepository::removeContent(const QUuid &id, qint64 deletedAtMs)
{
    const QString key = id.toString(QUuid::WithoutBraces);
    Result<std::optional<Message>> found = findById(id);
    if (!found)
        return found.error();
    if (!found->has_value())
        return makeError(ErrorCode::NotFound, u"no such message"_s);
    const Message &m = **found;
    // The row keeps id, seq, sender and type (a tombstone); the text of every version goes:
    // the message's own and that of the edit events that carried earlier ones.
    if (Status s =
            m_session.run(u"UPDATE messages SET content = '', attachment = NULL, mentions = NULL, "
                          "reaction_count = 0, deleted_at = ? WHERE id = ?"_s,
                          {deletedAtMs, key});
        !s)
        return s;
    if (Status s = m_session.run(
            u"UPDATE messages SET content = '', mentions = NULL WHERE target_id = ?"_s, {key});
        !s)
        return s;
    if (Status s = m_session.run(u"DELETE FROM mentions WHERE conversation_id = ? AND seq = ?"_s,
                                 {m.conversationId, m.seq});
        !s)
        return s;
    if (Status s = m_session.run(u"DELETE FROM reactions WHERE message_id = ?"_s, {key}); !s)
        return s;
    if (m.attachment.isNull())
        return success();
    // The file stops being readable through this conversation unless another message in it
    // still carries it. (Its uploader keeps it: it is theirs.) The LIKE scans this
    // conversation's attachment rows only, and only when a file message is deleted.
    return m_session.run(
        u"DELETE FROM shared_files WHERE file_id = ? AND conversation_id = ? AND NOT EXISTS "
        "(SELECT 1 FROM messages x WHERE x.conversation_id = ? AND x.attachment IS NOT NULL "
        "AND x.attachment LIKE ?)"_s,
        {m.attachment.fileId, m.conversationId, m.conversationId,
         u"%\"%1\"%"_s.arg(m.attachment.fileId)});
}

Result<int> SqlMessageRepository::emojiCount(const QString &id, const QString &emoji)
{
    Result<SqlCursor> q = m_session.exec(
        u"SELECT COUNT(*) FROM reactions WHERE message_id = ? AND emoji = ?"_s, {id, emoji});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

Result<std::optional<int>> SqlMessageRepository::addReaction(const QUuid &id, UserId user,
                                                             const QString &emoji, int maxDistinct,
                                                             qint64 nowMs)
{
    const QString key = id.toString(QUuid::WithoutBraces);
    Result<int> count = emojiCount(key, emoji);
    if (!count)
        return count.error();
    if (*count == 0) {
        Result<SqlCursor> q = m_session.exec(
            u"SELECT COUNT(DISTINCT emoji) FROM reactions WHERE message_id = ?"_s, {key});
        if (!q)
            return q.error();
        if (q->next() && q->value(0).toInt() >= maxDistinct)
            return makeError(ErrorCode::LimitExceeded,
                             u"a message has at most %1 different reactions"_s.arg(maxDistinct));
    }
    Result<SqlCursor> inserted = m_session.exec(
        u"INSERT INTO reactions (message_id, emoji, user_id, created_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING RETURNING user_id"_s,
        {key, emoji, user, nowMs});
    if (!inserted)
        return inserted.error();
    const bool added = inserted->next();
    inserted->finish();
    if (!added)
        return std::optional<int>{};
    if (Status s = m_session.run(
            u"UPDATE messages SET reaction_count = reaction_count + 1 WHERE id = ?"_s, {key});
        !s)
        return s.error();
    return std::optional<int>{*count + 1};
}

Result<std::optional<int>> SqlMessageRepository::removeReaction(const QUuid &id, UserId user,
                                                                const QString &emoji)
{
    const QString key = id.toString(QUuid::WithoutBraces);
    Result<SqlCursor> removed =
        m_session.exec(u"DELETE FROM reactions WHERE message_id = ? AND emoji = ? AND user_id = ? "
                       "RETURNING user_id"_s,
                       {key, emoji, user});
    if (!removed)
        return removed.error();
    const bool gone = removed->next();
    removed->finish();
    if (!gone)
        return std::optional<int>{};
    if (Status s = m_session.run(
            u"UPDATE messages SET reaction_count = reaction_count - 1 WHERE id = ?"_s, {key});
        !s)
        return s.error();
    Result<int> count = emojiCount(key, emoji);
    if (!count)
        return count.error();
    return std::optional<int>{*count};
}

Result<QList<ReactionUsers>> SqlMessageRepository::reactionUsers(const QUuid &id, int maxUsers)
{
    Result<SqlCursor> q = m_session.exec(
        u"SELECT emoji, user_id FROM reactions WHERE message_id = ? ORDER BY created_at, "
        "user_id"_s,
        {id.toString(QUuid::WithoutBraces)});
    if (!q)
        return q.error();
    // At most 20 emoji; the rows are bounded by the conversation's members.
    QList<ReactionUsers> result;
    while (q->next()) {
        const QString emoji = q->value(0).toString();
        auto it = std::find_if(result.begin(), result.end(),
                               [&](const ReactionUsers &r) { return r.emoji == emoji; });
        if (it == result.end())
            it = result.insert(result.end(), ReactionUsers{emoji, 0, {}});
        ++it->count;
        if (it->userIds.size() < maxUsers)
            it->userIds.append(q->value(1).toLongLong());
    }
    return result;
}

} // namespace Banter::Server
