// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/authservice.h"

#include "auth/addressbucket.h"
#include "auth/invitationtoken.h"
#include "auth/refreshtoken.h"
#include "serverlogging.h"

#include <QFuture>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
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

Error busy(CheckAdmission::Refusal why)
{
    using R = CheckAdmission::Refusal;
    const QString message = why == R::Account
        ? u"a password check for this account is already under way; try again in a moment"_s
        : why == R::Address ? u"too many password checks from this address at once; try again "
                              "in a moment"_s
                            : u"the server is busy; try again in a moment"_s;
    return makeError(ErrorCode::RateLimited, message, 1000);
}

Error accountDisabled()
{
    return makeError(ErrorCode::Forbidden, u"this account is disabled; ask a server admin"_s);
}

// A session may only be used while its account is neither disabled nor deleted.
Status checkActive(Repositories &repos, UserId user)
{
    Result<bool> active = repos.users.isActive(user);
    if (!active)
        return active.error();
    if (!*active)
        return accountDisabled();
    return success();
}

Error reusedToken()
{
    return makeError(ErrorCode::InvalidCredentials,
                     u"this refresh token was already replaced; the session is revoked "
                     "(token_reuse): sign in again"_s);
}

Error tooManyFailures(qint64 waitMs)
{
    return makeError(ErrorCode::RateLimited, u"too many failed sign-ins; try again later"_s,
                     waitMs);
}

struct IssuedSession
{
    User user;
    SessionId id = 0;
    QList<SessionId> displaced; // least recently used sessions over the per-user cap
};

struct RefreshOutcome
{
    IssuedSession issued; // when rotated
    SessionId reusedSession = 0; // a rotated-away token came back: the session is now revoked
};

// A superseded token came back: revoke its session (a success for storage, so that the
// revocation commits). One already revoked only gets the usual answer.
Result<RefreshOutcome> revokeForReuse(Repositories &repos, SessionId id)
{
    Result<std::optional<StoredSession>> session = repos.sessions.find(id);
    if (!session)
        return session.error();
    if (!session->has_value() || (*session)->revoked)
        return invalidSession();
    if (Status s = repos.sessions.revoke(id); !s)
        return s.error();
    return RefreshOutcome{{}, id};
}

// Sessions are created the same way after sign-up and sign-in; runs in storage.
Result<IssuedSession> createSession(Repositories &repos, const User &user, const QString &device,
                                    const QByteArray &refreshHash, qint64 nowMs, qint64 expiresAtMs)
{
    Result<SessionId> session =
        repos.sessions.create(user.id, device, refreshHash, nowMs, expiresAtMs);
    if (!session)
        return session.error();
    return IssuedSession{user, *session, {}};
}
} // namespace

