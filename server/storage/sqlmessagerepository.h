// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/repositories.h"
#include "storage/sqlsession.h"

namespace Banter::Server {

class SqlMessageRepository : public MessageRepository
{
public:
    explicit SqlMessageRepository(SqlSession &session)
        : m_session(session)
    { }

    Result<std::optional<Message>> findById(const QUuid &id, UserId viewer = 0) override;
    Result<AppendedMessage> append(const Message &message) override;
    Result<QList<Message>> before(ConversationId id, Seq beforeSeq, int limit,
                                  const MessageReadOptions &options = {}) override;
    Result<QList<Message>> after(ConversationId id, Seq afterSeq, int limit,
                                 const MessageReadOptions &options = {}) override;
    Status replaceContent(const QUuid &id, const QString &content, qint64 editedAtMs,
                          const QList<UserId> &mentions) override;
    Status removeContent(const QUuid &id, qint64 deletedAtMs) override;
    Result<std::optional<int>> addReaction(const QUuid &id, UserId user, const QString &emoji,
                                           int maxDistinct, qint64 nowMs) override;
    Result<std::optional<int>> removeReaction(const QUuid &id, UserId user,
                                              const QString &emoji) override;
    Result<QList<ReactionUsers>> reactionUsers(const QUuid &id, int maxUsers) override;

private:
    Result<QList<Message>> select(const QString &tail, const QVariantList &binds,
                                  UserId viewer = 0);
    // Fills the reactions of the messages that have any (one query for the whole page).
    Status fillReactions(QList<Message> &messages, const QList<qsizetype> &reacted, UserId viewer);
    Status insertMentions(ConversationId conversation, Seq seq, const QList<UserId> &users);
    Result<int> emojiCount(const QString &id, const QString &emoji);

    SqlSession &m_session;
};

} // namespace Banter::Server
