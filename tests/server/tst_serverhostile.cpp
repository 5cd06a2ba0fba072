// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 16, hostile and half-finished connections against a banterd process on loopback:
// sockets that never finish their handshake are dropped after the deadline; a thousand of
// them from one address hold few descriptors and do not keep a real client out (even one
// from the same address); a client that sends requests and never reads is cut off at the
// buffered bound and the server's memory comes back; text split inside a UTF-8 character
// across continuation frames is what QtWebSockets refuses (documented, see below). Figures
// are printed with qInfo.
#include "banterdprocess.h"
#include "rawclient.h"
#include "rawupgrade.h"
#include "waiting.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
QByteArray liftedLimits()
{
    return "requests_per_second=100000\nrequest_burst=100000\n"
           "messages_per_second=100000\nmessage_burst=100000\n";
}

int openDescriptors(qint64 pid)
{
    return int(QDir(u"/proc/%1/fd"_s.arg(pid))
                   .entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)
                   .size());
}

} // namespace

class TestServerHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unfinishedHandshakesAreDropped();
    void silentFloodDoesNotKeepClientsOut();
    void readerThatStopsReadingIsCutOff();
    void utf8SplitAcrossFramesIsClosedByQt();
    void invalidUtf8IsClosedWith1007();
};

// Silent sockets and sockets that stop half-way through the upgrade request are closed by
// banterd after handshake_timeout_seconds, and their descriptors are freed.
void TestServerHostile::unfinishedHandshakesAreDropped()
{
    BanterdProcess server(QStringLiteral(BANTERD_PATH), "handshake_timeout_seconds=1\n");
    QVERIFY(server.start());
    const int baseline = openDescriptors(server.pid());
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < 20; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(socket->waitForConnected(5000));
        if (i % 2 == 1)
            socket->write(upgradeRequest().left(40)); // stops half-way through the request
        sockets.push_back(std::move(socket));
    }
    QVERIFY(waitFor([&] { return openDescriptors(server.pid()) >= baseline + 20; }, 5000,
                    "banterd to hold the sockets"));
    QElapsedTimer held;
    held.start();
    QVERIFY(waitFor(
        [&] {
            return std::all_of(sockets.cbegin(), sockets.cend(), [](const auto &s) {
                return s->state() == QAbstractSocket::UnconnectedState;
            });
        },
        5000, "banterd to drop every unfinished handshake"));
    const qint64 closedAfter = held.elapsed();
    // The process may open a descriptor or two of its own meanwhile (the database's WAL).
    QVERIFY(waitFor([&] { return openDescriptors(server.pid()) <= baseline + 2; }, 5000,
                    "banterd to free the descriptors"));
    qInfo("20 unfinished handshakes (deadline 1 s) closed %lld ms after the server held them",
          closedAfter);
    // A client that does finish in time is not affected.
    RawClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(client.registerUser(u"patient"_s));
}

