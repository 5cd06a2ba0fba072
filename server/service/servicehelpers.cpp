// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/servicehelpers.h"

#include "service/servicecontext.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

namespace Banter::Server {

using namespace Qt::StringLiterals;

qint64 systemClockMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Result<Conversation> loadConversationAsMember(Repositories &repos, ConversationId id, UserId user)
{
    Result<std::optional<Conversation>> found = repos.conversations.find(id);
    if (!found)
        return found.error();
    if (!found->has_value())
        return makeError(ErrorCode::NotFound, u"no such conversation"_s);
    if (Status member = ConversationRules::checkMember(**found, user); !member)
        return member.error();
    return std::move(**found);
}

Status fillParticipantNames(Repositories &repos, QList<Conversation *> conversations)
{
    QList<UserId> ids;
    for (const Conversation *c : conversations) {
        for (const Participant &p : c->participants) {
            if (!ids.contains(p.userId))
                ids.append(p.userId);
        }
    }
    if (ids.isEmpty())
        return success();
    Result<QList<User>> users = repos.users.findByIds(ids);
    if (!users)
        return users.error();
    QHash<UserId, const User *> byId;
    for (const User &u : *users)
        byId.insert(u.id, &u);
    for (Conversation *c : conversations) {
        for (Participant &p : c->participants) {
            if (const User *u = byId.value(p.userId)) {
                p.username = u->username;
                p.displayName = u->displayName;
                p.avatarVersion = u->avatarVersion;
            }
        }
    }
    return success();
}

Status fillParticipantNames(Repositories &repos, Conversation &conversation)
{
    return fillParticipantNames(repos, QList<Conversation *>{&conversation});
}

QList<UserId> memberIds(const Conversation &conversation)
{
    QList<UserId> ids;
    ids.reserve(conversation.participants.size());
    for (const Participant &p : conversation.participants)
        ids.append(p.userId);
    return ids;
}

Result<Message> appendSystemMessage(Repositories &repos, ConversationId id, UserId actor,
                                    const SystemEvent &event, qint64 nowMs)
{
    Message message;
    message.id = QUuid::createUuid();
    message.conversationId = id;
    message.senderId = actor;
    message.type = MessageType::System;
    message.event = event;
    message.createdAtMs = nowMs;
    Result<AppendedMessage> appended = repos.messages.append(message);
    if (!appended)
        return appended.error();
    return appended->message;
}

Result<QList<UserId>> audienceOf(Repositories &repos, UserId user)
{
    Result<QList<UserId>> peers = repos.conversations.peersOf(user);
    if (!peers)
        return peers.error();
    Result<QList<UserId>> watchers = repos.contacts.watchersOf(user);
    if (!watchers)
        return watchers.error();
    QList<UserId> audience;
    audience.reserve(peers->size() + watchers->size());
    QSet<UserId> seen{user};
    for (const QList<UserId> *ids : {&*peers, &*watchers}) {
        for (UserId id : *ids) {
            if (!seen.contains(id)) {
                seen.insert(id);
                audience.append(id);
            }
        }
    }
    return audience;
}

} // namespace Banter::Server
