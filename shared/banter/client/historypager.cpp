// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/channel.h>
#include <banter/client/clientcache.h>
#include <banter/client/historypager_p.h>
#include <banter/protocol/types.h>

#include <QPromise>

#include <algorithm>

namespace Banter {

using namespace Qt::StringLiterals;
namespace P = Protocol;

namespace {

QFuture<Result<P::HistoryReply>> ready(P::HistoryReply reply)
{
    QPromise<Result<P::HistoryReply>> promise;
    promise.start();
    promise.addResult(Result<P::HistoryReply>(std::move(reply)));
    promise.finish();
    return promise.future();
}

int pageLimit(int limit)
{
    return std::clamp(limit, 1, P::HistoryRequest::MaxLimit);
}

} // namespace

HistoryPager::HistoryPager(Channel &channel, QObject *context)
    : m_channel(channel)
    , m_context(context)
{ }

QFuture<Result<P::HistoryReply>> HistoryPager::request(ConversationId id, Seq beforeSeq, int limit)
{
    return m_channel.request(P::Type::History, P::HistoryRequest{id, beforeSeq, limit}.toJson())
        .then(m_context, [](const Result<QJsonObject> &data) -> Result<P::HistoryReply> {
            if (!data)
                return data.error();
            Result<P::HistoryReply> reply = P::HistoryReply::fromJson(*data);
            if (!reply)
                return makeError(ErrorCode::Internal,
                                 u"the server sent a reply this client cannot read: "_s
                                     + reply.error().message);
            return reply;
        });
}

QFuture<Result<P::HistoryReply>> HistoryPager::before(ConversationId id, Seq beforeSeq, int limit)
{
    if (m_cache && limit > 0) {
        // Seqs are gapless from 1, and the cache holds one contiguous range: the page is
        // whole when it ends just below beforeSeq and is full or starts at seq 1.
        const QList<Message> held = m_cache->messagesBefore(id, beforeSeq, limit);
        const bool adjoins =
            !held.isEmpty() && (beforeSeq == 0 || held.last().seq == beforeSeq - 1);
        if (adjoins && (held.size() == limit || held.first().seq == 1))
            return ready(P::HistoryReply{held, held.first().seq > 1});
    }
    return request(id, beforeSeq, pageLimit(limit))
        .then(m_context, [this, id](Result<P::HistoryReply> reply) {
            if (reply && m_cache)
                m_cache->storeOlder(id, reply->messages, !reply->hasMore);
            return reply;
        });
}

QFuture<Result<P::HistoryReply>> HistoryPager::after(ConversationId id, Seq afterSeq, int limit)
{
    if (m_cache && limit > 0) {
        // Whole when it starts just above afterSeq and is full or reaches the newest held
        // (the catch-up brings anything newer as messagesReceived).
        const QList<Message> held = m_cache->messagesAfter(id, afterSeq, limit);
        if (!held.isEmpty() && held.first().seq == afterSeq + 1
            && (held.size() == limit || held.last().seq == m_cache->positions().value(id)))
            return ready(P::HistoryReply{held, held.size() == limit});
    }
    // history pages backwards: ask for the page that ends `limit` above afterSeq and keep
    // what lies above afterSeq.
    const int page = pageLimit(limit);
    return request(id, afterSeq + page + 1, page)
        .then(m_context, [afterSeq, page](Result<P::HistoryReply> reply) {
            if (!reply)
                return reply;
            QList<Message> &messages = reply->messages;
            messages.erase(
                std::remove_if(messages.begin(), messages.end(),
                               [afterSeq](const Message &m) { return m.seq <= afterSeq; }),
                messages.end());
            reply->hasMore = messages.size() == page;
            return reply;
        });
}

} // namespace Banter
