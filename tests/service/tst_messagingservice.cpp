// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// MessagingService alone: what a send stores, answers and pushes, and what it refuses.
#include "service/messagingservice.h"
#include "servicetest.h"
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/conversationmessages.h>
#include <banter/protocol/types.h>

#include <QTemporaryDir>
#include <QTest>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;
namespace P = Banter::Protocol;

namespace {
constexpr ConnectionId Origin = 7;

P::SendMessageRequest text(ConversationId conversation, const QString &content)
{
    P::SendMessageRequest request;
    request.id = QUuid::createUuid();
    request.conversationId = conversation;
    request.content = content;
    return request;
}
} // namespace

class TestMessagingService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void sendStoresAnswersAndPushesToTheOthers();
    void resendIsAnsweredAgainButPushedOnce();
    void firstMessageToAUserCreatesTheConversation();
    void nonMemberCannotSend();
    void blockedSenderIsRefused();
    void burstIsLimitedBeforeStorage();
    void lostDatabaseIsUnavailableAndPushesNothing();
    void historyPagesBackwards();
    void syncBringsWhatWasMissed();

private:
    std::unique_ptr<ServiceFixture> m_fixture;
    QTemporaryDir m_files; // no file is stored: these suites send no attachments
    std::unique_ptr<MessagingService> m_service;
    User m_alice;
    User m_bob;
    User m_carol;
};

void TestMessagingService::init()
{
    m_fixture = std::make_unique<ServiceFixture>();
    QVERIFY2(m_fixture->open(), qPrintable(m_fixture->error()));
    m_service = std::make_unique<MessagingService>(m_fixture->context(), FileStore(m_files.path()));
    m_alice = m_fixture->createUser(u"alice"_s);
    m_bob = m_fixture->createUser(u"bob"_s);
    m_carol = m_fixture->createUser(u"carol"_s);
    QVERIFY(m_alice.id > 0 && m_bob.id > 0 && m_carol.id > 0);
}

void TestMessagingService::cleanup()
{
    m_service.reset();
    m_fixture.reset();
}

void TestMessagingService::sendStoresAnswersAndPushesToTheOthers()
{
    const Conversation group = m_fixture->createGroup(m_alice.id, {m_bob.id});
    const P::SendMessageRequest request = text(group.id, u"hello"_s);
    const Result<Message> sent = wait(m_service->send(m_alice.id, Origin, request));
    QVERIFY2(sent, qPrintable(sent ? QString() : describe(sent.error())));
    QCOMPARE(sent->id, request.id);
    QCOMPARE(sent->seq, Seq(1));
    QCOMPARE(sent->senderId, m_alice.id);
    QCOMPARE(sent->createdAtMs, m_fixture->now);

    QCOMPARE(m_fixture->pushes.pushes.size(), 1);
    const RecordedPush push = m_fixture->pushes.pushes.first();
    QCOMPARE(push.type, QString(P::Type::NewMessage));
    QCOMPARE(push.except, Origin); // the sender's connection gets the reply instead
    QCOMPARE(QSet<UserId>(push.users.cbegin(), push.users.cend()),
             QSet<UserId>({m_alice.id, m_bob.id}));
    const Result<P::MessageReply> pushed = P::MessageReply::fromJson(push.data);
    QVERIFY(pushed);
    QCOMPARE(pushed->message.content, u"hello"_s);
    QCOMPARE(pushed->message.seq, Seq(1));

    const Result<QList<Message>> stored = m_fixture->inStorage<QList<Message>>(
        [id = group.id](Repositories &repos) { return repos.messages.after(id, 0, 10); });
    QVERIFY(stored);
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->first().id, request.id);
}

void TestMessagingService::resendIsAnsweredAgainButPushedOnce()
{
    const Conversation group = m_fixture->createGroup(m_alice.id, {m_bob.id});
    const P::SendMessageRequest request = text(group.id, u"once"_s);
    const Result<Message> first = wait(m_service->send(m_alice.id, Origin, request));
    QVERIFY(first);
    const Result<Message> again = wait(m_service->send(m_alice.id, Origin, request));
    QVERIFY(again);
    QCOMPARE(again->seq, first->seq);
    QCOMPARE(again->id, first->id);
    QCOMPARE(m_fixture->pushes.ofType(P::Type::NewMessage).size(), 1);
}

