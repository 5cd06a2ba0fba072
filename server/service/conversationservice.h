// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/protocol/conversationmessages.h>
#include "service/servicecontext.h"

#include <QObject>

namespace Banter::Server {

// Conversations and membership. Every membership change and rename is also a system message
// in the conversation's seq stream, so members who were offline get it through sync.
class ConversationService : public QObject
{
    Q_OBJECT
public:
    explicit ConversationService(ServiceContext context, QObject *parent = nullptr);

    void list(UserId user, Callback<Protocol::ConversationsReply> done);
    void get(UserId user, ConversationId id, Callback<Conversation> done);
    void createPrivate(UserId user, UserId other, Callback<Conversation> done);
    void createGroup(UserId user, const Protocol::CreateGroupRequest &request,
                     Callback<Conversation> done);
    void addMembers(UserId user, const Protocol::AddMembersRequest &request,
                    Callback<Conversation> done);
    void removeMember(UserId user, const Protocol::RemoveMemberRequest &request,
                      Callback<Conversation> done);
    void leave(UserId user, ConversationId id, Callback<Done> done);
    void rename(UserId user, const Protocol::RenameRequest &request, Callback<Conversation> done);

private:
    struct Change;
    static Result<Change> recordChange(Repositories &repos, ConversationId id, UserId actor,
                                       const SystemEvent &event, qint64 nowMs,
                                       QList<UserId> removed);
    // Runs a membership change in storage and, after commit, pushes its results.
    void applyChange(std::function<Result<Change>(Repositories &)> work,
                     Callback<Conversation> done);

    ServiceContext m_context;
};

} // namespace Banter::Server
