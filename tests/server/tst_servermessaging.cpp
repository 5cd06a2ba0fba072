// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Messaging through the real server: acks with seq, pushes to every device, idempotent
// resends, history paging, sync without gaps or duplicates, receipts and membership checks.
#include "manualclock.h"
#include "rawclient.h"
#include "testserver.h"
#include <banter/protocol/chatmessages.h>

#include <QJsonArray>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <cmath>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
QJsonObject textTo(qint64 conversation, const QString &text, QUuid id = QUuid::createUuid())
{
    return {{u"id"_s, id.toString(QUuid::WithoutBraces)},
            {u"conversation_id"_s, conversation},
            {u"type"_s, u"text"_s},
            {u"content"_s, text}};
}
} // namespace

class TestServerMessaging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void firstMessageByUserCreatesPrivateConversation();
    void ackThenPushToEveryDevice();
    void resendIsIdempotent();
    void reusedIdWithOtherContentConflicts();
    void invalidMessagesRejected_data();
    void invalidMessagesRejected();
    void nonMemberCannotReadWriteOrMark();
    void historyPagesBackwards();
    void syncReturnsEverythingMissedOnce();
    void syncPagesWithHasMore();
    void limitedPageIsSplitByBytes();
    void receiptsAreMonotonicAndPushed();
    void deliveredReceiptsPushed();
    void messageRateIsLimited();
    void blockedUserCannotMessage();
    void messagesSurviveRestart();

private:
    qint64 openPrivate(RawClient &from, qint64 toUser);

    ManualClock m_clock; // time stands still unless a test moves it (rate limits)
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<RawClient> m_alice;
    std::unique_ptr<RawClient> m_bob;
    qint64 m_aliceId = 0;
    qint64 m_bobId = 0;
};

void TestServerMessaging::init()
{
    m_server = std::make_unique<TestServer>();
    m_server->setClock(m_clock.clock());
    QVERIFY(m_server->start());
    m_alice = std::make_unique<RawClient>();
    m_bob = std::make_unique<RawClient>();
    QVERIFY(m_alice->open(m_server->url()));
    QVERIFY(m_bob->open(m_server->url()));
    const auto alice = m_alice->registerUser(u"alice"_s);
    const auto bob = m_bob->registerUser(u"bob"_s);
    QVERIFY(alice && bob);
    m_aliceId = qint64(alice->value(u"user"_s).toObject().value(u"id"_s).toDouble());
    m_bobId = qint64(bob->value(u"user"_s).toObject().value(u"id"_s).toDouble());
}

void TestServerMessaging::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_server.reset();
}

qint64 TestServerMessaging::openPrivate(RawClient &from, qint64 toUser)
{
    const auto reply = from.request(u"create_private"_s, {{u"user_id"_s, toUser}});
    if (!reply || !reply->success)
        return 0;
    return qint64(reply->data.value(u"conversation"_s).toObject().value(u"id"_s).toDouble());
}

