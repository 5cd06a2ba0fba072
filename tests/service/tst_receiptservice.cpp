// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// ReceiptService alone: positions only rise, read implies delivered, and the pushes skip the
// connection that asked; typing reaches the others and is rate limited.
#include "service/receiptservice.h"
#include "servicetest.h"
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/types.h>

#include <QTest>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;
namespace P = Banter::Protocol;

namespace {
constexpr ConnectionId Origin = 11;
}

class TestReceiptService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void readImpliesDeliveredAndPushesBoth();
    void positionsNeverGoBack();
    void deliveredAloneLeavesReadAlone();
    void seqPastTheEndIsRefused();
    void strangersCannotMark();
    void typingReachesTheOthers();
    void typingIsLimited();

private:
    void appendMessages(int count);

    std::unique_ptr<ServiceFixture> m_fixture;
    std::unique_ptr<ReceiptService> m_service;
    User m_alice;
    User m_bob;
    User m_carol;
    Conversation m_group;
};

void TestReceiptService::init()
{
    m_fixture = std::make_unique<ServiceFixture>();
    QVERIFY2(m_fixture->open(), qPrintable(m_fixture->error()));
    m_service = std::make_unique<ReceiptService>(m_fixture->context());
    m_alice = m_fixture->createUser(u"alice"_s);
    m_bob = m_fixture->createUser(u"bob"_s);
    m_carol = m_fixture->createUser(u"carol"_s);
    m_group = m_fixture->createGroup(m_alice.id, {m_bob.id});
    QVERIFY(m_group.id > 0);
    appendMessages(5);
}

void TestReceiptService::cleanup()
{
    m_service.reset();
    m_fixture.reset();
}

void TestReceiptService::appendMessages(int count)
{
    for (int i = 0; i < count; ++i) {
        Message m;
        m.id = QUuid::createUuid();
        m.conversationId = m_group.id;
        m.senderId = m_alice.id;
        m.content = u"m%1"_s.arg(i);
        m.createdAtMs = m_fixture->now;
        QVERIFY(m_fixture->inStorage<AppendedMessage>(
            [m](Repositories &repos) { return repos.messages.append(m); }));
    }
}

void TestReceiptService::readImpliesDeliveredAndPushesBoth()
{
    const Result<P::ReceiptRequest> read =
        wait(m_service->markRead(m_bob.id, Origin, {m_group.id, 3}));
    QVERIFY2(read, qPrintable(read ? QString() : describe(read.error())));
    QCOMPARE(read->conversationId, m_group.id);
    QCOMPARE(read->seq, Seq(3));

    const auto pushes = m_fixture->pushes.ofType(P::Type::Receipt);
    QCOMPARE(pushes.size(), 2);
    QList<P::ReceiptKind> kinds;
    for (const RecordedPush &push : pushes) {
        QCOMPARE(push.except, Origin);
        QCOMPARE(QSet<UserId>(push.users.cbegin(), push.users.cend()),
                 QSet<UserId>({m_alice.id, m_bob.id}));
        const Result<P::ReceiptPush> receipt = P::ReceiptPush::fromJson(push.data);
        QVERIFY(receipt);
        QCOMPARE(receipt->userId, m_bob.id);
        QCOMPARE(receipt->seq, Seq(3));
        kinds.append(receipt->kind);
    }
    QCOMPARE(kinds, (QList<P::ReceiptKind>{P::ReceiptKind::Delivered, P::ReceiptKind::Read}));

    const Result<Conversation> stored = m_fixture->inStorage<Conversation>(
        [id = m_group.id](Repositories &repos) -> Result<Conversation> {
            Result<std::optional<Conversation>> c = repos.conversations.find(id);
            if (!c)
                return c.error();
            return **c;
        });
    QVERIFY(stored);
    QCOMPARE(stored->participant(m_bob.id)->readSeq, Seq(3));
    QCOMPARE(stored->participant(m_bob.id)->deliveredSeq, Seq(3));
}

