// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// ClientSession with a ClientCache, the test playing the server on a memory pair: the
// sign-in's conversation list bounds the catch-up, pages and pushes reach the cache before
// the signals, receipts move the cached unread count, and the outbox is durable.
#include "fakeserver.h"
#include <banter/client/clientcache.h>
#include <banter/client/clientsession.h>
#include <banter/protocol/chatmessages.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Banter;
using namespace Qt::StringLiterals;
namespace P = Banter::Protocol;

namespace {
constexpr UserId Me = 1;
constexpr UserId Other = 2;

Message message(ConversationId conversation, Seq seq, UserId sender = Other)
{
    Message m;
    m.id = QUuid::createUuid();
    m.conversationId = conversation;
    m.seq = seq;
    m.senderId = sender;
    m.content = u"hello %1"_s.arg(seq);
    m.createdAtMs = 1000 + seq;
    return m;
}

QList<Message> messages(ConversationId conversation, Seq from, Seq to)
{
    QList<Message> list;
    for (Seq seq = from; seq <= to; ++seq)
        list.append(message(conversation, seq));
    return list;
}

Conversation conversation(ConversationId id, Seq lastSeq = 0)
{
    Conversation c;
    c.id = id;
    c.type = ConversationType::Group;
    c.name = u"chat %1"_s.arg(id);
    c.createdAtMs = 1;
    c.lastSeq = lastSeq;
    c.participants = {Participant{Me, ParticipantRole::Admin, u"me"_s, u"Me"_s, 1, 0, 0},
                      Participant{Other, ParticipantRole::Member, u"other"_s, u"Other"_s, 1, 0, 0}};
    return c;
}

ConversationSummary summary(ConversationId id, Seq lastSeq, qint64 unread)
{
    ConversationSummary s;
    s.conversation = conversation(id, lastSeq);
    if (lastSeq > 0)
        s.lastMessage = message(id, lastSeq);
    s.unreadCount = unread;
    return s;
}

QList<Seq> seqsOf(const QList<Message> &list)
{
    QList<Seq> seqs;
    for (const Message &m : list)
        seqs.append(m.seq);
    return seqs;
}
} // namespace

class TestSessionCache : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<ClientCache> cache;
    std::unique_ptr<ClientSession> session;
    std::unique_ptr<Test::FakeServer> server;
    qsizetype m_syncsAnswered = 0;

    void makeSession(ClientSession::Options options = {})
    {
        auto opened = ClientCache::open(m_dir.filePath(u"cache.sqlite"_s),
                                        CacheIdentity{u"fake.example:7654"_s, Me, {}});
        QVERIFY(opened);
        cache = std::move(opened).value();
        auto [client, end] = MemoryTransport::createPair();
        server = std::make_unique<Test::FakeServer>(std::move(end));
        session = std::make_unique<ClientSession>(std::move(client));
        options.heartbeatMs = 0;
        options.reconnectBaseMs = 10;
        options.reconnectMaxMs = 20;
        options.autoDelivered = false;
        session->setOptions(options);
    }
    void connectWithTokens()
    {
        session->setCache(cache.get());
        session->setTokens(u"access"_s, u"refresh"_s);
        session->connectToServer(QUrl(u"ws://fake.example"_s));
        QTRY_COMPARE(server->count(P::Type::Auth), 1);
        server->reply(server->last(P::Type::Auth),
                      P::AuthReply{User{Me, u"me"_s, u"Me"_s, 1}, 7, 0}.toJson());
    }
    // Answers the next sync request; returns what it asked for.
    P::SyncRequest answerSync(const QList<Message> &page, bool hasMore = false,
                              const QList<Conversation> &conversations = {})
    {
        const qsizetype index = m_syncsAnswered++;
        if (!QTest::qWaitFor([&] { return server->count(P::Type::Sync) > index; }, 5000))
            return {};
        const P::Request request = server->ofType(P::Type::Sync).at(index);
        P::SyncReply reply;
        reply.conversations = conversations;
        for (const Message &m : page) {
            if (std::none_of(reply.conversations.cbegin(), reply.conversations.cend(),
                             [&m](const Conversation &c) { return c.id == m.conversationId; }))
                reply.conversations.append(conversation(m.conversationId));
        }
        reply.messages = page;
        reply.hasMore = hasMore;
        server->reply(request, reply.toJson());
        return P::SyncRequest::fromJson(request.data).value();
    }

