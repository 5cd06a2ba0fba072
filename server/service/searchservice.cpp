// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/searchservice.h"

#include "service/repositories.h"
#include "service/searchsnippet.h"

#include <QJsonDocument>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype PruneBucketsAbove = 10'000;

Protocol::SearchHit hitFrom(const SearchCandidate &c, const QString &query)
{
    Protocol::SearchHit hit;
    hit.conversationId = c.conversationId;
    hit.seq = c.seq;
    hit.messageId = c.id;
    hit.senderId = c.senderId;
    hit.createdAtMs = c.createdAtMs;
    hit.snippet = searchSnippet(c.content, query);
    return hit;
}

qint64 encodedSize(const Protocol::SearchHit &hit)
{
    return QJsonDocument(hit.toJson()).toJson(QJsonDocument::Compact).size() + 1;
}
} // namespace

SearchService::SearchService(ServiceContext context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
{ }

qint64 SearchService::takeToken(UserId user)
{
    const qint64 now = m_context.clock();
    if (m_buckets.size() > PruneBucketsAbove) {
        // A full bucket is the same as a new one: forgetting it loses nothing.
        m_buckets.removeIf([now](auto it) { return it.value().isFull(now); });
    }
    auto it = m_buckets.find(user);
    if (it == m_buckets.end()) {
        it = m_buckets.insert(
            user, TokenBucket(m_context.limits.searchPerSecond, m_context.limits.searchBurst, now));
    }
    return it->take(now);
}

QFuture<Result<Protocol::SearchReply>> SearchService::search(UserId user,
                                                             const Protocol::SearchRequest &request)
{
    if (const qint64 wait = takeToken(user); wait > 0)
        return readyResult<Protocol::SearchReply>(
            makeError(ErrorCode::RateLimited, u"too many searches; slow down"_s, wait));
    SearchQuery query;
    query.user = user;
    query.text = request.query;
    query.conversation = request.conversationId;
    query.before = request.before;
    query.limit = request.limit;
    query.examined = m_context.limits.searchExamined;
    query.window = m_context.limits.searchWindow;
    const qint64 replyBytes = m_context.limits.searchReplyBytes;
    return runInStorage<Protocol::SearchReply>(
        m_context.storage,
        [query, replyBytes](Repositories &repos) -> Result<Protocol::SearchReply> {
            if (query.conversation > 0) {
                // Searching a conversation one is not in looks like searching none at all.
                Result<std::optional<Seq>> member =
                    repos.conversations.lastSeqIfMember(query.conversation, query.user);
                if (!member)
                    return member.error();
                if (!member->has_value())
                    return makeError(ErrorCode::NotFound, u"no such conversation"_s);
            }
            Result<SearchPage> page = repos.search.search(query);
            if (!page)
                return page.error();
            Protocol::SearchReply reply;
            reply.hasMore = page->hasMore;
            reply.before = page->next;
            qint64 bytes = 64;
            for (const SearchCandidate &c : page->hits) {
                Protocol::SearchHit hit = hitFrom(c, query.text);
                bytes += encodedSize(hit);
                // Cut by encoded size: the rest comes on the next page, from this hit on.
                if (bytes > replyBytes && !reply.hits.isEmpty()) {
                    reply.hasMore = true;
                    reply.before = c.position + 1;
                    break;
                }
                reply.hits.append(std::move(hit));
            }
            return reply;
        });
}

} // namespace Banter::Server