AuthService::AuthService(StorageExecutor &storage, const PasswordHasher &hasher,
                         const JwtCodec &jwt, Clock clock, AuthSettings settings, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_hasher(hasher)
    , m_jwt(jwt)
    , m_clock(std::move(clock))
    , m_settings(settings)
    , m_accountFailures(settings.loginFailuresPerAccount, settings.loginAccountDelayMaxMs,
                        settings.loginWindowMs)
    , m_addressFailures(settings.loginFailuresPerAddress, settings.loginWindowMs)
    , m_registrations(settings.registrationsPerAddress, settings.registrationWindowMs)
    , m_admission(settings.maxPendingPasswordChecks, settings.passwordChecksPerAccount,
                  settings.passwordChecksPerAddress)
{
    if (m_settings.sessionSweepIntervalMs > 0) {
        m_sweep.setInterval(std::chrono::milliseconds(m_settings.sessionSweepIntervalMs));
        connect(&m_sweep, &QTimer::timeout, this, [this] { sweepSessions(); });
        m_sweep.start();
    }
}

// Work still on the hasher's pool finishes there; its continuation is dropped with this
// object (QFuture::then with a context).
AuthService::~AuthService() = default;

Result<std::shared_ptr<AuthService::CheckSlot>>
AuthService::admitPasswordCheck(const QString &account, const QString &bucket)
{
    CheckAdmission::Refusal why = CheckAdmission::Refusal::None;
    std::shared_ptr<CheckSlot> slot = m_admission.admit(account, bucket, &why);
    if (!slot) {
        qCInfo(lcAuth) << "password check refused for" << account << "from" << bucket
                       << "(no place)";
        return busy(why);
    }
    return slot;
}

void AuthService::notifyRevoked(const QList<SessionId> &sessions, const QString &reason)
{
    for (SessionId id : sessions)
        revokeAfterReply(id, reason);
}

Protocol::AuthGrant AuthService::grantFor(const User &user, SessionId session,
                                          const QString &refreshToken) const
{
    // JWT times are whole seconds; report the expiry the token really carries.
    const qint64 now = m_clock() / 1000;
    const qint64 expires = now + m_settings.accessTokenTtlMs / 1000;
    Protocol::AuthGrant grant;
    grant.user = user;
    grant.sessionId = session;
    grant.accessToken = m_jwt.sign({user.id, session, now, expires});
    grant.accessExpiresAtMs = expires * 1000;
    grant.refreshToken = refreshToken;
    return grant;
}

QFuture<Result<Protocol::AuthGrant>>
AuthService::registerUser(const Protocol::RegisterRequest &request, const QString &peerAddress)
{
    using Grant = Protocol::AuthGrant;
    if (m_settings.registration == RegistrationMode::Closed)
        return readyResult<Grant>(makeError(ErrorCode::RegistrationClosed,
                                            u"this server does not accept new accounts"_s));
    // By invitation: a token that cannot be ours is refused before anything is spent on it;
    // one that could be is looked up before the hashing, and used up with the account.
    const bool byInvitation = m_settings.registration == RegistrationMode::Invitation;
    if (byInvitation && !InvitationToken::isWellFormed(request.invite))
        return readyResult<Grant>(makeError(
            ErrorCode::InvitationInvalid,
            request.invite.isEmpty() ? u"this server takes new accounts by invitation only"_s
                                     : u"this invitation is not valid; ask for a new one"_s));
    const QByteArray inviteHash =
        byInvitation ? InvitationToken::hash(request.invite) : QByteArray();
    const QString username = request.username.toLower();
    const QString displayName = request.displayName.trimmed();
    for (const Status &check :
         {UserRules::validateUsername(username), UserRules::validatePassword(request.password),
          UserRules::validateDisplayName(displayName),
          UserRules::validateDeviceName(request.device)}) {
        if (!check)
            return readyResult<Grant>(check.error());
    }
    const qint64 now = m_clock();
    const QString bucket = addressBucket(peerAddress);
    if (const qint64 wait = m_registrations.retryAfter(bucket, now); wait > 0)
        return readyResult<Grant>(
            makeError(ErrorCode::RateLimited,
                      u"too many new accounts from this address; try again later"_s, wait));
    if (byInvitation)
        return runInStorage<Done>(m_storage,
                                  [inviteHash, now](Repositories &repos) {
                                      return repos.invitations.check(inviteHash, now);
                                  })
            .then(this,
                  [this, request, peerAddress, inviteHash](Status usable) {
                      if (!usable)
                          return readyResult<Grant>(usable.error());
                      return createAccount(request, peerAddress, inviteHash);
                  })
            .unwrap();
    return createAccount(request, peerAddress, {});
}

QFuture<Result<Protocol::AuthGrant>>
AuthService::createAccount(const Protocol::RegisterRequest &request, const QString &peerAddress,
                           const QByteArray &inviteHash)
{
    using Grant = Protocol::AuthGrant;
    const QString username = request.username.toLower();
    const QString displayName = request.displayName.trimmed();
    const qint64 now = m_clock();
    const QString bucket = addressBucket(peerAddress);
    Result<std::shared_ptr<CheckSlot>> admitted = admitPasswordCheck(username, bucket);
    if (!admitted)
        return readyResult<Grant>(admitted.error());
    std::shared_ptr<CheckSlot> slot = *admitted;
    // Counted whether or not the name turns out to be free: the hash is spent either way.
    m_registrations.record(bucket, now);
    const QString refreshToken = RefreshToken::generate();
    return m_hasher.hashAsync(request.password)
        .then(this,
              [this, username, displayName, device = request.device, slot, inviteHash,
               refreshHash = RefreshToken::hash(refreshToken)](
                  Result<QString> hash) mutable -> QFuture<Result<IssuedSession>> {
                  slot.reset();
                  if (!hash)
                      return readyResult<IssuedSession>(hash.error());
                  const qint64 now = m_clock();
                  return runInStorage<IssuedSession>(
                      m_storage,
                      [username, displayName, device, hash = *hash, refreshHash, now, inviteHash,
                       expires = now + m_settings.refreshTokenTtlMs](
                          Repositories &repos) -> Result<IssuedSession> {
                          // The use is taken in the same transaction as the account: a
                          // taken name gives it back (the job's writes roll back).
                          if (!inviteHash.isEmpty()) {
                              if (Status used = repos.invitations.consume(inviteHash, now); !used)
                                  return used.error();
                          }
                          Result<User> user = repos.users.create(username, displayName, hash, now);
                          if (!user)
                              return user.error();
                          return createSession(repos, *user, device, refreshHash, now, expires);
                      });
              })
        .unwrap()
        .then(this, [this, refreshToken](Result<IssuedSession> issued) -> Result<Grant> {
            if (!issued)
                return issued.error();
            qCInfo(lcAuth) << "new account" << issued->user.username;
            return grantFor(issued->user, issued->id, refreshToken);
        });
}

QFuture<Result<Protocol::AuthGrant>> AuthService::login(const Protocol::LoginRequest &request,
                                                        const QString &peerAddress)
{
    using Grant = Protocol::AuthGrant;
    LoginAttempt attempt{request, request.username.toLower(), addressBucket(peerAddress), m_clock(),
                         nullptr};
    const qint64 wait = qMax(m_accountFailures.retryAfter(attempt.username, attempt.startedAtMs),
                             m_addressFailures.retryAfter(attempt.bucket, attempt.startedAtMs));
    if (wait > 0)
        return readyResult<Grant>(tooManyFailures(wait));
    if (Status device = UserRules::validateDeviceName(request.device); !device)
        return readyResult<Grant>(device.error());
    // No account has such a name or such a password: answer without looking or hashing.
    // That tells nothing about which accounts exist; such names are invalid for everyone.
    // Not counted against the address either: it costs nothing, and behind a proxy one
    // client's garbage would use up everyone's allowance.
    if (!UserRules::validateUsername(attempt.username)
        || request.password.toUtf8().size() > UserRules::MaxPasswordBytes)
        return readyResult<Grant>(wrongCredentials());
    Result<std::shared_ptr<CheckSlot>> slot = admitPasswordCheck(attempt.username, attempt.bucket);
    if (!slot)
        return readyResult<Grant>(slot.error());
    attempt.slot = *slot;
    // Counted now and forgiven on success, so attempts still in flight count too.
    m_accountFailures.record(attempt.username, attempt.startedAtMs);
    m_addressFailures.record(attempt.bucket, attempt.startedAtMs);
    return runInStorage<std::optional<Credentials>>(
               m_storage,
               [username = attempt.username](Repositories &repos) {
                   return repos.users.findCredentials(username);
               })
        .then(this,
              [this, attempt](Result<std::optional<Credentials>> found) -> QFuture<Result<Grant>> {
                  if (!found) {
                      forgive(attempt); // the database failed, not the user
                      return readyResult<Grant>(found.error());
                  }
                  return checkLogin(attempt, *found);
              })
        .unwrap();
}

QFuture<Result<Protocol::AuthGrant>>
AuthService::checkLogin(LoginAttempt attempt, const std::optional<Credentials> &credentials)
{
    const std::optional<QString> phc =
        credentials ? std::optional<QString>(credentials->passwordHash) : std::nullopt;
    return m_hasher.checkAsync(attempt.request.password, phc)
        .then(this,
              [this, attempt = std::move(attempt), user = credentials ? credentials->user : User{},
               disabled = credentials && credentials->disabled](
                  const PasswordCheck &checked) mutable -> QFuture<Result<Protocol::AuthGrant>> {
                  attempt.slot.reset();
                  if (!checked.ok) {
                      qCInfo(lcAuth)
                          << "failed sign-in for" << attempt.username << "from" << attempt.bucket;
                      return readyResult<Protocol::AuthGrant>(wrongCredentials());
                  }
                  forgive(attempt);
                  // Told only to whoever knows the password: it reveals nothing to a guesser.
                  if (disabled)
                      return readyResult<Protocol::AuthGrant>(accountDisabled());
                  return finishLogin(user, attempt.request.device, checked.rehash);
              })
        .unwrap();
}

void AuthService::forgive(const LoginAttempt &attempt)
{
    m_accountFailures.reset(attempt.username);
    m_addressFailures.forgive(attempt.bucket, attempt.startedAtMs);
}

QFuture<Result<Protocol::AuthGrant>>
AuthService::finishLogin(const User &user, const QString &device, const QString &rehash)
{
    const qint64 now = m_clock();
    const QString refreshToken = RefreshToken::generate();
    return runInStorage<IssuedSession>(
               m_storage,
               [user, device, rehash, refreshHash = RefreshToken::hash(refreshToken), now,
                expires = now + m_settings.refreshTokenTtlMs,
                cap = m_settings.maxSessionsPerUser](Repositories &repos) -> Result<IssuedSession> {
                   // Stored hashes made with older parameters are upgraded while the password
                   // is at hand; this is the only moment it is.
                   if (!rehash.isEmpty()) {
                       if (Status s = repos.users.updatePasswordHash(user.id, rehash); !s)
                           return s.error();
                   }
                   Result<IssuedSession> issued =
                       createSession(repos, user, device, refreshHash, now, expires);
                   if (!issued)
                       return issued;
                   // Signing in again and again must not pile up sessions: past the cap the
                   // least recently used ones end (the new one is the most recent).
                   Result<QList<SessionId>> displaced =
                       repos.sessions.revokeLeastRecentlyUsed(user.id, cap, now);
                   if (!displaced)
                       return displaced.error();
                   issued->displaced = *displaced;
                   return issued;
               })
        .then(this,
              [this, refreshToken](Result<IssuedSession> issued) -> Result<Protocol::AuthGrant> {
                  if (!issued)
                      return issued.error();
                  notifyRevoked(issued->displaced, u"session_limit"_s);
                  return grantFor(issued->user, issued->id, refreshToken);
              });
}

QFuture<Result<Protocol::AuthReply>> AuthService::authenticate(const QString &accessToken)
{
    Result<AccessClaims> claims = m_jwt.verify(accessToken, m_clock() / 1000);
    if (!claims)
        return readyResult<Protocol::AuthReply>(claims.error());
    // The signature says who issued it, not whether the session still stands.
    return runInStorage<Protocol::AuthReply>(
        m_storage, [claims = *claims](Repositories &repos) -> Result<Protocol::AuthReply> {
            Result<std::optional<StoredSession>> session = repos.sessions.find(claims.sessionId);
            if (!session)
                return session.error();
            if (!session->has_value() || (*session)->userId != claims.userId)
                return invalidSession();
            if (Status active = checkActive(repos, claims.userId); !active)
                return active.error();
            if ((*session)->revoked)
                return invalidSession();
            Result<std::optional<User>> user = repos.users.findById(claims.userId);
            if (!user)
                return user.error();
            if (!user->has_value())
                return invalidSession();
            return Protocol::AuthReply{**user, claims.sessionId, claims.expiresAt * 1000};
        });
}

void AuthService::revokeAfterReply(SessionId session, const QString &reason)
{
    // Queued: the request that caused it is answered first, then its connections close.
    QMetaObject::invokeMethod(
        this, [this, session, reason] { Q_EMIT sessionRevoked(session, reason); },
        Qt::QueuedConnection);
}

QFuture<Result<Protocol::AuthGrant>> AuthService::refresh(const QString &refreshToken)
{
    if (!RefreshToken::isWellFormed(refreshToken))
        return readyResult<Protocol::AuthGrant>(invalidSession());
    const qint64 now = m_clock();
    const QString next = RefreshToken::generate();
    return runInStorage<RefreshOutcome>(
               m_storage,
               [presented = RefreshToken::hash(refreshToken), nextHash = RefreshToken::hash(next),
                now, expires = now + m_settings.refreshTokenTtlMs,
                grace =
                    m_settings.refreshReuseGraceMs](Repositories &repos) -> Result<RefreshOutcome> {
                   Result<std::optional<StoredSession>> found =
                       repos.sessions.findByRefreshHash(presented);
                   if (!found)
                       return found.error();
                   if (!found->has_value()) {
                       // Not the current token, nor the one just replaced: perhaps an earlier
                       // member of a session's family, which only a copy can present.
                       Result<std::optional<SessionId>> family =
                           repos.sessions.findSuperseded(presented);
                       if (!family)
                           return family.error();
                       if (!family->has_value())
                           return invalidSession();
                       return revokeForReuse(repos, **family);
                   }
                   if (Status active = checkActive(repos, (*found)->userId); !active)
                       return active.error();
                   if ((*found)->revoked || (*found)->expiresAtMs <= now)
                       return invalidSession();
                   const StoredSession &session = **found;
                   const bool current = session.refreshHash == presented;
                   // The token just replaced re-issues once within the grace (reissue() then
                   // forgets it), in case the reply with its successor was lost.
                   const bool lostReply = !current && now - session.lastUsedAtMs <= grace;
                   if (!current && !lostReply) {
                       // Only the holder of the newest token may refresh. An older one coming
                       // back means it was copied: end the session for everyone holding it.
                       return revokeForReuse(repos, session.id);
                   }
                   Result<std::optional<User>> user = repos.users.findById(session.userId);
                   if (!user)
                       return user.error();
                   if (!user->has_value())
                       return invalidSession();
                   if (Status s = current
                           ? repos.sessions.rotate(session.id, nextHash, now, expires)
                           : repos.sessions.reissue(session.id, nextHash, now, expires);
                       !s)
                       return s.error();
                   return RefreshOutcome{{**user, session.id, {}}, 0};
               })
        .then(this, [this, next](Result<RefreshOutcome> outcome) -> Result<Protocol::AuthGrant> {
            if (!outcome)
                return outcome.error();
            if (outcome->reusedSession) {
                qCWarning(lcAuth) << "refresh token reuse on session" << outcome->reusedSession
                                  << "- revoked";
                revokeAfterReply(outcome->reusedSession, u"token_reuse"_s);
                return reusedToken();
            }
            return grantFor(outcome->issued.user, outcome->issued.id, next);
        });
}

QFuture<Result<Done>> AuthService::logout(SessionId session)
{
    return runInStorage<Done>(
               m_storage, [session](Repositories &repos) { return repos.sessions.revoke(session); })
        .then(this, [this, session](Result<Done> result) {
            if (result)
                revokeAfterReply(session, u"logout"_s);
            return result;
        });
}

QFuture<Result<Done>> AuthService::revokeSession(UserId user, SessionId session)
{
    return runInStorage<Done>(
               m_storage,
               [user, session](Repositories &repos) -> Result<Done> {
                   Result<std::optional<StoredSession>> found = repos.sessions.find(session);
                   if (!found)
                       return found.error();
                   // Someone else's session answers like one that does not
                   // exist.
                   if (!found->has_value() || (*found)->userId != user || (*found)->revoked)
                       return makeError(ErrorCode::NotFound, u"no such session"_s);
                   return repos.sessions.revoke(session);
               })
        .then(this, [this, session](Result<Done> result) {
            if (result)
                revokeAfterReply(session, u"revoked"_s);
            return result;
        });
}

QFuture<Result<Protocol::SessionsReply>> AuthService::listSessions(UserId user, SessionId current)
{
    const qint64 now = m_clock();
    return runInStorage<Protocol::SessionsReply>(
        m_storage, [user, current, now](Repositories &repos) -> Result<Protocol::SessionsReply> {
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
        });
}

QFuture<Result<Done>> AuthService::changePassword(UserId user, SessionId current,
                                                  const Protocol::ChangePasswordRequest &request)
{
    if (Status valid = UserRules::validatePassword(request.newPassword); !valid)
        return readyResult<Done>(valid.error());
    // Keyed by the user id: the name is not known yet, and "#" is in no username.
    Result<std::shared_ptr<CheckSlot>> admitted = admitPasswordCheck(u"#%1"_s.arg(user), {});
    if (!admitted)
        return readyResult<Done>(admitted.error());
    std::shared_ptr<CheckSlot> slot = *admitted;
    return runInStorage<Credentials>(m_storage,
                                     [user](Repositories &repos) -> Result<Credentials> {
                                         Result<std::optional<User>> found =
                                             repos.users.findById(user);
                                         if (!found)
                                             return found.error();
                                         if (!found->has_value())
                                             return invalidSession();
                                         Result<std::optional<Credentials>> credentials =
                                             repos.users.findCredentials((*found)->username);
                                         if (!credentials)
                                             return credentials.error();
                                         if (!credentials->has_value())
                                             return invalidSession();
                                         return **credentials;
                                     })
        .then(this,
              [this, request](Result<Credentials> credentials) -> QFuture<Result<QString>> {
                  if (!credentials)
                      return readyResult<QString>(credentials.error());
                  // A stolen access token must not become a way to guess the password: the
                  // same per-account limit as signing in.
                  const QString username = credentials->user.username;
                  const qint64 now = m_clock();
                  if (const qint64 wait = m_accountFailures.retryAfter(username, now); wait > 0)
                      return readyResult<QString>(tooManyFailures(wait));
                  m_accountFailures.record(username, now);
                  return m_hasher.verifyAsync(request.oldPassword, credentials->passwordHash)
                      .then(this, [this, username](bool ok) -> Result<QString> {
                          if (!ok)
                              return makeError(ErrorCode::InvalidCredentials,
                                               u"the current password is wrong"_s);
                          m_accountFailures.reset(username);
                          return username;
                      });
              })
        .unwrap()
        .then(this,
              [this, user, current, newPassword = request.newPassword,
               slot](Result<QString> checked) mutable -> QFuture<Result<Done>> {
                  if (!checked) {
                      slot.reset();
                      return readyResult<Done>(checked.error());
                  }
                  return storeNewPassword(user, current, newPassword, std::move(slot));
              })
        .unwrap();
}

QFuture<Result<Done>> AuthService::storeNewPassword(UserId user, SessionId keep,
                                                    const QString &newPassword,
                                                    std::shared_ptr<CheckSlot> slot)
{
    return m_hasher.hashAsync(newPassword)
        .then(this,
              [this, user, keep, slot = std::move(slot)](
                  Result<QString> hash) mutable -> QFuture<Result<QList<SessionId>>> {
                  slot.reset();
                  if (!hash)
                      return readyResult<QList<SessionId>>(hash.error());
                  return runInStorage<QList<SessionId>>(
                      m_storage,
                      [user, keep, hash = *hash](Repositories &repos) -> Result<QList<SessionId>> {
                          if (Status s = repos.users.updatePasswordHash(user, hash); !s)
                              return s.error();
                          return repos.sessions.revokeAllForUser(user, keep);
                      });
              })
        .unwrap()
        .then(this, [this](Result<QList<SessionId>> revoked) -> Result<Done> {
            if (!revoked)
                return revoked.error();
            notifyRevoked(*revoked, u"password_changed"_s);
            return Done{};
        });
}

QFuture<Result<int>> AuthService::sweepSessions()
{
    const qint64 now = m_clock();
    return runInStorage<int>(m_storage,
                             [now, before = now - m_settings.refreshTokenTtlMs](
                                 Repositories &repos) -> Result<int> {
                                 return repos.sessions.deleteUnusable(now, before);
                             })
        .then(this, [](Result<int> deleted) {
            if (!deleted)
                qCWarning(lcAuth) << "session sweep failed:" << deleted.error().message;
            else if (*deleted > 0)
                qCInfo(lcAuth) << "deleted" << *deleted << "sessions that can no longer be used";
            return deleted;
        });
}

} // namespace Banter::Server