private Q_SLOTS:
    void init() { m_syncsAnswered = 0; }
    void cleanup()
    {
        session.reset();
        server.reset();
        cache.reset();
        ClientCache::remove(m_dir.filePath(u"cache.sqlite"_s));
    }
    void firstSignInFetchesOnlyTheNewestPage();
    void farBehindIsResetAndNearIsCaughtUp();
    void pagesAndPushesReachTheCacheFirst();
    void receiptsAndRemovalsUpdateTheCache();
    void outboxIsDurable();
    void knownUserShowsBeforeTheServerAnswers();
};

void TestSessionCache::firstSignInFetchesOnlyTheNewestPage()
{
    makeSession();
    server->conversations = {summary(10, 600, 12), summary(11, 20, 3), summary(12, 0, 0)};
    QSignalSpy listed(session.get(), &ClientSession::conversationsListed);
    QSignalSpy reset(session.get(), &ClientSession::conversationReset);
    connectWithTokens();
    const P::SyncRequest asked = answerSync(messages(10, 551, 600) + messages(11, 1, 20));
    QCOMPARE(listed.count(), 1);
    QCOMPARE(listed.first().first().value<QList<ConversationSummary>>(), server->conversations);
    // Only the long conversation is moved to its newest page; the short one comes whole.
    QCOMPARE(asked.positions, (QHash<ConversationId, Seq>{{10, 550}}));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(reset.first().first().value<ConversationId>(), ConversationId(10));
    QTRY_VERIFY(session->isReady());
    QCOMPARE(cache->oldestSeq(10), Seq(551));
    QVERIFY(!cache->hasStart(10));
    QVERIFY(cache->hasStart(11));
    QCOMPARE(cache->positions(), (QHash<ConversationId, Seq>{{10, 600}, {11, 20}}));
    // The unread counts are the server's, not recounted from the page.
    const QList<ConversationSummary> list = cache->conversations();
    QCOMPARE(list.size(), 3);
    QHash<ConversationId, qint64> unread;
    for (const ConversationSummary &s : list)
        unread.insert(s.conversation.id, s.unreadCount);
    QCOMPARE(unread, (QHash<ConversationId, qint64>{{10, 12}, {11, 3}, {12, 0}}));
}

void TestSessionCache::farBehindIsResetAndNearIsCaughtUp()
{
    ClientSession::Options options;
    options.initialPageSize = 30;
    options.catchUpLimit = 1000;
    makeSession(options);
    cache->storeMessages(messages(10, 1, 5) + messages(11, 1, 5));
    server->conversations = {summary(10, 9000, 0), summary(11, 900, 0)};
    QSignalSpy reset(session.get(), &ClientSession::conversationReset);
    connectWithTokens();
    const P::SyncRequest asked = answerSync({});
    QCOMPARE(asked.positions, (QHash<ConversationId, Seq>{{10, 8970}, {11, 5}}));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(cache->messagesBefore(10, 0, 100).size(), 0); // the local copy is dropped
    QCOMPARE(cache->positions().value(10), Seq(8970));
    QCOMPARE(cache->messagesBefore(11, 0, 100).size(), 5);
}

void TestSessionCache::pagesAndPushesReachTheCacheFirst()
{
    makeSession();
    server->conversations = {summary(10, 7, 0)};
    QList<QList<Seq>> batches;
    QList<bool> live;
    QList<qint64> heldWhenSignalled;
    connect(session.get(), &ClientSession::messagesReceived, this,
            [&](const QList<Message> &list, bool isLive) {
                batches.append(seqsOf(list));
                live.append(isLive);
                heldWhenSignalled.append(cache->messageCount());
            });
    QSignalSpy single(session.get(), &ClientSession::messageReceived);
    connectWithTokens();
    answerSync(messages(10, 1, 4), true);
    answerSync(messages(10, 5, 7));
    QTRY_VERIFY(session->isReady());
    server->push(P::Type::NewMessage, P::MessageReply{message(10, 8)}.toJson());
    QTRY_COMPARE(batches.size(), 3);
    QCOMPARE(batches, (QList<QList<Seq>>{{1, 2, 3, 4}, {5, 6, 7}, {8}}));
    QCOMPARE(live, (QList<bool>{false, false, true}));
    QCOMPARE(heldWhenSignalled, (QList<qint64>{4, 7, 8}));
    QCOMPARE(single.count(), 8); // messageReceived still fires for every message
    QCOMPARE(cache->positions().value(10), Seq(8));
    QCOMPARE(cache->conversations().first().unreadCount, 1); // the push after the listing
}

