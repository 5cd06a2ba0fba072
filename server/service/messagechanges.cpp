// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Edits, deletions and reactions: MessagingService's requests that change a stored message.
// Each change is a system message in the conversation's own seq stream ("change event", its
// event naming the changed message), so sync hands every device each change once, in order,
// and a device that applies the stream ends with the server's state (docs/PROTOCOL.md §6).
#include "service/mentions.h"
#include "service/messagingservice.h"
#include "service/servicehelpers.h"
#include <banter/domain/messagecontent.h>
#include <banter/protocol/types.h>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
// The message a change names, after the checks every change shares: the user is a member
// (else the conversation does not exist for them), the message is in that conversation (else
// it does not exist), it is a person's message (system messages never change) and not
// deleted (a tombstone has nothing left to change).
struct Target
{
    Message message;
    QList<UserId> members;
    ConversationType type = ConversationType::Private;
};

Result<Target> loadTarget(Repositories &repos, ConversationId conversation, const QUuid &id,
                          UserId user)
{
    Result<std::optional<ConversationMembers>> found = repos.conversations.members(conversation);
    if (!found)
        return found.error();
    if (!found->has_value() || !(*found)->members.contains(user))
        return makeError(ErrorCode::NotFound, u"no such conversation"_s);
    Result<std::optional<Message>> message = repos.messages.findById(id, user);
    if (!message)
        return message.error();
    if (!message->has_value() || (*message)->conversationId != conversation)
        return makeError(ErrorCode::NotFound, u"no such message"_s);
    if ((*message)->type == MessageType::System)
        return makeError(ErrorCode::BadRequest, u"system messages cannot be changed"_s);
    if ((*message)->isDeleted())
        return makeError(ErrorCode::NotFound, u"the message was deleted"_s);
    return Target{std::move(**message), std::move((*found)->members), (*found)->type};
}

Result<Message> appendChange(Repositories &repos, const Target &target, UserId actor,
                             const SystemEvent &event, const QString &content,
                             const QList<UserId> &mentions, qint64 nowMs)
{
    Message change;
    change.id = QUuid::createUuid();
    change.conversationId = target.message.conversationId;
    change.senderId = actor;
    change.type = MessageType::System;
    change.content = content;
    change.event = event;
    change.mentions = mentions;
    change.createdAtMs = nowMs;
    Result<AppendedMessage> appended = repos.messages.append(change);
    if (!appended)
        return appended.error();
    return appended->message;
}
} // namespace

QFuture<Result<std::optional<Message>>> MessagingService::applyChange(
    UserId user, ConnectionId origin, ConversationId conversation,
    std::function<Result<std::optional<Message>>(Repositories &, qint64)> change)
{
    if (const qint64 wait = takeMessageToken(user); wait > 0)
        return readyResult<std::optional<Message>>(
            makeError(ErrorCode::RateLimited, u"too many changes; slow down"_s, wait));
    struct Outcome
    {
        std::optional<Message> event;
        QList<UserId> members;
    };
    const qint64 now = m_context.clock();
    return runInStorage<Outcome>(m_context.storage,
                                 [conversation, change = std::move(change),
                                  now](Repositories &repos) -> Result<Outcome> {
                                     Result<std::optional<Message>> event = change(repos, now);
                                     if (!event)
                                         return event.error();
                                     Outcome outcome{std::move(event).value(), {}};
                                     if (outcome.event) {
                                         Result<std::optional<ConversationMembers>> found =
                                             repos.conversations.members(conversation);
                                         if (!found)
                                             return found.error();
                                         if (found->has_value())
                                             outcome.members = (*found)->members;
                                     }
                                     return outcome;
                                 })
        .then(this, [this, origin](Result<Outcome> outcome) -> Result<std::optional<Message>> {
            if (!outcome)
                return outcome.error();
            // Pushed like any new message: the other devices apply it; the origin gets the
            // reply instead.
            if (outcome->event)
                m_context.pushes.push(outcome->members, Protocol::Type::NewMessage,
                                      Protocol::MessageReply{*outcome->event}.toJson(), origin);
            return std::move(outcome->event);
        });
}

QFuture<Result<Message>> MessagingService::editMessage(UserId user, ConnectionId origin,
                                                       const Protocol::EditMessageRequest &request)
{
    if (Status valid = MessageContent::validateEditText(request.content); !valid)
        return readyResult<Message>(valid.error());
    const qint64 windowMs = qint64(m_context.limits.editWindowSeconds) * 1000;
    return applyChange(user, origin, request.conversationId,
                       [user, request, windowMs](Repositories &repos,
                                                 qint64 now) -> Result<std::optional<Message>> {
                           Result<Target> target =
                               loadTarget(repos, request.conversationId, request.messageId, user);
                           if (!target)
                               return target.error();
                           const Message &m = target->message;
                           if (m.senderId != user)
                               return makeError(ErrorCode::Forbidden,
                                                u"you can edit only your own messages"_s);
                           if (m.type != MessageType::Text)
                               return makeError(ErrorCode::BadRequest,
                                                u"only text messages can be edited"_s);
                           if (windowMs > 0 && now - m.createdAtMs > windowMs)
                               return makeError(ErrorCode::Forbidden,
                                                u"messages can be edited for %1 seconds after "
                                                "sending"_s.arg(windowMs / 1000));
                           Result<QList<UserId>> mentions = resolveMentions(
                               repos, request.content, request.mentions, target->members, user);
                           if (!mentions)
                               return mentions.error();
                           Result<Message> event = appendChange(
                               repos, *target, user, SystemEvent::messageEdited(m.id, m.seq),
                               request.content, *mentions, now);
                           if (!event)
                               return event.error();
                           if (Status s = repos.messages.replaceContent(m.id, request.content, now,
                                                                        *mentions);
                               !s)
                               return s.error();
                           return std::optional<Message>{*event};
                       })
        .then([](Result<std::optional<Message>> event) -> Result<Message> {
            if (!event)
                return event.error();
            return **event;
        });
}

