// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// AuthService over real SQLite storage, with a clock the test moves: registration, sign-in,
// tokens, refresh rotation and reuse detection, revocation, password change and the limits.
#include "auth/jwtcodec.h"
#include "auth/passwordhasher.h"
#include "auth/refreshtoken.h"
#include "auth/tokenkey.h"
#include "service/authservice.h"
#include "storage/storagefactory.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Banter;
using namespace Banter::Server;
using namespace Qt::StringLiterals;
namespace P = Banter::Protocol;

namespace {
constexpr qint64 Start = 1'700'000'000'000;
constexpr qint64 Minute = 60 * 1000;
constexpr qint64 Day = 24 * 60 * Minute;
const QString Password = u"correct horse"_s;

// Waits for an AuthService answer, spinning the event loop, and then lets whatever the
// answer queued behind it (sessionRevoked) happen too. The deadline only turns a missing
// answer into a failure instead of a hang.
template<typename T>
Result<T> await(QFuture<Result<T>> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 20000))
        return makeError(ErrorCode::Internal, u"AuthService never answered"_s);
    QCoreApplication::sendPostedEvents();
    return future.result();
}

QString describe(const Error &error)
{
    return errorCodeName(error.code) + u": "_s + error.message;
}
} // namespace

class TestAuthService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void registerAndLogin();
    void registerValidates_data();
    void registerValidates();
    void usernamesAreCaseInsensitive();
    void registrationClosed();
    void registrationsPerAddressLimited();
    void unknownUserLooksLikeWrongPassword();
    void authenticateChecksTheSession();
    void accessTokenExpires();
    void refreshRotates();
    void refreshReuseRevokesTheSession();
    void refreshRetryWithinGraceReissues();
    void refreshRejectsUnknownMalformedAndExpired();
    void logoutRevokes();
    void revokeOnlyOwnSessions();
    void changePasswordRevokesOtherSessions();
    void loginLimitedPerAccount();
    void successResetsTheAccountCounter();
    void loginLimitedPerAddress();
    void burstCountsAttemptsInFlight();
    void passwordChecksCapped();
    void rehashOnLogin();
    void sweepDeletesUnusableSessions();

private:
    void startService(AuthSettings settings = {}, PasswordParams params = {8, 1});
    void stopService();
    P::AuthGrant registerUser(const QString &name, const QString &peer = u"192.0.2.1"_s);
    Result<P::AuthGrant> login(const QString &name, const QString &password,
                               const QString &peer = u"192.0.2.1"_s);
    Result<P::AuthReply> authenticate(const QString &token);
    Result<P::AuthGrant> refresh(const QString &token);
    QString storedHash(const QString &username);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqlStorageExecutor> m_storage;
    std::unique_ptr<PasswordHasher> m_hasher;
    std::unique_ptr<JwtCodec> m_jwt;
    std::unique_ptr<AuthService> m_auth;
    qint64 m_now = Start;
};

void TestAuthService::init()
{
    m_now = Start;
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Result<std::unique_ptr<SqlStorageExecutor>> storage =
        openStorage(u"sqlite://"_s + m_dir->filePath(u"banter.db"_s));
    QVERIFY2(storage, qPrintable(storage ? QString() : describe(storage.error())));
    m_storage = std::move(storage).value();
    m_jwt = std::make_unique<JwtCodec>(TokenKey::generate());
    startService();
}

void TestAuthService::cleanup()
{
    // Storage first: its last answers are delivered to a service that still exists.
    if (m_storage)
        m_storage->stop();
    // Storage's last answers continue on the service: let them, before it goes.
    QCoreApplication::sendPostedEvents();
    stopService();
    m_storage.reset();
    m_jwt.reset();
    m_dir.reset();
}

void TestAuthService::startService(AuthSettings settings, PasswordParams params)
{
    stopService();
    m_hasher = std::make_unique<PasswordHasher>(params);
    m_auth = std::make_unique<AuthService>(
        *m_storage, *m_hasher, *m_jwt, [this] { return m_now; }, settings);
}

void TestAuthService::stopService()
{
    m_auth.reset();
    m_hasher.reset();
}

