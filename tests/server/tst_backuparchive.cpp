// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The backup archive format on its own: what TarWriter writes, tar(1) lists and TarReader
// reads back byte for byte; crafted archives (a path out of the target, a symlink, a bad
// checksum, dirty padding, data after the end, a truncation, a huge or lying manifest) are
// refused by the reader and by restoreBackup before anything is written.
#include "backup/backupmanifest.h"
#include "backup/backuprestore.h"
#include "backup/tarreader.h"
#include "backup/tarwriter.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <functional>

using namespace Banter;
using namespace Banter::Server;
using namespace Qt::StringLiterals;

namespace {
QByteArray archiveOf(const QList<std::pair<QString, QByteArray>> &members)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    TarWriter tar(buffer);
    for (const auto &member : members) {
        if (!tar.add(member.first, member.second))
            return {};
    }
    return tar.finish() ? buffer.data() : QByteArray();
}

// Rewrites the header at `offset` with `change` applied and a correct checksum again, as a
// crafted archive would have.
void patchHeader(QByteArray &archive, qsizetype offset, const std::function<void(char *)> &change)
{
    char *header = archive.data() + offset;
    change(header);
    std::memset(header + 148, ' ', 8);
    unsigned sum = 0;
    for (int i = 0; i < 512; ++i)
        sum += static_cast<unsigned char>(header[i]);
    const QByteArray digits = QByteArray::number(sum, 8).rightJustified(6, '0');
    std::memcpy(header + 148, digits.constData(), 6);
    header[154] = '\0';
}

// Reads every member; the first error's message, or empty when the archive is sound.
QString readAll(const QByteArray &archive)
{
    QBuffer buffer;
    buffer.setData(archive);
    buffer.open(QIODevice::ReadOnly);
    TarReader tar(buffer);
    for (;;) {
        const auto member = tar.next();
        if (!member)
            return member.error().message;
        if (!*member)
            return {};
        const auto content = tar.readContent(nullptr);
        if (!content)
            return content.error().message;
    }
}

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// A backup archive whose manifest lists `listed` while the archive holds `held`.
QByteArray backupOf(const QList<std::pair<QString, QByteArray>> &listed,
                    const QList<std::pair<QString, QByteArray>> &held)
{
    BackupManifest manifest;
    manifest.databaseKind = u"sqlite"_s;
    manifest.schemaVersion = 1;
    manifest.databaseMember = u"database/banter.db"_s;
    for (const auto &member : listed)
        manifest.members.append(
            {member.first, member.second.size(), QString::fromLatin1(sha256(member.second))});
    const QByteArray json = manifest.toJson();
    QList<std::pair<QString, QByteArray>> all{
        {u"manifest.json"_s, json}, {u"manifest.sha256"_s, sha256(json) + "  manifest.json\n"}};
    return archiveOf(all + held);
}
} // namespace

class TestBackupArchive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripAndTarReadsIt();
    void craftedArchivesAreRefused_data();
    void craftedArchivesAreRefused();
    void manifestIsStrict();
    void restoreRefusesAnArchiveThatDisagreesWithItsManifest();

private:
    QTemporaryDir m_dir;
};