QFuture<Result<Message>> MessagingService::deleteMessage(UserId user, ConnectionId origin,
                                                         const Protocol::MessageRef &request)
{
    return applyChange(
               user, origin, request.conversationId,
               [user, request](Repositories &repos, qint64 now) -> Result<std::optional<Message>> {
                   Result<Target> target =
                       loadTarget(repos, request.conversationId, request.messageId, user);
                   if (!target)
                       return target.error();
                   const Message &m = target->message;
                   if (m.senderId != user) {
                       // Any message is a group admin's to delete; in a private chat only
                       // one's own.
                       bool admin = false;
                       if (target->type == ConversationType::Group) {
                           Result<std::optional<Conversation>> c =
                               repos.conversations.find(request.conversationId);
                           if (!c)
                               return c.error();
                           admin = c->has_value() && (*c)->isAdmin(user);
                       }
                       if (!admin)
                           return makeError(ErrorCode::Forbidden,
                                            u"you can delete only your own messages"_s);
                   }
                   Result<Message> event = appendChange(
                       repos, *target, user, SystemEvent::messageDeleted(m.id, m.seq), {}, {}, now);
                   if (!event)
                       return event.error();
                   if (Status s = repos.messages.removeContent(m.id, now); !s)
                       return s.error();
                   return std::optional<Message>{*event};
               })
        .then([](Result<std::optional<Message>> event) -> Result<Message> {
            if (!event)
                return event.error();
            return **event;
        });
}

namespace {
enum class Reaction { Add, TakeBack };

// The storage step of react and unreact: the change, and its event when something changed
// (reacting twice, or taking back what is not there, changes nothing and appends nothing).
Result<std::optional<Message>> changeReaction(Repositories &repos, qint64 now, UserId user,
                                              const Protocol::ReactionRequest &request,
                                              Reaction change)
{
    Result<Target> target = loadTarget(repos, request.conversationId, request.messageId, user);
    if (!target)
        return target.error();
    Result<std::optional<int>> count = change == Reaction::Add
        ? repos.messages.addReaction(request.messageId, user, request.emoji,
                                     MessageContent::MaxDistinctReactions, now)
        : repos.messages.removeReaction(request.messageId, user, request.emoji);
    if (!count)
        return count.error();
    if (!count->has_value())
        return std::optional<Message>{};
    const Seq seq = target->message.seq;
    const SystemEvent event = change == Reaction::Add
        ? SystemEvent::reactionAdded(request.messageId, seq, request.emoji, **count)
        : SystemEvent::reactionRemoved(request.messageId, seq, request.emoji, **count);
    Result<Message> appended = appendChange(repos, *target, user, event, {}, {}, now);
    if (!appended)
        return appended.error();
    return std::optional<Message>{*appended};
}

Result<Protocol::ReactionReply> reactionReply(Result<std::optional<Message>> event)
{
    if (!event)
        return event.error();
    return Protocol::ReactionReply{*event};
}
} // namespace

QFuture<Result<Protocol::ReactionReply>>
MessagingService::react(UserId user, ConnectionId origin, const Protocol::ReactionRequest &request)
{
    return applyChange(user, origin, request.conversationId,
                       [user, request](Repositories &repos, qint64 now) {
                           return changeReaction(repos, now, user, request, Reaction::Add);
                       })
        .then(reactionReply);
}

QFuture<Result<Protocol::ReactionReply>>
MessagingService::unreact(UserId user, ConnectionId origin,
                          const Protocol::ReactionRequest &request)
{
    return applyChange(user, origin, request.conversationId,
                       [user, request](Repositories &repos, qint64 now) {
                           return changeReaction(repos, now, user, request, Reaction::TakeBack);
                       })
        .then(reactionReply);
}

QFuture<Result<Protocol::ReactorsReply>>
MessagingService::reactors(UserId user, const Protocol::MessageRef &request)
{
    return runInStorage<Protocol::ReactorsReply>(
        m_context.storage, [user, request](Repositories &repos) -> Result<Protocol::ReactorsReply> {
            Result<Target> target =
                loadTarget(repos, request.conversationId, request.messageId, user);
            if (!target)
                return target.error();
            Result<QList<ReactionUsers>> users = repos.messages.reactionUsers(
                request.messageId, Protocol::ReactorsReply::MaxUsersPerEmoji);
            if (!users)
                return users.error();
            Protocol::ReactorsReply reply;
            for (const ReactionUsers &r : *users)
                reply.reactions.append({r.emoji, r.count, r.userIds});
            return reply;
        });
}

} // namespace Banter::Server