void TestMessagingService::firstMessageToAUserCreatesTheConversation()
{
    P::SendMessageRequest request = text(0, u"hi bob"_s);
    request.to = m_bob.id;
    const Result<Message> sent = wait(m_service->send(m_alice.id, Origin, request));
    QVERIFY2(sent, qPrintable(sent ? QString() : describe(sent.error())));
    QVERIFY(sent->conversationId > 0);

    // Both learn of the conversation before the message that is in it.
    QCOMPARE(m_fixture->pushes.pushes.size(), 2);
    const RecordedPush created = m_fixture->pushes.pushes.at(0);
    QCOMPARE(created.type, QString(P::Type::ConversationUpdated));
    QCOMPARE(created.except, ConnectionId(0));
    const Result<P::ConversationReply> conversation = P::ConversationReply::fromJson(created.data);
    QVERIFY(conversation);
    QCOMPARE(conversation->conversation.id, sent->conversationId);
    QCOMPARE(conversation->conversation.type, ConversationType::Private);
    QCOMPARE(conversation->conversation.participants.size(), 2);
    QCOMPARE(conversation->conversation.lastSeq, sent->seq);
    QCOMPARE(m_fixture->pushes.pushes.at(1).type, QString(P::Type::NewMessage));

    // The next one goes into the same conversation and creates nothing.
    m_fixture->pushes.pushes.clear();
    P::SendMessageRequest second = text(0, u"again"_s);
    second.to = m_bob.id;
    const Result<Message> next = wait(m_service->send(m_alice.id, Origin, second));
    QVERIFY(next);
    QCOMPARE(next->conversationId, sent->conversationId);
    QCOMPARE(next->seq, sent->seq + 1);
    QCOMPARE(m_fixture->pushes.ofType(P::Type::ConversationUpdated).size(), 0);
}

void TestMessagingService::nonMemberCannotSend()
{
    const Conversation group = m_fixture->createGroup(m_alice.id, {m_bob.id});
    const Result<Message> sent = wait(m_service->send(m_carol.id, Origin, text(group.id, u"x"_s)));
    QVERIFY(!sent);
    QCOMPARE(sent.error().code, ErrorCode::NotFound);
    QVERIFY(m_fixture->pushes.pushes.isEmpty());
}

void TestMessagingService::blockedSenderIsRefused()
{
    const qint64 now = m_fixture->now;
    QVERIFY(m_fixture->inStorage<Done>([bob = m_bob.id, alice = m_alice.id, now](Repositories &r) {
        return r.contacts.setBlocked(bob, alice, true, now);
    }));
    P::SendMessageRequest request = text(0, u"let me in"_s);
    request.to = m_bob.id;
    const Result<Message> sent = wait(m_service->send(m_alice.id, Origin, request));
    QVERIFY(!sent);
    QCOMPARE(sent.error().code, ErrorCode::Blocked);
    QVERIFY(m_fixture->pushes.pushes.isEmpty());
}

void TestMessagingService::burstIsLimitedBeforeStorage()
{
    m_fixture->limits.messageBurst = 3;
    m_fixture->limits.messagesPerSecond = 1;
    m_service = std::make_unique<MessagingService>(m_fixture->context(), FileStore(m_files.path()));
    const Conversation group = m_fixture->createGroup(m_alice.id, {m_bob.id});
    for (int i = 0; i < 3; ++i) {
        const Result<Message> sent =
            wait(m_service->send(m_alice.id, Origin, text(group.id, u"m%1"_s.arg(i))));
        QVERIFY2(sent, qPrintable(sent ? QString() : describe(sent.error())));
        QCOMPARE(sent->seq, Seq(i + 1));
    }
    const int jobs = m_fixture->storage.jobCount();
    const Result<Message> limited =
        wait(m_service->send(m_alice.id, Origin, text(group.id, u"one too many"_s)));
    QVERIFY(!limited);
    QCOMPARE(limited.error().code, ErrorCode::RateLimited);
    QVERIFY(limited.error().retryAfterMs > 0);
    QCOMPARE(m_fixture->storage.jobCount(), jobs); // refused without touching storage
    QCOMPARE(m_fixture->pushes.ofType(P::Type::NewMessage).size(), 3);
    // Another user has a bucket of their own.
    QVERIFY(wait(m_service->send(m_bob.id, Origin, text(group.id, u"mine"_s))));
    // Time refills the bucket.
    m_fixture->now += 1000;
    QVERIFY(wait(m_service->send(m_alice.id, Origin, text(group.id, u"later"_s))));
}

