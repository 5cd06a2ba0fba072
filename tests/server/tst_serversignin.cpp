// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Attacks on signing in, performed over real sockets against a real banterd: garbage through
// a shared proxy address, guessing someone's password to keep them out, looping correct
// sign-ins to make everyone else's "busy", replaying superseded refresh tokens, piling up
// sessions, and a revoked connection that keeps talking. Each must fail to hurt anyone else.
// Settings come from a config file, as an operator writes them.
#include "manualclock.h"
#include "rawclient.h"
#include "testserver.h"
#include "waiting.h"
#include <banter/protocol/sessionmessages.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>
#include <vector>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
// Client addresses as a trusted proxy on loopback reports them.
const QString OwnerAddress = u"198.51.100.7"_s;
const QString AttackerAddress = u"203.0.113.5"_s;
const QByteArray BehindProxy = "[server]\ntrusted_proxies=127.0.0.1, ::1\n"_ba;

QJsonObject loginData(const QString &name, const QString &password)
{
    return {{u"username"_s, name}, {u"password"_s, password}, {u"device"_s, u"t"_s}};
}

QByteArray frame(const QString &type, const QString &rid, const QJsonObject &data)
{
    return QJsonDocument(QJsonObject{{u"type"_s, type}, {u"rid"_s, rid}, {u"data"_s, data}})
        .toJson(QJsonDocument::Compact);
}

int countRefusals(const QList<Protocol::ServerFrame> &responses, ErrorCode code)
{
    return int(std::count_if(responses.cbegin(), responses.cend(),
                             [code](const auto &r) { return !r.success && r.error.code == code; }));
}

// Just enough of a WebSocket client over a plain TCP socket to do what no library client
// does: keep sending after the server's close frame. Frames it receives are kept as raw
// bytes (the test looks for strings in them).
class HandRolledWebSocket
{
public:
    bool open(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        if (!m_socket.waitForConnected(5000))
            return false;
        m_socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                       "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                       "Sec-WebSocket-Version: 13\r\n\r\n");
        return waitFor([this] { return pump().contains("\r\n\r\n"); }, 5000, "the handshake");
    }
    void sendText(const QByteArray &payload)
    {
        QByteArray out;
        out.append(char(0x81)); // FIN, text
        if (payload.size() < 126) {
            out.append(char(0x80 | payload.size()));
        } else {
            out.append(char(0x80 | 126));
            out.append(char(payload.size() >> 8));
            out.append(char(payload.size() & 0xff));
        }
        const QByteArray mask = "\x11\x22\x33\x44"_ba;
        out.append(mask);
        for (qsizetype i = 0; i < payload.size(); ++i)
            out.append(char(payload.at(i) ^ mask.at(i % 4)));
        m_socket.write(out);
        m_socket.flush();
    }
    const QByteArray &received()
    {
        pump();
        return m_received;
    }
    bool waitForDisconnected(int timeoutMs)
    {
        return waitFor(
            [this] {
                pump();
                return m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs, "the server to drop the connection");
    }

private:
    const QByteArray &pump()
    {
        m_received += m_socket.readAll();
        return m_received;
    }

    QTcpSocket m_socket;
    QByteArray m_received;
};
} // namespace

class TestServerSignIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void garbageDoesNotLockEveryoneOut();
    void forwardedForOnlyFromTrustedProxies();
    void guessingFromElsewhereKeepsOwnerOutSecondsOnly();
    void loopingCorrectSignInsCannotMakeOthersBusy();
    void anySupersededRefreshTokenRevokesTheSession();
    void graceReissueWorksOnce();
    void lostReplyTokenIsSuperseded();
    void sessionsPerUserCapped();
    void revokedConnectionIsServedNothingMore();

private:
    // A server with the test defaults overridden by this config file text.
    bool start(const QByteArray &ini, Server::Clock clock = {});
    // Opens a connection that arrives through the proxy with this X-Forwarded-For.
    bool openFrom(RawClient &client, const QString &forwardedFor);

    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;
};

void TestServerSignIn::init()
{
    QVERIFY(m_dir.isValid());
}

void TestServerSignIn::cleanup()
{
    m_server.reset();
}

bool TestServerSignIn::start(const QByteArray &ini, Server::Clock clock)
{
    QFile file(m_dir.filePath(u"banterd.conf"_s));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(ini) != ini.size())
        return false;
    file.close();
    Result<Server::ServerConfig> config =
        Server::loadConfigFile(file.fileName(), TestServer::defaultConfig());
    if (!config) {
        qWarning("config refused: %s", qPrintable(config.error().message));
        return false;
    }
    m_server = std::make_unique<TestServer>(*config);
    if (clock)
        m_server->setClock(std::move(clock));
    return m_server->start();
}

