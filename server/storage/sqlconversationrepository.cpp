// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlconversationrepository.h"

#include "storage/sqlrows.h"

#include <QHash>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
// The pair key makes a private conversation unique per pair of users, whatever the order.
QString privateKey(UserId a, UserId b)
{
    return u"%1:%2"_s.arg(qMin(a, b)).arg(qMax(a, b));
}

Conversation conversationRow(const SqlCursor &q, int first = 0)
{
    Conversation c;
    c.id = q.value(first).toLongLong();
    c.type =
        conversationTypeFromName(q.value(first + 1).toString()).value_or(ConversationType::Group);
    c.name = q.value(first + 2).toString();
    c.createdAtMs = q.value(first + 3).toLongLong();
    c.lastSeq = q.value(first + 4).toLongLong();
    c.retention = {q.value(first + 5).toInt(), q.value(first + 6).toInt()};
    c.prunedSeq = q.value(first + 7).toLongLong();
    return c;
}

const QString ConversationColumns =
    QStringLiteral("c.id, c.type, c.name, c.created_at, c.last_seq, c.retention_message_days, "
                   "c.retention_file_days, c.pruned_seq");
constexpr int ConversationColumnCount = 8;

const QString ParticipantColumns =
    QStringLiteral("p.user_id, p.role, p.joined_at, p.read_seq, p.delivered_seq");

Participant participantRow(const SqlCursor &q, int first = 0)
{
    Participant p;
    p.userId = q.value(first).toLongLong();
    p.role =
        participantRoleFromName(q.value(first + 1).toString()).value_or(ParticipantRole::Member);
    p.joinedAtMs = q.value(first + 2).toLongLong();
    p.readSeq = q.value(first + 3).toLongLong();
    p.deliveredSeq = q.value(first + 4).toLongLong();
    return p;
}
} // namespace

Result<std::optional<ConversationId>> SqlConversationRepository::findPrivate(UserId a, UserId b)
{
    Result<SqlCursor> q =
        m_session.exec(u"SELECT id FROM conversations WHERE private_key = ?"_s, {privateKey(a, b)});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<ConversationId>{};
    return std::optional<ConversationId>{q->value(0).toLongLong()};
}

Result<Conversation> SqlConversationRepository::create(ConversationType type, const QString &name,
                                                       const QList<Participant> &members,
                                                       qint64 nowMs)
{
    QVariant key; // NULL for groups: UNIQUE ignores NULLs
    if (type == ConversationType::Private) {
        if (members.size() != 2)
            return makeError(ErrorCode::BadRequest,
                             u"a private conversation has exactly two members"_s);
        Result<std::optional<ConversationId>> existing =
            findPrivate(members[0].userId, members[1].userId);
        if (!existing)
            return existing.error();
        if (existing->has_value())
            return makeError(ErrorCode::Conflict,
                             u"these two users already have a private conversation"_s);
        key = privateKey(members[0].userId, members[1].userId);
    }
    Result<SqlCursor> q = m_session.exec(
        u"INSERT INTO conversations (type, name, created_at, last_seq, last_activity, private_key) "
        "VALUES (?, ?, ?, 0, ?, ?) RETURNING id"_s,
        {conversationTypeName(type), name, nowMs, nowMs, key});
    if (!q)
        return q.error();
    q->next();
    Conversation c;
    c.id = q->value(0).toLongLong();
    c.type = type;
    c.name = name;
    c.createdAtMs = nowMs;
    if (Status added = addParticipants(c.id, members); !added)
        return added.error();
    c.participants = members;
    return c;
}

Result<QList<Participant>> SqlConversationRepository::participants(ConversationId id)
{
    Result<SqlCursor> q = m_session.exec(u"SELECT "_s + ParticipantColumns
                                             + u" FROM participants p WHERE p.conversation_id = ? "
                                               "ORDER BY p.joined_at, p.user_id"_s,
                                         {id});
    if (!q)
        return q.error();
    QList<Participant> list;
    while (q->next())
        list.append(participantRow(*q));
    return list;
}

Result<QHash<ConversationId, QList<Participant>>>
SqlConversationRepository::participantsOfUsersConversations(UserId user)
{
    Result<SqlCursor> q = m_session.exec(
        u"SELECT p.conversation_id, "_s + ParticipantColumns
            + u" FROM participants mine JOIN participants p ON p.conversation_id = "
              "mine.conversation_id WHERE mine.user_id = ? ORDER BY p.joined_at, p.user_id"_s,
        {user});
    if (!q)
        return q.error();
    QHash<ConversationId, QList<Participant>> byConversation;
    while (q->next())
        byConversation[q->value(0).toLongLong()].append(participantRow(*q, 1));
    return byConversation;
}

