// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Accounts and sessions through the real server: register, login, auth with a token on a new
// connection, refresh rotation with reuse detection, logout and revocation closing sockets,
// password change, login throttling, closed registration and the per-user connection cap.
#include "rawclient.h"
#include "testserver.h"
#include <banter/protocol/sessionmessages.h>

#include <QJsonArray>
#include <QTest>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

class TestServerAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void registerValidates_data();
    void registerValidates();
    void usernameIsTaken();
    void wrongPasswordAndUnknownUserLookAlike();
    void tokenAuthenticatesNewConnection();
    void badTokensRejected_data();
    void badTokensRejected();
    void refreshRotatesAndDetectsReuse();
    void lostRefreshReplyIsForgivenWithinGrace();
    void logoutClosesSessionSockets();
    void changePasswordRevokesOtherSessions();
    void sessionsListedAndRevoked();
    void loginFailuresAreThrottled();
    void closedRegistration();
    void connectionsPerUserCapped();
    void registrationsPerAddressCapped();

private:
    Protocol::AuthGrant registerUser(RawClient &client, const QString &name);

    std::unique_ptr<TestServer> m_server;
};

void TestServerAuth::init()
{
    Server::ServerConfig config = TestServer::defaultConfig();
    config.limits.maxConnectionsPerUser = 3;
    config.refreshReuseGraceSeconds = 0; // reuse is theft at once; the grace has its own test
    m_server = std::make_unique<TestServer>(config);
    QVERIFY(m_server->start());
}

void TestServerAuth::cleanup()
{
    m_server.reset();
}

Protocol::AuthGrant TestServerAuth::registerUser(RawClient &client, const QString &name)
{
    const auto grant = client.registerUser(name);
    if (!grant)
        return {};
    return *Protocol::AuthGrant::fromJson(*grant);
}

void TestServerAuth::registerValidates_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("code");
    QTest::newRow("short name") << u"ab"_s << u"long enough"_s << int(ErrorCode::BadRequest);
    QTest::newRow("bad chars") << u"a b!"_s << u"long enough"_s << int(ErrorCode::BadRequest);
    QTest::newRow("short password") << u"carol"_s << u"short"_s << int(ErrorCode::BadRequest);
    QTest::newRow("huge password") << u"carol"_s << QString(1025, u'p') << int(ErrorCode::TooLarge);
}

void TestServerAuth::registerValidates()
{
    QFETCH(QString, username);
    QFETCH(QString, password);
    QFETCH(int, code);
    RawClient client;
    QVERIFY(client.open(m_server->url()));
    const auto reply = client.request(
        u"register"_s,
        {{u"username"_s, username}, {u"password"_s, password}, {u"device"_s, u"t"_s}});
    QVERIFY(reply && !reply->success);
    QCOMPARE(int(reply->error.code), code);
}

void TestServerAuth::usernameIsTaken()
{
    RawClient a;
    RawClient b;
    QVERIFY(a.open(m_server->url()) && b.open(m_server->url()));
    QVERIFY(registerUser(a, u"alice"_s).sessionId > 0);
    const auto reply = b.request(
        u"register"_s,
        {{u"username"_s, u"Alice"_s}, {u"password"_s, u"correct horse"_s}, {u"device"_s, u"t"_s}});
    QVERIFY(reply && !reply->success);
    QCOMPARE(reply->error.code, ErrorCode::Conflict);
}

void TestServerAuth::wrongPasswordAndUnknownUserLookAlike()
{
    RawClient a;
    QVERIFY(a.open(m_server->url()));
    registerUser(a, u"alice"_s);
    RawClient b;
    QVERIFY(b.open(m_server->url()));
    const auto wrong = b.request(
        u"login"_s,
        {{u"username"_s, u"alice"_s}, {u"password"_s, u"wrong password"_s}, {u"device"_s, u"t"_s}});
    const auto unknown = b.request(u"login"_s,
                                   {{u"username"_s, u"nobody"_s},
                                    {u"password"_s, u"wrong password"_s},
                                    {u"device"_s, u"t"_s}});
    QVERIFY(wrong && unknown);
    QCOMPARE(wrong->error.code, ErrorCode::InvalidCredentials);
    QCOMPARE(unknown->error.code, ErrorCode::InvalidCredentials);
    QCOMPARE(wrong->error.message, unknown->error.message);
    // Still not signed in.
    QCOMPARE(b.request(u"conversations"_s)->error.code, ErrorCode::Unauthenticated);
}

