// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/result.h>
#include <banter/protocol/chatmessages.h>

#include <QFuture>
#include <QObject>

namespace Banter {

class Channel;
class ClientCache;

// Pages of a conversation around what a view shows: from the cache when it holds the whole
// page (one indexed query, no round trip), else from the server's history, storing a page
// that joins the cached range from below. Internal to ClientSession.
class HistoryPager
{
public:
    // Replies are handled in `context`'s thread while it lives.
    HistoryPager(Channel &channel, QObject *context);

    void setCache(ClientCache *cache) { m_cache = cache; }

    // Up to `limit` messages before `beforeSeq` (0: the newest), ascending.
    QFuture<Result<Protocol::HistoryReply>> before(ConversationId id, Seq beforeSeq, int limit);
    // Up to `limit` messages after `afterSeq`, ascending; hasMore: newer ones may exist.
    QFuture<Result<Protocol::HistoryReply>> after(ConversationId id, Seq afterSeq, int limit);

private:
    QFuture<Result<Protocol::HistoryReply>> request(ConversationId id, Seq beforeSeq, int limit);

    Channel &m_channel;
    QObject *m_context;
    ClientCache *m_cache = nullptr;
};

} // namespace Banter
