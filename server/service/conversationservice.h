// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/servicecontext.h"
#include <banter/protocol/conversationmessages.h>

#include <QObject>

namespace Banter::Server {

// Conversations and membership. Every membership change and rename is also a system message
// in the conversation's seq stream, so members who were offline get it through sync.
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

private:
    struct Change;
    static Result<Change> recordChange(Repositories &repos, ConversationId id, UserId actor,
                                       const SystemEvent &event, qint64 nowMs,
                                       QList<UserId> removed);
    // Runs a membership change in storage and, after commit and after the reply, pushes its
    // results.
    QFuture<Result<Conversation>> applyChange(std::function<Result<Change>(Repositories &)> work);
    void pushChange(const Change &change);

    ServiceContext m_context;
};

} // namespace Banter::Server