void TestServerAuth::tokenAuthenticatesNewConnection()
{
    RawClient a;
    QVERIFY(a.open(m_server->url()));
    const auto grant = registerUser(a, u"alice"_s);
    RawClient b;
    QVERIFY(b.open(m_server->url()));
    const auto reply = b.request(u"auth"_s, {{u"token"_s, grant.accessToken}});
    QVERIFY(reply && reply->success);
    const auto auth = Protocol::AuthReply::fromJson(reply->data);
    QVERIFY(auth);
    QCOMPARE(auth->user.username, u"alice"_s);
    QCOMPARE(auth->sessionId, grant.sessionId);
    QVERIFY(b.request(u"conversations"_s)->success);
}

void TestServerAuth::badTokensRejected_data()
{
    QTest::addColumn<QString>("token");
    QTest::newRow("garbage") << u"not-a-token"_s;
    QTest::newRow("alg none")
        << u"eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOjEsInNpZCI6MSwiZXhwIjo5OTk5OTk5OTk5LCJ0eXAiOiJhY2Nlc3MifQ."_s;
    QTest::newRow("empty") << QString();
}

void TestServerAuth::badTokensRejected()
{
    QFETCH(QString, token);
    RawClient client;
    QVERIFY(client.open(m_server->url()));
    const auto reply = client.request(u"auth"_s, {{u"token"_s, token}});
    QVERIFY(reply && !reply->success);
    QVERIFY(reply->error.code == ErrorCode::InvalidCredentials
            || reply->error.code == ErrorCode::BadRequest);
    QCOMPARE(client.request(u"conversations"_s)->error.code, ErrorCode::Unauthenticated);
}

void TestServerAuth::refreshRotatesAndDetectsReuse()
{
    RawClient a;
    QVERIFY(a.open(m_server->url()));
    const auto grant = registerUser(a, u"alice"_s);
    RawClient b;
    QVERIFY(b.open(m_server->url()));
    const auto first = b.request(u"refresh"_s, {{u"refresh_token"_s, grant.refreshToken}});
    QVERIFY(first && first->success);
    const auto rotated = *Protocol::AuthGrant::fromJson(first->data);
    QVERIFY(rotated.refreshToken != grant.refreshToken);
    QCOMPARE(rotated.sessionId, grant.sessionId);
    QVERIFY(b.request(u"conversations"_s)->success); // refresh also signs the connection in
    // Presenting the old token again means it leaked: the whole session is revoked.
    RawClient thief;
    QVERIFY(thief.open(m_server->url()));
    const auto reuse = thief.request(u"refresh"_s, {{u"refresh_token"_s, grant.refreshToken}});
    QVERIFY(reuse && !reuse->success);
    QCOMPARE(reuse->error.code, ErrorCode::InvalidCredentials);
    QVERIFY(a.waitForPush(u"session_revoked"_s));
    QVERIFY(a.waitForDisconnected());
    QVERIFY(b.waitForDisconnected());
    RawClient later;
    QVERIFY(later.open(m_server->url()));
    QCOMPARE(later.request(u"refresh"_s, {{u"refresh_token"_s, rotated.refreshToken}})->error.code,
             ErrorCode::InvalidCredentials);
}

