// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The TXT record of a _banter._tcp service as ServerBrowser's mDNS source reads it
// (docs/PROTOCOL.md, "LAN discovery"): what the announcer writes is understood, and a
// malformed or hostile record is refused rather than listed with made-up values.
#include <banter/client/mdnsbrowser_p.h>

#include <QTest>

using namespace Banter;

namespace {
const QByteArray Sha(64, 'a');
} // namespace

class TestMdnsTxt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void announcerRecordIsRead()
    {
        const auto announcement = MdnsBrowser::parseTxt(
            QList<QByteArray>({"v=1", "name=Physics lab", "tls=on", "sha256=" + Sha}));
        QVERIFY(announcement);
        QCOMPARE(announcement->protocolVersion, 1);
        QCOMPARE(announcement->name, QStringLiteral("Physics lab"));
        QVERIFY(announcement->tls);
        QCOMPARE(announcement->certificateSha256, QByteArray::fromHex(Sha));
        QCOMPARE(announcement->certificateSha256.size(), 32);
    }

    void withoutTlsNoFingerprintIsNeeded()
    {
        const auto announcement =
            MdnsBrowser::parseTxt(QList<QByteArray>({"v=1", "name=Print room", "tls=off"}));
        QVERIFY(announcement);
        QVERIFY(!announcement->tls);
        QVERIFY(announcement->certificateSha256.isEmpty());
    }

    // RFC 6763: the first occurrence of a key counts; keys are case-insensitive.
    void firstOccurrenceCounts()
    {
        const auto announcement = MdnsBrowser::parseTxt(QList<QByteArray>(
            {"V=2", "v=1", "Name=First", "name=Second", "tls=off", "junk", "=x"}));
        QVERIFY(announcement);
        QCOMPARE(announcement->protocolVersion, 2);
        QCOMPARE(announcement->name, QStringLiteral("First"));
    }

    void malformedRecordsAreRefused_data()
    {
        QTest::addColumn<QList<QByteArray>>("entries");
        QTest::newRow("empty") << QList<QByteArray>{};
        QTest::newRow("no version") << QList<QByteArray>{"name=x", "tls=off"};
        QTest::newRow("version 0") << QList<QByteArray>{"v=0", "name=x", "tls=off"};
        QTest::newRow("version not a number") << QList<QByteArray>{"v=one", "name=x", "tls=off"};
        QTest::newRow("no name") << QList<QByteArray>{"v=1", "tls=off"};
        QTest::newRow("name too long")
            << QList<QByteArray>{"v=1", "name=" + QByteArray(101, 'n'), "tls=off"};
        QTest::newRow("no tls") << QList<QByteArray>{"v=1", "name=x"};
        QTest::newRow("tls neither on nor off") << QList<QByteArray>{"v=1", "name=x", "tls=yes"};
        QTest::newRow("tls without fingerprint") << QList<QByteArray>{"v=1", "name=x", "tls=on"};
        QTest::newRow("fingerprint too short")
            << QList<QByteArray>{"v=1", "name=x", "tls=on", "sha256=" + Sha.left(62)};
        QTest::newRow("fingerprint too long")
            << QList<QByteArray>{"v=1", "name=x", "tls=on", "sha256=" + Sha + "aa"};
        QTest::newRow("fingerprint not hex")
            << QList<QByteArray>{"v=1", "name=x", "tls=on", "sha256=" + QByteArray(64, 'g')};
    }
    void malformedRecordsAreRefused()
    {
        QFETCH(QList<QByteArray>, entries);
        QVERIFY(!MdnsBrowser::parseTxt(entries));
    }
};

QTEST_GUILESS_MAIN(TestMdnsTxt)
#include "tst_mdnstxt.moc"