void TestServerMessaging::firstMessageByUserCreatesPrivateConversation()
{
    const auto reply =
        m_alice->request(u"message"_s,
                         {{u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                          {u"to"_s, m_bobId},
                          {u"content"_s, u"hi bob"_s}});
    QVERIFY(reply && reply->success);
    const auto message = Protocol::MessageReply::fromJson(reply->data);
    QVERIFY(message);
    QCOMPARE(message->message.seq, 1);
    QCOMPARE(message->message.senderId, m_aliceId);
    const auto updated = m_bob->waitForPush(u"conversation_updated"_s);
    QVERIFY(updated);
    const auto pushed = m_bob->waitForPush(u"new_message"_s);
    QVERIFY(pushed);
    QCOMPARE(Protocol::MessageReply::fromJson(pushed->data)->message, message->message);
    // The same pair always gets the same conversation.
    QCOMPARE(openPrivate(*m_bob, m_aliceId), message->message.conversationId);
}

void TestServerMessaging::ackThenPushToEveryDevice()
{
    RawClient aliceLaptop;
    QVERIFY(aliceLaptop.open(m_server->url()));
    QVERIFY(aliceLaptop.login(u"alice"_s));
    const qint64 conversation = openPrivate(*m_alice, m_bobId);
    QVERIFY(conversation > 0);
    const auto ack = m_alice->request(u"message"_s, textTo(conversation, u"hello"_s));
    QVERIFY(ack && ack->success);
    const auto sent = Protocol::MessageReply::fromJson(ack->data)->message;
    QVERIFY(sent.createdAtMs > 0);
    const auto atBob = m_bob->waitForPush(u"new_message"_s);
    const auto atLaptop = aliceLaptop.waitForPush(u"new_message"_s);
    QVERIFY(atBob && atLaptop);
    QCOMPARE(Protocol::MessageReply::fromJson(atLaptop->data)->message, sent);
    // The sending connection got the ack, not a push of its own message: Bob's answer is
    // pushed to it after anything about Alice's, so it is the first it gets.
    QVERIFY(succeeded(m_bob->request(u"message"_s, textTo(conversation, u"hi back"_s))));
    const auto first = m_alice->waitForPush(u"new_message"_s);
    QVERIFY(first);
    QCOMPARE(first->data.value(u"message"_s).toObject().value(u"content"_s).toString(),
             u"hi back"_s);
}

void TestServerMessaging::resendIsIdempotent()
{
    const qint64 conversation = openPrivate(*m_alice, m_bobId);
    const QUuid id = QUuid::createUuid();
    const auto first = m_alice->request(u"message"_s, textTo(conversation, u"once"_s, id));
    QVERIFY(first && first->success);
    QVERIFY(m_bob->waitForPush(u"new_message"_s));
    const auto again = m_alice->request(u"message"_s, textTo(conversation, u"once"_s, id));
    QVERIFY(again && again->success);
    QCOMPARE(again->data, first->data);
    // A later message reaches Bob after anything the resend caused: it must be the next push.
    QVERIFY(succeeded(m_alice->request(u"message"_s, textTo(conversation, u"later"_s))));
    const auto next = m_bob->waitForPush(u"new_message"_s);
    QVERIFY(next);
    QCOMPARE(next->data.value(u"message"_s).toObject().value(u"content"_s).toString(), u"later"_s);
    const auto history = m_bob->request(u"history"_s, {{u"conversation_id"_s, conversation}});
    QVERIFY(history && history->success);
    const auto stored = Protocol::HistoryReply::fromJson(history->data);
    QVERIFY(stored);
    QCOMPARE(stored->messages.size(), 2); // "once" once, and "later"
}

void TestServerMessaging::reusedIdWithOtherContentConflicts()
{
    const qint64 conversation = openPrivate(*m_alice, m_bobId);
    const QUuid id = QUuid::createUuid();
    QVERIFY(m_alice->request(u"message"_s, textTo(conversation, u"one"_s, id))->success);
    const auto clash = m_alice->request(u"message"_s, textTo(conversation, u"two"_s, id));
    QVERIFY(clash && !clash->success);
    QCOMPARE(clash->error.code, ErrorCode::Conflict);
}

void TestServerMessaging::invalidMessagesRejected_data()
{
    QTest::addColumn<QJsonObject>("data");
    QTest::addColumn<int>("code");
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QTest::newRow("empty") << QJsonObject{{u"id"_s, id},
                                          {u"conversation_id"_s, 1},
                                          {u"content"_s, u"   "_s}}
                           << int(ErrorCode::BadRequest);
    QTest::newRow("too long") << QJsonObject{{u"id"_s, id},
                                             {u"conversation_id"_s, 1},
                                             {u"content"_s, QString(5001, u'x')}}
                              << int(ErrorCode::TooLarge);
    QTest::newRow("no id") << QJsonObject{{u"conversation_id"_s, 1}, {u"content"_s, u"x"_s}}
                           << int(ErrorCode::BadRequest);
    QTest::newRow("bad id") << QJsonObject{{u"id"_s, u"nope"_s},
                                           {u"conversation_id"_s, 1},
                                           {u"content"_s, u"x"_s}}
                            << int(ErrorCode::BadRequest);
    QTest::newRow("both targets") << QJsonObject{{u"id"_s, id},
                                                 {u"conversation_id"_s, 1},
                                                 {u"to"_s, 2},
                                                 {u"content"_s, u"x"_s}}
                                  << int(ErrorCode::BadRequest);
    QTest::newRow("string conversation")
        << QJsonObject{{u"id"_s, id}, {u"conversation_id"_s, u"1"_s}, {u"content"_s, u"x"_s}}
        << int(ErrorCode::BadRequest);
    QTest::newRow("system type") << QJsonObject{{u"id"_s, id},
                                                {u"conversation_id"_s, 1},
                                                {u"type"_s, u"system"_s},
                                                {u"content"_s, u"x"_s}}
                                 << int(ErrorCode::BadRequest);
    QTest::newRow("unknown conversation")
        << QJsonObject{{u"id"_s, id}, {u"conversation_id"_s, 999}, {u"content"_s, u"x"_s}}
        << int(ErrorCode::NotFound);
    QTest::newRow("unknown user") << QJsonObject{{u"id"_s, id},
                                                 {u"to"_s, 999},
                                                 {u"content"_s, u"x"_s}}
                                  << int(ErrorCode::NotFound);
}

void TestServerMessaging::invalidMessagesRejected()
{
    QFETCH(QJsonObject, data);
    QFETCH(int, code);
    const auto reply = m_alice->request(u"message"_s, data);
    QVERIFY(reply && !reply->success);
    QCOMPARE(int(reply->error.code), code);
}

void TestServerMessaging::nonMemberCannotReadWriteOrMark()
{
    const qint64 conversation = openPrivate(*m_alice, m_bobId);
    QVERIFY(m_alice->request(u"message"_s, textTo(conversation, u"private"_s))->success);
    RawClient eve;
    QVERIFY(eve.open(m_server->url()));
    QVERIFY(eve.registerUser(u"eve"_s));
    const QList<std::pair<QString, QJsonObject>> attempts{
        {u"history"_s, {{u"conversation_id"_s, conversation}}},
        {u"message"_s, textTo(conversation, u"let me in"_s)},
        {u"read"_s, {{u"conversation_id"_s, conversation}, {u"seq"_s, 1}}},
        {u"delivered"_s, {{u"conversation_id"_s, conversation}, {u"seq"_s, 1}}},
        {u"typing"_s, {{u"conversation_id"_s, conversation}}},
        {u"conversation"_s, {{u"conversation_id"_s, conversation}}},
        {u"add_members"_s, {{u"conversation_id"_s, conversation}, {u"user_ids"_s, QJsonArray{1}}}},
    };
    for (const auto &[type, data] : attempts) {
        const auto reply = eve.request(type, data);
        QVERIFY2(reply && !reply->success, qPrintable(type));
        // The same answer as for a conversation that does not exist.
        QCOMPARE(reply->error.code, ErrorCode::NotFound);
    }
    const auto sync = eve.request(u"sync"_s, {});
    QVERIFY(sync && sync->success);
    QVERIFY(Protocol::SyncReply::fromJson(sync->data)->messages.isEmpty());
}

void TestServerMessaging::historyPagesBackwards()
{
    const qint64 conversation = openPrivate(*m_alice, m_bobId);
    for (int i = 1; i <= 25; ++i)
        QVERIFY(m_alice->request(u"message"_s, textTo(conversation, u"m%1"_s.arg(i)))->success);
    auto page =
        m_bob->request(u"history"_s, {{u"conversation_id"_s, conversation}, {u"limit"_s, 10}});
    QVERIFY(page && page->success);
    auto reply = *Protocol::HistoryReply::fromJson(page->data);
    QCOMPARE(reply.messages.size(), 10);
    QCOMPARE(reply.messages.first().seq, 16);
    QCOMPARE(reply.messages.last().seq, 25);
    QVERIFY(reply.hasMore);
    QList<Seq> seen;
    Seq before = reply.messages.first().seq;
    for (const Message &m : reply.messages)
        seen.append(m.seq);
    while (reply.hasMore) {
        page = m_bob->request(
            u"history"_s,
            {{u"conversation_id"_s, conversation}, {u"before_seq"_s, before}, {u"limit"_s, 10}});
        QVERIFY(page && page->success);
        reply = *Protocol::HistoryReply::fromJson(page->data);
        QList<Seq> chunk;
        for (const Message &m : reply.messages)
            chunk.append(m.seq);
        seen = chunk + seen;
        before = reply.messages.first().seq;
    }
    QCOMPARE(seen.size(), 25);
    for (int i = 0; i < 25; ++i)
        QCOMPARE(seen.at(i), Seq(i + 1));
    const auto tooMany =
        m_bob->request(u"history"_s, {{u"conversation_id"_s, conversation}, {u"limit"_s, 1000}});
    QVERIFY(tooMany && !tooMany->success);
    QCOMPARE(tooMany->error.code, ErrorCode::BadRequest);
}

void TestServerMessaging::syncReturnsEverythingMissedOnce()
{
    const qint64 conversation = openPrivate(*m_alice, m_bobId);
    QVERIFY(m_alice->request(u"message"_s, textTo(conversation, u"before"_s))->success);
    m_bob->close();
    for (int i = 0; i < 7; ++i)
        QVERIFY(
            m_alice->request(u"message"_s, textTo(conversation, u"missed %1"_s.arg(i)))->success);
    RawClient bob;
    QVERIFY(bob.open(m_server->url()));
    QVERIFY(bob.login(u"bob"_s));
    Protocol::SyncRequest request;
    request.positions.insert(conversation, 1);
    const auto reply = bob.request(u"sync"_s, request.toJson());
    QVERIFY(reply && reply->success);
    const auto sync = *Protocol::SyncReply::fromJson(reply->data);
    QCOMPARE(sync.messages.size(), 7);
    for (int i = 0; i < 7; ++i)
        QCOMPARE(sync.messages.at(i).seq, Seq(i + 2));
    QVERIFY(!sync.hasMore);
    QCOMPARE(sync.conversations.size(), 1);
    QCOMPARE(sync.conversations.first().lastSeq, 8);
    // Caught up: nothing more.
    request.positions.insert(conversation, 8);
    const auto again = bob.request(u"sync"_s, request.toJson());
    QVERIFY(Protocol::SyncReply::fromJson(again->data)->messages.isEmpty());
}

void TestServerMessaging::syncPagesWithHasMore()
{
    const qint64 conversation = openPrivate(*m_alice, m_bobId);
    for (int i = 0; i < 12; ++i)
        QVERIFY(m_alice->request(u"message"_s, textTo(conversation, u"n%1"_s.arg(i)))->success);
    Protocol::SyncRequest request;
    request.limit = 5;
    QList<Seq> seqs;
    for (int round = 0; round < 10; ++round) {
        const auto reply = m_bob->request(u"sync"_s, request.toJson());
        QVERIFY(reply && reply->success);
        const auto sync = *Protocol::SyncReply::fromJson(reply->data);
        QVERIFY(sync.messages.size() <= 5);
        for (const Message &m : sync.messages) {
            seqs.append(m.seq);
            request.positions.insert(m.conversationId, m.seq);
        }
        if (!sync.hasMore)
            break;
    }
    QCOMPARE(seqs.size(), 12);
    for (int i = 0; i < 12; ++i)
        QCOMPARE(seqs.at(i), Seq(i + 1));
}

void TestServerMessaging::limitedPageIsSplitByBytes()
{
    Server::ServerConfig config = TestServer::defaultConfig();
    config.limits.syncGapLimit = 5;
    config.limits.syncPageBytes = 2000; // far less than the page below
    TestServer server(config);
    QVERIFY(server.start());
    RawClient alice;
    RawClient bob;
    QVERIFY(alice.open(server.url()) && bob.open(server.url()));
    QVERIFY(alice.registerUser(u"alice"_s));
    const auto b = bob.registerUser(u"bob"_s);
    const qint64 bobId = qint64(b->value(u"user"_s).toObject().value(u"id"_s).toDouble());
    const auto created = alice.request(u"create_private"_s, {{u"user_id"_s, bobId}});
    const qint64 conversation =
        qint64(created->data.value(u"conversation"_s).toObject().value(u"id"_s).toDouble());
    for (int i = 0; i < 20; ++i)
        QVERIFY(
            alice.request(u"message"_s, textTo(conversation, QString(500, QChar(u'a' + i % 26))))
                ->success);
    // Issue 16 changed this: the newest page of a limited conversation used to arrive whole
    // whatever its size; now it is cut by the byte bound like any other page, and the client
    // goes on from where it got to without the conversation being limited again.
    Protocol::SyncRequest request;
    const auto reply = bob.request(u"sync"_s, request.toJson());
    QVERIFY(reply && reply->success);
    const auto sync = *Protocol::SyncReply::fromJson(reply->data);
    QCOMPARE(sync.limited, QList<ConversationId>{conversation});
    QVERIFY(!sync.messages.isEmpty());
    QVERIFY(sync.messages.size() < 5); // the newest page holds at most the gap limit
    QCOMPARE(sync.messages.first().seq, 16); // it starts the newest page
    QVERIFY(sync.hasMore);
    QList<Seq> seqs;
    for (const Message &m : sync.messages)
        seqs.append(m.seq);
    request.positions.insert(conversation, seqs.last());
    request.after = sync.after;
    for (int round = 0; round < 10; ++round) {
        const auto next = bob.request(u"sync"_s, request.toJson());
        QVERIFY(next && next->success);
        const auto page = *Protocol::SyncReply::fromJson(next->data);
        QVERIFY(page.limited.isEmpty());
        for (const Message &m : page.messages)
            seqs.append(m.seq);
        request.positions.insert(conversation, seqs.last());
        request.after = page.after;
        if (!page.hasMore)
            break;
    }
    QCOMPARE(seqs, (QList<Seq>{16, 17, 18, 19, 20})); // the newest page, up to the last seq
}

void TestServerMessaging::receiptsAreMonotonicAndPushed()
{
    const qint64 conversation = openPrivate(*m_alice, m_bobId);
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_alice->request(u"message"_s, textTo(conversation, u"r%1"_s.arg(i)))->success);
    auto reply = m_bob->request(u"read"_s, {{u"conversation_id"_s, conversation}, {u"seq"_s, 2}});
    QVERIFY(reply && reply->success);
    QCOMPARE(reply->data.value(u"seq"_s).toInt(), 2);
    auto push = m_alice->waitForPush(u"receipt"_s);
    while (push && push->data.value(u"kind"_s).toString() != "read"_L1)
        push = m_alice->waitForPush(u"receipt"_s);
    QVERIFY(push);
    QCOMPARE(push->data.value(u"seq"_s).toInt(), 2);
    QCOMPARE(qint64(push->data.value(u"user_id"_s).toDouble()), m_bobId);
    // Lower is a no-op that reports the current position and pushes nothing.
    m_alice->pushes.clear();
    reply = m_bob->request(u"read"_s, {{u"conversation_id"_s, conversation}, {u"seq"_s, 1}});
    QVERIFY(reply && reply->success);
    QCOMPARE(reply->data.value(u"seq"_s).toInt(), 2);
    // Past the last seq is rejected.
    reply = m_bob->request(u"read"_s, {{u"conversation_id"_s, conversation}, {u"seq"_s, 4}});
    QVERIFY(reply && !reply->success);
    QCOMPARE(reply->error.code, ErrorCode::BadRequest);
    // The unread count follows the read position.
    const auto list = m_bob->request(u"conversations"_s);
    QVERIFY(list && list->success);
    const auto summaries = list->data.value(u"conversations"_s).toArray();
    QCOMPARE(summaries.size(), 1);
    QCOMPARE(summaries.first().toObject().value(u"unread_count"_s).toInt(), 1);
    // Neither the lower read nor the rejected one pushed a receipt: Bob's message now reaches
    // Alice after anything they caused, and no receipt came before it.
    QVERIFY(succeeded(m_bob->request(u"message"_s, textTo(conversation, u"barrier"_s))));
    QVERIFY(m_alice->waitForPush(u"new_message"_s));
    QVERIFY(std::none_of(m_alice->pushes.cbegin(), m_alice->pushes.cend(),
                         [](const Protocol::ServerFrame &f) { return f.type == u"receipt"_s; }));
}