void TestServerAuth::lostRefreshReplyIsForgivenWithinGrace()
{
    m_server.reset();
    m_server = std::make_unique<TestServer>(); // the default 30 s grace
    QVERIFY(m_server->start());
    RawClient a;
    QVERIFY(a.open(m_server->url()));
    const auto grant = registerUser(a, u"alice"_s);
    // The rotation happens, but its reply never reaches the client...
    RawClient lost;
    QVERIFY(lost.open(m_server->url()));
    QVERIFY(lost.request(u"refresh"_s, {{u"refresh_token"_s, grant.refreshToken}})->success);
    // ...which retries with the token it still holds: a new grant, not a revoked session.
    RawClient retry;
    QVERIFY(retry.open(m_server->url()));
    const auto again = retry.request(u"refresh"_s, {{u"refresh_token"_s, grant.refreshToken}});
    QVERIFY(again && again->success);
    const auto reissued = *Protocol::AuthGrant::fromJson(again->data);
    QCOMPARE(reissued.sessionId, grant.sessionId);
    QVERIFY(retry.request(u"conversations"_s)->success);
    QVERIFY(!a.waitForPush(u"session_revoked"_s, 300));
    // The re-issued token rotates normally.
    RawClient next;
    QVERIFY(next.open(m_server->url()));
    QVERIFY(next.request(u"refresh"_s, {{u"refresh_token"_s, reissued.refreshToken}})->success);
}

void TestServerAuth::logoutClosesSessionSockets()
{
    RawClient a;
    QVERIFY(a.open(m_server->url()));
    const auto grant = registerUser(a, u"alice"_s);
    RawClient sameSession;
    QVERIFY(sameSession.open(m_server->url()));
    QVERIFY(sameSession.request(u"auth"_s, {{u"token"_s, grant.accessToken}})->success);
    RawClient otherDevice;
    QVERIFY(otherDevice.open(m_server->url()));
    QVERIFY(otherDevice.login(u"alice"_s));
    QVERIFY(a.request(u"logout"_s)->success);
    const auto revoked = sameSession.waitForPush(u"session_revoked"_s);
    QVERIFY(revoked);
    QCOMPARE(revoked->data.value(u"reason"_s).toString(), u"logout"_s);
    QVERIFY(sameSession.waitForDisconnected());
    QVERIFY(a.waitForDisconnected());
    QVERIFY(otherDevice.isConnected());
    QVERIFY(otherDevice.request(u"ping"_s)->success);
    RawClient reuse;
    QVERIFY(reuse.open(m_server->url()));
    QCOMPARE(reuse.request(u"auth"_s, {{u"token"_s, grant.accessToken}})->error.code,
             ErrorCode::InvalidCredentials);
}

void TestServerAuth::changePasswordRevokesOtherSessions()
{
    RawClient a;
    QVERIFY(a.open(m_server->url()));
    registerUser(a, u"alice"_s);
    RawClient other;
    QVERIFY(other.open(m_server->url()));
    QVERIFY(other.login(u"alice"_s));
    auto reply =
        a.request(u"change_password"_s,
                  {{u"old_password"_s, u"wrong one!"_s}, {u"new_password"_s, u"new secret"_s}});
    QCOMPARE(reply->error.code, ErrorCode::InvalidCredentials);
    reply =
        a.request(u"change_password"_s,
                  {{u"old_password"_s, u"correct horse"_s}, {u"new_password"_s, u"new secret"_s}});
    QVERIFY(reply && reply->success);
    QVERIFY(other.waitForDisconnected());
    QVERIFY(a.isConnected());
    RawClient fresh;
    QVERIFY(fresh.open(m_server->url()));
    QVERIFY(!fresh.login(u"alice"_s));
    QVERIFY(fresh.login(u"alice"_s, u"new secret"_s));
}

void TestServerAuth::sessionsListedAndRevoked()
{
    RawClient a;
    QVERIFY(a.open(m_server->url()));
    const auto grant = registerUser(a, u"alice"_s);
    RawClient other;
    QVERIFY(other.open(m_server->url()));
    const auto otherGrant = *Protocol::AuthGrant::fromJson(*other.login(u"alice"_s));
    const auto list = a.request(u"sessions"_s);
    QVERIFY(list && list->success);
    const auto sessions = Protocol::SessionsReply::fromJson(list->data)->sessions;
    QCOMPARE(sessions.size(), 2);
    QCOMPARE(
        std::count_if(sessions.cbegin(), sessions.cend(), [](const auto &s) { return s.current; }),
        1);
    QVERIFY(a.request(u"revoke_session"_s, {{u"session_id"_s, otherGrant.sessionId}})->success);
    QVERIFY(other.waitForDisconnected());
    // Someone else's session looks like one that does not exist.
    RawClient bob;
    QVERIFY(bob.open(m_server->url()));
    registerUser(bob, u"bob"_s);
    QCOMPARE(bob.request(u"revoke_session"_s, {{u"session_id"_s, grant.sessionId}})->error.code,
             ErrorCode::NotFound);
}

