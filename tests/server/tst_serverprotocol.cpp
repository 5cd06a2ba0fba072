// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The envelope as the real server answers it: malformed, oversized, unknown, unauthorized and
// out-of-order input all get a clear error, and the connection keeps working afterwards.
#include "rawclient.h"
#include "testserver.h"
#include <banter/protocol/types.h>

#include <QJsonArray>
#include <QTest>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

class TestServerProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void malformedFramesGetErrors_data();
    void malformedFramesGetErrors();
    void unknownTypeEchoesRid();
    void requestsNeedAuthentication_data();
    void requestsNeedAuthentication();
    void helloNegotiatesVersion();
    void pingAnswersPong();
    void binaryFramesRejected();
    void oversizedFrameClosesConnection();
    void requestRateIsLimited();
    void unauthenticatedSocketIsClosedAfterTimeout();

private:
    TestServer m_server;
};

void TestServerProtocol::malformedFramesGetErrors_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("rid");
    QTest::newRow("not json") << "{nope"_ba << u"bad_request"_s << QString();
    QTest::newRow("array") << "[1,2]"_ba << u"bad_request"_s << QString();
    QTest::newRow("no rid") << R"({"type":"ping"})"_ba << u"bad_request"_s << QString();
    QTest::newRow("no type") << R"({"rid":"r1"})"_ba << u"bad_request"_s << u"r1"_s;
    QTest::newRow("numeric rid") << R"({"type":"ping","rid":7})"_ba << u"bad_request"_s
                                 << QString();
    QTest::newRow("data not object")
        << R"({"type":"ping","rid":"r2","data":[]})"_ba << u"bad_request"_s << u"r2"_s;
    QTest::newRow("too deep")
        << R"({"type":"ping","rid":"r3","data":{"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":1}}}}}}}}})"_ba
        << u"bad_request"_s << u"r3"_s;
}

void TestServerProtocol::malformedFramesGetErrors()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, code);
    QFETCH(QString, rid);
    RawClient client;
    QVERIFY(client.open(m_server.url()));
    client.sendText(frame);
    const auto reply = client.nextResponse();
    QVERIFY(reply);
    QVERIFY(!reply->success);
    QCOMPARE(errorCodeName(reply->error.code), code);
    QCOMPARE(reply->rid, rid);
    QVERIFY(!reply->error.message.isEmpty());
    // The connection survives bad input.
    const auto pong = client.request(u"ping"_s);
    QVERIFY(pong && pong->success);
}

void TestServerProtocol::unknownTypeEchoesRid()
{
    RawClient client;
    QVERIFY(client.open(m_server.url()));
    const auto reply = client.request(u"teleport"_s);
    QVERIFY(reply);
    QVERIFY(!reply->success);
    QCOMPARE(reply->error.code, ErrorCode::UnknownType);
    QCOMPARE(reply->type, u"teleport"_s);
}

void TestServerProtocol::requestsNeedAuthentication_data()
{
    QTest::addColumn<QString>("type");
    const char *types[] = {
        "logout",       "sessions",       "revoke_session", "change_password", "conversations",
        "conversation", "create_private", "create_group",   "add_members",     "remove_member",
        "leave",        "rename",         "message",        "history",         "sync",
        "read",         "delivered",      "typing",         "users",           "presence",
        "contacts",     "add_contact",    "remove_contact", "block",           "unblock"};
    for (const char *type : types)
        QTest::newRow(type) << QString::fromLatin1(type);
}

void TestServerProtocol::requestsNeedAuthentication()
{
    QFETCH(QString, type);
    RawClient client;
    QVERIFY(client.open(m_server.url()));
    const auto reply = client.request(type, {{u"conversation_id"_s, 1}});
    QVERIFY(reply);
    QVERIFY(!reply->success);
    QCOMPARE(reply->error.code, ErrorCode::Unauthenticated);
}