void TestServerMessaging::deliveredReceiptsPushed()
{
    const qint64 conversation = openPrivate(*m_alice, m_bobId);
    QVERIFY(m_alice->request(u"message"_s, textTo(conversation, u"d"_s))->success);
    const auto reply =
        m_bob->request(u"delivered"_s, {{u"conversation_id"_s, conversation}, {u"seq"_s, 1}});
    QVERIFY(reply && reply->success);
    const auto push = m_alice->waitForPush(u"receipt"_s);
    QVERIFY(push);
    QCOMPARE(push->data.value(u"kind"_s).toString(), u"delivered"_s);
}

void TestServerMessaging::messageRateIsLimited()
{
    const qint64 conversation = openPrivate(*m_alice, m_bobId);
    const Server::ServerLimits &limits = m_server->config().limits;
    const int burst = int(limits.messageBurst);
    int accepted = 0;
    int limited = 0;
    for (int i = 0; i < burst + 10; ++i)
        m_alice->sendText(Protocol::encodeRequest(u"message"_s, u"m%1"_s.arg(i),
                                                  textTo(conversation, u"flood"_s)));
    for (int i = 0; i < burst + 10; ++i) {
        const auto reply = m_alice->nextResponse();
        QVERIFY(reply);
        if (reply->success) {
            ++accepted;
            continue;
        }
        QCOMPARE(reply->error.code, ErrorCode::RateLimited);
        QVERIFY(reply->error.retryAfterMs > 0);
        ++limited;
    }
    // The clock stands still: the whole burst is taken, and nothing more.
    QCOMPARE(accepted, burst);
    QCOMPARE(limited, 10);
    // The bucket refills with time: one message's worth later, one more goes through.
    m_clock.advance(qint64(std::ceil(1000.0 / limits.messagesPerSecond)));
    const auto refilled = m_alice->request(u"message"_s, textTo(conversation, u"again"_s));
    QVERIFY(refilled && refilled->success);
    const auto empty = m_alice->request(u"message"_s, textTo(conversation, u"and again"_s));
    QVERIFY(empty && !empty->success);
    QCOMPARE(empty->error.code, ErrorCode::RateLimited);
}

