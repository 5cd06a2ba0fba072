// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/jwtcodec.h"
#include "auth/loginthrottle.h"
#include "auth/passwordhasher.h"
#include "service/servicecontext.h"
#include <banter/protocol/sessionmessages.h>

#include <QObject>

#include <atomic>
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
    bool registrationOpen = true;
    // Failed (or still running) sign-ins allowed per account and per address bucket within
    // the window; then RateLimited with retry_after_ms.
    int loginFailuresPerAccount = 5;
    int loginFailuresPerAddress = 20;
    qint64 loginWindowMs = 15 * 60 * 1000;
    // New accounts per address bucket: each costs an Argon2id hash and a row.
    int registrationsPerAddress = 10;
    qint64 registrationWindowMs = 60 * 60 * 1000;
    // Password checks (sign-ins, sign-ups, password changes) under way at once. More are
    // refused with RateLimited rather than queued behind seconds of Argon2 work.
    int maxPendingPasswordChecks = 64;
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
    // RegistrationClosed, RateLimited, Conflict when the name is taken.
    QFuture<Result<Protocol::AuthGrant>> registerUser(const Protocol::RegisterRequest &request,
                                                      const QString &peerAddress);
    // InvalidCredentials for an unknown user and a wrong password alike (same message, same
    // Argon2 cost); RateLimited after too many failures for the account or the address.
    QFuture<Result<Protocol::AuthGrant>> login(const Protocol::LoginRequest &request,
                                               const QString &peerAddress);
    // A valid access token of a live session. TokenExpired, or InvalidCredentials.
    QFuture<Result<Protocol::AuthReply>> authenticate(const QString &accessToken);
    // Rotates the refresh token. The previous token of a session coming back means a copy is
    // in other hands: the session is revoked. Any failure is InvalidCredentials.
    QFuture<Result<Protocol::AuthGrant>> refresh(const QString &refreshToken);
    QFuture<Result<Done>> logout(SessionId session);
    // Only the user's own live sessions; anything else is NotFound.
    QFuture<Result<Done>> revokeSession(UserId user, SessionId session);
    QFuture<Result<Protocol::SessionsReply>> listSessions(UserId user, SessionId current);
    // Checks the current password (limited like a sign-in), stores the new one and revokes
    // every other session of the user.
    QFuture<Result<Done>> changePassword(UserId user, SessionId current,
                                         const Protocol::ChangePasswordRequest &request);

Q_SIGNALS:
    // The session may no longer be used; its live connections must be closed. Emitted after
    // the revocation is committed, and after the answer to the request that caused it (on
    // the next turn of the event loop).
    void sessionRevoked(Banter::SessionId session, const QString &reason);

private:
    class CheckSlot;
    // A place among maxPendingPasswordChecks, held until the last copy is gone; null when
    // all are taken.
    std::shared_ptr<CheckSlot> admitPasswordCheck();
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
    LoginThrottle m_accountFailures; // by lowercase username
    LoginThrottle m_addressFailures; // by addressBucket()
    LoginThrottle m_registrations; // by addressBucket()
    // Shared with the slots, which may be released on another thread after this is gone.
    std::shared_ptr<std::atomic_int> m_pendingChecks = std::make_shared<std::atomic_int>(0);
};

} // namespace Banter::Server