void TestServerAuth::loginFailuresAreThrottled()
{
    RawClient a;
    QVERIFY(a.open(m_server->url()));
    registerUser(a, u"alice"_s);
    RawClient attacker;
    QVERIFY(attacker.open(m_server->url()));
    bool limited = false;
    for (int i = 0; i < 30 && !limited; ++i) {
        const auto reply = attacker.request(u"login"_s,
                                            {{u"username"_s, u"alice"_s},
                                             {u"password"_s, u"guess %1 guess"_s.arg(i)},
                                             {u"device"_s, u"t"_s}});
        QVERIFY(reply && !reply->success);
        limited = reply->error.code == ErrorCode::RateLimited;
        if (limited)
            QVERIFY(reply->error.retryAfterMs > 0);
    }
    QVERIFY(limited);
}

void TestServerAuth::closedRegistration()
{
    Server::ServerConfig config = TestServer::defaultConfig();
    config.registration = Server::RegistrationMode::Closed;
    TestServer server(config);
    QVERIFY(server.start());
    RawClient client;
    QVERIFY(client.open(server.url()));
    const auto reply = client.request(
        u"register"_s,
        {{u"username"_s, u"alice"_s}, {u"password"_s, u"correct horse"_s}, {u"device"_s, u"t"_s}});
    QVERIFY(reply && !reply->success);
    QCOMPARE(reply->error.code, ErrorCode::RegistrationClosed);
}

void TestServerAuth::connectionsPerUserCapped()
{
    std::vector<std::unique_ptr<RawClient>> clients;
    clients.push_back(std::make_unique<RawClient>());
    QVERIFY(clients.back()->open(m_server->url()));
    registerUser(*clients.back(), u"alice"_s);
    for (int i = 0; i < 2; ++i) {
        clients.push_back(std::make_unique<RawClient>());
        QVERIFY(clients.back()->open(m_server->url()));
        QVERIFY(clients.back()->login(u"alice"_s));
    }
    RawClient extra;
    QVERIFY(extra.open(m_server->url()));
    const auto reply = extra.request(
        u"login"_s,
        {{u"username"_s, u"alice"_s}, {u"password"_s, u"correct horse"_s}, {u"device"_s, u"t"_s}});
    QVERIFY(reply && !reply->success);
    QCOMPARE(reply->error.code, ErrorCode::LimitExceeded);
}

void TestServerAuth::registrationsPerAddressCapped()
{
    Server::ServerConfig config = TestServer::defaultConfig();
    config.limits.registrationsPerAddressPerHour = 3;
    TestServer server(config);
    QVERIFY(server.start());
    for (int i = 0; i < 3; ++i) {
        RawClient client;
        QVERIFY(client.open(server.url()));
        QVERIFY(client.registerUser(u"user%1"_s.arg(i)));
    }
    RawClient fourth;
    QVERIFY(fourth.open(server.url()));
    const auto reply = fourth.request(
        u"register"_s,
        {{u"username"_s, u"user9"_s}, {u"password"_s, u"correct horse"_s}, {u"device"_s, u"t"_s}});
    QVERIFY(reply && !reply->success);
    QCOMPARE(reply->error.code, ErrorCode::RateLimited);
    QVERIFY(reply->error.retryAfterMs > 0);
    QVERIFY(fourth.login(u"user0"_s)); // signing in is not affected
}

QTEST_GUILESS_MAIN(TestServerAuth)
#include "tst_serverauth.moc"
