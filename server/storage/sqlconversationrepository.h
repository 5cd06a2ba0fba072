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
    Result<QList<UserId>> peersAfter(UserId user, UserId after, int limit) override;

    // After a rollback (of the transaction or to a savepoint): drops the members cache if the
    // transaction changed what it holds (it may then hold uncommitted rows); answers whether
    // it did. A failed read leaves the cache alone, so a trickle of failing requests does not
    // make every send read its members again.
    bool forgetUncommittedState()
    {
        const bool changed = m_changedInTransaction;
        if (changed)
            m_membersCache.clear();
        return changed;
    }
    // The transaction committed or rolled back (after forgetUncommittedState): the cache
    // holds only committed rows again.
    void transactionEnded() { m_changedInTransaction = false; }

private:
    Result<QList<Participant>> participants(ConversationId id);
    Result<QHash<ConversationId, QList<Participant>>> participantsOfUsersConversations(UserId user);
    Result<bool> raise(const char *column, ConversationId id, UserId user, Seq seq);

    SqlSession &m_session;
    // Every send checks membership; members change rarely and only through this repository
    // (one banterd per database), so they are kept here and dropped on every change.
    QHash<ConversationId, ConversationMembers> m_membersCache;
    bool m_changedInTransaction = false; // written since the last commit or rollback
    static constexpr qsizetype MembersCacheLimit = 20000; // conversations; then start over
};

} // namespace Banter::Server
