// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Argon2id through libsodium: PHC strings, rehash detection, the dummy verify, the input cap
// and the asynchronous calls.
#include "auth/passwordhasher.h"
#include <banter/domain/user.h>

#include <QFuture>
#include <QTest>

using namespace Banter;
using namespace Banter::Server;
using namespace Qt::StringLiterals;

namespace {
// The cheapest parameters libsodium accepts: tests stay fast.
constexpr PasswordParams Cheap{8, 1};
} // namespace

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void saltedHashesDiffer();
    void rejectsMalformedStoredHashes_data();
    void rejectsMalformedStoredHashes();
    void productionDefaults();
    void parametersRaisedToLibsodiumMinimum();
    void needsRehashWhenParametersChange();
    void dummyVerifyIsAlwaysFalse();
    void longPasswordRejected();
    void asyncCalls();
    void checkAsyncRehashesOutdatedHashes();
    void concurrentAsyncWork();
};

void TestPasswordHasher::roundTrip()
{
    const PasswordHasher hasher(Cheap);
    const Result<QString> hash = hasher.hash(u"correct horse"_s);
    QVERIFY(hash);
    QVERIFY2(hash->startsWith("$argon2id$v=19$m=8,t=1,p=1$"_L1), qPrintable(*hash));
    QVERIFY(hasher.verify(u"correct horse"_s, *hash));
    QVERIFY(!hasher.verify(u"correct horsE"_s, *hash));
    QVERIFY(!hasher.verify(u"correct horse "_s, *hash));
    QVERIFY(!hasher.verify(QString(), *hash));
    // Non-ASCII passwords hash as UTF-8.
    const Result<QString> unicode = hasher.hash(u"пароль密码🔑"_s);
    QVERIFY(unicode);
    QVERIFY(hasher.verify(u"пароль密码🔑"_s, *unicode));
    QVERIFY(!hasher.verify(u"пароль密码"_s, *unicode));
}

void TestPasswordHasher::saltedHashesDiffer()
{
    const PasswordHasher hasher(Cheap);
    const QString a = *hasher.hash(u"same password"_s);
    const QString b = *hasher.hash(u"same password"_s);
    QVERIFY(a != b);
    QVERIFY(hasher.verify(u"same password"_s, a));
    QVERIFY(hasher.verify(u"same password"_s, b));
}

void TestPasswordHasher::rejectsMalformedStoredHashes_data()
{
    QTest::addColumn<QString>("stored");
    QTest::newRow("empty") << QString();
    QTest::newRow("garbage") << u"garbage"_s;
    QTest::newRow("bcrypt") << u"$2b$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234"_s;
    QTest::newRow("oversized") << u"$argon2id$v=19$m=8,t=1,p=1$"_s + QString(500, u'A');
    QTest::newRow("truncated") << u"$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ"_s;
}

void TestPasswordHasher::rejectsMalformedStoredHashes()
{
    QFETCH(QString, stored);
    const PasswordHasher hasher(Cheap);
    QVERIFY(!hasher.verify(u"correct horse"_s, stored));
    QVERIFY(hasher.needsRehash(stored));
}

void TestPasswordHasher::productionDefaults()
{
    // OWASP's minimum for Argon2id: 19 MiB, two passes, one lane.
    QCOMPARE(PasswordParams{}.memoryKiB, quint64(19 * 1024));
    QCOMPARE(PasswordParams{}.iterations, quint64(2));
    const PasswordHasher hasher;
    QCOMPARE(hasher.params().memoryKiB, quint64(19 * 1024));
    const Result<QString> hash = hasher.hash(u"correct horse"_s);
    QVERIFY(hash);
    QVERIFY2(hash->startsWith("$argon2id$v=19$m=19456,t=2,p=1$"_L1), qPrintable(*hash));
    QVERIFY(hasher.verify(u"correct horse"_s, *hash));
}

void TestPasswordHasher::parametersRaisedToLibsodiumMinimum()
{
    const PasswordHasher hasher({0, 0});
    QCOMPARE(hasher.params().memoryKiB, quint64(8));
    QCOMPARE(hasher.params().iterations, quint64(1));
    QVERIFY(hasher.hash(u"correct horse"_s));
}