P::AuthGrant TestAuthService::registerUser(const QString &name, const QString &peer)
{
    const Result<P::AuthGrant> grant =
        await(m_auth->registerUser({name, Password, QString(), u"test"_s, {}}, peer));
    if (!grant) {
        qWarning() << "registering" << name << "failed:" << describe(grant.error());
        return {};
    }
    return *grant;
}

Result<P::AuthGrant> TestAuthService::login(const QString &name, const QString &password,
                                            const QString &peer)
{
    return await(m_auth->login({name, password, u"test"_s}, peer));
}

Result<P::AuthReply> TestAuthService::authenticate(const QString &token)
{
    return await(m_auth->authenticate(token));
}

Result<P::AuthGrant> TestAuthService::refresh(const QString &token)
{
    return await(m_auth->refresh(token));
}

QString TestAuthService::storedHash(const QString &username)
{
    const Result<std::optional<Credentials>> found =
        await(runInStorage<std::optional<Credentials>>(*m_storage, [username](Repositories &repos) {
            return repos.users.findCredentials(username);
        }));
    return found && found->has_value() ? (*found)->passwordHash : QString();
}

void TestAuthService::registerAndLogin()
{
    const P::AuthGrant grant = registerUser(u"alice"_s);
    QVERIFY(grant.user.id > 0);
    QCOMPARE(grant.user.username, u"alice"_s);
    QVERIFY(grant.sessionId > 0);
    QVERIFY(!grant.accessToken.isEmpty());
    QVERIFY(RefreshToken::isWellFormed(grant.refreshToken));
    QCOMPARE(grant.accessExpiresAtMs, Start + 15 * Minute);
    QVERIFY(storedHash(u"alice"_s).startsWith("$argon2id$"_L1));

    const Result<P::AuthReply> auth = authenticate(grant.accessToken);
    QVERIFY2(auth, qPrintable(auth ? QString() : describe(auth.error())));
    QCOMPARE(auth->user.id, grant.user.id);
    QCOMPARE(auth->sessionId, grant.sessionId);
    QCOMPARE(auth->accessExpiresAtMs, grant.accessExpiresAtMs);

    const Result<P::AuthGrant> again = login(u"alice"_s, Password);
    QVERIFY2(again, qPrintable(again ? QString() : describe(again.error())));
    QCOMPARE(again->user.id, grant.user.id);
    QVERIFY(again->sessionId != grant.sessionId); // every sign-in is a session of its own
    QVERIFY(again->refreshToken != grant.refreshToken);
    QVERIFY(authenticate(again->accessToken));
}

void TestAuthService::registerValidates_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<QString>("device");
    QTest::addColumn<ErrorCode>("code");
    const QString ok = u"bob"_s;
    QTest::newRow("short name") << u"ab"_s << Password << QString() << u"t"_s
                                << ErrorCode::BadRequest;
    QTest::newRow("space in name")
        << u"bob smith"_s << Password << QString() << u"t"_s << ErrorCode::BadRequest;
    QTest::newRow("accented name")
        << u"émile"_s << Password << QString() << u"t"_s << ErrorCode::BadRequest;
    QTest::newRow("long name") << QString(33, u'b') << Password << QString() << u"t"_s
                               << ErrorCode::BadRequest;
    QTest::newRow("short password")
        << ok << u"short"_s << QString() << u"t"_s << ErrorCode::BadRequest;
    QTest::newRow("long password")
        << ok << QString(1025, u'p') << QString() << u"t"_s << ErrorCode::TooLarge;
    QTest::newRow("long display name")
        << ok << Password << QString(65, u'd') << u"t"_s << ErrorCode::TooLarge;
    QTest::newRow("no device") << ok << Password << QString() << QString() << ErrorCode::BadRequest;
}

void TestAuthService::registerValidates()
{
    QFETCH(QString, username);
    QFETCH(QString, password);
    QFETCH(QString, displayName);
    QFETCH(QString, device);
    QFETCH(ErrorCode, code);
    const Result<P::AuthGrant> grant =
        await(m_auth->registerUser({username, password, displayName, device, {}}, u"192.0.2.1"_s));
    QVERIFY(!grant);
    QCOMPARE(grant.error().code, code);
}

