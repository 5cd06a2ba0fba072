// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The pure parts of ClientSession: backoff with jitter, seq positions, the outbox.
#include <banter/client/backoff.h>
#include <banter/client/outbox.h>
#include <banter/client/syncpositions.h>

#include <QTest>

using namespace Banter;
using namespace Qt::StringLiterals;

class TestClientLogic : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backoffGrowsToCap();
    void backoffJitterStaysInBounds();
    void backoffResets();
    void positionsDeliverDropAndDetectGaps_data();
    void positionsDeliverDropAndDetectGaps();
    void positionsNeverMoveBack();
    void outboxKeepsOrderAndResendsAfterLoss();
    void outboxResolvesOnce();
    void outboxFailAll();
};

void TestClientLogic::backoffGrowsToCap()
{
    Backoff backoff(100, 1000, [] { return 0.999999; });
    QList<int> delays;
    for (int i = 0; i < 6; ++i)
        delays.append(backoff.nextDelayMs());
    QCOMPARE(delays, (QList<int>{99, 199, 399, 799, 999, 999}));
}

void TestClientLogic::backoffJitterStaysInBounds()
{
    double r = 0;
    Backoff backoff(100, 10'000, [&r] { return r; });
    for (int i = 0; i < 20; ++i) {
        r = (i % 5) / 5.0;
        const int ceiling = backoff.ceilingMs();
        const int delay = backoff.nextDelayMs();
        QVERIFY(delay >= 0);
        QVERIFY(delay < ceiling || ceiling == 0);
    }
    Backoff real(100, 400);
    for (int i = 0; i < 100; ++i) {
        const int delay = real.nextDelayMs();
        QVERIFY(delay >= 0 && delay <= 400);
    }
}

void TestClientLogic::backoffResets()
{
    Backoff backoff(100, 1000, [] { return 0.5; });
    backoff.nextDelayMs();
    backoff.nextDelayMs();
    QCOMPARE(backoff.attempt(), 2);
    backoff.reset();
    QCOMPARE(backoff.nextDelayMs(), 50);
}

void TestClientLogic::positionsDeliverDropAndDetectGaps_data()
{
    QTest::addColumn<qint64>("known");
    QTest::addColumn<qint64>("incoming");
    QTest::addColumn<int>("verdict");
    QTest::newRow("next") << qint64(4) << qint64(5) << int(SyncPositions::Verdict::Deliver);
    QTest::newRow("first") << qint64(0) << qint64(1) << int(SyncPositions::Verdict::Deliver);
    QTest::newRow("same") << qint64(4) << qint64(4) << int(SyncPositions::Verdict::Duplicate);
    QTest::newRow("older") << qint64(4) << qint64(2) << int(SyncPositions::Verdict::Duplicate);
    QTest::newRow("gap") << qint64(4) << qint64(6) << int(SyncPositions::Verdict::Gap);
    QTest::newRow("unknown conversation mid-stream")
        << qint64(0) << qint64(9) << int(SyncPositions::Verdict::Gap);
}

void TestClientLogic::positionsDeliverDropAndDetectGaps()
{
    QFETCH(qint64, known);
    QFETCH(qint64, incoming);
    QFETCH(int, verdict);
    SyncPositions positions;
    if (known > 0)
        positions.set(7, known);
    QCOMPARE(int(positions.accept(7, incoming)), verdict);
}

void TestClientLogic::positionsNeverMoveBack()
{
    SyncPositions positions;
    positions.advance(1, 5);
    positions.advance(1, 3);
    QCOMPARE(positions.position(1), 5);
    positions.forget(1);
    QVERIFY(!positions.knows(1));
}

void TestClientLogic::outboxKeepsOrderAndResendsAfterLoss()
{
    Outbox outbox;
    for (int i = 0; i < 3; ++i) {
        Protocol::SendMessageRequest r;
        r.id = QUuid::createUuid();
        r.content = u"m%1"_s.arg(i);
        outbox.add(r, i);
    }
    auto unsent = outbox.unsent();
    QCOMPARE(unsent.size(), 3);
    QCOMPARE(unsent[0]->request.content, u"m0"_s);
    unsent[0]->rid = u"o1"_s;
    unsent[1]->rid = u"o2"_s;
    QCOMPARE(outbox.unsent().size(), 1);
    outbox.markAllUnsent();
    QCOMPARE(outbox.unsent().size(), 3);
    QCOMPARE(outbox.requests().at(2).content, u"m2"_s);
}

void TestClientLogic::outboxResolvesOnce()
{
    Outbox outbox;
    Protocol::SendMessageRequest r;
    r.id = QUuid::createUuid();
    auto future = outbox.add(r, 0);
    outbox.unsent().first()->rid = u"o9"_s;
    Message m;
    m.id = r.id;
    m.seq = 4;
    outbox.resolve(u"o9"_s, m);
    QVERIFY(future.isFinished());
    QCOMPARE(future.result()->seq, 4);
    QVERIFY(outbox.isEmpty());
    outbox.resolve(u"o9"_s, m); // a late duplicate answer is ignored
    QVERIFY(outbox.isEmpty());
}

void TestClientLogic::outboxFailAll()
{
    Outbox outbox;
    auto a = outbox.add({}, 0);
    auto b = outbox.add({}, 0);
    outbox.failAll(makeError(ErrorCode::InvalidCredentials, u"signed out"_s));
    QVERIFY(a.isFinished() && b.isFinished());
    QCOMPARE(a.result().error().code, ErrorCode::InvalidCredentials);
    QVERIFY(outbox.isEmpty());
}

QTEST_GUILESS_MAIN(TestClientLogic)
#include "tst_clientlogic.moc"
