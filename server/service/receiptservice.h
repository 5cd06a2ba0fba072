// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/servicecontext.h"
#include "service/typinglimiter.h"
#include <banter/protocol/chatmessages.h>

#include <QHash>
#include <QObject>

namespace Banter::Server {

// Read and delivery receipts ("up to seq N", monotonic, membership-checked, pushed to the
// other members and to the user's other devices) and the ephemeral typing indicator.
class ReceiptService : public QObject
{
    Q_OBJECT
public:
    explicit ReceiptService(ServiceContext context, QObject *parent = nullptr);

    // Replies with the member's position after the request (which may be higher than asked).
    QFuture<Result<Protocol::ReceiptRequest>> markRead(UserId user, ConnectionId origin,
                                                       const Protocol::ReceiptRequest &request);
    QFuture<Result<Protocol::ReceiptRequest>>
    markDelivered(UserId user, ConnectionId origin, const Protocol::ReceiptRequest &request);
    QFuture<Result<Done>> typing(UserId user, const Protocol::TypingRequest &request);
    // Typing buckets held (bounded: see TypingLimiter).
    qsizetype typingBucketCount() const { return m_typing.size(); }

private:
    QFuture<Result<Protocol::ReceiptRequest>> mark(Protocol::ReceiptKind kind, UserId user,
                                                   ConnectionId origin,
                                                   const Protocol::ReceiptRequest &request);

    ServiceContext m_context;
    TypingLimiter m_typing;
};

} // namespace Banter::Server
