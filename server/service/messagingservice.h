// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/protocol/chatmessages.h>
#include "service/servicecontext.h"
#include "service/tokenbucket.h"

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

    void send(UserId sender, ConnectionId origin, const Protocol::SendMessageRequest &request,
              Callback<Message> done);
    void history(UserId user, const Protocol::HistoryRequest &request,
                 Callback<Protocol::HistoryReply> done);
    void sync(UserId user, const Protocol::SyncRequest &request,
              Callback<Protocol::SyncReply> done);

private:
    qint64 takeMessageToken(UserId sender);

    ServiceContext m_context;
    QHash<UserId, TokenBucket> m_messageBuckets;
};

} // namespace Banter::Server