void TestServerMessaging::blockedUserCannotMessage()
{
    const qint64 conversation = openPrivate(*m_alice, m_bobId);
    QVERIFY(m_bob->request(u"block"_s, {{u"user_id"_s, m_aliceId}})->success);
    const auto reply = m_alice->request(u"message"_s, textTo(conversation, u"can you hear me"_s));
    QVERIFY(reply && !reply->success);
    QCOMPARE(reply->error.code, ErrorCode::Blocked);
    QVERIFY(m_bob->request(u"unblock"_s, {{u"user_id"_s, m_aliceId}})->success);
    QVERIFY(m_alice->request(u"message"_s, textTo(conversation, u"now?"_s))->success);
}

void TestServerMessaging::messagesSurviveRestart()
{
    const qint64 conversation = openPrivate(*m_alice, m_bobId);
    QVERIFY(m_alice->request(u"message"_s, textTo(conversation, u"durable"_s))->success);
    m_alice.reset();
    m_bob.reset();
    QVERIFY(m_server->restart());
    RawClient bob;
    QVERIFY(bob.open(m_server->url()));
    QVERIFY(bob.login(u"bob"_s));
    const auto history = bob.request(u"history"_s, {{u"conversation_id"_s, conversation}});
    QVERIFY(history && history->success);
    const auto messages = Protocol::HistoryReply::fromJson(history->data)->messages;
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().content, u"durable"_s);
}

QTEST_GUILESS_MAIN(TestServerMessaging)
#include "tst_servermessaging.moc"