bool TestServerSignIn::openFrom(RawClient &client, const QString &forwardedFor)
{
    QNetworkRequest request(m_server->url());
    request.setRawHeader("X-Forwarded-For", forwardedFor.toLatin1());
    client.socket().open(request);
    return waitFor([&client] { return client.isConnected(); }, 5000, "the WebSocket to open");
}

void TestServerSignIn::garbageDoesNotLockEveryoneOut()
{
    // Every client shares the proxy's address, and nobody told banterd about the proxy.
    QVERIFY(start({}));
    RawClient owner;
    QVERIFY(owner.open(m_server->url()));
    QVERIFY(owner.registerUser(u"alice"_s));
    owner.close();
    RawClient attacker;
    QVERIFY(attacker.open(m_server->url()));
    // Names no account can have: answered without a look-up or a hash, and not held
    // against the address everyone shares.
    for (int i = 0; i < 25; ++i) {
        const auto reply = attacker.request(u"login"_s, loginData(u"x"_s, u"guess guess"_s));
        QCOMPARE(refusal(reply), ErrorCode::InvalidCredentials);
    }
    RawClient again;
    QVERIFY(again.open(m_server->url()));
    QVERIFY(again.login(u"alice"_s));
}

void TestServerSignIn::forwardedForOnlyFromTrustedProxies()
{
    QVERIFY(start(BehindProxy));
    RawClient owner;
    QVERIFY(openFrom(owner, OwnerAddress));
    QVERIFY(owner.registerUser(u"alice"_s));
    // Twenty real failures (valid names, one guess each) use up the attacker's address...
    RawClient attacker;
    QVERIFY(openFrom(attacker, AttackerAddress));
    for (int i = 0; i < 20; ++i)
        QCOMPARE(
            refusal(attacker.request(u"login"_s, loginData(u"user%1"_s.arg(i), u"guess guess"_s))),
            ErrorCode::InvalidCredentials);
    const auto limited = attacker.request(u"login"_s, loginData(u"bob"_s, u"guess guess"_s));
    QCOMPARE(refusal(limited), ErrorCode::RateLimited);
    QVERIFY(limited->error.retryAfterMs > 0);
    // ...and claiming someone else's address in front of the proxy's own entry does not
    // help: only the hop the proxy saw counts.
    RawClient spoofing;
    QVERIFY(openFrom(spoofing, OwnerAddress + u", "_s + AttackerAddress));
    QCOMPARE(refusal(spoofing.request(u"login"_s, loginData(u"bob"_s, u"guess guess"_s))),
             ErrorCode::RateLimited);
    // The owner, at another address behind the same proxy, is not affected.
    RawClient later;
    QVERIFY(openFrom(later, OwnerAddress));
    QVERIFY(later.login(u"alice"_s));

    // Without trusted proxies the header is the client's word and means nothing: a fresh
    // address per connection does not buy fresh attempts.
    m_server.reset();
    QVERIFY(start({}));
    bool refused = false;
    for (int i = 0; i < 25 && !refused; ++i) {
        RawClient rotating;
        QVERIFY(openFrom(rotating, u"192.0.2.%1"_s.arg(i + 1)));
        refused =
            refusal(rotating.request(u"login"_s, loginData(u"user%1"_s.arg(i), u"guess guess"_s)))
            == ErrorCode::RateLimited;
    }
    QVERIFY(refused);
}

