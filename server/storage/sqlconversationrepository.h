// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/repositories.h"
#include "storage/sqlsession.h"

#include <QHash>

namespace Banter::Server {

class SqlConversationRepository : public ConversationRepository
{
public:
    explicit SqlConversationRepository(SqlSession &session)
        : m_session(session)
    { }

    Result<std::optional<ConversationId>> findPrivate(UserId a, UserId b) override;
    Result<Conversation> create(ConversationType type, const QString &name,
                                const QList<Participant> &participants, qint64 nowMs) override;
    Result<std::optional<Conversation>> find(ConversationId id) override;
    Result<std::optional<ConversationMembers>> members(ConversationId id) override;
    Result<std::optional<Seq>> lastSeqIfMember(ConversationId id, UserId user) override;
    Result<QList<ConversationSummary>> listForUser(UserId user) override;
    Result<QList<ConversationId>> idsForUser(UserId user) override;
    Status addParticipants(ConversationId id, const QList<Participant> &participants) override;
    Status removeParticipant(ConversationId id, UserId user) override;
    Status setRole(ConversationId id, UserId user, ParticipantRole role) override;
    Status rename(ConversationId id, const QString &name) override;
    Result<bool> raiseReadSeq(ConversationId id, UserId user, Seq seq) override;
    Result<bool> raiseDeliveredSeq(ConversationId id, UserId user, Seq seq) override;
    Result<QList<UserId>> peersOf(UserId user) override;

    // Drops the members cache: called after a rollback, since the cache may hold what the
    // rolled-back transaction wrote.
    void forgetCachedState() { m_membersCache.clear(); }

private:
    Result<QList<Participant>> participants(ConversationId id);
    Result<QHash<ConversationId, QList<Participant>>> participantsOfUsersConversations(UserId user);
    Result<bool> raise(const char *column, ConversationId id, UserId user, Seq seq);

    SqlSession &m_session;
    // Every send checks membership; members change rarely and only through this repository
    // (one banterd per database), so they are kept here and dropped on every change.
    QHash<ConversationId, ConversationMembers> m_membersCache;
    static constexpr qsizetype MembersCacheLimit = 20000; // conversations; then start over
};

} // namespace Banter::Server
