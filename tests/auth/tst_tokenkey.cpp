// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The token signing key file: created 0600 with fresh random bytes, reloaded unchanged,
// permissions tightened, damaged files refused and left alone.
#include "auth/tokenkey.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Banter;
using namespace Banter::Server;
using namespace Qt::StringLiterals;

namespace {
constexpr QFileDevice::Permissions GroupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup
    | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
    | QFileDevice::ExeOther;

bool ownerOnly(const QString &path)
{
    const QFileDevice::Permissions p = QFile::permissions(path);
    return (p & QFileDevice::ReadOwner) && (p & QFileDevice::WriteOwner) && !(p & GroupOrOther)
        && !(p & QFileDevice::ExeOwner);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestTokenKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void createdOwnerOnly();
    void reloadsTheSameKey();
    void freshKeysDiffer();
    void loosePermissionsTightened();
    void wrongSizeRefused_data();
    void wrongSizeRefused();
    void directoryRefused();
    void rawBytesHelper();

private:
    mode_t m_umask = 0;
};

void TestTokenKey::initTestCase()
{
    // With no umask a file gets whatever mode it is created with: only the code under test
    // can keep the key private.
    m_umask = ::umask(0);
}

void TestTokenKey::cleanupTestCase()
{
    ::umask(m_umask);
}

void TestTokenKey::createdOwnerOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"data/keys/token.key"_s); // directories made too
    QVERIFY(!QFile::exists(path));
    const Result<TokenKey> key = TokenKey::loadOrCreate(path);
    QVERIFY2(key, qPrintable(key ? QString() : key.error().message));
    QCOMPARE(key->bytes().size(), TokenKey::Size);
    QVERIFY(QFile::exists(path));
    QVERIFY2(ownerOnly(path), qPrintable(QString::number(int(QFile::permissions(path)), 16)));
    QCOMPARE(readFile(path), key->bytes());
    QVERIFY(key->bytes() != QByteArray(TokenKey::Size, '\0'));
    // Nothing else left behind (QSaveFile's temporary file).
    QCOMPARE(QDir(dir.filePath(u"data/keys"_s)).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

void TestTokenKey::reloadsTheSameKey()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"token.key"_s);
    const Result<TokenKey> first = TokenKey::loadOrCreate(path);
    QVERIFY(first);
    const Result<TokenKey> second = TokenKey::loadOrCreate(path);
    QVERIFY(second);
    QCOMPARE(second->bytes(), first->bytes());
    QVERIFY(ownerOnly(path));
}

void TestTokenKey::freshKeysDiffer()
{
    QTemporaryDir dir;
    const Result<TokenKey> a = TokenKey::loadOrCreate(dir.filePath(u"a.key"_s));
    const Result<TokenKey> b = TokenKey::loadOrCreate(dir.filePath(u"b.key"_s));
    QVERIFY(a && b);
    QVERIFY(a->bytes() != b->bytes());
}

void TestTokenKey::loosePermissionsTightened()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"token.key"_s);
    const QByteArray bytes(TokenKey::Size, 'z');
    QVERIFY(writeFile(path, bytes));
    QVERIFY(QFile::setPermissions(path,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                      | QFileDevice::ReadGroup | QFileDevice::ReadOther
                                      | QFileDevice::WriteOther));
    QVERIFY(!ownerOnly(path));
    const Result<TokenKey> key = TokenKey::loadOrCreate(path);
    QVERIFY(key);
    QCOMPARE(key->bytes(), bytes); // the same key, not a new one
    QVERIFY(ownerOnly(path));
}

void TestTokenKey::wrongSizeRefused_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("short") << "short"_ba;
    QTest::newRow("one byte short") << QByteArray(TokenKey::Size - 1, 'k');
    QTest::newRow("one byte long") << QByteArray(TokenKey::Size + 1, 'k');
    QTest::newRow("hex text") << QByteArray(TokenKey::Size, 'k').toHex();
}

void TestTokenKey::wrongSizeRefused()
{
    QFETCH(QByteArray, contents);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"token.key"_s);
    QVERIFY(writeFile(path, contents));
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    const Result<TokenKey> key = TokenKey::loadOrCreate(path);
    QVERIFY(!key);
    QVERIFY(key.error().message.contains(path));
    // Refused, not replaced: a new key would sign everyone out without a word.
    QCOMPARE(readFile(path), contents);
}

void TestTokenKey::directoryRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"token.key"_s);
    QVERIFY(QDir().mkpath(path));
    QVERIFY(!TokenKey::loadOrCreate(path));
}

void TestTokenKey::rawBytesHelper()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"token.key"_s);
    const Result<QByteArray> raw = loadOrCreateTokenKey(path);
    QVERIFY(raw);
    QCOMPARE(raw->size(), TokenKey::Size);
    QCOMPARE(TokenKey::loadOrCreate(path)->bytes(), *raw);
    QVERIFY(writeFile(path, "short"_ba));
    QVERIFY(!loadOrCreateTokenKey(path));
}

QTEST_GUILESS_MAIN(TestTokenKey)
#include "tst_tokenkey.moc"
