// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/servicecontext.h"
#include "service/tokenbucket.h"
#include <banter/protocol/searchmessages.h>

#include <QHash>
#include <QObject>

namespace Banter::Server {

// "search": full-text search over the messages a user may read (docs/PROTOCOL.md, Search).
// Each request is bounded in database work (ServerLimits::searchExamined / searchWindow)
// and each user in requests (searchPerSecond), so a loop of broad queries costs the server
// a fixed, small amount per second; replies are bounded in bytes (searchReplyBytes).
class SearchService : public QObject
{
    Q_OBJECT
public:
    explicit SearchService(ServiceContext context, QObject *parent = nullptr);

    QFuture<Result<Protocol::SearchReply>> search(UserId user,
                                                  const Protocol::SearchRequest &request);

private:
    qint64 takeToken(UserId user);

    ServiceContext m_context;
    QHash<UserId, TokenBucket> m_buckets; // bounded: full buckets are dropped when it grows
};

} // namespace Banter::Server