void TestAuthService::usernamesAreCaseInsensitive()
{
    const P::AuthGrant grant = registerUser(u"Alice.B"_s);
    QCOMPARE(grant.user.username, u"alice.b"_s);
    const Result<P::AuthGrant> taken = await(
        m_auth->registerUser({u"ALICE.b"_s, Password, QString(), u"t"_s, {}}, u"192.0.2.1"_s));
    QVERIFY(!taken);
    QCOMPARE(taken.error().code, ErrorCode::Conflict);
    const Result<P::AuthGrant> login = this->login(u"ALICE.B"_s, Password);
    QVERIFY(login);
    QCOMPARE(login->user.id, grant.user.id);
}

void TestAuthService::registrationClosed()
{
    AuthSettings settings;
    settings.registration = Server::RegistrationMode::Closed;
    startService(settings);
    const Result<P::AuthGrant> grant =
        await(m_auth->registerUser({u"alice"_s, Password, QString(), u"t"_s, {}}, u"192.0.2.1"_s));
    QVERIFY(!grant);
    QCOMPARE(grant.error().code, ErrorCode::RegistrationClosed);
    QCOMPARE(storedHash(u"alice"_s), QString()); // nothing was created
}

void TestAuthService::registrationsPerAddressLimited()
{
    AuthSettings settings;
    settings.registrationsPerAddress = 2;
    startService(settings);
    QVERIFY(registerUser(u"user1"_s, u"2001:db8::1"_s).user.id);
    QVERIFY(registerUser(u"user2"_s, u"2001:db8::2"_s).user.id); // the same /64
    const Result<P::AuthGrant> third = await(
        m_auth->registerUser({u"user3"_s, Password, QString(), u"t"_s, {}}, u"2001:db8::3"_s));
    QVERIFY(!third);
    QCOMPARE(third.error().code, ErrorCode::RateLimited);
    QVERIFY(third.error().retryAfterMs > 0);
    QVERIFY(registerUser(u"user3"_s, u"2001:db8:0:1::1"_s).user.id); // another /64
    m_now += 61 * Minute;
    QVERIFY(registerUser(u"user4"_s, u"2001:db8::4"_s).user.id);
}

void TestAuthService::unknownUserLooksLikeWrongPassword()
{
    registerUser(u"alice"_s);
    const Result<P::AuthGrant> wrong = login(u"alice"_s, u"wrong horse"_s);
    const Result<P::AuthGrant> unknown = login(u"mallory"_s, Password);
    QVERIFY(!wrong);
    QVERIFY(!unknown);
    QCOMPARE(wrong.error().code, ErrorCode::InvalidCredentials);
    QCOMPARE(unknown.error(), wrong.error()); // code, message and all
    const Result<P::AuthGrant> invalidName = login(u"not a name!"_s, Password);
    QCOMPARE(invalidName.error(), wrong.error());
    const Result<P::AuthGrant> hugePassword = login(u"alice"_s, QString(5000, u'p'));
    QCOMPARE(hugePassword.error(), wrong.error());
}

void TestAuthService::authenticateChecksTheSession()
{
    const P::AuthGrant grant = registerUser(u"alice"_s);
    // Well signed, but for a session that does not exist.
    const QString noSession = m_jwt->sign({grant.user.id, 9999, Start / 1000, Start / 1000 + 60});
    QCOMPARE(authenticate(noSession).error().code, ErrorCode::InvalidCredentials);
    // The right session, someone else's user id.
    const QString otherUser =
        m_jwt->sign({grant.user.id + 1, grant.sessionId, Start / 1000, Start / 1000 + 60});
    QCOMPARE(authenticate(otherUser).error().code, ErrorCode::InvalidCredentials);
    // Signed with another key.
    const QString otherKey =
        JwtCodec(TokenKey::generate())
            .sign({grant.user.id, grant.sessionId, Start / 1000, Start / 1000 + 60});
    QCOMPARE(authenticate(otherKey).error().code, ErrorCode::InvalidCredentials);
    QCOMPARE(authenticate(u"garbage"_s).error().code, ErrorCode::InvalidCredentials);
    // The refresh token is not an access token.
    QCOMPARE(authenticate(grant.refreshToken).error().code, ErrorCode::InvalidCredentials);
    QVERIFY(authenticate(grant.accessToken));
}

