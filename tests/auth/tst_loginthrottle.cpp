// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Attempt limits: the sliding window, forgiving successes, bounded memory, the address
// buckets they count by, the per-account delay, the places for password checks, and which
// address a connection behind a proxy is counted by.
#include "auth/accountbackoff.h"
#include "auth/addressbucket.h"
#include "auth/checkadmission.h"
#include "auth/loginthrottle.h"
#include "net/clientaddress.h"

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
    void accountDelayGrowsButStaysShort();
    void accountDelayForgottenAndSwept();
    void checkPlacesPerAccountAndAddress();
    void clientAddress_data();
    void clientAddress();
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

void TestLoginThrottle::accountDelayGrowsButStaysShort()
{
    AccountBackoff backoff(3, 8000, 60'000);
    qint64 now = 1000;
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(backoff.retryAfter(u"a"_s, now), 0);
        backoff.record(u"a"_s, now);
    }
    // 1 s, 2 s, 4 s, then never more than the cap.
    for (const qint64 expected : {1000, 2000, 4000, 8000, 8000, 8000}) {
        QCOMPARE(backoff.retryAfter(u"a"_s, now), expected);
        QCOMPARE(backoff.retryAfter(u"a"_s, now + expected - 1), 1);
        now += expected;
        QCOMPARE(backoff.retryAfter(u"a"_s, now), 0);
        backoff.record(u"a"_s, now);
    }
    QCOMPARE(backoff.retryAfter(u"b"_s, now), 0); // accounts are separate
    backoff.reset(u"a"_s);
    QCOMPARE(backoff.retryAfter(u"a"_s, now), 0);
    AccountBackoff off(0, 8000, 60'000);
    for (int i = 0; i < 50; ++i)
        off.record(u"a"_s, i);
    QCOMPARE(off.retryAfter(u"a"_s, 50), 0);
    QCOMPARE(off.trackedKeys(), 0);
}

void TestLoginThrottle::accountDelayForgottenAndSwept()
{
    AccountBackoff backoff(1, 10'000, 1000);
    backoff.record(u"a"_s, 0);
    QVERIFY(backoff.retryAfter(u"a"_s, 10) > 0);
    QCOMPARE(backoff.retryAfter(u"a"_s, 1000), 0); // quiet for the window: starts over
    // Guessing thousands of names does not grow the table for good.
    for (int i = 0; i < 3000; ++i)
        backoff.record(u"old%1"_s.arg(i), 0);
    for (int i = 0; i < 3000; ++i)
        backoff.record(u"new%1"_s.arg(i), 5000);
    QVERIFY2(backoff.trackedKeys() <= 3000, qPrintable(QString::number(backoff.trackedKeys())));
}

void TestLoginThrottle::checkPlacesPerAccountAndAddress()
{
    using R = CheckAdmission::Refusal;
    CheckAdmission admission(4, 2, 2);
    R why = R::None;
    auto a1 = admission.admit(u"alice"_s, u"192.0.2.1"_s, &why);
    auto a2 = admission.admit(u"alice"_s, u"192.0.2.2"_s, &why);
    QVERIFY(a1 && a2);
    QVERIFY(!admission.admit(u"alice"_s, u"192.0.2.3"_s, &why));
    QCOMPARE(why, R::Account);
    auto b1 = admission.admit(u"bob"_s, u"192.0.2.1"_s, &why);
    QVERIFY(b1);
    QVERIFY(!admission.admit(u"carol"_s, u"192.0.2.1"_s, &why));
    QCOMPARE(why, R::Address);
    auto d1 = admission.admit(u"dave"_s, u"192.0.2.9"_s, &why);
    QVERIFY(d1);
    QVERIFY(!admission.admit(u"erin"_s, u"192.0.2.10"_s, &why));
    QCOMPARE(why, R::Server);
    QCOMPARE(admission.pending(), 4);
    // Places come back when their slots go.
    a1.reset();
    QVERIFY(admission.admit(u"alice"_s, u"192.0.2.1"_s, &why));
    QCOMPARE(admission.pending(), 3); // the temporary slot above is gone again
    a2.reset();
    b1.reset();
    d1.reset();
    QCOMPARE(admission.pending(), 0);
    // An empty key limits nothing of its own.
    std::vector<std::shared_ptr<CheckAdmission::Slot>> held;
    for (int i = 0; i < 4; ++i)
        held.push_back(admission.admit(u"#%1"_s.arg(i), QString()));
    QVERIFY(std::all_of(held.cbegin(), held.cend(), [](const auto &s) { return s != nullptr; }));
}

void TestLoginThrottle::clientAddress_data()
{
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QByteArray>("forwardedFor");
    QTest::addColumn<QString>("client");
    QTest::newRow("untrusted peer's claim") << u"192.0.2.9"_s << "203.0.113.1"_ba << u"192.0.2.9"_s;
    QTest::newRow("trusted proxy") << u"10.0.0.2"_s << "203.0.113.1"_ba << u"203.0.113.1"_s;
    QTest::newRow("no header") << u"10.0.0.2"_s << QByteArray() << u"10.0.0.2"_s;
    QTest::newRow("spoofed hop left of the real one")
        << u"10.0.0.2"_s << "198.51.100.7, 203.0.113.1"_ba << u"203.0.113.1"_s;
    QTest::newRow("chain of trusted proxies")
        << u"10.0.0.2"_s << "203.0.113.1, 10.0.0.3"_ba << u"203.0.113.1"_s;
    QTest::newRow("garbage after the client")
        << u"10.0.0.2"_s << "203.0.113.1, nonsense"_ba << u"10.0.0.2"_s;
    QTest::newRow("only proxies") << u"10.0.0.2"_s << "10.0.0.4, 10.0.0.3"_ba << u"10.0.0.4"_s;
    QTest::newRow("mapped peer") << u"::ffff:10.0.0.2"_s << "2001:db8::1"_ba << u"2001:db8::1"_s;
    QTest::newRow("ipv6 proxy") << u"::1"_s << "203.0.113.1"_ba << u"203.0.113.1"_s;
}

void TestLoginThrottle::clientAddress()
{
    QFETCH(QString, peer);
    QFETCH(QByteArray, forwardedFor);
    QFETCH(QString, client);
    const Banter::Result<QList<Subnet>> proxies = parseSubnets({u"10.0.0.0/8"_s, u"::1"_s});
    QVERIFY(proxies);
    QCOMPARE(resolveClientAddress(QHostAddress(peer), forwardedFor, *proxies),
             QHostAddress(client));
}

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
