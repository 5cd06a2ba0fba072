// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Opaque refresh tokens: 32 random bytes in base64url, stored as SHA-256, strictly shaped.
#include "auth/refreshtoken.h"

#include <QSet>
#include <QTest>

using namespace Banter::Server;
using namespace Qt::StringLiterals;

class TestRefreshToken : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generated();
    void hashIsSha256();
    void malformedRefused_data();
    void malformedRefused();
};

void TestRefreshToken::generated()
{
    QSet<QString> seen;
    for (int i = 0; i < 200; ++i) {
        const QString token = RefreshToken::generate();
        QCOMPARE(token.size(), 43); // 256 bits, no padding
        QVERIFY2(RefreshToken::isWellFormed(token), qPrintable(token));
        QVERIFY(!token.contains(u'=') && !token.contains(u'+') && !token.contains(u'/'));
        seen.insert(token);
    }
    QCOMPARE(seen.size(), 200);
}

void TestRefreshToken::hashIsSha256()
{
    // bytes 0..31 in base64url; the digest from Python's hashlib.sha256.
    const QString token = u"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"_s;
    QVERIFY(RefreshToken::isWellFormed(token));
    QCOMPARE(RefreshToken::hash(token).toHex(),
             "ea866a757e4c38babfa8127cbe9a409d3e1f93a00ff1488ff735fcf917afffd0"_ba);
    QVERIFY(RefreshToken::hash(token) != RefreshToken::hash(RefreshToken::generate()));
}

void TestRefreshToken::malformedRefused_data()
{
    QTest::addColumn<QString>("token");
    const QString good = u"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("short") << good.chopped(1);
    QTest::newRow("long") << good + u'A';
    QTest::newRow("padded") << good + u'=';
    QTest::newRow("standard alphabet") << good.chopped(2) + u"+/"_s;
    QTest::newRow("non-canonical end")
        << good.chopped(1) + u'9'; // '8' and '9' differ in unused bits
    QTest::newRow("space") << good.chopped(1) + u' ';
    QTest::newRow("non-latin1") << good.chopped(1) + u'é';
    QTest::newRow("a jwt") << u"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.x"_s;
}

void TestRefreshToken::malformedRefused()
{
    QFETCH(QString, token);
    QVERIFY(!RefreshToken::isWellFormed(token));
}

QTEST_GUILESS_MAIN(TestRefreshToken)
#include "tst_refreshtoken.moc"