Result<std::optional<Conversation>> SqlConversationRepository::find(ConversationId id)
{
    Result<SqlCursor> q = m_session.exec(
        u"SELECT "_s + ConversationColumns + u" FROM conversations c WHERE c.id = ?"_s, {id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Conversation>{};
    Conversation c = conversationRow(*q);
    Result<QList<Participant>> members = participants(id);
    if (!members)
        return members.error();
    c.participants = std::move(members).value();
    return std::optional<Conversation>{std::move(c)};
}

Result<std::optional<ConversationMembers>> SqlConversationRepository::members(ConversationId id)
{
    if (const auto cached = m_membersCache.constFind(id); cached != m_membersCache.cend())
        return std::optional<ConversationMembers>{*cached};
    Result<SqlCursor> q =
        m_session.exec(u"SELECT c.type, p.user_id FROM conversations c JOIN participants p "
                       "ON p.conversation_id = c.id WHERE c.id = ?"_s,
                       {id});
    if (!q)
        return q.error();
    std::optional<ConversationMembers> result;
    while (q->next()) {
        if (!result) {
            result.emplace();
            result->type =
                conversationTypeFromName(q->value(0).toString()).value_or(ConversationType::Group);
        }
        result->members.append(q->value(1).toLongLong());
    }
    if (result) {
        if (m_membersCache.size() >= MembersCacheLimit)
            m_membersCache.clear();
        m_membersCache.insert(id, *result);
    }
    return result;
}

Result<std::optional<Seq>> SqlConversationRepository::lastSeqIfMember(ConversationId id,
                                                                      UserId user)
{
    Result<SqlCursor> q =
        m_session.exec(u"SELECT c.last_seq FROM conversations c JOIN participants p ON "
                       "p.conversation_id = c.id WHERE c.id = ? AND p.user_id = ?"_s,
                       {id, user});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Seq>{};
    return std::optional<Seq>{q->value(0).toLongLong()};
}

Result<QList<ConversationSummary>> SqlConversationRepository::listForUser(UserId user)
{
    // One pass for the conversations with their last message and the user's unread count.
    Result<SqlCursor> q = m_session.exec(
        u"SELECT "_s + ConversationColumns + u", "_s + SqlRows::MessageColumns
            + u", (SELECT COUNT(*) FROM messages x WHERE x.conversation_id = c.id AND x.seq > "
              u"p.read_seq "
              "AND x.sender_id <> p.user_id AND x.type <> 'system') AS unread, "
              "(SELECT COUNT(*) FROM mentions n WHERE n.user_id = p.user_id AND "
              "n.conversation_id = c.id AND n.seq > p.read_seq) AS unread_mentions "
              "FROM participants p JOIN conversations c ON c.id = p.conversation_id "
              // The last message is the newest that is not a change event (an edit or a
              // reaction changes a message; it is not one to show in the list).
              "LEFT JOIN messages m ON m.conversation_id = c.id AND m.seq = (SELECT y.seq FROM "
              "messages y WHERE y.conversation_id = c.id AND y.target_id IS NULL ORDER BY y.seq "
              "DESC LIMIT 1)"_s
            + SqlRows::ReplyJoin
            + u"WHERE p.user_id = ? ORDER BY c.last_activity DESC, c.id DESC"_s,
        {user});
    if (!q)
        return q.error();
    QList<ConversationSummary> summaries;
    while (q->next()) {
        ConversationSummary s;
        s.conversation = conversationRow(*q);
        constexpr int Message = ConversationColumnCount;
        if (!q->value(Message).isNull())
            s.lastMessage = SqlRows::message(*q, Message);
        s.unreadCount = q->value(Message + SqlRows::MessageColumnCount).toLongLong();
        s.unreadMentions = q->value(Message + 1 + SqlRows::MessageColumnCount).toLongLong();
        summaries.append(std::move(s));
    }
    // Every member of every one of those conversations in a second query, not one per row.
    Result<QHash<ConversationId, QList<Participant>>> members =
        participantsOfUsersConversations(user);
    if (!members)
        return members.error();
    for (ConversationSummary &s : summaries)
        s.conversation.participants = members->value(s.conversation.id);
    return summaries;
}

Result<QList<ConversationId>> SqlConversationRepository::idsForUser(UserId user)
{
    Result<SqlCursor> q = m_session.exec(
        u"SELECT conversation_id FROM participants WHERE user_id = ? ORDER BY conversation_id"_s,
        {user});
    if (!q)
        return q.error();
    return SqlRows::ids(*q);
}

Status SqlConversationRepository::addParticipants(ConversationId id,
                                                  const QList<Participant> &members)
{
    m_membersCache.remove(id);
    m_changedInTransaction = true;
    for (const Participant &p : members) {
        if (Status s = m_session.run(
                u"INSERT INTO participants (conversation_id, user_id, role, joined_at, read_seq, "
                "delivered_seq) VALUES (?, ?, ?, ?, ?, ?)"_s,
                {id, p.userId, participantRoleName(p.role), p.joinedAtMs, p.readSeq,
                 p.deliveredSeq});
            !s)
            return s;
    }
    return success();
}

Status SqlConversationRepository::removeParticipant(ConversationId id, UserId user)
{
    m_membersCache.remove(id);
    m_changedInTransaction = true;
    return m_session.run(u"DELETE FROM participants WHERE conversation_id = ? AND user_id = ?"_s,
                         {id, user});
}

Status SqlConversationRepository::setRole(ConversationId id, UserId user, ParticipantRole role)
{
    return m_session.run(
        u"UPDATE participants SET role = ? WHERE conversation_id = ? AND user_id = ?"_s,
        {participantRoleName(role), id, user});
}

Status SqlConversationRepository::rename(ConversationId id, const QString &name)
{
    return m_session.run(u"UPDATE conversations SET name = ? WHERE id = ?"_s, {name, id});
}

Result<bool> SqlConversationRepository::raise(const char *column, ConversationId id, UserId user,
                                              Seq seq)
{
    const QString col = QString::fromLatin1(column);
    Result<SqlCursor> q = m_session.exec(u"UPDATE participants SET "_s + col
                                             + u" = ? WHERE conversation_id = ? "
                                               "AND user_id = ? AND "_s
                                             + col + u" < ?"_s,
                                         {seq, id, user, seq});
    if (!q)
        return q.error();
    return q->numRowsAffected() > 0;
}

Result<bool> SqlConversationRepository::raiseReadSeq(ConversationId id, UserId user, Seq seq)
{
    return raise("read_seq", id, user, seq);
}

Result<bool> SqlConversationRepository::raiseDeliveredSeq(ConversationId id, UserId user, Seq seq)
{
    return raise("delivered_seq", id, user, seq);
}

Result<QList<UserId>> SqlConversationRepository::peersOf(UserId user)
{
    Result<SqlCursor> q =
        m_session.exec(u"SELECT DISTINCT other.user_id FROM participants mine "
                       "JOIN participants other ON other.conversation_id = mine.conversation_id "
                       "WHERE mine.user_id = ? AND other.user_id <> ? AND NOT EXISTS "
                       "(SELECT 1 FROM contacts b WHERE b.blocked = 1 AND "
                       "((b.owner_id = ? AND b.contact_id = other.user_id) OR "
                       "(b.owner_id = other.user_id AND b.contact_id = ?)))"_s,
                       {user, user, user, user});
    if (!q)
        return q.error();
    return SqlRows::ids(*q);
}

Result<QList<UserId>> SqlConversationRepository::peersAfter(UserId user, UserId after, int limit)
{
    Result<SqlCursor> q =
        m_session.exec(u"SELECT DISTINCT other.user_id FROM participants mine "
                       "JOIN participants other ON other.conversation_id = mine.conversation_id "
                       "WHERE mine.user_id = ? AND other.user_id <> ? AND other.user_id > ? "
                       "AND NOT EXISTS "
                       "(SELECT 1 FROM contacts b WHERE b.blocked = 1 AND "
                       "((b.owner_id = ? AND b.contact_id = other.user_id) OR "
                       "(b.owner_id = other.user_id AND b.contact_id = ?))) "
                       "ORDER BY other.user_id LIMIT ?"_s,
                       {user, user, after, user, user, limit});
    if (!q)
        return q.error();
    return SqlRows::ids(*q);
}

} // namespace Banter::Server