void TestServerProtocol::helloNegotiatesVersion()
{
    RawClient client;
    QVERIFY(client.open(m_server.url()));
    auto reply = client.request(u"hello"_s, {{u"protocol"_s, 1}, {u"client"_s, u"test"_s}});
    QVERIFY(reply && reply->success);
    QCOMPARE(reply->data.value(u"protocol"_s).toInt(), 1);
    const QJsonObject limits = reply->data.value(u"limits"_s).toObject();
    QCOMPARE(limits.value(u"max_message_chars"_s).toInt(), 5000);
    // The per-connection request limit as configured, so that clients can keep under it.
    QCOMPARE(limits.value(u"requests_per_second"_s).toInt(),
             int(TestServer::defaultConfig().limits.requestsPerSecond));
    QCOMPARE(limits.value(u"request_burst"_s).toInt(),
             int(TestServer::defaultConfig().limits.requestBurst));
    reply = client.request(u"hello"_s, {{u"protocol"_s, 99}});
    QVERIFY(reply && !reply->success);
    QCOMPARE(reply->error.code, ErrorCode::UnsupportedVersion);
    reply = client.request(u"hello"_s, {{u"protocol"_s, u"1"_s}});
    QVERIFY(reply && !reply->success);
    QCOMPARE(reply->error.code, ErrorCode::BadRequest);
}

void TestServerProtocol::pingAnswersPong()
{
    RawClient client;
    QVERIFY(client.open(m_server.url()));
    const auto reply = client.request(u"ping"_s);
    QVERIFY(reply && reply->success);
    QCOMPARE(reply->type, u"pong"_s);
    QVERIFY(reply->data.value(u"time"_s).toDouble() > 0);
}

void TestServerProtocol::binaryFramesRejected()
{
    RawClient client;
    QVERIFY(client.open(m_server.url()));
    client.socket().sendBinaryMessage("\x01\x02"_ba);
    const auto reply = client.nextResponse();
    QVERIFY(reply && !reply->success);
    QCOMPARE(reply->error.code, ErrorCode::BadRequest);
}

void TestServerProtocol::oversizedFrameClosesConnection()
{
    RawClient client;
    QVERIFY(client.open(m_server.url()));
    const QByteArray huge = R"({"type":"ping","rid":"big","data":{"x":")"_ba
        + QByteArray(200 * 1024, 'a') + R"("}})"_ba;
    client.sendText(huge);
    QVERIFY(client.waitForDisconnected());
    QCOMPARE(client.socket().closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
}

void TestServerProtocol::requestRateIsLimited()
{
    RawClient client;
    QVERIFY(client.open(m_server.url()));
    const double burst = m_server.config().limits.requestBurst;
    int accepted = 0;
    int limited = 0;
    for (int i = 0; i < int(burst) + 20; ++i)
        client.sendText(Protocol::encodeRequest(u"ping"_s, u"p%1"_s.arg(i), {}));
    for (int i = 0; i < int(burst) + 20; ++i) {
        const auto reply = client.nextResponse();
        QVERIFY(reply);
        QCOMPARE(reply->type, u"pong"_s); // answered as pong, refused or not
        if (reply->success) {
            ++accepted;
            continue;
        }
        QCOMPARE(reply->error.code, ErrorCode::RateLimited);
        QVERIFY(reply->error.retryAfterMs > 0);
        ++limited;
    }
    // The whole burst goes through (the bucket starts full and refills meanwhile), the rest
    // not all of it.
    QVERIFY2(accepted >= int(burst), qPrintable(QString::number(accepted)));
    QVERIFY(limited >= 1);
}

void TestServerProtocol::unauthenticatedSocketIsClosedAfterTimeout()
{
    Server::ServerConfig config = TestServer::defaultConfig();
    config.limits.authTimeoutSeconds = 1;
    TestServer server(config);
    QVERIFY(server.start());
    RawClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(client.waitForDisconnected(5000));
    QCOMPARE(client.socket().closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
}

QTEST_GUILESS_MAIN(TestServerProtocol)
#include "tst_serverprotocol.moc"
