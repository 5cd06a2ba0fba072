// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Attempt limits: the sliding window, forgiving successes, bounded memory, and the address
// buckets they count by.
#include "auth/addressbucket.h"
#include "auth/loginthrottle.h"

#include <QTest>

using namespace Banter::Server;
using namespace Qt::StringLiterals;

class TestLoginThrottle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void slidingWindow();
    void retryAfterCountsFromTheRightAttempt();
    void forgiveTakesBackOneAttempt();
    void resetForgetsTheKey();
    void disabled();
    void expiredKeysAreSwept();
    void addressBuckets_data();
    void addressBuckets();
};

void TestLoginThrottle::slidingWindow()
{
    LoginThrottle throttle(3, 1000);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(throttle.retryAfter(u"alice"_s, 100 + i), 0);
        throttle.record(u"alice"_s, 100 + i);
    }
    QCOMPARE(throttle.retryAfter(u"alice"_s, 200), 900); // until the oldest leaves
    QCOMPARE(throttle.retryAfter(u"bob"_s, 200), 0); // other keys are not affected
    QCOMPARE(throttle.retryAfter(u"alice"_s, 1099), 1);
    QCOMPARE(throttle.retryAfter(u"alice"_s, 1100), 0); // the oldest left the window
    throttle.record(u"alice"_s, 1100);
    QCOMPARE(throttle.retryAfter(u"alice"_s, 1100), 1); // 101 leaves at 1101
    QCOMPARE(throttle.retryAfter(u"alice"_s, 5000), 0);
}

void TestLoginThrottle::retryAfterCountsFromTheRightAttempt()
{
    // Five attempts over a limit of three: the wait lasts until only two remain.
    LoginThrottle throttle(3, 1000);
    for (qint64 t : {0, 10, 20, 30, 40})
        throttle.record(u"k"_s, t);
    QCOMPARE(throttle.retryAfter(u"k"_s, 50), 970); // 20 + 1000 - 50
}

void TestLoginThrottle::forgiveTakesBackOneAttempt()
{
    LoginThrottle throttle(2, 1000);
    throttle.record(u"k"_s, 10);
    throttle.record(u"k"_s, 10);
    QVERIFY(throttle.retryAfter(u"k"_s, 20) > 0);
    throttle.forgive(u"k"_s, 10);
    QCOMPARE(throttle.retryAfter(u"k"_s, 20), 0);
    throttle.record(u"k"_s, 30);
    QVERIFY(throttle.retryAfter(u"k"_s, 40) > 0); // only one was forgiven
    throttle.forgive(u"k"_s, 999); // nothing recorded then: no effect
    QVERIFY(throttle.retryAfter(u"k"_s, 40) > 0);
    throttle.forgive(u"nobody"_s, 10);
    QCOMPARE(throttle.trackedKeys(), 1);
}

void TestLoginThrottle::resetForgetsTheKey()
{
    LoginThrottle throttle(1, 1000);
    throttle.record(u"alice"_s, 100);
    throttle.record(u"bob"_s, 100);
    QVERIFY(throttle.retryAfter(u"alice"_s, 150) > 0);
    throttle.reset(u"alice"_s);
    QCOMPARE(throttle.retryAfter(u"alice"_s, 150), 0);
    QVERIFY(throttle.retryAfter(u"bob"_s, 150) > 0);
}

void TestLoginThrottle::disabled()
{
    LoginThrottle throttle(0, 1000);
    for (int i = 0; i < 100; ++i)
        throttle.record(u"k"_s, i);
    QCOMPARE(throttle.retryAfter(u"k"_s, 100), 0);
    QCOMPARE(throttle.trackedKeys(), 0);
}

void TestLoginThrottle::expiredKeysAreSwept()
{
    // Someone guessing thousands of names must not grow the table for good.
    LoginThrottle throttle(5, 1000);
    for (int i = 0; i < 3000; ++i)
        throttle.record(u"old%1"_s.arg(i), 0);
    QCOMPARE(throttle.trackedKeys(), 3000);
    for (int i = 0; i < 3000; ++i)
        throttle.record(u"new%1"_s.arg(i), 5000);
    QVERIFY2(throttle.trackedKeys() <= 3000, qPrintable(QString::number(throttle.trackedKeys())));
    QVERIFY(throttle.retryAfter(u"new1"_s, 5000) == 0);
}

void TestLoginThrottle::addressBuckets_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("ipv4 itself") << u"192.0.2.7"_s << u"192.0.2.7"_s << true;
    QTest::newRow("ipv4 neighbours") << u"192.0.2.7"_s << u"192.0.2.8"_s << false;
    QTest::newRow("ipv4-mapped") << u"::ffff:192.0.2.7"_s << u"192.0.2.7"_s << true;
    QTest::newRow("same /64") << u"2001:db8:1:2:3:4:5:6"_s << u"2001:db8:1:2:aaaa::1"_s << true;
    QTest::newRow("other /64") << u"2001:db8:1:2::1"_s << u"2001:db8:1:3::1"_s << false;
    QTest::newRow("ipv6 vs ipv4") << u"::1"_s << u"127.0.0.1"_s << false;
    QTest::newRow("unparsable") << u"not an address"_s << u"not an address"_s << true;
    QTest::newRow("empty vs ipv4") << QString() << u"0.0.0.0"_s << false;
}

void TestLoginThrottle::addressBuckets()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(addressBucket(a) == addressBucket(b), same);
    QCOMPARE(addressBucket(u"192.0.2.7"_s), u"192.0.2.7"_s);
    QCOMPARE(addressBucket(u"::ffff:192.0.2.7"_s), u"192.0.2.7"_s);
    QCOMPARE(addressBucket(u"2001:db8:1:2:3:4:5:6"_s), u"2001:db8:1:2::/64"_s);
}

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
