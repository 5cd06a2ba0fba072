// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Argon2id hashing, HS256 tokens with a pinned algorithm, and the signing key file.
#include "auth/jwtcodec.h"
#include "auth/loginthrottle.h"
#include "auth/passwordhasher.h"
#include "auth/sodium.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Banter;
using namespace Banter::Server;
using namespace Qt::StringLiterals;

class TestAuthPrimitives : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passwordRoundTrip();
    void passwordRehashWhenParametersChange();
    void oversizedPasswordRefused();
    void jwtRoundTrip();
    void jwtRejects_data();
    void jwtRejects();
    void jwtExpiry();
    void knownVector();
    void tokenKeyFile();
    void loginThrottleWindow();
};

void TestAuthPrimitives::passwordRoundTrip()
{
    const PasswordHasher hasher({8, 1});
    const auto hash = hasher.hash(u"correct horse"_s);
    QVERIFY(hash);
    QVERIFY(hash->startsWith("$argon2id$"_L1));
    QVERIFY(hasher.verify(u"correct horse"_s, *hash));
    QVERIFY(!hasher.verify(u"correct horsE"_s, *hash));
    QVERIFY(!hasher.verify(u"correct horse"_s, u"garbage"_s));
    hasher.dummyVerify(u"anything"_s); // must not crash or throw
}

void TestAuthPrimitives::passwordRehashWhenParametersChange()
{
    const PasswordHasher weak({8, 1});
    const PasswordHasher strong({16, 2});
    const QString hash = *weak.hash(u"pw pw pw pw"_s);
    QVERIFY(!weak.needsRehash(hash));
    QVERIFY(strong.needsRehash(hash));
    QVERIFY(strong.verify(u"pw pw pw pw"_s, hash)); // old hashes still verify
    const PasswordHasher defaults;
    QCOMPARE(defaults.params().memoryKiB, quint64(19 * 1024)); // OWASP minimum by default
    QCOMPARE(defaults.params().iterations, quint64(2));
}

void TestAuthPrimitives::oversizedPasswordRefused()
{
    const PasswordHasher hasher({8, 1});
    QCOMPARE(hasher.hash(QString(2000, u'p')).error().code, ErrorCode::TooLarge);
}

void TestAuthPrimitives::jwtRoundTrip()
{
    const JwtCodec codec(randomBytes(32));
    const QString token = codec.sign({5, 9, 1000, 2000});
    const auto claims = codec.verify(token, 1500);
    QVERIFY(claims);
    QCOMPARE(claims->userId, 5);
    QCOMPARE(claims->sessionId, 9);
    QCOMPARE(claims->expiresAt, 2000);
}

void TestAuthPrimitives::jwtRejects_data()
{
    QTest::addColumn<QString>("token");
    const JwtCodec codec(QByteArray(32, 'k'));
    const QString good = codec.sign({5, 9, 1000, 2000});
    const QStringList parts = good.split(u'.');
    const QString noneHeader = QString::fromLatin1(base64Url(R"({"alg":"none","typ":"JWT"})"_ba));
    const QString hs512Header = QString::fromLatin1(base64Url(R"({"alg":"HS512","typ":"JWT"})"_ba));
    const QString otherPayload = QString::fromLatin1(
        base64Url(R"({"sub":6,"sid":9,"iat":1000,"exp":2000,"typ":"access"})"_ba));
    QTest::newRow("alg none") << noneHeader + u'.' + parts[1] + u'.';
    QTest::newRow("alg none with sig") << noneHeader + u'.' + parts[1] + u'.' + parts[2];
    QTest::newRow("hs512 header") << hs512Header + u'.' + parts[1] + u'.' + parts[2];
    QTest::newRow("tampered payload") << parts[0] + u'.' + otherPayload + u'.' + parts[2];
    QTest::newRow("tampered signature")
        << parts[0] + u'.' + parts[1] + u'.' + parts[2].left(parts[2].size() - 2) + u"AA"_s;
    QTest::newRow("two parts") << parts[0] + u'.' + parts[1];
    QTest::newRow("four parts") << good + u".x"_s;
    QTest::newRow("padding") << good + u"="_s;
    QTest::newRow("bad chars") << parts[0] + u'.' + parts[1] + u".+/+/"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("other key") << JwtCodec(QByteArray(32, 'x')).sign({5, 9, 1000, 2000});
}

void TestAuthPrimitives::jwtRejects()
{
    QFETCH(QString, token);
    const JwtCodec codec(QByteArray(32, 'k'));
    const auto claims = codec.verify(token, 1500);
    QVERIFY(!claims);
    QCOMPARE(claims.error().code, ErrorCode::InvalidCredentials);
}

void TestAuthPrimitives::jwtExpiry()
{
    const JwtCodec codec(randomBytes(32));
    const QString token = codec.sign({5, 9, 1000, 2000});
    QCOMPARE(codec.verify(token, 2000).error().code, ErrorCode::TokenExpired);
    QCOMPARE(codec.verify(token, 9999).error().code, ErrorCode::TokenExpired);
}

void TestAuthPrimitives::knownVector()
{
    // Computed independently (Python hmac/hashlib, key = 32 × 'k'):
    // base64url(header).base64url(payload) signed with HMAC-SHA256, so any standard JWT
    // library verifies what banterd issues.
    const JwtCodec codec(QByteArray(32, 'k'));
    const QString token = codec.sign({5, 9, 1000, 2000});
    const QString expected =
        u"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
        u"eyJleHAiOjIwMDAsImlhdCI6MTAwMCwic2lkIjo5LCJzdWIiOjUsInR5cCI6ImFjY2VzcyJ9."
        "PyL5UHMrH-A1yMTjw5HYXy0dR8NMLeD5mCsi3ifWX68"_s;
    QCOMPARE(token, expected);
    QVERIFY(codec.verify(expected, 1500));
}

void TestAuthPrimitives::tokenKeyFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"keys/token.key"_s);
    const auto created = loadOrCreateTokenKey(path);
    QVERIFY(created);
    QCOMPARE(created->size(), 32);
    QCOMPARE(QFile::permissions(path)
                 & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    QCOMPARE(*loadOrCreateTokenKey(path), *created);
    QFile::setPermissions(
        path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    QVERIFY(loadOrCreateTokenKey(path));
    QVERIFY(!(QFile::permissions(path) & QFileDevice::ReadOther)); // tightened again
    QFile damaged(path);
    QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
    damaged.write("short");
    damaged.close();
    QVERIFY(!loadOrCreateTokenKey(path));
}

void TestAuthPrimitives::loginThrottleWindow()
{
    LoginThrottle throttle(3, 1000);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(throttle.retryAfter(u"alice"_s, 100), 0);
        throttle.recordFailure(u"alice"_s, 100 + i);
    }
    QCOMPARE(throttle.retryAfter(u"alice"_s, 200), 900);
    QCOMPARE(throttle.retryAfter(u"bob"_s, 200), 0);
    QCOMPARE(throttle.retryAfter(u"alice"_s, 1101), 0); // the oldest failure left the window
    throttle.reset(u"alice"_s);
    QCOMPARE(throttle.retryAfter(u"alice"_s, 150), 0);
}

QTEST_GUILESS_MAIN(TestAuthPrimitives)
#include "tst_authprimitives.moc"