void TestAuthService::accessTokenExpires()
{
    const P::AuthGrant grant = registerUser(u"alice"_s);
    m_now += 15 * Minute - 1000;
    QVERIFY(authenticate(grant.accessToken));
    m_now += 1000;
    const Result<P::AuthReply> expired = authenticate(grant.accessToken);
    QVERIFY(!expired);
    QCOMPARE(expired.error().code, ErrorCode::TokenExpired);
    const Result<P::AuthGrant> renewed = refresh(grant.refreshToken);
    QVERIFY(renewed);
    QCOMPARE(renewed->accessExpiresAtMs, m_now + 15 * Minute);
    QVERIFY(authenticate(renewed->accessToken));
}

void TestAuthService::refreshRotates()
{
    QSignalSpy revoked(m_auth.get(), &AuthService::sessionRevoked);
    const P::AuthGrant grant = registerUser(u"alice"_s);
    const Result<P::AuthGrant> first = refresh(grant.refreshToken);
    QVERIFY2(first, qPrintable(first ? QString() : describe(first.error())));
    QCOMPARE(first->sessionId, grant.sessionId);
    QCOMPARE(first->user.id, grant.user.id);
    QVERIFY(RefreshToken::isWellFormed(first->refreshToken));
    QVERIFY(first->refreshToken != grant.refreshToken);
    QVERIFY(authenticate(first->accessToken));
    const Result<P::AuthGrant> second = refresh(first->refreshToken);
    QVERIFY(second);
    QVERIFY(second->refreshToken != first->refreshToken);
    QCOMPARE(second->sessionId, grant.sessionId);
    QCOMPARE(revoked.count(), 0);
}

void TestAuthService::refreshRetryWithinGraceReissues()
{
    const P::AuthGrant grant = registerUser(u"alice"_s);
    QSignalSpy revoked(m_auth.get(), &AuthService::sessionRevoked);
    const Result<P::AuthGrant> lost = refresh(grant.refreshToken); // the reply never arrives
    QVERIFY(lost);
    m_now += 5'000;
    const Result<P::AuthGrant> retried = refresh(grant.refreshToken);
    QVERIFY2(retried, qPrintable(retried ? QString() : describe(retried.error())));
    QCOMPARE(retried->sessionId, grant.sessionId);
    QCOMPARE(revoked.count(), 0);
    // Only the newest token stays current: the one from the lost reply is dead.
    QCOMPARE(refresh(lost->refreshToken).error().code, ErrorCode::InvalidCredentials);
    // The grace is anchored at the rotation and does not stretch with re-issues.
    m_now += AuthSettings{}.refreshReuseGraceMs;
    QCOMPARE(refresh(grant.refreshToken).error().code, ErrorCode::InvalidCredentials);
    QCOMPARE(revoked.count(), 1);
}

void TestAuthService::refreshReuseRevokesTheSession()
{
    const P::AuthGrant grant = registerUser(u"alice"_s);
    const P::AuthGrant other = *login(u"alice"_s, Password);
    QSignalSpy revoked(m_auth.get(), &AuthService::sessionRevoked);
    const Result<P::AuthGrant> rotated = refresh(grant.refreshToken);
    QVERIFY(rotated);
    m_now += AuthSettings{}.refreshReuseGraceMs + 1;

    // The old token again, after the grace for lost replies: someone holds a copy.
    const Result<P::AuthGrant> reuse = refresh(grant.refreshToken);
    QVERIFY(!reuse);
    QCOMPARE(reuse.error().code, ErrorCode::InvalidCredentials);
    QCOMPARE(revoked.count(), 1);
    QCOMPARE(revoked.first().at(0).value<SessionId>(), grant.sessionId);
    QCOMPARE(revoked.first().at(1).toString(), u"token_reuse"_s);

    // The whole session is gone, for the thief and the rightful holder alike.
    QCOMPARE(refresh(rotated->refreshToken).error().code, ErrorCode::InvalidCredentials);
    QCOMPARE(authenticate(rotated->accessToken).error().code, ErrorCode::InvalidCredentials);
    QCOMPARE(authenticate(grant.accessToken).error().code, ErrorCode::InvalidCredentials);
    // Other sessions of the user are not touched.
    QVERIFY(authenticate(other.accessToken));
    QVERIFY(refresh(other.refreshToken));
    QCOMPARE(revoked.count(), 1);
}

