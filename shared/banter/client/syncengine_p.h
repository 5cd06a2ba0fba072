// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/client/syncpositions.h>
#include <banter/domain/conversation.h>
#include <banter/domain/message.h>
#include <banter/domain/result.h>

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>

namespace Banter {

class Channel;
class ClientCache;

// Keeps a signed-in session caught up. At sign-in it first lists the conversations (their
// unread counts and last messages come from the server, not from downloading everything)
// and moves the start of every conversation with no local copy, or too far behind, to its
// newest page (planCatchUp). Then it pages through "sync" from the known positions until
// the server has nothing more, treats each new message by its seq (deliver, drop a
// duplicate, resync over a gap), drops conversations the server no longer lists, resets
// those too far behind ("limited"), and acknowledges deliveries, coalesced to one request
// in flight per conversation. With a cache, everything it learns is written there first
// (one transaction per page), then signalled. Internal to ClientSession, which forwards its
// signals.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    explicit SyncEngine(Channel &channel, QObject *parent = nullptr);

    void setPageSize(int messages) { m_pageSize = messages; }
    void setAutoDelivered(bool on) { m_autoDelivered = on; }
    void setOwnUser(UserId user) { m_ownUser = user; }
    void setInitialPageSize(int messages) { m_initialPageSize = messages; }
    void setCatchUpLimit(int messages) { m_catchUpLimit = messages; }
    // Where pages, pushes, resets and removals are written (null: nowhere).
    void setCache(ClientCache *cache) { m_cache = cache; }
    SyncPositions &positions() { return m_positions; }
    const SyncPositions &positions() const { return m_positions; }
    bool isSyncing() const { return m_syncing; }

    // Signed in: lists the conversations, plans the catch-up, then syncs.
    void signedIn();
    // Starts catching up (again, if a sync is running: the next page starts over).
    void start();
    // A message pushed by the server. `live`: the session is caught up, so a gap starts a
    // sync at once (otherwise the running sync is asked to go round once more).
    void onPushedMessage(const Message &message);
    // The server confirmed one of our own messages: it is known up to its seq.
    void onOwnMessageAcked(const Message &message);
    // A conversation the user left or was removed from.
    void forget(ConversationId conversation);
    // The connection was lost: a sync or acknowledgement in flight is gone with it.
    void connectionLost();

Q_SIGNALS:
    void conversationsListed(const QList<Banter::ConversationSummary> &summaries);
    void messageReceived(const Banter::Message &message);
    // Once per sync page (live false) and per push (live true), after the cache has them.
    void messagesReceived(const QList<Banter::Message> &messages, bool live);
    void conversationUpdated(const Banter::Conversation &conversation);
    void conversationReset(Banter::ConversationId conversation);
    void conversationRemoved(Banter::ConversationId conversation);
    // A pushed message left a gap while no sync was running: the owner starts one.
    void gapDetected();
    // Caught up.
    void finished();
    // A sync page failed for another reason than the connection: the owner reconnects.
    void failed(const Banter::Error &error);

private:
    // Asks for the conversation list from after the `earlier` pages.
    void requestList(QList<ConversationSummary> earlier = {});
    void applyCatchUpPlan(const QList<ConversationSummary> &summaries);
    void requestPage();
    void onPage(const QList<Conversation> &conversations, const QList<Message> &messages,
                const QList<ConversationId> &limited);
    void finish();
    // Ends the run after a failed request (a lost connection syncs again on reconnect).
    void fail(const Error &error);
    // A `rate_limited` answer to the step of `run`: runs `step` again after the server's
    // wait and returns true; false for any other error.
    bool retryLater(const Error &error, quint64 run, const std::function<void()> &step);
    void deliver(const QList<Message> &messages, bool live);
    void acknowledgeDelivery(ConversationId conversation, Seq seq);

    Channel &m_channel;
    SyncPositions m_positions;
    ClientCache *m_cache = nullptr;
    int m_pageSize = 500;
    int m_initialPageSize = 50;
    int m_catchUpLimit = 5000;
    bool m_autoDelivered = true;
    UserId m_ownUser = 0;
    bool m_syncing = false;
    bool m_again = false;
    quint64 m_run = 0; // bumped by every start and loss: replies of earlier runs are stale
    QSet<ConversationId> m_seen; // listed by this run's sync replies
    ConversationId m_after = 0; // conversations up to this one are done in this run
    QHash<ConversationId, Seq> m_deliveredWanted;
    QSet<ConversationId> m_deliveredInFlight;
};

} // namespace Banter