// 1,000 silent sockets from one address: banterd holds at most max_connections_per_address
// of them (default 256), and a real client from the same address still signs in within a
// second, because the oldest unfinished handshake of its address makes room for it.
void TestServerHostile::silentFloodDoesNotKeepClientsOut()
{
    BanterdProcess server(QStringLiteral(BANTERD_PATH));
    QVERIFY(server.start());
    {
        RawClient first; // the account exists before the flood
        QVERIFY(first.open(server.url()));
        QVERIFY(first.registerUser(u"legit"_s));
    }
    const int baseline = openDescriptors(server.pid());
    constexpr int Hostile = 1000;
    constexpr int PerAddressCap = 256; // the default
    std::vector<std::unique_ptr<QTcpSocket>> flood;
    for (int i = 0; i < Hostile; ++i) {
        flood.push_back(std::make_unique<QTcpSocket>());
        flood.back()->connectToHost(QHostAddress::LocalHost, server.port());
    }
    const auto open = [&] {
        return std::count_if(flood.cbegin(), flood.cend(), [](const auto &s) {
            return s->state() == QAbstractSocket::ConnectedState;
        });
    };
    // Every socket was taken and then either kept or closed by banterd.
    QVERIFY(waitFor(
        [&] {
            return std::none_of(flood.cbegin(), flood.cend(),
                                [](const auto &s) {
                                    return s->state() == QAbstractSocket::ConnectingState
                                        || s->state() == QAbstractSocket::HostLookupState;
                                })
                && open() <= PerAddressCap;
        },
        15'000, "the flood to settle"));
    const int held = openDescriptors(server.pid()) - baseline;
    QVERIFY2(held <= PerAddressCap, qPrintable(u"banterd holds %1 sockets"_s.arg(held)));

    QElapsedTimer signIn;
    signIn.start();
    RawClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(client.login(u"legit"_s));
    const qint64 signInMs = signIn.elapsed();
    qInfo("%d silent sockets from 127.0.0.1: banterd holds %d descriptors for them (cap %d), "
          "%lld still open; a client from the same address signed in after %lld ms",
          Hostile, held, PerAddressCap, qint64(open()), signInMs);
    QVERIFY2(signInMs < 1000, qPrintable(u"sign-in took %1 ms"_s.arg(signInMs)));
}

// A client that sends requests with large answers and never reads: banterd queues at most
// max_pending_write_bytes (8 MiB) for it, then closes it, and its memory is returned. (The
// kernel keeps the orphaned connection until its own timeout: the client, reading nothing,
// never sees the FIN; banterd's descriptor and buffers are gone at once.)
void TestServerHostile::readerThatStopsReadingIsCutOff()
{
    BanterdProcess server(QStringLiteral(BANTERD_PATH), liftedLimits());
    QVERIFY(server.start());
    RawClient writer;
    QVERIFY(writer.open(server.url()));
    QVERIFY(writer.registerUser(u"writer"_s));
    const qint64 conversation = seedBigConversation(writer);
    QVERIFY(conversation != 0);
    const QString token = writer.login(u"writer"_s)->value(u"access_token"_s).toString();
    const int descriptors = openDescriptors(server.pid());
    const qint64 before = server.residentBytes();

    StubbornReader reader;
    QVERIFY(reader.open(server.port()));
    QVERIFY(reader.send(clientFrame(requestFrame(u"auth"_s, {{u"token"_s, token}}, u"a"_s))));
    QVERIFY(reader.readUntil("\"rid\":\"a\"").contains("\"success\":true"));
    QElapsedTimer cut;
    cut.start();
    QVERIFY(askForPages(reader, conversation, 40)); // about 20 MB of answers, none read
    qint64 peak = 0;
    QVERIFY2(waitFor(
                 [&] {
                     peak = qMax(peak, server.residentBytes());
                     return server.errors().contains("is not reading; closing it"_L1)
                         && openDescriptors(server.pid()) <= descriptors;
                 },
                 20'000, "banterd to cut the reader off"),
             qPrintable(server.errors()));
    const qint64 cutAfter = cut.elapsed();
    // The server still serves everyone else.
    QVERIFY(succeeded(writer.request(u"ping"_s)));
    qint64 after = 0;
#if defined(BANTER_ASAN)
    // ASan's allocator keeps freed memory in its quarantine and does not return it to the
    // system, so "memory comes back" cannot be seen in RSS there; the cut-off above still is.
    after = server.residentBytes();
#else
    const qint64 allowance = 16 * 1024 * 1024; // glibc keeps up to M_TRIM_THRESHOLD free
    QVERIFY2(waitFor(
                 [&] {
                     after = server.residentBytes();
                     return after <= before + allowance;
                 },
                 5000, "banterd's memory to come back"),
             qPrintable(u"RSS %1 MiB before, %2 MiB peak, %3 MiB after"_s.arg(before >> 20)
                            .arg(peak >> 20)
                            .arg(after >> 20)));
#endif
    qInfo("reader that never reads: cut off (descriptor freed) %lld ms after its requests; "
          "RSS %.1f MiB before, %.1f MiB peak, %.1f MiB after",
          cutAfter, double(before) / 1048576, double(peak) / 1048576, double(after) / 1048576);
}

// RFC 6455 §5.6 makes only the whole message valid UTF-8, so "é" (C3 A9) split between a
// text frame and its continuation is a valid message. QtWebSockets refuses it: its
// QWebSocketDataProcessor decodes each frame's payload on its own with a stateless
// QStringDecoder (Flag::Stateless | Flag::ConvertInvalidToNull, qwebsocketdataprocessor.cpp,
// Qt 6.4 to at least 6.8) and closes with 1007 when one frame ends inside a character. No
// setting changes that, and banterd only sees whole messages. This test asserts what
// happens today, so that a Qt that fixes it makes it fail and the note in PROTOCOL.md can go.
void TestServerHostile::utf8SplitAcrossFramesIsClosedByQt()
{
    BanterdProcess server(QStringLiteral(BANTERD_PATH));
    QVERIFY(server.start());
    StubbornReader client;
    QVERIFY(client.open(server.port()));
    const QByteArray ping = requestFrame(u"ping"_s, {{u"note"_s, u"caf\u00e9"_s}}, u"p"_s);
    const qsizetype split = ping.indexOf("\xc3") + 1; // inside é
    QVERIFY(client.send(clientFrame(ping.left(split), 1, false)));
    QVERIFY(client.send(clientFrame(ping.mid(split), 0, true)));
    const QByteArray answer = client.readUntil(QByteArray("\x03\xef", 2)); // close code 1007
    QVERIFY2(answer.contains(QByteArray("\x88")) && answer.contains(QByteArray("\x03\xef", 2)),
             "Qt no longer closes a split UTF-8 character with 1007: accept it and update "
             "PROTOCOL.md");
    // The same message split between two whole characters is served.
    StubbornReader whole;
    QVERIFY(whole.open(server.port()));
    const qsizetype between = ping.indexOf("\xc3");
    QVERIFY(whole.send(clientFrame(ping.left(between), 1, false)));
    QVERIFY(whole.send(clientFrame(ping.mid(between), 0, true)));
    QVERIFY(whole.readUntil("\"rid\":\"p\"").contains("\"type\":\"pong\""));
}

void TestServerHostile::invalidUtf8IsClosedWith1007()
{
    BanterdProcess server(QStringLiteral(BANTERD_PATH));
    QVERIFY(server.start());
    StubbornReader client;
    QVERIFY(client.open(server.port()));
    QVERIFY(client.send(clientFrame("{\"type\":\"ping\",\"rid\":\"\xff\xfe\"}")));
    const QByteArray answer = client.readUntil(QByteArray("\x03\xef", 2));
    QVERIFY(answer.contains(QByteArray("\x03\xef", 2)));
}

QTEST_GUILESS_MAIN(TestServerHostile)
#include "tst_serverhostile.moc"