void TestBackupArchive::roundTripAndTarReadsIt()
{
    const QByteArray big = QByteArray(3 * 1024 * 1024 + 5, 'x') + "end";
    const QList<std::pair<QString, QByteArray>> members{
        {u"empty"_s, {}},
        {u"block/exact.bin"_s, QByteArray(512, 'b')},
        {u"one-more_byte.bin"_s, QByteArray(513, 'c')},
        {u"files/blobs/ab/big"_s, big}};
    const QByteArray archive = archiveOf(members);
    QCOMPARE(archive.size() % 512, 0);

    QBuffer buffer;
    buffer.setData(archive);
    buffer.open(QIODevice::ReadOnly);
    TarReader tar(buffer);
    for (const auto &expected : members) {
        const auto member = tar.next();
        QVERIFY(member && *member);
        QCOMPARE((*member)->name, expected.first);
        QCOMPARE((*member)->size, qint64(expected.second.size()));
        QBuffer content;
        content.open(QIODevice::WriteOnly);
        const auto sha = tar.readContent(&content);
        QVERIFY(sha);
        QCOMPARE(sha->toLatin1(), sha256(expected.second));
        QCOMPARE(content.data(), expected.second);
    }
    const auto end = tar.next();
    QVERIFY(end && !*end);

    // The operator's tar(1) lists it and gets the same bytes out.
    const QString path = m_dir.filePath(u"roundtrip.tar"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(archive);
    file.close();
    QProcess list;
    list.start(u"tar"_s, {u"-tf"_s, path});
    QVERIFY(list.waitForFinished(30'000));
    QCOMPARE(list.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(list.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts),
             (QStringList{u"empty"_s, u"block/exact.bin"_s, u"one-more_byte.bin"_s,
                          u"files/blobs/ab/big"_s}));
    QProcess extract;
    extract.start(u"tar"_s, {u"-xOf"_s, path, u"files/blobs/ab/big"_s});
    QVERIFY(extract.waitForFinished(30'000));
    QCOMPARE(sha256(extract.readAllStandardOutput()), sha256(big));
}

void TestBackupArchive::craftedArchivesAreRefused_data()
{
    QTest::addColumn<QByteArray>("archive");
    QTest::addColumn<QString>("reason");
    const QByteArray sound = archiveOf({{u"a"_s, "first"}, {u"b"_s, "second"}});
    QVERIFY(readAll(sound).isEmpty());

    QByteArray archive = sound;
    patchHeader(archive, 0, [](char *h) { std::memcpy(h, "../evil\0", 8); });
    QTest::newRow("parent directory") << archive << u"'../evil'"_s;
    archive = sound;
    patchHeader(archive, 0, [](char *h) { std::memcpy(h, "/etc/x\0", 7); });
    QTest::newRow("absolute path") << archive << u"'/etc/x'"_s;
    archive = sound;
    patchHeader(archive, 0, [](char *h) { h[156] = '2'; });
    QTest::newRow("symlink") << archive << u"other than regular files"_s;
    archive = sound;
    patchHeader(archive, 0, [](char *h) { std::memcpy(h + 345, "prefix", 6); });
    QTest::newRow("long name") << archive << u"long names"_s;
    archive = sound;
    patchHeader(archive, 0, [](char *h) { std::memcpy(h + 124, "zzzzzzzzzzz", 11); });
    QTest::newRow("unreadable size") << archive << u"size"_s;
    archive = sound;
    archive[100] = '7'; // mode field, checksum left as it was
    QTest::newRow("bad checksum") << archive << u"checksum"_s;
    archive = sound;
    archive[512 + 10] = 'x'; // in the padding after "first"
    QTest::newRow("dirty padding") << archive << u"padding"_s;
    archive = sound + QByteArray(512, 'x');
    QTest::newRow("data after the end") << archive << u"follows the end"_s;
    archive = sound.left(512 + 3);
    QTest::newRow("truncated content") << archive << u"ends in the middle"_s;
    archive = sound.left(sound.size() - 1024);
    QTest::newRow("no end marker") << archive << u"ends in the middle"_s;
}

void TestBackupArchive::craftedArchivesAreRefused()
{
    QFETCH(QByteArray, archive);
    QFETCH(QString, reason);
    const QString error = readAll(archive);
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestBackupArchive::manifestIsStrict()
{
    BackupManifest manifest;
    manifest.databaseKind = u"sqlite"_s;
    manifest.schemaVersion = 7;
    manifest.databaseMember = u"database/banter.db"_s;
    manifest.members = {{u"database/banter.db"_s, 3, QString(64, u'a')}};
    const auto back = BackupManifest::fromJson(manifest.toJson());
    QVERIFY(back);
    QCOMPARE(back->members.size(), 1);
    QCOMPARE(back->schemaVersion, 7);

    const auto refused = [&](const QByteArray &json, const QString &reason) {
        const auto parsed = BackupManifest::fromJson(json);
        if (parsed || !parsed.error().message.contains(reason)) {
            qWarning() << (parsed ? u"accepted"_s : parsed.error().message);
            return false;
        }
        return true;
    };
    QByteArray json = manifest.toJson();
    QVERIFY(refused(json.replace("\"format_version\": 1", "\"format_version\": 2"),
                    u"format version 2"_s));
    QVERIFY(refused("[]", u"invalid"_s));
    QVERIFY(refused("{\"format\": \"other\"}", u"not a Banter backup"_s));
    QVERIFY(refused("{\"format\": \"banter-backup\"", u"invalid"_s));
    BackupManifest twice = manifest;
    twice.members.append(manifest.members.constFirst());
    QVERIFY(refused(twice.toJson(), u"listed twice"_s));
    BackupManifest escaping = manifest;
    escaping.members.append({u"../token.key"_s, 1, QString(64, u'b')});
    QVERIFY(refused(escaping.toJson(), u"malformed"_s));
    BackupManifest badHash = manifest;
    badHash.members.first().sha256 = u"XYZ"_s;
    QVERIFY(refused(badHash.toJson(), u"malformed"_s));
    BackupManifest noDatabase = manifest;
    noDatabase.databaseMember = u"database/other.db"_s;
    QVERIFY(refused(noDatabase.toJson(), u"no database"_s));

    // A manifest member larger than any backup writes is refused before it is read.
    QBuffer buffer;
    buffer.setData(archiveOf({{u"manifest.json"_s, QByteArray(4096, ' ')}}));
    buffer.open(QIODevice::ReadOnly);
    TarReader tar(buffer);
    QVERIFY(tar.next());
    const auto small = tar.readSmall(1024);
    QVERIFY(!small);
    QVERIFY2(small.error().message.contains(u"larger"_s), qPrintable(small.error().message));
}

void TestBackupArchive::restoreRefusesAnArchiveThatDisagreesWithItsManifest()
{
    const std::pair<QString, QByteArray> database{u"database/banter.db"_s, "not really sqlite"};
    const std::pair<QString, QByteArray> key{u"token.key"_s, QByteArray(32, 'k')};
    const struct
    {
        const char *name;
        QByteArray archive;
        const char *reason;
    } cases[] = {
        {"extra member", backupOf({database}, {database, key}), "does not list"},
        {"missing member", backupOf({database, key}, {database}), "ends before token.key"},
        {"other order", backupOf({database, key}, {key, database}), "where the manifest lists"},
        {"other content", backupOf({database, key}, {database, {key.first, QByteArray(32, 'j')}}),
         "does not match its SHA-256"},
        {"no manifest", archiveOf({database}), "does not begin with manifest.json"},
    };
    for (const auto &c : cases) {
        const QString path = m_dir.filePath(QString::fromLatin1(c.name) + u".tar"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(c.archive);
        file.close();
        ServerConfig config;
        config.dataDir = m_dir.filePath(u"target-"_s + QString::fromLatin1(c.name));
        const auto restored = restoreBackup(path, config);
        QVERIFY2(!restored, c.name);
        QVERIFY2(restored.error().message.contains(QString::fromLatin1(c.reason)),
                 qPrintable(restored.error().message));
        QVERIFY2(!QFile::exists(config.dataDir), c.name);
    }
}

QTEST_GUILESS_MAIN(TestBackupArchive)
#include "tst_backuparchive.moc"