void TestAuthService::refreshRejectsUnknownMalformedAndExpired()
{
    const P::AuthGrant grant = registerUser(u"alice"_s);
    QCOMPARE(refresh(RefreshToken::generate()).error().code, ErrorCode::InvalidCredentials);
    QCOMPARE(refresh(u"garbage"_s).error().code, ErrorCode::InvalidCredentials);
    QCOMPARE(refresh(QString()).error().code, ErrorCode::InvalidCredentials);
    QCOMPARE(refresh(grant.accessToken).error().code, ErrorCode::InvalidCredentials);
    m_now += 30 * Day; // the refresh token's lifetime, to the millisecond
    const Result<P::AuthGrant> expired = refresh(grant.refreshToken);
    QVERIFY(!expired);
    QCOMPARE(expired.error().code, ErrorCode::InvalidCredentials);
}

void TestAuthService::logoutRevokes()
{
    const P::AuthGrant grant = registerUser(u"alice"_s);
    QSignalSpy revoked(m_auth.get(), &AuthService::sessionRevoked);
    const Result<Done> out = await(m_auth->logout(grant.sessionId));
    QVERIFY(out);
    QCOMPARE(revoked.count(), 1);
    QCOMPARE(revoked.first().at(0).value<SessionId>(), grant.sessionId);
    // The access token is still well signed and unexpired, but its session is gone.
    QCOMPARE(authenticate(grant.accessToken).error().code, ErrorCode::InvalidCredentials);
    QCOMPARE(refresh(grant.refreshToken).error().code, ErrorCode::InvalidCredentials);
    QVERIFY(login(u"alice"_s, Password)); // signing in again works
}

void TestAuthService::revokeOnlyOwnSessions()
{
    const P::AuthGrant alice = registerUser(u"alice"_s);
    const P::AuthGrant aliceLaptop = *login(u"alice"_s, Password);
    const P::AuthGrant bob = registerUser(u"bob"_s);
    QSignalSpy revoked(m_auth.get(), &AuthService::sessionRevoked);

    const Result<Done> foreign = await(m_auth->revokeSession(bob.user.id, alice.sessionId));
    QVERIFY(!foreign);
    QCOMPARE(foreign.error().code, ErrorCode::NotFound);
    const Result<Done> missing = await(m_auth->revokeSession(alice.user.id, 99999));
    QCOMPARE(missing.error(), foreign.error()); // indistinguishable
    QCOMPARE(revoked.count(), 0);
    QVERIFY(authenticate(alice.accessToken));

    const Result<Done> own = await(m_auth->revokeSession(alice.user.id, aliceLaptop.sessionId));
    QVERIFY(own);
    QCOMPARE(revoked.count(), 1);
    QCOMPARE(revoked.first().at(0).value<SessionId>(), aliceLaptop.sessionId);
    QVERIFY(!authenticate(aliceLaptop.accessToken));
    const Result<Done> twice = await(m_auth->revokeSession(alice.user.id, aliceLaptop.sessionId));
    QCOMPARE(twice.error().code, ErrorCode::NotFound);

    const Result<P::SessionsReply> list =
        await(m_auth->listSessions(alice.user.id, alice.sessionId));
    QVERIFY(list);
    QCOMPARE(list->sessions.size(), 1);
    QCOMPARE(list->sessions.first().id, alice.sessionId);
    QVERIFY(list->sessions.first().current);
    QCOMPARE(list->sessions.first().device, u"test"_s);

    // A session whose refresh token has expired is listed no more.
    m_now += 30 * Day;
    const Result<P::SessionsReply> later =
        await(m_auth->listSessions(alice.user.id, alice.sessionId));
    QVERIFY(later);
    QCOMPARE(later->sessions.size(), 0);
}