void TestMessagingService::lostDatabaseIsUnavailableAndPushesNothing()
{
    const Conversation group = m_fixture->createGroup(m_alice.id, {m_bob.id});
    m_fixture->storage.failNextBatches(1);
    const P::SendMessageRequest request = text(group.id, u"lost"_s);
    const Result<Message> sent = wait(m_service->send(m_alice.id, Origin, request));
    QVERIFY(!sent);
    QCOMPARE(sent.error().code, ErrorCode::Unavailable);
    QVERIFY(m_fixture->pushes.pushes.isEmpty());
    // Nothing was stored: the retry is the first message.
    const Result<Message> retried = wait(m_service->send(m_alice.id, Origin, request));
    QVERIFY(retried);
    QCOMPARE(retried->seq, Seq(1));
}

void TestMessagingService::historyPagesBackwards()
{
    const Conversation group = m_fixture->createGroup(m_alice.id, {m_bob.id});
    for (int i = 1; i <= 5; ++i)
        QVERIFY(wait(m_service->send(m_alice.id, Origin, text(group.id, u"m%1"_s.arg(i)))));
    P::HistoryRequest request;
    request.conversationId = group.id;
    request.limit = 2;
    const Result<P::HistoryReply> newest = wait(m_service->history(m_bob.id, request));
    QVERIFY(newest);
    QCOMPARE(newest->messages.size(), 2);
    QCOMPARE(newest->messages.first().seq, Seq(4));
    QCOMPARE(newest->messages.last().seq, Seq(5));
    QVERIFY(newest->hasMore);
    request.beforeSeq = 2;
    const Result<P::HistoryReply> oldest = wait(m_service->history(m_bob.id, request));
    QVERIFY(oldest);
    QCOMPARE(oldest->messages.size(), 1);
    QCOMPARE(oldest->messages.first().seq, Seq(1));
    QVERIFY(!oldest->hasMore);
    const Result<P::HistoryReply> stranger = wait(m_service->history(m_carol.id, request));
    QVERIFY(!stranger);
    QCOMPARE(stranger.error().code, ErrorCode::NotFound);
}

void TestMessagingService::syncBringsWhatWasMissed()
{
    const Conversation group = m_fixture->createGroup(m_alice.id, {m_bob.id});
    for (int i = 1; i <= 3; ++i)
        QVERIFY(wait(m_service->send(m_alice.id, Origin, text(group.id, u"m%1"_s.arg(i)))));
    P::SyncRequest request;
    request.positions.insert(group.id, 1);
    const Result<P::SyncReply> sync = wait(m_service->sync(m_bob.id, request));
    QVERIFY2(sync, qPrintable(sync ? QString() : describe(sync.error())));
    QCOMPARE(sync->conversations.size(), 1);
    QCOMPARE(sync->conversations.first().id, group.id);
    QCOMPARE(sync->messages.size(), 2);
    QCOMPARE(sync->messages.first().seq, Seq(2));
    QVERIFY(!sync->hasMore);
    // Carol is in nothing.
    const Result<P::SyncReply> empty = wait(m_service->sync(m_carol.id, P::SyncRequest{}));
    QVERIFY(empty);
    QVERIFY(empty->conversations.isEmpty());
}

QTEST_GUILESS_MAIN(TestMessagingService)
#include "tst_messagingservice.moc"
