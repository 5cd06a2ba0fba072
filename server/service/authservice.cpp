// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/authservice.h"

#include "auth/sodium.h"
#include "serverlogging.h"

#include <QCryptographicHash>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
QByteArray tokenHash(const QString &token)
{
    return QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256);
}

QString newRefreshToken()
{
    return QString::fromLatin1(base64Url(randomBytes(32)));
}

Error wrongCredentials()
{
    // One message for unknown users and wrong passwords: the answer must not tell them apart.
    return makeError(ErrorCode::InvalidCredentials, u"wrong username or password"_s);
}

Error invalidSession()
{
    return makeError(ErrorCode::InvalidCredentials,
                     u"this session is no longer valid; sign in again"_s);
}

struct RefreshOutcome
{
    std::optional<Protocol::AuthGrant> grant;
    SessionId reusedSession = 0; // a rotated-away token came back: the session is now revoked
};
} // namespace

AuthService::AuthService(StorageExecutor &storage, const PasswordHasher &hasher,
                         const JwtCodec &jwt, Clock clock, AuthSettings settings, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_hasher(hasher)
    , m_jwt(jwt)
    , m_clock(std::move(clock))
    , m_settings(settings)
    , m_accountFailures(settings.loginFailuresPerAccount, settings.loginWindowMs)
    , m_addressFailures(settings.loginFailuresPerAddress, settings.loginWindowMs)
    , m_registrations(settings.registrationsPerAddress, settings.registrationWindowMs)
{
    // Two hashes at a time at most: each takes 19 MiB and a core for tens of milliseconds.
    m_hashPool.setMaxThreadCount(2);
}

AuthService::~AuthService()
{
    m_hashPool.waitForDone();
}

template<typename T, typename Work, typename Then>
void AuthService::offThread(Work work, Then then)
{
    QtConcurrent::run(&m_hashPool, std::move(work)).then(this, std::move(then));
}

Protocol::AuthGrant AuthService::grantFor(const User &user, SessionId session,
                                          const QString &refreshToken) const
{
    const qint64 now = m_clock();
    const qint64 expires = now + m_settings.accessTokenTtlMs;
    Protocol::AuthGrant grant;
    grant.user = user;
    grant.sessionId = session;
    grant.accessToken = m_jwt.sign({user.id, session, now / 1000, expires / 1000});
    grant.accessExpiresAtMs = (expires / 1000) * 1000;
    grant.refreshToken = refreshToken;
    return grant;
}

Result<Protocol::AuthGrant> AuthService::openSession(Repositories &repos, const User &user,
                                                     const QString &device) const
{
    const qint64 now = m_clock();
    const QString refreshToken = newRefreshToken();
    Result<SessionId> session = repos.sessions.create(user.id, device, tokenHash(refreshToken), now,
                                                      now + m_settings.refreshTokenTtlMs);
    if (!session)
        return session.error();
    return grantFor(user, *session, refreshToken);
}

void AuthService::registerUser(const Protocol::RegisterRequest &request, const QString &peer,
                               Callback<Protocol::AuthGrant> done)
{
    if (!m_settings.registrationOpen)
        return done(makeError(ErrorCode::RegistrationClosed,
                              u"this server does not accept new accounts"_s));
    // Every account costs an Argon2id hash: cap how many one address may create.
    const qint64 now = m_clock();
    if (const qint64 wait = m_registrations.retryAfter(peer, now); wait > 0)
        return done(makeError(ErrorCode::RateLimited,
                              u"too many new accounts from this address; try again later"_s, wait));
    m_registrations.recordFailure(peer, now);
    const QString username = request.username.toLower();
    for (const Status &check :
         {UserRules::validateUsername(username), UserRules::validatePassword(request.password),
          UserRules::validateDisplayName(request.displayName),
          UserRules::validateDeviceName(request.device)}) {
        if (!check)
            return done(check.error());
    }
    offThread<Result<QString>>(
        [this, password = request.password] { return m_hasher.hash(password); },
        [this, request, username, done = std::move(done)](Result<QString> hash) mutable {
            if (!hash)
                return done(hash.error());
            const qint64 now = m_clock();
            runInStorage<Protocol::AuthGrant>(
                m_storage, this,
                [this, request, username, hash = *hash,
                 now](Repositories &repos) -> Result<Protocol::AuthGrant> {
                    Result<User> user =
                        repos.users.create(username, request.displayName.trimmed(), hash, now);
                    if (!user)
                        return user.error();
                    return openSession(repos, *user, request.device);
                },
                std::move(done));
        });
}

void AuthService::login(const Protocol::LoginRequest &request, const QString &peer,
                        Callback<Protocol::AuthGrant> done)
{
    const qint64 now = m_clock();
    const QString username = request.username.toLower();
    const qint64 wait =
        qMax(m_accountFailures.retryAfter(username, now), m_addressFailures.retryAfter(peer, now));
    if (wait > 0)
        return done(makeError(ErrorCode::RateLimited,
                              u"too many failed sign-ins; try again later"_s, wait));
    if (Status device = UserRules::validateDeviceName(request.device); !device)
        return done(device.error());
    runInStorage<std::optional<Credentials>>(
        m_storage, this,
        [username](Repositories &repos) { return repos.users.findCredentials(username); },
        [this, request, peer, username,
         done = std::move(done)](Result<std::optional<Credentials>> found) mutable {
            if (!found)
                return done(found.error());
            struct Checked
            {
                bool ok = false;
                QString rehash; // a new hash when the stored one uses old parameters
            };
            offThread<Checked>(
                [this, credentials = *found, password = request.password] {
                    Checked checked;
                    if (!credentials) {
                        m_hasher.dummyVerify(password);
                        return checked;
                    }
                    checked.ok = m_hasher.verify(password, credentials->passwordHash);
                    if (checked.ok && m_hasher.needsRehash(credentials->passwordHash)) {
                        if (Result<QString> hash = m_hasher.hash(password))
                            checked.rehash = *hash;
                    }
                    return checked;
                },
                [this, request, peer, username, user = found->has_value() ? (*found)->user : User{},
                 done = std::move(done)](Checked checked) mutable {
                    if (!checked.ok) {
                        m_accountFailures.recordFailure(username, m_clock());
                        m_addressFailures.recordFailure(peer, m_clock());
                        qCInfo(lcAuth) << "failed sign-in for" << username << "from" << peer;
                        return done(wrongCredentials());
                    }
                    m_accountFailures.reset(username);
                    runInStorage<Protocol::AuthGrant>(
                        m_storage, this,
                        [this, user, device = request.device, rehash = checked.rehash](
                            Repositories &repos) -> Result<Protocol::AuthGrant> {
                            if (!rehash.isEmpty()) {
                                if (Status s = repos.users.updatePasswordHash(user.id, rehash); !s)
                                    return s.error();
                            }
                            return openSession(repos, user, device);
                        },
                        std::move(done));
                });
        });
}

void AuthService::authenticate(const QString &accessToken, Callback<Protocol::AuthReply> done)
{
    Result<AccessClaims> claims = m_jwt.verify(accessToken, m_clock() / 1000);
    if (!claims)
        return done(claims.error());
    runInStorage<Protocol::AuthReply>(
        m_storage, this,
        [claims = *claims](Repositories &repos) -> Result<Protocol::AuthReply> {
            Result<std::optional<StoredSession>> session = repos.sessions.find(claims.sessionId);
            if (!session)
                return session.error();
            if (!session->has_value() || (*session)->revoked || (*session)->userId != claims.userId)
                return invalidSession();
            Result<std::optional<User>> user = repos.users.findById(claims.userId);
            if (!user)
                return user.error();
            if (!user->has_value())
                return invalidSession();
            return Protocol::AuthReply{**user, claims.sessionId, claims.expiresAt * 1000};
        },
        std::move(done));
}

void AuthService::refresh(const QString &refreshToken, Callback<Protocol::AuthGrant> done)
{
    const qint64 now = m_clock();
    runInStorage<RefreshOutcome>(
        m_storage, this,
        [this, hash = tokenHash(refreshToken), now](Repositories &repos) -> Result<RefreshOutcome> {
            Result<std::optional<StoredSession>> found = repos.sessions.findByRefreshHash(hash);
            if (!found)
                return found.error();
            if (!found->has_value() || (*found)->revoked || (*found)->expiresAtMs <= now)
                return invalidSession();
            const StoredSession &session = **found;
            if (session.refreshHash != hash) {
                // Only the holder of the newest token may refresh. An older one coming back
                // means it was copied: end the session for everyone holding it.
                if (Status s = repos.sessions.revoke(session.id); !s)
                    return s.error();
                return RefreshOutcome{std::nullopt, session.id};
            }
            Result<std::optional<User>> user = repos.users.findById(session.userId);
            if (!user)
                return user.error();
            if (!user->has_value())
                return invalidSession();
            const QString next = newRefreshToken();
            if (Status s = repos.sessions.rotate(session.id, tokenHash(next), now,
                                                 now + m_settings.refreshTokenTtlMs);
                !s)
                return s.error();
            return RefreshOutcome{grantFor(**user, session.id, next), 0};
        },
        [this, done = std::move(done)](Result<RefreshOutcome> outcome) {
            if (!outcome)
                return done(outcome.error());
            if (outcome->reusedSession) {
                qCWarning(lcAuth) << "refresh token reuse on session" << outcome->reusedSession
                                  << "- revoked";
                Q_EMIT sessionRevoked(outcome->reusedSession, u"token_reuse"_s);
                return done(invalidSession());
            }
            done(*outcome->grant);
        });
}

void AuthService::logout(SessionId session, Callback<Done> done)
{
    runInStorage<Done>(
        m_storage, this, [session](Repositories &repos) { return repos.sessions.revoke(session); },
        [this, session, done = std::move(done)](Result<Done> result) {
            done(result);
            if (result)
                Q_EMIT sessionRevoked(session, u"logout"_s);
        });
}

void AuthService::revokeSession(UserId user, SessionId session, Callback<Done> done)
{
    runInStorage<Done>(
        m_storage, this,
        [user, session](Repositories &repos) -> Result<Done> {
            Result<std::optional<StoredSession>> found = repos.sessions.find(session);
            if (!found)
                return found.error();
            if (!found->has_value() || (*found)->userId != user || (*found)->revoked)
                return makeError(ErrorCode::NotFound, u"no such session"_s);
            return repos.sessions.revoke(session);
        },
        [this, session, done = std::move(done)](Result<Done> result) {
            done(result);
            if (result)
                Q_EMIT sessionRevoked(session, u"revoked"_s);
        });
}

void AuthService::listSessions(UserId user, SessionId current,
                               Callback<Protocol::SessionsReply> done)
{
    const qint64 now = m_clock();
    runInStorage<Protocol::SessionsReply>(
        m_storage, this,
        [user, current, now](Repositories &repos) -> Result<Protocol::SessionsReply> {
            Result<QList<StoredSession>> sessions = repos.sessions.listForUser(user);
            if (!sessions)
                return sessions.error();
            Protocol::SessionsReply reply;
            for (const StoredSession &s : *sessions) {
                if (s.expiresAtMs > now) // an expired session can no longer be used
                    reply.sessions.append(
                        {s.id, s.device, s.createdAtMs, s.lastUsedAtMs, s.id == current});
            }
            return reply;
        },
        std::move(done));
}

void AuthService::changePassword(UserId user, SessionId current,
                                 const Protocol::ChangePasswordRequest &request,
                                 Callback<Done> done)
{
    if (Status valid = UserRules::validatePassword(request.newPassword); !valid)
        return done(valid.error());
    runInStorage<std::optional<Credentials>>(
        m_storage, this,
        [user](Repositories &repos) -> Result<std::optional<Credentials>> {
            Result<std::optional<User>> found = repos.users.findById(user);
            if (!found)
                return found.error();
            if (!found->has_value())
                return invalidSession();
            return repos.users.findCredentials((*found)->username);
        },
        [this, user, current, request,
         done = std::move(done)](Result<std::optional<Credentials>> credentials) mutable {
            if (!credentials)
                return done(credentials.error());
            offThread<Result<QString>>(
                [this, stored = credentials->value_or(Credentials{}).passwordHash,
                 request]() -> Result<QString> {
                    if (!m_hasher.verify(request.oldPassword, stored))
                        return makeError(ErrorCode::InvalidCredentials,
                                         u"the current password is wrong"_s);
                    return m_hasher.hash(request.newPassword);
                },
                [this, user, current, done = std::move(done)](Result<QString> hash) mutable {
                    if (!hash)
                        return done(hash.error());
                    runInStorage<QList<SessionId>>(
                        m_storage, this,
                        [user, current,
                         hash = *hash](Repositories &repos) -> Result<QList<SessionId>> {
                            if (Status s = repos.users.updatePasswordHash(user, hash); !s)
                                return s.error();
                            return repos.sessions.revokeAllForUser(user, current);
                        },
                        [this, done = std::move(done)](Result<QList<SessionId>> revoked) {
                            if (!revoked)
                                return done(revoked.error());
                            done(Done{});
                            for (SessionId id : *revoked)
                                Q_EMIT sessionRevoked(id, u"password_changed"_s);
                        });
                });
        });
}

} // namespace Banter::Server