void TestServerSignIn::guessingFromElsewhereKeepsOwnerOutSecondsOnly()
{
    ManualClock clock;
    QVERIFY(start(BehindProxy, clock.clock()));
    RawClient owner;
    QVERIFY(openFrom(owner, OwnerAddress));
    QVERIFY(owner.registerUser(u"alice"_s));
    owner.close();
    RawClient attacker;
    QVERIFY(openFrom(attacker, AttackerAddress));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(refusal(attacker.request(u"login"_s,
                                          loginData(u"alice"_s, u"guess %1 guess"_s.arg(i)))),
                 ErrorCode::InvalidCredentials);
    // The account now makes every attempt wait, but only seconds: the owner from another
    // address is told to come back shortly, and then gets in.
    RawClient back;
    QVERIFY(openFrom(back, OwnerAddress));
    auto reply = back.request(u"login"_s, loginData(u"alice"_s, u"correct horse"_s));
    QCOMPARE(refusal(reply), ErrorCode::RateLimited);
    QVERIFY(reply->error.retryAfterMs > 0);
    QVERIFY2(reply->error.retryAfterMs <= 10'000,
             qPrintable(QString::number(reply->error.retryAfterMs)));
    clock.advance(reply->error.retryAfterMs);
    QVERIFY(succeeded(back.request(u"login"_s, loginData(u"alice"_s, u"correct horse"_s))));

    // The guesser keeps going, waiting as told: the delay grows but never past 10 s, and
    // the owner still gets in within that.
    qint64 longest = 0;
    for (int i = 0; i < 20; ++i) {
        reply = attacker.request(u"login"_s, loginData(u"alice"_s, u"again %1 again"_s.arg(i)));
        QVERIFY(reply);
        if (refusal(reply) == ErrorCode::RateLimited) {
            longest = qMax(longest, reply->error.retryAfterMs);
            QVERIFY(reply->error.retryAfterMs <= 10'000);
            clock.advance(reply->error.retryAfterMs);
        } else {
            QCOMPARE(refusal(reply), ErrorCode::InvalidCredentials);
        }
    }
    QCOMPARE(longest, 10'000);
    RawClient last;
    QVERIFY(openFrom(last, OwnerAddress));
    reply = last.request(u"login"_s, loginData(u"alice"_s, u"correct horse"_s));
    if (refusal(reply) == ErrorCode::RateLimited) {
        QVERIFY(reply->error.retryAfterMs <= 10'000);
        clock.advance(reply->error.retryAfterMs);
        reply = last.request(u"login"_s, loginData(u"alice"_s, u"correct horse"_s));
    }
    QVERIFY(succeeded(reply));
}

void TestServerSignIn::loopingCorrectSignInsCannotMakeOthersBusy()
{
    // Real Argon2id cost, so that hashing is what the attackers try to hold.
    QVERIFY(start(BehindProxy
                  + "[auth]\npassword_memory_kib=19456\npassword_iterations=2\n"
                    "[limits]\nregistrations_per_address_per_hour=100\n"_ba));
    constexpr int Accounts = 12;
    constexpr int Pipelined = 10;
    std::vector<std::unique_ptr<RawClient>> attackers;
    for (int i = 0; i < Accounts; ++i) {
        attackers.push_back(std::make_unique<RawClient>());
        QVERIFY(openFrom(*attackers.back(), u"203.0.113.%1"_s.arg(i + 1)));
        QVERIFY(attackers.back()->registerUser(u"looper%1"_s.arg(i)));
    }
    RawClient victim;
    QVERIFY(openFrom(victim, OwnerAddress));
    QVERIFY(victim.registerUser(u"alice"_s));
    victim.close();
    // Each account sends its correct password ten times at once, without waiting.
    for (int i = 0; i < Accounts; ++i) {
        for (int n = 0; n < Pipelined; ++n)
            attackers[i]->sendText(frame(u"login"_s, u"loop%1"_s.arg(n),
                                         loginData(u"looper%1"_s.arg(i), u"correct horse"_s)));
    }
    // Once the server refuses some of them, it has read them.
    QVERIFY(waitFor(
        [&attackers] {
            return std::any_of(attackers.cbegin(), attackers.cend(), [](const auto &a) {
                return countRefusals(a->responses, ErrorCode::RateLimited) > 0;
            });
        },
        20'000, "an attacker's sign-in to be refused"));
    RawClient later;
    QVERIFY(openFrom(later, OwnerAddress));
    const auto reply = later.request(u"login"_s, loginData(u"alice"_s, u"correct horse"_s), 30'000);
    QVERIFY2(succeeded(reply), reply ? qPrintable(reply->error.message) : "no reply");
    // The excess was refused before any hashing, with a hint when to come back.
    QVERIFY(waitFor(
        [&attackers] {
            return std::all_of(attackers.cbegin(), attackers.cend(),
                               [](const auto &a) { return a->responses.size() >= Pipelined; });
        },
        30'000, "every attacker's answers"));
    int refused = 0;
    for (const auto &a : attackers) {
        refused += countRefusals(a->responses, ErrorCode::RateLimited);
        for (const auto &r : std::as_const(a->responses))
            QVERIFY(r.success || r.error.retryAfterMs > 0);
    }
    QVERIFY2(refused >= Accounts * (Pipelined - 2), qPrintable(QString::number(refused)));
}

void TestServerSignIn::anySupersededRefreshTokenRevokesTheSession()
{
    QVERIFY(start("[auth]\nrefresh_reuse_grace_seconds=0\n"_ba));
    RawClient owner;
    QVERIFY(owner.open(m_server->url()));
    const auto first = Protocol::AuthGrant::fromJson(*owner.registerUser(u"alice"_s));
    QVERIFY(first);
    // Two rotations: the first token is now two members back in the family.
    QString token = first->refreshToken;
    std::vector<std::unique_ptr<RawClient>> devices;
    for (int i = 0; i < 2; ++i) {
        devices.push_back(std::make_unique<RawClient>());
        QVERIFY(devices.back()->open(m_server->url()));
        const auto rotated = devices.back()->request(u"refresh"_s, {{u"refresh_token"_s, token}});
        QVERIFY(succeeded(rotated));
        token = Protocol::AuthGrant::fromJson(rotated->data)->refreshToken;
    }
    RawClient thief;
    QVERIFY(thief.open(m_server->url()));
    const auto stolen = thief.request(u"refresh"_s, {{u"refresh_token"_s, first->refreshToken}});
    QCOMPARE(refusal(stolen), ErrorCode::InvalidCredentials);
    QVERIFY(stolen->error.message.contains("token_reuse"_L1));
    const auto revoked = owner.waitForPush(u"session_revoked"_s);
    QVERIFY(revoked);
    QCOMPARE(revoked->data.value(u"reason"_s).toString(), u"token_reuse"_s);
    QVERIFY(owner.waitForDisconnected());
    for (const auto &device : devices)
        QVERIFY(device->waitForDisconnected());
    // The newest token died with the session.
    RawClient newest;
    QVERIFY(newest.open(m_server->url()));
    QCOMPARE(refusal(newest.request(u"refresh"_s, {{u"refresh_token"_s, token}})),
             ErrorCode::InvalidCredentials);
    QCOMPARE(refusal(newest.request(u"auth"_s, {{u"token"_s, first->accessToken}})),
             ErrorCode::InvalidCredentials);
}

void TestServerSignIn::graceReissueWorksOnce()
{
    QVERIFY(start({})); // the default 30 s grace
    RawClient owner;
    QVERIFY(owner.open(m_server->url()));
    const auto grant = Protocol::AuthGrant::fromJson(*owner.registerUser(u"alice"_s));
    RawClient lost;
    QVERIFY(lost.open(m_server->url()));
    QVERIFY(succeeded(lost.request(u"refresh"_s, {{u"refresh_token"_s, grant->refreshToken}})));
    RawClient retry;
    QVERIFY(retry.open(m_server->url()));
    QVERIFY(succeeded(retry.request(u"refresh"_s, {{u"refresh_token"_s, grant->refreshToken}})));
    // The grace is used up: the same token a third time is a copy, even within 30 s.
    RawClient thief;
    QVERIFY(thief.open(m_server->url()));
    QCOMPARE(refusal(thief.request(u"refresh"_s, {{u"refresh_token"_s, grant->refreshToken}})),
             ErrorCode::InvalidCredentials);
    const auto revoked = retry.waitForPush(u"session_revoked"_s);
    QVERIFY(revoked);
    QCOMPARE(revoked->data.value(u"reason"_s).toString(), u"token_reuse"_s);
    QVERIFY(thief.request(u"conversations"_s)->error.code == ErrorCode::Unauthenticated);
}

void TestServerSignIn::lostReplyTokenIsSuperseded()
{
    QVERIFY(start({}));
    RawClient owner;
    QVERIFY(owner.open(m_server->url()));
    const auto grant = Protocol::AuthGrant::fromJson(*owner.registerUser(u"alice"_s));
    RawClient lost;
    QVERIFY(lost.open(m_server->url()));
    const auto rotated = lost.request(u"refresh"_s, {{u"refresh_token"_s, grant->refreshToken}});
    QVERIFY(succeeded(rotated));
    const QString lostToken = Protocol::AuthGrant::fromJson(rotated->data)->refreshToken;
    RawClient retry;
    QVERIFY(retry.open(m_server->url()));
    QVERIFY(succeeded(retry.request(u"refresh"_s, {{u"refresh_token"_s, grant->refreshToken}})));
    // Whoever holds the token from the "lost" reply holds a copy.
    RawClient thief;
    QVERIFY(thief.open(m_server->url()));
    QCOMPARE(refusal(thief.request(u"refresh"_s, {{u"refresh_token"_s, lostToken}})),
             ErrorCode::InvalidCredentials);
    const auto revoked = owner.waitForPush(u"session_revoked"_s);
    QVERIFY(revoked);
    QCOMPARE(revoked->data.value(u"reason"_s).toString(), u"token_reuse"_s);
}

void TestServerSignIn::sessionsPerUserCapped()
{
    QVERIFY(start("[limits]\nmax_sessions_per_user=3\n"_ba));
    RawClient first;
    QVERIFY(first.open(m_server->url()));
    const auto oldest = Protocol::AuthGrant::fromJson(*first.registerUser(u"alice"_s));
    std::vector<std::unique_ptr<RawClient>> others;
    for (int i = 0; i < 4; ++i) {
        others.push_back(std::make_unique<RawClient>());
        QVERIFY(others.back()->open(m_server->url()));
        QVERIFY(others.back()->login(u"alice"_s));
    }
    // Five sign-ins, three sessions: the two least recently used were ended.
    const auto list = others.back()->request(u"sessions"_s);
    QVERIFY(succeeded(list));
    QCOMPARE(Protocol::SessionsReply::fromJson(list->data)->sessions.size(), 3);
    const auto revoked = first.waitForPush(u"session_revoked"_s);
    QVERIFY(revoked);
    QCOMPARE(revoked->data.value(u"reason"_s).toString(), u"session_limit"_s);
    QVERIFY(first.waitForDisconnected());
    QVERIFY(others.front()->waitForDisconnected());
    QVERIFY(others.back()->isConnected());
    RawClient stale;
    QVERIFY(stale.open(m_server->url()));
    QCOMPARE(refusal(stale.request(u"refresh"_s, {{u"refresh_token"_s, oldest->refreshToken}})),
             ErrorCode::InvalidCredentials);
}

void TestServerSignIn::revokedConnectionIsServedNothingMore()
{
    QVERIFY(start({}));
    RawClient bob;
    QVERIFY(bob.open(m_server->url()));
    const auto bobGrant = Protocol::AuthGrant::fromJson(*bob.registerUser(u"bob"_s));
    RawClient alice;
    QVERIFY(alice.open(m_server->url()));
    const auto aliceGrant = Protocol::AuthGrant::fromJson(*alice.registerUser(u"alice"_s));
    // A client that ignores the server's close frame and keeps writing: a plain TCP socket
    // speaking WebSocket by hand, signed in with the session about to be revoked.
    HandRolledWebSocket stubborn;
    QVERIFY(stubborn.open(m_server->port()));
    stubborn.sendText(frame(u"auth"_s, u"a"_s, {{u"token"_s, aliceGrant->accessToken}}));
    QVERIFY(waitFor([&stubborn] { return stubborn.received().contains("\"rid\":\"a\""); }, 5000,
                    "the auth reply"));
    QVERIFY(stubborn.received().contains("\"success\":true"));
    const auto hello = alice.request(u"message"_s,
                                     {{u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                      {u"to"_s, bobGrant->user.id},
                                      {u"content"_s, u"hello"_s}});
    QVERIFY(succeeded(hello));
    QVERIFY(bob.waitForPush(u"new_message"_s));
    QVERIFY(succeeded(alice.request(u"logout"_s)));
    QVERIFY(waitFor([&stubborn] { return stubborn.received().contains("session_revoked"); }, 5000,
                    "session_revoked"));
    // Revoked and told so: whatever it sends now is not served.
    for (int i = 0; i < 3; ++i)
        stubborn.sendText(frame(u"message"_s, u"late%1"_s.arg(i),
                                {{u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                 {u"to"_s, bobGrant->user.id},
                                 {u"content"_s, u"after logout"_s}}));
    // Nor is it sent what others say any more.
    const qint64 conversation =
        hello->data.value(u"message"_s).toObject().value(u"conversation_id"_s).toInteger();
    QVERIFY(conversation > 0);
    QVERIFY(succeeded(bob.request(u"message"_s,
                                  {{u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                   {u"conversation_id"_s, conversation},
                                   {u"content"_s, u"not for revoked eyes"_s}})));
    QVERIFY(stubborn.waitForDisconnected(10'000));
    QVERIFY(!stubborn.received().contains("late"));
    QVERIFY(!stubborn.received().contains("not for revoked eyes"));
    QVERIFY(bob.noPush(u"new_message"_s, 300));
    const auto history =
        bob.request(u"history"_s, {{u"conversation_id"_s, conversation}, {u"limit"_s, 10}});
    QVERIFY(succeeded(history));
    QCOMPARE(history->data.value(u"messages"_s).toArray().size(), 2); // hello and the reply
}

QTEST_GUILESS_MAIN(TestServerSignIn)
#include "tst_serversignin.moc"