void TestAuthService::changePasswordRevokesOtherSessions()
{
    const P::AuthGrant current = registerUser(u"alice"_s);
    const P::AuthGrant phone = *login(u"alice"_s, Password);
    const P::AuthGrant laptop = *login(u"alice"_s, Password);
    const P::AuthGrant bob = registerUser(u"bob"_s);
    QSignalSpy revoked(m_auth.get(), &AuthService::sessionRevoked);
    auto change = [&](const QString &oldPassword, const QString &newPassword) {
        return await(
            m_auth->changePassword(current.user.id, current.sessionId, {oldPassword, newPassword}));
    };

    QCOMPARE(change(u"wrong horse"_s, u"battery staple"_s).error().code,
             ErrorCode::InvalidCredentials);
    QCOMPARE(change(Password, u"short"_s).error().code, ErrorCode::BadRequest);
    QCOMPARE(revoked.count(), 0);
    QVERIFY(login(u"alice"_s, Password)); // unchanged so far (a fourth session)
    revoked.clear();

    QVERIFY(change(Password, u"battery staple"_s));
    QList<SessionId> ended;
    for (const QList<QVariant> &signal : std::as_const(revoked)) {
        ended.append(signal.at(0).value<SessionId>());
        QCOMPARE(signal.at(1).toString(), u"password_changed"_s);
    }
    QCOMPARE(ended.size(), 3);
    QVERIFY(ended.contains(phone.sessionId));
    QVERIFY(ended.contains(laptop.sessionId));
    QVERIFY(!ended.contains(current.sessionId));
    QVERIFY(!ended.contains(bob.sessionId));

    QVERIFY(authenticate(current.accessToken));
    QCOMPARE(authenticate(phone.accessToken).error().code, ErrorCode::InvalidCredentials);
    QCOMPARE(refresh(laptop.refreshToken).error().code, ErrorCode::InvalidCredentials);
    QVERIFY(authenticate(bob.accessToken));
    QCOMPARE(login(u"alice"_s, Password).error().code, ErrorCode::InvalidCredentials);
    QVERIFY(login(u"alice"_s, u"battery staple"_s));
}

void TestAuthService::loginLimitedPerAccount()
{
    const P::AuthGrant alice = registerUser(u"alice"_s);
    for (int i = 0; i < 5; ++i) {
        const Result<P::AuthGrant> guess =
            login(u"alice"_s, u"guess %1"_s.arg(i), u"192.0.2.%1"_s.arg(i + 10));
        QCOMPARE(guess.error().code, ErrorCode::InvalidCredentials);
    }
    // The sixth is refused before the password is looked at: even the right one, from a
    // fresh address.
    const Result<P::AuthGrant> limited = login(u"alice"_s, Password, u"198.51.100.1"_s);
    QVERIFY(!limited);
    QCOMPARE(limited.error().code, ErrorCode::RateLimited);
    QVERIFY(limited.error().retryAfterMs > 0);
    // A short delay, not a lock-out: the owner is kept waiting seconds at most.
    QVERIFY(limited.error().retryAfterMs <= AuthSettings{}.loginAccountDelayMaxMs);
    // A stolen access token cannot carry on guessing through a password change either.
    const Result<Done> change = await(m_auth->changePassword(alice.user.id, alice.sessionId,
                                                             {u"guess 6"_s, u"battery staple"_s}));
    QCOMPARE(change.error().code, ErrorCode::RateLimited);
    // Other accounts are not limited.
    QCOMPARE(login(u"bob"_s, Password, u"198.51.100.1"_s).error().code,
             ErrorCode::InvalidCredentials);

    m_now += limited.error().retryAfterMs;
    QVERIFY(login(u"alice"_s, Password, u"198.51.100.1"_s));
}

void TestAuthService::successResetsTheAccountCounter()
{
    registerUser(u"alice"_s);
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 4; ++i)
            QCOMPARE(login(u"alice"_s, u"typo typo"_s).error().code, ErrorCode::InvalidCredentials);
        const Result<P::AuthGrant> ok = login(u"alice"_s, Password);
        QVERIFY2(ok, qPrintable(ok ? QString() : describe(ok.error())));
    }
}

void TestAuthService::loginLimitedPerAddress()
{
    registerUser(u"alice"_s);
    // Twenty names, one guess each, from one IPv6 /64: no single account reaches its limit.
    for (int i = 0; i < 20; ++i)
        QCOMPARE(login(u"user%1"_s.arg(i), Password, u"2001:db8::%1"_s.arg(i + 1)).error().code,
                 ErrorCode::InvalidCredentials);
    const Result<P::AuthGrant> limited = login(u"alice"_s, Password, u"2001:db8::ff"_s);
    QCOMPARE(limited.error().code, ErrorCode::RateLimited);
    QVERIFY(limited.error().retryAfterMs > 0);
    // Another network is not affected.
    QVERIFY(login(u"alice"_s, Password, u"2001:db8:1::1"_s));
    m_now += 15 * Minute;
    QVERIFY(login(u"alice"_s, Password, u"2001:db8::ff"_s));
}

