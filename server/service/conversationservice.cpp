// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/conversationservice.h"

#include "service/replypaging.h"
#include "service/servicehelpers.h"
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/memberdeltas.h>
#include <banter/protocol/replybudget.h>
#include <banter/protocol/types.h>

namespace Banter::Server {

using namespace Qt::StringLiterals;

// The outcome of a membership change: the conversation as it is now, the system message
// that records the change, and what changed, so that members who have the conversation
// already are told only that (the `member_deltas` pushes).
struct ConversationService::Change
{
    Conversation conversation;
    std::optional<Message> systemMessage;
    QList<UserId> removed;
    ChangeKind kind = ChangeKind::Created;
    QList<UserId> added; // MembersAdded: they get the whole conversation
    UserId newAdmin = 0; // MemberRemoved: the heir when the last admin left
};

namespace {
// All ids must name existing users; the reply names the first unknown one.
Status checkUsersExist(Repositories &repos, const QList<UserId> &ids)
{
    Result<QList<User>> users = repos.users.findByIds(ids);
    if (!users)
        return users.error();
    for (UserId id : ids) {
        const bool found =
            std::any_of(users->cbegin(), users->cend(), [id](const User &u) { return u.id == id; });
        if (!found)
            return makeError(ErrorCode::NotFound, u"no such user: %1"_s.arg(id));
    }
    return success();
}

// Nobody may put a person who has blocked them into a conversation.
Status checkNotBlockedBy(Repositories &repos, const QList<UserId> &people, UserId actor)
{
    for (UserId person : people) {
        Result<bool> blocked = repos.contacts.isBlocked(person, actor);
        if (!blocked)
            return blocked.error();
        if (*blocked)
            return makeError(ErrorCode::Blocked,
                             u"user %1 does not accept conversations from you"_s.arg(person));
    }
    return success();
}

// Groups: no block, and each person's choice of who may add them (everyone or contacts).
Status checkMayAddToGroup(Repositories &repos, const QList<UserId> &people, UserId actor)
{
    if (Status allowed = checkNotBlockedBy(repos, people, actor); !allowed)
        return allowed;
    for (UserId person : people) {
        Result<bool> accepts = repos.users.acceptsGroupAddsFrom(person, actor);
        if (!accepts)
            return accepts.error();
        if (!*accepts)
            return makeError(ErrorCode::Blocked,
                             u"user %1 accepts groups only from their contacts"_s.arg(person));
    }
    return success();
}

// Re-reads the conversation after a change and names its participants.
Result<Conversation> reload(Repositories &repos, ConversationId id)
{
    Result<std::optional<Conversation>> found = repos.conversations.find(id);
    if (!found)
        return found.error();
    if (!found->has_value())
        return makeError(ErrorCode::NotFound, u"no such conversation"_s);
    Conversation c = std::move(**found);
    if (Status named = fillParticipantNames(repos, c); !named)
        return named.error();
    return c;
}
} // namespace

// Records a change as a system message and reports the conversation as it is now.
Result<ConversationService::Change>
ConversationService::recordChange(Repositories &repos, ConversationId id, UserId actor,
                                  const SystemEvent &event, qint64 nowMs, QList<UserId> removed,
                                  ChangeKind kind)
{
    Result<Message> system = appendSystemMessage(repos, id, actor, event, nowMs);
    if (!system)
        return system.error();
    Result<Conversation> updated = reload(repos, id);
    if (!updated)
        return updated.error();
    return Change{
        std::move(updated).value(), std::move(system).value(), std::move(removed), kind, {}, 0};
}

ConversationService::ConversationService(ServiceContext context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_groupAdds(m_context.limits.groupAddsPerPairPerHour, m_context.limits.groupAddPeoplePerHour)
{ }

qint64 ConversationService::takeMembershipToken(UserId user)
{
    const qint64 now = m_context.clock();
    auto it = m_membershipBuckets.find(user);
    if (it == m_membershipBuckets.end()) {
        it = m_membershipBuckets.insert(
            user,
            TokenBucket(m_context.limits.membershipChangesPerMinute / 60.0,
                        m_context.limits.membershipChangeBurst, now));
    }
    return it->take(now);
}

std::optional<Error> ConversationService::checkMembershipBudget(UserId user,
                                                                const QList<UserId> &added)
{
    if (const qint64 wait = takeMembershipToken(user); wait > 0)
        return makeError(ErrorCode::RateLimited,
                         u"too many membership changes and renames; slow down"_s, wait);
    if (!added.isEmpty() && !m_groupAdds.tryAdd(user, added, m_context.clock()))
        return makeError(ErrorCode::RateLimited,
                         u"you have added these people to too many groups lately"_s, 60'000);
    return std::nullopt;
}

QFuture<Result<Protocol::ConversationsReply>>
ConversationService::list(UserId user, const Protocol::ConversationsRequest &request)
{
    const int offset = request.offset;
    return runInStorage<Protocol::ConversationsReply>(
        m_context.storage,
        [user, offset](Repositories &repos) -> Result<Protocol::ConversationsReply> {
            Result<QList<ConversationSummary>> summaries = repos.conversations.listForUser(user);
            if (!summaries)
                return summaries.error();
            Protocol::ConversationsReply reply{std::move(summaries).value()};
            QList<Conversation *> all;
            for (ConversationSummary &s : reply.conversations)
                all.append(&s.conversation);
            if (Status named = fillParticipantNames(repos, all); !named)
                return named.error();
            pageSummaries(reply, offset, Protocol::ListReplyTargetBytes);
            return reply;
        });
}

QFuture<Result<Conversation>> ConversationService::get(UserId user, ConversationId id)
{
    return runInStorage<Conversation>(
        m_context.storage, [user, id](Repositories &repos) -> Result<Conversation> {
            Result<Conversation> c = loadConversationAsMember(repos, id, user);
            if (!c)
                return c.error();
            if (Status named = fillParticipantNames(repos, *c); !named)
                return named.error();
            return c;
        });
}

QFuture<Result<Conversation>> ConversationService::createPrivate(UserId user, UserId other)
{
    if (other == user)
        return readyResult<Conversation>(
            makeError(ErrorCode::BadRequest, u"a private conversation needs another user"_s));
    const qint64 now = m_context.clock();
    return applyChange([user, other, now](Repositories &repos) -> Result<Change> {
        if (Status exists = checkUsersExist(repos, {other}); !exists)
            return exists.error();
        if (Status allowed = checkNotBlockedBy(repos, {other}, user); !allowed)
            return allowed.error();
        Result<std::optional<ConversationId>> existing =
            repos.conversations.findPrivate(user, other);
        if (!existing)
            return existing.error();
        ConversationId id = existing->value_or(0);
        if (!id) {
            const QList<Participant> members{{user, ParticipantRole::Member, {}, {}, now, 0, 0},
                                             {other, ParticipantRole::Member, {}, {}, now, 0, 0}};
            Result<Conversation> created =
                repos.conversations.create(ConversationType::Private, {}, members, now);
            if (!created)
                return created.error();
            id = created->id;
        }
        Result<Conversation> c = reload(repos, id);
        if (!c)
            return c.error();
        return Change{std::move(c).value(), std::nullopt, {}, ChangeKind::Created, {}, 0};
    });
}

QFuture<Result<Conversation>>
ConversationService::createGroup(UserId user, const Protocol::CreateGroupRequest &request)
{
    if (Status name = ConversationRules::validateGroupName(request.name); !name)
        return readyResult<Conversation>(name.error());
    QList<UserId> members = request.memberIds;
    members.removeAll(user);
    if (members.size() + 1 > m_context.limits.maxGroupSize)
        return readyResult<Conversation>(
            makeError(ErrorCode::LimitExceeded,
                      u"a group can have at most %1 members"_s.arg(m_context.limits.maxGroupSize)));
    if (const std::optional<Error> over = checkMembershipBudget(user, members))
        return readyResult<Conversation>(*over);
    const qint64 now = m_context.clock();
    return applyChange(
        [user, members, name = request.name.trimmed(), now](Repositories &repos) -> Result<Change> {
            if (Status exists = checkUsersExist(repos, members); !exists)
                return exists.error();
            if (Status allowed = checkMayAddToGroup(repos, members, user); !allowed)
                return allowed.error();
            QList<Participant> participants{{user, ParticipantRole::Admin, {}, {}, now, 0, 0}};
            for (UserId id : members)
                participants.append({id, ParticipantRole::Member, {}, {}, now, 0, 0});
            Result<Conversation> created =
                repos.conversations.create(ConversationType::Group, name, participants, now);
            if (!created)
                return created.error();
            return recordChange(repos, created->id, user, SystemEvent::groupCreated(name, members),
                                now, {}, ChangeKind::Created);
        });
}

QFuture<Result<Conversation>>
ConversationService::addMembers(UserId user, const Protocol::AddMembersRequest &request)
{
    QList<UserId> named = request.userIds;
    named.removeAll(user);
    if (const std::optional<Error> over = checkMembershipBudget(user, named))
        return readyResult<Conversation>(*over);
    const qint64 now = m_context.clock();
    const int maxSize = m_context.limits.maxGroupSize;
    return applyChange([user, request, now, maxSize](Repositories &repos) -> Result<Change> {
        Result<Conversation> c = loadConversationAsMember(repos, request.conversationId, user);
        if (!c)
            return c.error();
        if (Status allowed = ConversationRules::checkCanManage(*c, user); !allowed)
            return allowed.error();
        QList<UserId> added;
        for (UserId id : request.userIds) {
            if (!c->isMember(id))
                added.append(id);
        }
        if (added.isEmpty()) {
            Result<Conversation> unchanged = reload(repos, c->id);
            if (!unchanged)
                return unchanged.error();
            return Change{std::move(unchanged).value(), std::nullopt, {},
                          ChangeKind::Unchanged,        {},           0};
        }
        if (c->participants.size() + added.size() > maxSize)
            return makeError(ErrorCode::LimitExceeded,
                             u"a group can have at most %1 members"_s.arg(maxSize));
        if (Status exists = checkUsersExist(repos, added); !exists)
            return exists.error();
        if (Status allowed = checkMayAddToGroup(repos, added, user); !allowed)
            return allowed.error();
        QList<Participant> participants;
        for (UserId id : added)
            participants.append({id, ParticipantRole::Member, {}, {}, now, 0, 0});
        if (Status ok = repos.conversations.addParticipants(c->id, participants); !ok)
            return ok.error();
        Result<Change> change = recordChange(repos, c->id, user, SystemEvent::membersAdded(added),
                                             now, {}, ChangeKind::MembersAdded);
        if (change)
            change->added = added;
        return change;
    });
}

QFuture<Result<Conversation>>
ConversationService::removeMember(UserId user, const Protocol::RemoveMemberRequest &request)
{
    if (const std::optional<Error> over = checkMembershipBudget(user, {}))
        return readyResult<Conversation>(*over);
    const qint64 now = m_context.clock();
    return applyChange([user, request, now](Repositories &repos) -> Result<Change> {
        Result<Conversation> c = loadConversationAsMember(repos, request.conversationId, user);
        if (!c)
            return c.error();
        if (Status allowed = ConversationRules::checkCanManage(*c, user); !allowed)
            return allowed.error();
        if (request.userId == user)
            return makeError(ErrorCode::BadRequest, u"use 'leave' to leave a group"_s);
        if (!c->isMember(request.userId))
            return makeError(ErrorCode::NotFound, u"that user is not a member"_s);
        if (Status ok = repos.conversations.removeParticipant(c->id, request.userId); !ok)
            return ok.error();
        return recordChange(repos, c->id, user, SystemEvent::memberRemoved(request.userId), now,
                            {request.userId}, ChangeKind::MemberRemoved);
    });
}

QFuture<Result<Done>> ConversationService::leave(UserId user, ConversationId id)
{
    if (const std::optional<Error> over = checkMembershipBudget(user, {}))
        return readyResult<Done>(*over);
    const qint64 now = m_context.clock();
    return applyChange([user, id, now](Repositories &repos) -> Result<Change> {
               Result<Conversation> c = loadConversationAsMember(repos, id, user);
               if (!c)
                   return c.error();
               if (c->type != ConversationType::Group)
                   return makeError(ErrorCode::Forbidden,
                                    u"private conversations cannot be left"_s);
               if (Status ok = repos.conversations.removeParticipant(id, user); !ok)
                   return ok.error();
               // A group never loses its last admin: the longest-standing member takes over.
               const bool adminLeft = c->isAdmin(user);
               c->participants.removeIf([user](const Participant &p) { return p.userId == user; });
               UserId heirId = 0;
               const bool adminRemains = std::any_of(
                   c->participants.cbegin(), c->participants.cend(),
                   [](const Participant &p) { return p.role == ParticipantRole::Admin; });
               if (adminLeft && !adminRemains && !c->participants.isEmpty()) {
                   const auto heir =
                       std::min_element(c->participants.cbegin(), c->participants.cend(),
                                        [](const Participant &a, const Participant &b) {
                                            return a.joinedAtMs < b.joinedAtMs;
                                        });
                   if (Status ok =
                           repos.conversations.setRole(id, heir->userId, ParticipantRole::Admin);
                       !ok)
                       return ok.error();
                   heirId = heir->userId;
               }
               Result<Change> change = recordChange(repos, id, user, SystemEvent::memberLeft(user),
                                                    now, {user}, ChangeKind::MemberRemoved);
               if (change)
                   change->newAdmin = heirId;
               return change;
           })
        .then(this, [](Result<Conversation> result) {
            return result ? Status(Done{}) : Status(result.error());
        });
}

QFuture<Result<Conversation>> ConversationService::rename(UserId user,
                                                          const Protocol::RenameRequest &request)
{
    if (Status name = ConversationRules::validateGroupName(request.name); !name)
        return readyResult<Conversation>(name.error());
    if (const std::optional<Error> over = checkMembershipBudget(user, {}))
        return readyResult<Conversation>(*over);
    const qint64 now = m_context.clock();
    return applyChange([user, request, now](Repositories &repos) -> Result<Change> {
        Result<Conversation> c = loadConversationAsMember(repos, request.conversationId, user);
        if (!c)
            return c.error();
        if (Status allowed = ConversationRules::checkCanManage(*c, user); !allowed)
            return allowed.error();
        const QString name = request.name.trimmed();
        if (Status ok = repos.conversations.rename(c->id, name); !ok)
            return ok.error();
        return recordChange(repos, c->id, user, SystemEvent::renamed(name), now, {},
                            ChangeKind::Renamed);
    });
}

QFuture<Result<Conversation>>
ConversationService::setRetention(UserId user, const Protocol::SetRetentionRequest &request)
{
    const RetentionPolicy policy{request.messageDays, request.fileDays};
    if (Status valid = RetentionRules::validate(policy); !valid)
        return readyResult<Conversation>(valid.error());
    if (const std::optional<Error> over = checkMembershipBudget(user, {}))
        return readyResult<Conversation>(*over);
    return applyChange(
        [user, policy, id = request.conversationId](Repositories &repos) -> Result<Change> {
            Result<Conversation> c = loadConversationAsMember(repos, id, user);
            if (!c)
                return c.error();
            if (Status allowed = RetentionRules::checkCanSetRetention(*c, user); !allowed)
                return allowed.error();
            if (Status set = repos.retention.setPolicy(id, policy); !set)
                return set.error();
            // Not a system message: the policy is part of the conversation entry, which sync
            // and the list carry, so a member offline now learns it there.
            Result<Conversation> updated = reload(repos, id);
            if (!updated)
                return updated.error();
            // Pushed whole to every member, as a new conversation is: no delta says this.
            return Change{std::move(updated).value(), std::nullopt, {}, ChangeKind::Created, {}, 0};
        });
}

QFuture<Result<Conversation>>
ConversationService::applyChange(std::function<Result<Change>(Repositories &)> work)
{
    return runInStorage<Change>(m_context.storage, std::move(work))
        .then(this, [this](Result<Change> change) -> Result<Conversation> {
            if (!change)
                return change.error();
            // The actor's connections are among the members and get the reply first: the
            // pushes wait for the next turn of the event loop, after the reply went out.
            Conversation conversation = change->conversation;
            QMetaObject::invokeMethod(
                this, [this, change = std::move(change).value()] { pushChange(change); },
                Qt::QueuedConnection);
            return conversation;
        });
}

void ConversationService::pushChange(const Change &change)
{
    if (change.kind == ChangeKind::Unchanged)
        return;
    const QList<UserId> members = memberIds(change.conversation);
    const PushSink::Form whole{Protocol::Type::ConversationUpdated,
                               Protocol::ConversationReply{change.conversation}.toJson()};
    if (change.kind == ChangeKind::Created) {
        m_context.pushes.push(members, whole.type, whole.data);
    } else {
        // Who had the conversation before learns what changed; who joined, all of it.
        QList<UserId> informed = members;
        informed.removeIf([&change](UserId id) { return change.added.contains(id); });
        m_context.pushes.pushEither(informed, ClientFeature::MemberDeltas, deltaOf(change), whole);
        if (!change.added.isEmpty())
            m_context.pushes.push(change.added, whole.type, whole.data);
    }
    if (change.systemMessage) {
        m_context.pushes.push(members, Protocol::Type::NewMessage,
                              Protocol::MessageReply{*change.systemMessage}.toJson());
    }
    if (!change.removed.isEmpty()) {
        m_context.pushes.push(change.removed, Protocol::Type::ConversationRemoved,
                              Protocol::ConversationRef{change.conversation.id}.toJson());
    }
}

PushSink::Form ConversationService::deltaOf(const Change &change)
{
    const Conversation &c = change.conversation;
    const Seq seq = change.systemMessage ? change.systemMessage->seq : c.lastSeq;
    switch (change.kind) {
    case ChangeKind::MembersAdded: {
        Protocol::MembersAddedPush delta{c.id, seq, {}};
        for (const Participant &p : c.participants) {
            if (change.added.contains(p.userId))
                delta.members.append(p);
        }
        return {Protocol::Type::MembersAdded, delta.toJson()};
    }
    case ChangeKind::MemberRemoved: {
        const UserId gone = change.removed.value(0);
        return {Protocol::Type::MemberRemoved,
                Protocol::MemberRemovedPush{c.id, seq, gone, change.newAdmin}.toJson()};
    }
    case ChangeKind::Renamed:
    case ChangeKind::Created:
    case ChangeKind::Unchanged:
        break;
    }
    return {Protocol::Type::ConversationRenamed,
            Protocol::ConversationRenamedPush{c.id, seq, c.name}.toJson()};
}

} // namespace Banter::Server
