// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
    explicit MessagingService(ServiceContext context, QObject *parent = nullptr);

    QFuture<Result<Message>> send(UserId sender, ConnectionId origin,
                                  const Protocol::SendMessageRequest &request);
    QFuture<Result<Protocol::HistoryReply>> history(UserId user,
                                                    const Protocol::HistoryRequest &request);
    QFuture<Result<Protocol::SyncReply>> sync(UserId user, const Protocol::SyncRequest &request);

private:
    qint64 takeMessageToken(UserId sender);

    ServiceContext m_context;
    QHash<UserId, TokenBucket> m_messageBuckets;
};

} // namespace Banter::Server
