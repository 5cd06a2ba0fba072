// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The LAN discovery datagrams (issue 14): a query and its answer round-trip, nothing but a
// well-formed datagram parses, and no answer is ever larger than the smallest query.
#include <banter/protocol/discoverydatagram.h>

#include <QTest>

using namespace Banter;
using namespace Qt::StringLiterals;

namespace {
QByteArray nonce()
{
    return QByteArray("0123456789abcdef");
}

DiscoveryAnnouncement announcement()
{
    DiscoveryAnnouncement server;
    server.name = u"Lab server"_s;
    server.port = 7654;
    server.tls = true;
    server.certificateSha256 = QByteArray(32, '\x5a');
    return server;
}
} // namespace

class TestDiscoveryDatagram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void queryRoundTrips()
    {
        const QByteArray query = encodeDiscoveryQuery(nonce());
        QCOMPARE(query.size(), DiscoveryQueryMinimumBytes);
        QCOMPARE(parseDiscoveryQuery(query).value_or(QByteArray()), nonce());
        // Longer (padded further) queries are fine up to the maximum.
        QVERIFY(parseDiscoveryQuery(
            query + QByteArray(DiscoveryDatagramMaximumBytes - DiscoveryQueryMinimumBytes, '\0')));
    }

    void malformedQueriesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("datagram");
        const QByteArray query = encodeDiscoveryQuery(nonce());
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated by one") << query.chopped(1);
        QTest::newRow("header only") << query.left(24);
        QTest::newRow("oversized")
            << query + QByteArray(DiscoveryDatagramMaximumBytes - query.size() + 1, '\0');
        QByteArray magic = query;
        magic[0] = 'X';
        QTest::newRow("wrong magic") << magic;
        QByteArray version = query;
        version[4] = 2;
        QTest::newRow("other version") << version;
        QByteArray kind = query;
        kind[5] = 'A';
        QTest::newRow("an answer") << kind;
        QTest::newRow("noise") << QByteArray(512, '\xff');
    }
    void malformedQueriesAreRefused()
    {
        QFETCH(QByteArray, datagram);
        QVERIFY(!parseDiscoveryQuery(datagram));
    }

    void answerRoundTrips()
    {
        const QByteArray bytes = encodeDiscoveryAnswer(announcement(), nonce());
        QVERIFY(bytes.size() <= DiscoveryAnswerMaximumBytes);
        const std::optional<DiscoveryAnswer> answer = parseDiscoveryAnswer(bytes);
        QVERIFY(answer);
        QCOMPARE(answer->nonce, nonce());
        QCOMPARE(answer->announcement, announcement());
        QVERIFY(!parseDiscoveryQuery(bytes)); // an answer is never taken for a query

        DiscoveryAnnouncement plain = announcement();
        plain.tls = false;
        plain.certificateSha256.clear();
        const std::optional<DiscoveryAnswer> plainAnswer =
            parseDiscoveryAnswer(encodeDiscoveryAnswer(plain, nonce()));
        QVERIFY(plainAnswer);
        QCOMPARE(plainAnswer->announcement, plain);
    }

    // However long or escape-heavy the name, the answer fits in the smallest query.
    void answerNeverOutgrowsTheQuery_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("long") << QString(5000, u'x');
        QTest::newRow("control characters") << QString(300, QChar(1));
        QTest::newRow("quotes") << QString(300, u'"');
        QTest::newRow("Chinese") << QString(300, QChar(0x4e2d));
        QString emoji(60, u'a');
        for (int i = 0; i < 50; ++i)
            emoji += u"\U0001F600"_s; // a surrogate pair each, never split
        QTest::newRow("emoji") << emoji;
    }
    void answerNeverOutgrowsTheQuery()
    {
        QFETCH(QString, name);
        DiscoveryAnnouncement server = announcement();
        server.name = name;
        const QByteArray bytes = encodeDiscoveryAnswer(server, nonce());
        QVERIFY2(bytes.size() <= DiscoveryQueryMinimumBytes, QByteArray::number(bytes.size()));
        const std::optional<DiscoveryAnswer> answer = parseDiscoveryAnswer(bytes);
        QVERIFY(answer);
        QVERIFY(!answer->announcement.name.isEmpty());
        QVERIFY(name.startsWith(answer->announcement.name)); // cut, never garbled
    }

    void malformedAnswersAreRefused_data()
    {
        QTest::addColumn<QByteArray>("datagram");
        const QByteArray good = encodeDiscoveryAnswer(announcement(), nonce());
        const QByteArray head = good.left(24);
        QTest::newRow("truncated JSON") << good.chopped(2);
        QTest::newRow("header only") << head;
        QTest::newRow("not an object") << head + "[1,2]";
        QTest::newRow("port 0") << head + R"({"v":1,"name":"a","port":0,"tls":false})";
        QTest::newRow("port too big") << head + R"({"v":1,"name":"a","port":70000,"tls":false})";
        QTest::newRow("TLS without fingerprint") << head + R"({"v":1,"name":"a","port":1})";
        QTest::newRow("short fingerprint")
            << head + R"({"v":1,"name":"a","port":1,"tls":true,"sha256":"abcd"})";
        QTest::newRow("no version") << head + R"({"name":"a","port":1,"tls":false})";
        QTest::newRow("oversized")
            << head + QByteArray(DiscoveryDatagramMaximumBytes, ' ') + R"({"v":1,"port":1})";
        QTest::newRow("a query") << encodeDiscoveryQuery(nonce());
    }
    void malformedAnswersAreRefused()
    {
        QFETCH(QByteArray, datagram);
        QVERIFY(!parseDiscoveryAnswer(datagram));
    }
};

QTEST_GUILESS_MAIN(TestDiscoveryDatagram)
#include "tst_discoverydatagram.moc"