void TestReceiptService::positionsNeverGoBack()
{
    QVERIFY(wait(m_service->markRead(m_bob.id, Origin, {m_group.id, 4})));
    m_fixture->pushes.pushes.clear();
    const Result<P::ReceiptRequest> older =
        wait(m_service->markRead(m_bob.id, Origin, {m_group.id, 2}));
    QVERIFY(older);
    QCOMPARE(older->seq, Seq(4)); // the answer is where the member really is
    QVERIFY(m_fixture->pushes.pushes.isEmpty()); // nothing changed, nobody is told
}

void TestReceiptService::deliveredAloneLeavesReadAlone()
{
    const Result<P::ReceiptRequest> delivered =
        wait(m_service->markDelivered(m_bob.id, Origin, {m_group.id, 5}));
    QVERIFY(delivered);
    QCOMPARE(delivered->seq, Seq(5));
    const auto pushes = m_fixture->pushes.ofType(P::Type::Receipt);
    QCOMPARE(pushes.size(), 1);
    const Result<P::ReceiptPush> receipt = P::ReceiptPush::fromJson(pushes.first().data);
    QVERIFY(receipt);
    QCOMPARE(receipt->kind, P::ReceiptKind::Delivered);
}

void TestReceiptService::seqPastTheEndIsRefused()
{
    const Result<P::ReceiptRequest> ahead =
        wait(m_service->markRead(m_bob.id, Origin, {m_group.id, 6}));
    QVERIFY(!ahead);
    QCOMPARE(ahead.error().code, ErrorCode::BadRequest);
    QVERIFY(m_fixture->pushes.pushes.isEmpty());
}

void TestReceiptService::strangersCannotMark()
{
    const Result<P::ReceiptRequest> stranger =
        wait(m_service->markRead(m_carol.id, Origin, {m_group.id, 1}));
    QVERIFY(!stranger);
    QCOMPARE(stranger.error().code, ErrorCode::NotFound);
    QVERIFY(m_fixture->pushes.pushes.isEmpty());
}

void TestReceiptService::typingReachesTheOthers()
{
    QVERIFY(wait(m_service->typing(m_bob.id, {m_group.id, true})));
    const auto pushes = m_fixture->pushes.ofType(P::Type::TypingPush);
    QCOMPARE(pushes.size(), 1);
    QCOMPARE(pushes.first().users, QList<UserId>{m_alice.id});
    const Result<P::TypingPush> typing = P::TypingPush::fromJson(pushes.first().data);
    QVERIFY(typing);
    QCOMPARE(typing->userId, m_bob.id);
    QCOMPARE(typing->conversationId, m_group.id);
    QVERIFY(typing->typing);
    const Result<Done> stranger = wait(m_service->typing(m_carol.id, {m_group.id, true}));
    QVERIFY(!stranger);
    QCOMPARE(stranger.error().code, ErrorCode::NotFound);
}

void TestReceiptService::typingIsLimited()
{
    m_fixture->limits.typingBurst = 2;
    m_fixture->limits.typingPerSecond = 1;
    m_service = std::make_unique<ReceiptService>(m_fixture->context());
    QVERIFY(wait(m_service->typing(m_bob.id, {m_group.id, true})));
    QVERIFY(wait(m_service->typing(m_bob.id, {m_group.id, false})));
    const int jobs = m_fixture->storage.jobCount();
    const Result<Done> limited = wait(m_service->typing(m_bob.id, {m_group.id, true}));
    QVERIFY(!limited);
    QCOMPARE(limited.error().code, ErrorCode::RateLimited);
    QCOMPARE(m_fixture->storage.jobCount(), jobs);
    QCOMPARE(m_fixture->pushes.ofType(P::Type::TypingPush).size(), 2);
    m_fixture->now += 1000;
    QVERIFY(wait(m_service->typing(m_bob.id, {m_group.id, true})));
}

QTEST_GUILESS_MAIN(TestReceiptService)
#include "tst_receiptservice.moc"