void TestSessionCache::receiptsAndRemovalsUpdateTheCache()
{
    makeSession();
    server->conversations = {summary(10, 0, 0), summary(11, 0, 0)};
    connectWithTokens();
    answerSync(messages(10, 1, 6) + messages(11, 1, 2));
    QTRY_VERIFY(session->isReady());
    QCOMPARE(cache->conversations().size(), 2);
    QCOMPARE(cache->conversation(10)->participant(Me)->readSeq, Seq(0));
    server->push(P::Type::Receipt, P::ReceiptPush{10, Me, P::ReceiptKind::Read, 4}.toJson());
    QTRY_COMPARE(cache->conversation(10)->participant(Me)->readSeq, Seq(4));
    const auto summaries = cache->conversations();
    const auto ten =
        std::find_if(summaries.cbegin(), summaries.cend(),
                     [](const ConversationSummary &s) { return s.conversation.id == 10; });
    QCOMPARE(ten->unreadCount, 2);
    Conversation renamed = conversation(11);
    renamed.name = u"renamed"_s;
    server->push(P::Type::ConversationUpdated, P::ConversationReply{renamed}.toJson());
    QTRY_COMPARE(cache->conversation(11)->name, u"renamed"_s);
    server->push(P::Type::ConversationRemoved, P::ConversationRef{11}.toJson());
    QTRY_VERIFY(!cache->conversation(11));
    QCOMPARE(cache->messageCount(), 6);
    QVERIFY(!cache->positions().contains(11));
}

void TestSessionCache::outboxIsDurable()
{
    makeSession();
    P::SendMessageRequest earlier;
    earlier.id = QUuid::createUuid();
    earlier.conversationId = 10;
    earlier.content = u"written before a crash"_s;
    cache->saveOutbox({earlier});
    session->setCache(cache.get());
    QCOMPARE(session->pendingMessages(), QList<P::SendMessageRequest>{earlier});
    // Written while offline: on disk before sendMessage returns.
    session->sendMessage(10, u"written offline"_s);
    QCOMPARE(cache->outbox().size(), 2);
    QCOMPARE(cache->outbox().last().content, u"written offline"_s);
    server->conversations = {summary(10, 0, 0)};
    connectWithTokens();
    answerSync({});
    QTRY_COMPARE(server->count(P::Type::Message), 2);
    const auto first = P::SendMessageRequest::fromJson(server->ofType(P::Type::Message).at(0).data);
    QCOMPARE(first->id, earlier.id); // the id it was written with: the server stores it once
    for (int i = 0; i < 2; ++i) {
        const P::Request sent = server->ofType(P::Type::Message).at(i);
        Message stored = message(10, i + 1, Me);
        stored.id = P::SendMessageRequest::fromJson(sent.data)->id;
        server->reply(sent, P::MessageReply{stored}.toJson());
    }
    QTRY_VERIFY(session->pendingMessages().isEmpty());
    QVERIFY(cache->outbox().isEmpty());
    QCOMPARE(cache->positions().value(10), Seq(2)); // acknowledged messages are kept too
}

void TestSessionCache::knownUserShowsBeforeTheServerAnswers()
{
    makeSession();
    const User known{Me, u"me"_s, u"Me (remembered)"_s, 1};
    session->setKnownUser(known);
    QCOMPARE(session->currentUser(), known);
    connectWithTokens();
    answerSync({});
    QTRY_VERIFY(session->isReady());
    QCOMPARE(session->currentUser().displayName, u"Me"_s); // the server's word wins
}

QTEST_GUILESS_MAIN(TestSessionCache)
#include "tst_sessioncache.moc"
