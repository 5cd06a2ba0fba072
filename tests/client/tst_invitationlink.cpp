// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// banter:// links (issue 14): what banterd invite prints is read back exactly; anything a
// stranger could hand a user that is not a well-formed link is refused with a reason.
#include <banter/client/invitationlink.h>

#include <QTest>

using namespace Banter;
using namespace Qt::StringLiterals;

namespace {
const QString Fp = u"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"_s;
const QString Token = u"Zk3vQ1-_abcdefghijklmnopqrstuvwxyzABCDEFGHI"_s;
} // namespace

class TestInvitationLink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsWhatBanterdPrints();
    void roundTrips_data();
    void roundTrips();
    void refuses_data();
    void refuses();
};

void TestInvitationLink::readsWhatBanterdPrints()
{
    const auto link = InvitationLink::parse(u"banter://192.168.1.5:7654/?fp="_s + Fp
                                            + u"&name=Office%20chat&invite="_s + Token);
    QVERIFY2(link, qPrintable(link ? QString() : link.error().message));
    QCOMPARE(link->serverUrl, QUrl(u"wss://192.168.1.5:7654"_s));
    QCOMPARE(link->fingerprint, QByteArray::fromHex(Fp.toLatin1()));
    QCOMPARE(link->serverName, u"Office chat"_s);
    QCOMPARE(link->token, Token);
    QVERIFY(link->hasInvitation());

    // The fingerprint as the trust prompt shows it (upper case, colons), the default port,
    // keys in any order, an unknown key (a later version's) ignored.
    QString colons;
    for (int i = 0; i < Fp.size(); i += 2)
        colons += (i ? u":"_s : QString()) + Fp.mid(i, 2).toUpper();
    const auto other =
        InvitationLink::parse(u"BANTER://chat.example/?future=1&fp="_s + colons + u"&name=x"_s);
    QVERIFY(other);
    QCOMPARE(other->serverUrl, QUrl(u"wss://chat.example:7654"_s));
    QCOMPARE(other->fingerprint, link->fingerprint);
    QVERIFY(!other->hasInvitation());

    const auto plain = InvitationLink::parse(u"banter://10.0.0.2:8000?tls=off&invite=abc"_s);
    QVERIFY(plain);
    QCOMPARE(plain->serverUrl, QUrl(u"ws://10.0.0.2:8000"_s));
    QVERIFY(plain->fingerprint.isEmpty());
}

void TestInvitationLink::roundTrips_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("tls");
    QTest::newRow("ipv4") << u"192.168.1.5"_s << u"Office"_s << true;
    QTest::newRow("ipv6") << u"fd00::7"_s << u"Lab"_s << true;
    QTest::newRow("host name, tls off") << u"chat.lan"_s << QString() << false;
    QTest::newRow("delimiters in the name") << u"h"_s << u"a&b=c+d/e?f#g %"_s << true;
    QTest::newRow("non-latin name") << u"h"_s << u"办公室 ✓"_s << true;
}

void TestInvitationLink::roundTrips()
{
    QFETCH(QString, host);
    QFETCH(QString, name);
    QFETCH(bool, tls);
    InvitationLink link;
    link.serverUrl.setScheme(tls ? u"wss"_s : u"ws"_s);
    link.serverUrl.setHost(host);
    link.serverUrl.setPort(7000);
    if (tls)
        link.fingerprint = QByteArray::fromHex(Fp.toLatin1());
    link.serverName = name;
    link.token = Token;
    const auto read = InvitationLink::parse(link.toString());
    QVERIFY2(read, qPrintable(link.toString()));
    QCOMPARE(*read, link);
}

void TestInvitationLink::refuses_data()
{
    QTest::addColumn<QString>("text");
    const QString fp = u"fp="_s + Fp;
    QTest::newRow("empty") << QString();
    QTest::newRow("another scheme") << u"https://h:7654/?"_s + fp;
    QTest::newRow("no host") << u"banter:///?"_s + fp;
    QTest::newRow("port 0") << u"banter://h:0/?"_s + fp;
    QTest::newRow("port too high") << u"banter://h:70000/?"_s + fp;
    QTest::newRow("a path") << u"banter://h/join?"_s + fp;
    QTest::newRow("user info") << u"banter://me@h/?"_s + fp;
    QTest::newRow("a fragment") << u"banter://h/?"_s + fp + u"#x"_s;
    QTest::newRow("no fingerprint") << u"banter://h/?invite=abc"_s;
    QTest::newRow("short fingerprint") << u"banter://h/?fp=0123"_s;
    QTest::newRow("not hex") << u"banter://h/?fp="_s + QString(64, u'z');
    QTest::newRow("fingerprint twice") << u"banter://h/?"_s + fp + u"&"_s + fp;
    QTest::newRow("fingerprint with tls off") << u"banter://h/?tls=off&"_s + fp;
    QTest::newRow("tls neither on nor off") << u"banter://h/?tls=maybe"_s;
    QTest::newRow("bidi override in the name")
        << u"banter://h/?"_s + fp + u"&name=evil%E2%80%AEexe.txt"_s;
    QTest::newRow("control character in the name") << u"banter://h/?"_s + fp + u"&name=a%07"_s;
    QTest::newRow("name too long") << u"banter://h/?"_s + fp + u"&name="_s + QString(65, u'n');
    QTest::newRow("token with spaces") << u"banter://h/?"_s + fp + u"&invite=a%20b"_s;
    QTest::newRow("token too long") << u"banter://h/?"_s + fp + u"&invite="_s + QString(129, u't');
    QTest::newRow("link too long") << u"banter://h/?"_s + fp + u"&x="_s + QString(2100, u'x');
}

void TestInvitationLink::refuses()
{
    QFETCH(QString, text);
    const auto link = InvitationLink::parse(text);
    QVERIFY(!link);
    QCOMPARE(link.error().code, ErrorCode::BadRequest);
    QVERIFY(link.error().message.startsWith(u"not a Banter link: "_s));
}

QTEST_GUILESS_MAIN(TestInvitationLink)
#include "tst_invitationlink.moc"
