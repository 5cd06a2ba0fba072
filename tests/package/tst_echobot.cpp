// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The echo-bot example, built against the installed BanterShared package, answers a real
// user on a real server.
#include "testserver.h"
#include <banter/client/clientsession.h>

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

class TestEchoBot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void botAnswers();
};

void TestEchoBot::botAnswers()
{
    const QString bot = qEnvironmentVariable("BANTER_ECHO_BOT");
    QVERIFY2(QFile::exists(bot), qPrintable(u"echo-bot not built at "_s + bot));
    TestServer server;
    QVERIFY(server.start());

    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(bot,
                  {u"--url"_s, server.url().toString(), u"--username"_s, u"echobot"_s,
                   u"--password"_s, u"bot password"_s, u"--register"_s, u"--max-replies"_s,
                   u"1"_s});
    QVERIFY(process.waitForStarted());
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += process.readAllStandardOutput()).contains("signed in"),
                             10'000);

    ClientSession alice;
    alice.connectToServer(server.url());
    QTRY_COMPARE(alice.state(), ClientSession::State::Connected);
    auto grant = alice.registerUser(u"alice"_s, u"correct horse"_s, u"Alice"_s, u"test"_s);
    QTRY_VERIFY(grant.isFinished());
    QVERIFY(grant.result());
    auto found = alice.searchUsers(u"echobot"_s);
    QTRY_VERIFY(found.isFinished());
    QVERIFY(found.result() && found.result()->users.size() == 1);
    auto conversation = alice.createPrivate(found.result()->users.first().id);
    QTRY_VERIFY(conversation.isFinished());
    QVERIFY(conversation.result());

    QSignalSpy received(&alice, &ClientSession::messageReceived);
    auto sent = alice.sendMessage(conversation.result()->id, u"hello bot"_s);
    QTRY_VERIFY(sent.isFinished());
    QVERIFY(sent.result());
    QTRY_VERIFY_WITH_TIMEOUT(!received.isEmpty(), 10'000);
    QCOMPARE(received.first().first().value<Message>().content, u"echo: hello bot"_s);
    QVERIFY(process.waitForFinished(10'000)); // --max-replies 1: it leaves by itself
    QCOMPARE(process.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestEchoBot)
#include "tst_echobot.moc"
