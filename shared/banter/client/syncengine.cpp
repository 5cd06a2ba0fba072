// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/catchupplan_p.h>
#include <banter/client/channel.h>
#include <banter/client/clientcache.h>
#include <banter/client/syncengine_p.h>
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/conversationmessages.h>
#include <banter/protocol/types.h>

#include <QTimer>

#include <algorithm>

namespace Banter {

using namespace Qt::StringLiterals;
namespace P = Protocol;

namespace {
// A reply's data decoded as T, or why not.
template<typename T>
Result<T> decode(const Result<QJsonObject> &data)
{
    if (!data)
        return data.error();
    Result<T> reply = T::fromJson(*data);
    if (!reply)
        return makeError(ErrorCode::Internal,
                         u"the server sent a reply this client cannot read: "_s
                             + reply.error().message);
    return reply;
}
// Positions in one sync request: 1,000 entries of at most 37 bytes stay far below the 64 KiB
// a client frame may hold.
constexpr qsizetype MaxPositionsPerRequest = 1000;
} // namespace

SyncEngine::SyncEngine(Channel &channel, QObject *parent)
    : QObject(parent)
    , m_channel(channel)
{ }

void SyncEngine::signedIn()
{
    m_syncing = true;
    m_again = false;
    ++m_run;
    requestList();
}

void SyncEngine::requestList(QList<ConversationSummary> earlier)
{
    const quint64 run = m_run;
    // The list comes in pages within the frame bound; the catch-up plan needs all of it.
    const P::ConversationsRequest request{int(earlier.size())};
    m_channel.request(P::Type::Conversations, request.toJson())
        .then(this, [this, run, earlier](const Result<QJsonObject> &data) mutable {
            if (run != m_run)
                return;
            const Result<P::ConversationsReply> reply = decode<P::ConversationsReply>(data);
            if (!reply) {
                if (!retryLater(reply.error(), run, [this, earlier] { requestList(earlier); }))
                    fail(reply.error());
                return;
            }
            earlier += reply->conversations;
            // An empty page that claims more would never end: take it as the end.
            if (reply->hasMore && !reply->conversations.isEmpty()) {
                requestList(std::move(earlier));
                return;
            }
            if (m_cache)
                m_cache->storeSummaries(earlier);
            Q_EMIT conversationsListed(earlier);
            applyCatchUpPlan(earlier);
            start();
        });
}

void SyncEngine::applyCatchUpPlan(const QList<ConversationSummary> &summaries)
{
    const QList<CatchUpReset> resets =
        planCatchUp(summaries, m_positions, m_initialPageSize, m_catchUpLimit);
    for (const CatchUpReset &reset : resets) {
        m_positions.set(reset.conversation, reset.position);
        if (m_cache)
            m_cache->resetConversation(reset.conversation, reset.position);
        Q_EMIT conversationReset(reset.conversation);
    }
}

bool SyncEngine::retryLater(const Error &error, quint64 run, const std::function<void()> &step)
{
    // The server asked this connection to slow down (its limit is stricter than the
    // client's pacing): the same step again after the wait, on the same connection, instead
    // of dropping the connection and starting over.
    if (error.code != ErrorCode::RateLimited)
        return false;
    const qint64 wait = qBound(qint64(50), error.retryAfterMs, qint64(10'000));
    QTimer::singleShot(std::chrono::milliseconds(wait), this, [this, run, step] {
        if (run == m_run && m_syncing)
            step();
    });
    return true;
}

void SyncEngine::fail(const Error &error)
{
    // The connection is gone (a reconnect syncs again) or the server failed.
    m_syncing = false;
    if (error.code != ErrorCode::Unavailable)
        Q_EMIT failed(error);
}

void SyncEngine::start()
{
    m_syncing = true;
    m_again = false;
    m_seen.clear();
    m_after = 0;
    ++m_run;
    requestPage();
}

void SyncEngine::requestPage()
{
    P::SyncRequest request;
    // Positions from where the last page left off, in id order, at most a bounded number so
    // the request stays well within the client frame bound; `through` says where they end.
    const QHash<ConversationId, Seq> all = m_positions.all();
    QList<ConversationId> ids;
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        if (it.key() > m_after)
            ids.append(it.key());
    }
    std::sort(ids.begin(), ids.end());
    if (ids.size() > MaxPositionsPerRequest) {
        ids.resize(MaxPositionsPerRequest);
        request.through = ids.constLast();
    }
    for (ConversationId id : std::as_const(ids))
        request.positions.insert(id, all.value(id));
    request.after = m_after;
    request.limit = m_pageSize;
    const quint64 run = m_run;
    m_channel.request(P::Type::Sync, request.toJson())
        .then(this, [this, run](const Result<QJsonObject> &data) {
            if (run != m_run)
                return;
            const Result<P::SyncReply> reply = decode<P::SyncReply>(data);
            if (!reply) {
                if (!retryLater(reply.error(), run, [this] { requestPage(); }))
                    fail(reply.error());
                return;
            }
            onPage(reply->conversations, reply->messages, reply->limited);
            // Conversations up to `after` are done for this pass; a server that does not page
            // its list sends none, and every page starts from the first again.
            m_after = reply->after;
            if (reply->hasMore)
                requestPage();
            else
                finish();
        });
}

void SyncEngine::onPage(const QList<Conversation> &conversations, const QList<Message> &messages,
                        const QList<ConversationId> &limited)
{
    for (const Conversation &c : conversations) {
        // Every page lists every conversation; once per run is enough to store.
        const bool first = !m_seen.contains(c.id);
        m_seen.insert(c.id);
        if (first && m_cache)
            m_cache->storeConversation(c);
        Q_EMIT conversationUpdated(c);
    }
    QSet<ConversationId> reset;
    QList<Message> page;
    page.reserve(messages.size());
    for (const Message &m : messages) {
        if (limited.contains(m.conversationId) && !reset.contains(m.conversationId)) {
            reset.insert(m.conversationId);
            m_positions.set(m.conversationId, m.seq - 1);
            if (m_cache)
                m_cache->resetConversation(m.conversationId, m.seq - 1);
            Q_EMIT conversationReset(m.conversationId);
        }
        // Sync is authoritative: within a page, messages follow the known position.
        if (m.seq > m_positions.position(m.conversationId)) {
            m_positions.advance(m.conversationId, m.seq);
            page.append(m);
        }
    }
    // Limited with no messages: retention removed every one (the server sends a limited
    // conversation's newest page otherwise). The copy goes all the same, and the position
    // moves to the conversation's end.
    for (ConversationId id : limited) {
        const auto listed = std::find_if(conversations.cbegin(), conversations.cend(),
                                         [id](const Conversation &c) { return c.id == id; });
        if (reset.contains(id) || listed == conversations.cend())
            continue;
        reset.insert(id);
        m_positions.set(id, listed->lastSeq);
        if (m_cache)
            m_cache->resetConversation(id, listed->lastSeq);
        Q_EMIT conversationReset(id);
    }
    deliver(page, false);
}

void SyncEngine::finish()
{
    const QList<ConversationId> known = m_positions.all().keys();
    for (ConversationId id : known) {
        if (!m_seen.contains(id)) {
            forget(id);
            Q_EMIT conversationRemoved(id);
        }
    }
    m_syncing = false;
    if (m_again) {
        start();
        return;
    }
    Q_EMIT finished();
}

void SyncEngine::onPushedMessage(const Message &message)
{
    switch (m_positions.accept(message.conversationId, message.seq)) {
    case SyncPositions::Verdict::Deliver:
        m_positions.advance(message.conversationId, message.seq);
        deliver({message}, true);
        break;
    case SyncPositions::Verdict::Duplicate:
        break;
    case SyncPositions::Verdict::Gap:
        // Something in between is missing: fetch it rather than show things out of order.
        if (m_syncing)
            m_again = true;
        else
            Q_EMIT gapDetected();
        break;
    }
}

void SyncEngine::onOwnMessageAcked(const Message &message)
{
    if (m_positions.accept(message.conversationId, message.seq) != SyncPositions::Verdict::Deliver)
        return;
    m_positions.advance(message.conversationId, message.seq);
    if (m_cache)
        m_cache->storeMessages({message});
}

void SyncEngine::forget(ConversationId conversation)
{
    m_positions.forget(conversation);
    if (m_cache)
        m_cache->removeConversation(conversation);
}

void SyncEngine::connectionLost()
{
    ++m_run;
    m_syncing = false;
    m_again = false;
    m_deliveredInFlight.clear();
}

// The positions already include `messages`: stored first, so that whoever reacts to the
// signals finds them in the cache.
void SyncEngine::deliver(const QList<Message> &messages, bool live)
{
    if (messages.isEmpty())
        return;
    if (m_cache)
        m_cache->storeMessages(messages);
    QHash<ConversationId, Seq> acknowledge;
    for (const Message &m : messages) {
        Q_EMIT messageReceived(m);
        if (m_autoDelivered && m.senderId != m_ownUser)
            acknowledge.insert(m.conversationId, m.seq);
    }
    Q_EMIT messagesReceived(messages, live);
    for (auto it = acknowledge.cbegin(); it != acknowledge.cend(); ++it)
        acknowledgeDelivery(it.key(), it.value());
}

void SyncEngine::acknowledgeDelivery(ConversationId conversation, Seq seq)
{
    Seq &wanted = m_deliveredWanted[conversation];
    wanted = qMax(wanted, seq);
    if (m_deliveredInFlight.contains(conversation))
        return;
    m_deliveredInFlight.insert(conversation);
    const Seq sent = wanted;
    m_channel.request(P::Type::Delivered, P::ReceiptRequest{conversation, sent}.toJson())
        .then(this, [this, conversation, sent](Result<QJsonObject>) {
            m_deliveredInFlight.remove(conversation);
            const Seq next = m_deliveredWanted.value(conversation);
            if (next > sent)
                acknowledgeDelivery(conversation, next);
            else
                m_deliveredWanted.remove(conversation);
        });
}

} // namespace Banter
