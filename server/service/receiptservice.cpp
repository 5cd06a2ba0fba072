// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/receiptservice.h"

#include "service/servicehelpers.h"
#include <banter/protocol/types.h>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
struct ReceiptOutcome
{
    Seq read = 0;
    Seq delivered = 0;
    bool readChanged = false;
    bool deliveredChanged = false;
    QList<UserId> members;
};

Error typingLimited(qint64 waitMs)
{
    return makeError(ErrorCode::RateLimited, u"typing notifications are limited"_s, waitMs);
}
} // namespace

ReceiptService::ReceiptService(ServiceContext context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_typing(m_context.limits.typingPerSecond, m_context.limits.typingBurst)
{ }

QFuture<Result<Protocol::ReceiptRequest>>
ReceiptService::markRead(UserId user, ConnectionId origin, const Protocol::ReceiptRequest &request)
{
    return mark(Protocol::ReceiptKind::Read, user, origin, request);
}

QFuture<Result<Protocol::ReceiptRequest>>
ReceiptService::markDelivered(UserId user, ConnectionId origin,
                              const Protocol::ReceiptRequest &request)
{
    return mark(Protocol::ReceiptKind::Delivered, user, origin, request);
}

QFuture<Result<Protocol::ReceiptRequest>>
ReceiptService::mark(Protocol::ReceiptKind kind, UserId user, ConnectionId origin,
                     const Protocol::ReceiptRequest &request)
{
    return runInStorage<ReceiptOutcome>(
               m_context.storage,
               [kind, user, request](Repositories &repos) -> Result<ReceiptOutcome> {
                   Result<Conversation> c =
                       loadConversationAsMember(repos, request.conversationId, user);
                   if (!c)
                       return c.error();
                   if (request.seq > c->lastSeq)
                       return makeError(ErrorCode::BadRequest,
                                        u"seq %1 is past the last message (%2)"_s.arg(request.seq)
                                            .arg(c->lastSeq));
                   const Participant *me = c->participant(user);
                   ReceiptOutcome outcome;
                   outcome.members = memberIds(*c);
                   outcome.read = me->readSeq;
                   outcome.delivered = me->deliveredSeq;
                   // Having read a message implies having received it.
                   Result<bool> delivered =
                       repos.conversations.raiseDeliveredSeq(c->id, user, request.seq);
                   if (!delivered)
                       return delivered.error();
                   outcome.deliveredChanged = *delivered;
                   outcome.delivered = qMax(outcome.delivered, request.seq);
                   if (kind == Protocol::ReceiptKind::Read) {
                       Result<bool> read =
                           repos.conversations.raiseReadSeq(c->id, user, request.seq);
                       if (!read)
                           return read.error();
                       outcome.readChanged = *read;
                       outcome.read = qMax(outcome.read, request.seq);
                   }
                   return outcome;
               })
        .then(this,
              [this, kind, user, origin,
               request](Result<ReceiptOutcome> outcome) -> Result<Protocol::ReceiptRequest> {
                  if (!outcome)
                      return outcome.error();
                  const Seq position =
                      kind == Protocol::ReceiptKind::Read ? outcome->read : outcome->delivered;
                  // The requesting connection is skipped by the pushes: it gets the reply.
                  if (outcome->deliveredChanged) {
                      const Protocol::ReceiptPush push{request.conversationId, user,
                                                       Protocol::ReceiptKind::Delivered,
                                                       outcome->delivered};
                      m_context.pushes.push(outcome->members, Protocol::Type::Receipt,
                                            push.toJson(), origin);
                  }
                  if (outcome->readChanged) {
                      const Protocol::ReceiptPush push{request.conversationId, user,
                                                       Protocol::ReceiptKind::Read, outcome->read};
                      m_context.pushes.push(outcome->members, Protocol::Type::Receipt,
                                            push.toJson(), origin);
                  }
                  return Protocol::ReceiptRequest{request.conversationId, position};
              });
}

QFuture<Result<Done>> ReceiptService::typing(UserId user, const Protocol::TypingRequest &request)
{
    // A bucket the user already has is charged at once, so a flood in a real conversation
    // costs no storage work. A first notification is checked for membership before any
    // bucket is made: conversation ids are the client's choice.
    const std::optional<qint64> existing =
        m_typing.takeExisting(user, request.conversationId, m_context.clock());
    if (existing && *existing > 0)
        return readyResult<Done>(typingLimited(*existing));
    return runInStorage<QList<UserId>>(
               m_context.storage,
               [user, request](Repositories &repos) -> Result<QList<UserId>> {
                   Result<Conversation> c =
                       loadConversationAsMember(repos, request.conversationId, user);
                   if (!c)
                       return c.error();
                   QList<UserId> others = memberIds(*c);
                   others.removeAll(user);
                   return others;
               })
        .then(this,
              [this, user, request,
               charged = existing.has_value()](Result<QList<UserId>> others) -> Result<Done> {
                  if (!others)
                      return others.error();
                  if (!charged) {
                      const qint64 wait =
                          m_typing.take(user, request.conversationId, m_context.clock());
                      if (wait > 0)
                          return typingLimited(wait);
                  }
                  const Protocol::TypingPush push{request.conversationId, user, request.typing};
                  m_context.pushes.push(*others, Protocol::Type::TypingPush, push.toJson());
                  return Done{};
              });
}

} // namespace Banter::Server
