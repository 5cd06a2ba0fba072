// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/accountbackoff.h"
#include "auth/checkadmission.h"
#include "auth/jwtcodec.h"
#include "auth/loginthrottle.h"
#include "auth/passwordhasher.h"
#include "service/servicecontext.h"
#include <banter/protocol/sessionmessages.h>

#include <QObject>
#include <QTimer>

#include <memory>

namespace Banter::Server {

struct AuthSettings
{
    qint64 accessTokenTtlMs = 15 * 60 * 1000;
    // Sliding: every refresh moves the session's expiry this far ahead again.
    qint64 refreshTokenTtlMs = 30LL * 24 * 3600 * 1000;
    // The token a refresh replaced still works this long after the rotation, in case its
    // reply never reached the client (a dropped connection, an admission refusal). Using
    // it re-issues, and the token from the lost reply stops working.
    qint64 refreshReuseGraceMs = 30LL * 1000;
    RegistrationMode registration = RegistrationMode::Open;
    // Failed (or still running) sign-ins of an account before each further one waits: 1 s,
    // doubling up to loginAccountDelayMaxMs (short, so the owner is never kept out long).
    int loginFailuresPerAccount = 5;
    qint64 loginAccountDelayMaxMs = 10 * 1000;
    // Failed (or still running) sign-ins per address bucket within the window; then
    // RateLimited with retry_after_ms. Names that cannot exist cost nothing and do not count.
    int loginFailuresPerAddress = 20;
    qint64 loginWindowMs = 15 * 60 * 1000;
    // New accounts per address bucket: each costs an Argon2id hash and a row.
    int registrationsPerAddress = 10;
    qint64 registrationWindowMs = 60 * 60 * 1000;
    // Password checks (sign-ins, sign-ups, password changes) under way at once, in all and
    // per account and address bucket, successful ones included. More are refused with
    // RateLimited rather than queued behind seconds of Argon2 work.
    int maxPendingPasswordChecks = 64;
    int passwordChecksPerAccount = 2;
    int passwordChecksPerAddress = 8;
    // Live sessions per user; a sign-in past it revokes the least recently used.
    int maxSessionsPerUser = 50;
    // How often sessions that can never be used again are deleted; 0: only by sweepSessions().
    qint64 sessionSweepIntervalMs = 60 * 60 * 1000;
};

// Accounts and sessions: registration, login, token authentication, refresh-token rotation
// with reuse detection, logout and revocation.
//
// Every method returns at once with a future that finishes exactly once (on the storage
// thread or this object's: continue with .then(context, …)); a request refused up front
// (invalid, rate limited) is a future that has already finished. Argon2 runs on the
// PasswordHasher's pool and storage on the StorageExecutor's thread, never on the event loop;
// storage jobs use only values captured here, never this object. The attempt limits live in memory
// (see LoginThrottle). A user locked out by someone guessing their password gets in again once the
// window has passed.
class AuthService : public QObject
{
    Q_OBJECT
public:
    // `hasher` and `jwt` must outlive this service.
    AuthService(StorageExecutor &storage, const PasswordHasher &hasher, const JwtCodec &jwt,
                Clock clock, AuthSettings settings, QObject *parent = nullptr);
    ~AuthService() override;

    // The username is folded to lowercase. BadRequest/TooLarge from UserRules,
    // RegistrationClosed, RateLimited, Conflict when the name is taken; by invitation only,
    // InvitationInvalid, InvitationExpired or InvitationUsed for a token that cannot be used.
    QFuture<Result<Protocol::AuthGrant>> registerUser(const Protocol::RegisterRequest &request,
                                                      const QString &peerAddress);
    // InvalidCredentials for an unknown user and a wrong password alike (same message, same
    // Argon2 cost); RateLimited after too many failures for the account or the address.
    QFuture<Result<Protocol::AuthGrant>> login(const Protocol::LoginRequest &request,
                                               const QString &peerAddress);
    // A valid access token of a live session. TokenExpired, or InvalidCredentials.
    QFuture<Result<Protocol::AuthReply>> authenticate(const QString &accessToken);
    // Rotates the refresh token. Any token the session replaced coming back (but the one
    // just replaced, once, within the grace) means a copy is in other hands: the session is
    // revoked (sessionRevoked "token_reuse"). Any failure is InvalidCredentials.
    QFuture<Result<Protocol::AuthGrant>> refresh(const QString &refreshToken);
    QFuture<Result<Done>> logout(SessionId session);
    // Only the user's own live sessions; anything else is NotFound.
    QFuture<Result<Done>> revokeSession(UserId user, SessionId session);
    QFuture<Result<Protocol::SessionsReply>> listSessions(UserId user, SessionId current);
    // Checks the current password (limited like a sign-in), stores the new one and revokes
    // every other session of the user.
    QFuture<Result<Done>> changePassword(UserId user, SessionId current,
                                         const Protocol::ChangePasswordRequest &request);
    // Deletes sessions that can never be used again (revoked or expired) and superseded
    // refresh tokens older than their lifetime; runs on a timer too. Returns the sessions
    // deleted.
    QFuture<Result<int>> sweepSessions();

Q_SIGNALS:
    // The session may no longer be used; its live connections must be closed. Emitted after
    // the revocation is committed, and after the answer to the request that caused it (on
    // the next turn of the event loop).
    void sessionRevoked(Banter::SessionId session, const QString &reason);

private:
    using CheckSlot = CheckAdmission::Slot;
    // registerUser once the request is valid (and its invitation, if any, usable): hashes
    // the password and creates the account, using up one use of the invitation with it.
    QFuture<Result<Protocol::AuthGrant>> createAccount(const Protocol::RegisterRequest &request,
                                                       const QString &peerAddress,
                                                       const QByteArray &inviteHash);
    // A place for a password check, held until the last copy is gone; or the refusal.
    Result<std::shared_ptr<CheckSlot>> admitPasswordCheck(const QString &account,
                                                          const QString &bucket);
    struct LoginAttempt
    {
        Protocol::LoginRequest request;
        QString username; // lowercase
        QString bucket; // addressBucket() of the peer
        qint64 startedAtMs = 0; // when it was recorded against both limits
        std::shared_ptr<CheckSlot> slot;
    };
    QFuture<Result<Protocol::AuthGrant>> checkLogin(LoginAttempt attempt,
                                                    const std::optional<Credentials> &credentials);
    // A sign-in that succeeded (or could not be checked) is not held against anyone.
    void forgive(const LoginAttempt &attempt);
    void notifyRevoked(const QList<SessionId> &sessions, const QString &reason);
    QFuture<Result<Protocol::AuthGrant>> finishLogin(const User &user, const QString &device,
                                                     const QString &rehash);
    QFuture<Result<Done>> storeNewPassword(UserId user, SessionId keep, const QString &newPassword,
                                           std::shared_ptr<CheckSlot> slot);
    void revokeAfterReply(SessionId session, const QString &reason);
    Protocol::AuthGrant grantFor(const User &user, SessionId session,
                                 const QString &refreshToken) const;

    StorageExecutor &m_storage;
    const PasswordHasher &m_hasher;
    const JwtCodec &m_jwt;
    Clock m_clock;
    AuthSettings m_settings;
    AccountBackoff m_accountFailures; // by lowercase username
    LoginThrottle m_addressFailures; // by addressBucket()
    LoginThrottle m_registrations; // by addressBucket()
    CheckAdmission m_admission;
    QTimer m_sweep;
};

} // namespace Banter::Server