void TestAuthService::burstCountsAttemptsInFlight()
{
    // Ten guesses sent at once, first with room for all of them to be checked at the same
    // time, then with the default places per account.
    for (const int places : {10, AuthSettings{}.passwordChecksPerAccount}) {
        AuthSettings settings;
        settings.passwordChecksPerAccount = places;
        startService(settings);
        const QString name = u"alice%1"_s.arg(places);
        registerUser(name);
        auto results = std::make_shared<QList<Result<P::AuthGrant>>>();
        for (int i = 0; i < 10; ++i)
            m_auth->login({name, u"guess %1"_s.arg(i), u"t"_s}, u"192.0.2.1"_s)
                .then(m_auth.get(),
                      [results](Result<P::AuthGrant> r) { results->append(std::move(r)); });
        QTRY_COMPARE_WITH_TIMEOUT(results->size(), 10, 20000);
        int invalid = 0;
        int limited = 0;
        for (const Result<P::AuthGrant> &r : std::as_const(*results)) {
            QVERIFY(!r);
            invalid += r.error().code == ErrorCode::InvalidCredentials;
            limited += r.error().code == ErrorCode::RateLimited;
        }
        // None has failed yet when the last is sent, but only five may be checked before
        // the account's delay starts; and only as many as it has places at the same time.
        QCOMPARE(invalid, qMin(5, places));
        QCOMPARE(limited, 10 - qMin(5, places));
    }
}

void TestAuthService::passwordChecksCapped()
{
    AuthSettings settings;
    settings.maxPendingPasswordChecks = 2;
    startService(settings);
    registerUser(u"alice"_s);
    auto results = std::make_shared<QList<Result<P::AuthGrant>>>();
    for (int i = 0; i < 3; ++i)
        m_auth->login({u"alice"_s, Password, u"t"_s}, u"192.0.2.%1"_s.arg(i + 1))
            .then(m_auth.get(),
                  [results](Result<P::AuthGrant> r) { results->append(std::move(r)); });
    // The third is refused at once, before anything was queued.
    QCOMPARE(results->size(), 1);
    QCOMPARE(results->first().error().code, ErrorCode::RateLimited);
    QVERIFY(results->first().error().retryAfterMs > 0);
    QTRY_COMPARE_WITH_TIMEOUT(results->size(), 3, 20000);
    QVERIFY(results->at(1));
    QVERIFY(results->at(2));
    // The places are given back.
    QVERIFY(login(u"alice"_s, Password));
}

void TestAuthService::sweepDeletesUnusableSessions()
{
    const P::AuthGrant laptop = registerUser(u"alice"_s);
    const Result<P::AuthGrant> phone = login(u"alice"_s, Password);
    QVERIFY(phone);
    QVERIFY(await(m_auth->logout(phone->sessionId)));
    QCOMPARE(await(m_auth->sweepSessions()).value(), 1);
    QCOMPARE(await(m_auth->sweepSessions()).value(), 0);
    QVERIFY(authenticate(laptop.accessToken)); // the live one stays
    m_now += AuthSettings{}.refreshTokenTtlMs;
    QCOMPARE(await(m_auth->sweepSessions()).value(), 1); // expired now
}

void TestAuthService::rehashOnLogin()
{
    registerUser(u"alice"_s);
    const QString weak = storedHash(u"alice"_s);
    QVERIFY(weak.startsWith("$argon2id$v=19$m=8,t=1,"_L1));
    // The operator raises the cost: existing hashes are upgraded as their owners sign in.
    startService({}, {16, 2});
    QCOMPARE(login(u"alice"_s, u"wrong horse"_s).error().code, ErrorCode::InvalidCredentials);
    QCOMPARE(storedHash(u"alice"_s), weak); // never on a failed sign-in
    QVERIFY(login(u"alice"_s, Password));
    const QString strong = storedHash(u"alice"_s);
    QVERIFY2(strong.startsWith("$argon2id$v=19$m=16,t=2,"_L1), qPrintable(strong));
    QVERIFY(login(u"alice"_s, Password));
    QCOMPARE(storedHash(u"alice"_s), strong); // once is enough
}

QTEST_GUILESS_MAIN(TestAuthService)
#include "tst_authservice.moc"