void TestPasswordHasher::needsRehashWhenParametersChange()
{
    const PasswordHasher weak(Cheap);
    const PasswordHasher moreMemory({16, 1});
    const PasswordHasher morePasses({8, 2});
    const QString hash = *weak.hash(u"pw pw pw pw"_s);
    QVERIFY(!weak.needsRehash(hash));
    QVERIFY(moreMemory.needsRehash(hash));
    QVERIFY(morePasses.needsRehash(hash));
    QVERIFY(moreMemory.verify(u"pw pw pw pw"_s, hash)); // old hashes still verify
    QVERIFY(!moreMemory.needsRehash(*moreMemory.hash(u"pw pw pw pw"_s)));
}

void TestPasswordHasher::dummyVerifyIsAlwaysFalse()
{
    const PasswordHasher hasher(Cheap);
    QVERIFY(!hasher.dummyVerify(u"anything"_s));
    QVERIFY(!hasher.dummyVerify(QString()));
    QVERIFY(!hasher.dummyVerify(u"not a real password"_s));
    QVERIFY(!hasher.dummyVerify(QString(UserRules::MaxPasswordBytes, u'x')));
}

void TestPasswordHasher::longPasswordRejected()
{
    const PasswordHasher hasher(Cheap);
    QVERIFY(hasher.hash(QString(UserRules::MaxPasswordBytes, u'p')));
    const Result<QString> ascii = hasher.hash(QString(UserRules::MaxPasswordBytes + 1, u'p'));
    QVERIFY(!ascii);
    QCOMPARE(ascii.error().code, ErrorCode::TooLarge);
    // The cap is on UTF-8 bytes, not characters: 342 euro signs are 1026 bytes.
    const Result<QString> euros = hasher.hash(QString(342, u'€'));
    QVERIFY(!euros);
    QCOMPARE(euros.error().code, ErrorCode::TooLarge);
    // And a password past the cap never verifies, whatever is stored.
    const QString stored = *hasher.hash(QString(UserRules::MaxPasswordBytes, u'p'));
    QVERIFY(!hasher.verify(QString(UserRules::MaxPasswordBytes, u'p') + u'p', stored));
}

void TestPasswordHasher::asyncCalls()
{
    const PasswordHasher hasher(Cheap);
    QFuture<Result<QString>> hashed = hasher.hashAsync(u"correct horse"_s);
    const Result<QString> hash = hashed.result();
    QVERIFY(hash);
    QVERIFY(hasher.verifyAsync(u"correct horse"_s, *hash).result());
    QVERIFY(!hasher.verifyAsync(u"wrong horse"_s, *hash).result());
    QCOMPARE(hasher.hashAsync(QString(2000, u'p')).result().error().code, ErrorCode::TooLarge);

    const PasswordCheck right = hasher.checkAsync(u"correct horse"_s, *hash).result();
    QVERIFY(right.ok);
    QVERIFY(right.rehash.isEmpty()); // made with the current parameters
    const PasswordCheck wrong = hasher.checkAsync(u"wrong horse"_s, *hash).result();
    QVERIFY(!wrong.ok);
    const PasswordCheck noAccount = hasher.checkAsync(u"correct horse"_s, std::nullopt).result();
    QVERIFY(!noAccount.ok);
    QVERIFY(noAccount.rehash.isEmpty());
}

void TestPasswordHasher::checkAsyncRehashesOutdatedHashes()
{
    const PasswordHasher old(Cheap);
    const PasswordHasher current({16, 2});
    const QString stored = *old.hash(u"correct horse"_s);

    const PasswordCheck wrong = current.checkAsync(u"wrong horse"_s, stored).result();
    QVERIFY(!wrong.ok);
    QVERIFY(wrong.rehash.isEmpty()); // never rehash on a failed check

    const PasswordCheck right = current.checkAsync(u"correct horse"_s, stored).result();
    QVERIFY(right.ok);
    QVERIFY(!right.rehash.isEmpty());
    QVERIFY(right.rehash.startsWith("$argon2id$v=19$m=16,t=2,p=1$"_L1));
    QVERIFY(current.verify(u"correct horse"_s, right.rehash));
    QVERIFY(!current.needsRehash(right.rehash));
}

void TestPasswordHasher::concurrentAsyncWork()
{
    const PasswordHasher hasher(Cheap);
    QList<QFuture<Result<QString>>> futures;
    for (int i = 0; i < 8; ++i)
        futures.append(hasher.hashAsync(u"password %1"_s.arg(i)));
    for (int i = 0; i < futures.size(); ++i) {
        const Result<QString> hash = futures[i].result();
        QVERIFY(hash);
        QVERIFY(hasher.verify(u"password %1"_s.arg(i), *hash));
        QVERIFY(!hasher.verify(u"password %1"_s.arg(i + 1), *hash));
    }
}

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
