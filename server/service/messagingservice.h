// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "files/filestore.h"
#include "service/servicecontext.h"
#include "service/tokenbucket.h"
#include <banter/protocol/chatmessages.h>

#include <QHash>
#include <QObject>

namespace Banter::Server {

// Sending, history and sync: the delivery model of docs/PROTOCOL.md. A message is
// acknowledged only after its batch committed; pushes go out after the ack is decided.
class MessagingService : public QObject
{
    Q_OBJECT
public:
    // `files` is where stored content is read to check an image's declared size.
    MessagingService(ServiceContext context, FileStore files, QObject *parent = nullptr);

    QFuture<Result<Message>> send(UserId sender, ConnectionId origin,
                                  const Protocol::SendMessageRequest &request);
    QFuture<Result<Protocol::HistoryReply>> history(UserId user,
                                                    const Protocol::HistoryRequest &request);
    QFuture<Result<Protocol::SyncReply>> sync(UserId user, const Protocol::SyncRequest &request);

    // Changes to a stored message (messagechanges.cpp). Each is a change event appended to
    // the conversation's stream (a system message naming the message it changes), pushed to
    // the members like any message, and the reply is that event. They draw on the same rate
    // bucket as sending.
    QFuture<Result<Message>> editMessage(UserId user, ConnectionId origin,
                                         const Protocol::EditMessageRequest &request);
    QFuture<Result<Message>> deleteMessage(UserId user, ConnectionId origin,
                                           const Protocol::MessageRef &request);
    // Reactions: the reply is {message: the event}, or {} when nothing changed (reacting
    // twice with one emoji, taking back one never given).
    QFuture<Result<Protocol::ReactionReply>> react(UserId user, ConnectionId origin,
                                                   const Protocol::ReactionRequest &request);
    QFuture<Result<Protocol::ReactionReply>> unreact(UserId user, ConnectionId origin,
                                                     const Protocol::ReactionRequest &request);
    QFuture<Result<Protocol::ReactorsReply>> reactors(UserId user,
                                                      const Protocol::MessageRef &request);

private:
    qint64 takeMessageToken(UserId sender);
    // Stores a change event built by `change` on the storage thread, then pushes it.
    QFuture<Result<std::optional<Message>>>
    applyChange(UserId user, ConnectionId origin, ConversationId conversation,
                std::function<Result<std::optional<Message>>(Repositories &, qint64)> change);

    ServiceContext m_context;
    FileStore m_files;
    QHash<UserId, TokenBucket> m_messageBuckets;
};

} // namespace Banter::Server
