// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/groupaddlimiter.h"
#include "service/servicecontext.h"
#include "service/tokenbucket.h"
#include <banter/protocol/conversationmessages.h>

#include <QObject>

namespace Banter::Server {

// Conversations and membership. Every membership change and rename is also a system message
// in the conversation's seq stream, so members who were offline get it through sync.
//
// Consent and cost: nobody can open a private conversation with, or add to a group, someone
// who has blocked them (`blocked`); one user may add another to at most
// ServerLimits::groupAddsPerPairPerHour groups an hour; and every membership change or rename,
// which reaches every connection of every member, takes a token of the actor's
// ServerLimits::membershipChangesPerMinute budget (`rate_limited` past it).
class ConversationService : public QObject
{
    Q_OBJECT
public:
    explicit ConversationService(ServiceContext context, QObject *parent = nullptr);

    QFuture<Result<Protocol::ConversationsReply>>
    list(UserId user, const Protocol::ConversationsRequest &request);
    QFuture<Result<Conversation>> get(UserId user, ConversationId id);
    QFuture<Result<Conversation>> createPrivate(UserId user, UserId other);
    QFuture<Result<Conversation>> createGroup(UserId user,
                                              const Protocol::CreateGroupRequest &request);
    QFuture<Result<Conversation>> addMembers(UserId user,
                                             const Protocol::AddMembersRequest &request);
    QFuture<Result<Conversation>> removeMember(UserId user,
                                               const Protocol::RemoveMemberRequest &request);
    QFuture<Result<Done>> leave(UserId user, ConversationId id);
    QFuture<Result<Conversation>> rename(UserId user, const Protocol::RenameRequest &request);
    // set_retention: group admins, or either member of a private conversation
    // (RetentionRules::checkCanSetRetention). Pushed to every member as conversation_updated;
    // takes a membership-change token like a rename.
    QFuture<Result<Conversation>> setRetention(UserId user,
                                               const Protocol::SetRetentionRequest &request);

private:
    // What a membership change did, which decides who is told what.
    enum class ChangeKind {
        Created, // new to its members (or a private conversation asked for again)
        Unchanged, // add_members of people who are members already: nobody is told
        MembersAdded,
        MemberRemoved, // removed or left
        Renamed,
    };
    struct Change;
    static Result<Change> recordChange(Repositories &repos, ConversationId id, UserId actor,
                                       const SystemEvent &event, qint64 nowMs,
                                       QList<UserId> removed, ChangeKind kind);
    // Runs a membership change in storage and, after commit and after the reply, pushes its
    // results.
    QFuture<Result<Conversation>> applyChange(std::function<Result<Change>(Repositories &)> work);
    void pushChange(const Change &change);
    // The member_deltas form of a change: what changed, not the whole conversation.
    static PushSink::Form deltaOf(const Change &change);
    // 0 when the user may make one more membership change or rename, else the wait in ms.
    qint64 takeMembershipToken(UserId user);
    // Consumes the membership token and the group-add allowance for `added`; an error when
    // either is used up.
    std::optional<Error> checkMembershipBudget(UserId user, const QList<UserId> &added);

    ServiceContext m_context;
    QHash<UserId, TokenBucket> m_membershipBuckets; // one per user who changed a membership
    GroupAddLimiter m_groupAdds;
};

} // namespace Banter::Server
