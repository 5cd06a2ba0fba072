// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/channel.h>
#include <banter/client/syncengine_p.h>
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/types.h>

namespace Banter {

using namespace Qt::StringLiterals;
namespace P = Protocol;

SyncEngine::SyncEngine(Channel &channel, QObject *parent)
    : QObject(parent)
    , m_channel(channel)
{ }

void SyncEngine::start()
{
    m_syncing = true;
    m_again = false;
    m_seen.clear();
    ++m_run;
    requestPage();
}

void SyncEngine::requestPage()
{
    P::SyncRequest request;
    request.positions = m_positions.all();
    request.limit = m_pageSize;
    const quint64 run = m_run;
    m_channel.request(P::Type::Sync, request.toJson())
        .then(this, [this, run](Result<QJsonObject> data) {
            if (run != m_run)
                return;
            Result<P::SyncReply> reply =
                data ? P::SyncReply::fromJson(*data) : Result<P::SyncReply>(data.error());
            if (data && !reply)
                reply = makeError(ErrorCode::Internal,
                                  u"the server sent a reply this client cannot read: "_s
                                      + reply.error().message);
            if (!reply) {
                // The connection is gone (a reconnect syncs again) or the server failed.
                m_syncing = false;
                if (reply.error().code != ErrorCode::Unavailable)
                    Q_EMIT failed(reply.error());
                return;
            }
            for (const Conversation &c : reply->conversations) {
                m_seen.insert(c.id);
                Q_EMIT conversationUpdated(c);
            }
            QSet<ConversationId> reset;
            for (const Message &m : reply->messages) {
                if (reply->limited.contains(m.conversationId)
                    && !reset.contains(m.conversationId)) {
                    reset.insert(m.conversationId);
                    Q_EMIT conversationReset(m.conversationId);
                    m_positions.set(m.conversationId, m.seq - 1);
                }
                // Sync is authoritative: within a page, messages follow the known position.
                if (m.seq > m_positions.position(m.conversationId))
                    deliver(m);
            }
            if (reply->hasMore)
                requestPage();
            else
                finish();
        });
}

void SyncEngine::finish()
{
    const QList<ConversationId> known = m_positions.all().keys();
    for (ConversationId id : known) {
        if (!m_seen.contains(id)) {
            m_positions.forget(id);
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
        deliver(message);
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
    if (m_positions.accept(message.conversationId, message.seq) == SyncPositions::Verdict::Deliver)
        m_positions.advance(message.conversationId, message.seq);
}

void SyncEngine::connectionLost()
{
    ++m_run;
    m_syncing = false;
    m_again = false;
    m_deliveredInFlight.clear();
}

void SyncEngine::deliver(const Message &message)
{
    m_positions.advance(message.conversationId, message.seq);
    Q_EMIT messageReceived(message);
    if (m_autoDelivered && message.senderId != m_ownUser)
        acknowledgeDelivery(message.conversationId, message.seq);
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
