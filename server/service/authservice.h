// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/jwtcodec.h"
#include "auth/loginthrottle.h"
#include "auth/passwordhasher.h"
#include "protocol/sessionmessages.h"
#include "service/servicecontext.h"

#include <QObject>
#include <QThreadPool>

namespace Banter::Server {

struct AuthSettings
{
    qint64 accessTokenTtlMs = 15 * 60 * 1000;
    qint64 refreshTokenTtlMs = 30LL * 24 * 3600 * 1000;
    bool registrationOpen = true;
    int loginFailuresPerAccount = 5;
    int loginFailuresPerAddress = 20;
    qint64 loginWindowMs = 15 * 60 * 1000;
    int registrationsPerAddress = 10;
    qint64 registrationWindowMs = 60 * 60 * 1000;
};

// Accounts and sessions: registration, login, token authentication, refresh-token rotation
// with reuse detection, logout and revocation. Password hashing runs on a small thread pool
// of its own so it never stalls the event loop.
class AuthService : public QObject
{
    Q_OBJECT
public:
    AuthService(StorageExecutor &storage, const PasswordHasher &hasher, const JwtCodec &jwt,
                Clock clock, AuthSettings settings, QObject *parent = nullptr);
    ~AuthService() override;

    void registerUser(const Protocol::RegisterRequest &request, const QString &peer,
                      Callback<Protocol::AuthGrant> done);
    void login(const Protocol::LoginRequest &request, const QString &peer,
               Callback<Protocol::AuthGrant> done);
    void authenticate(const QString &accessToken, Callback<Protocol::AuthReply> done);
    void refresh(const QString &refreshToken, Callback<Protocol::AuthGrant> done);
    void logout(SessionId session, Callback<Done> done);
    void revokeSession(UserId user, SessionId session, Callback<Done> done);
    void listSessions(UserId user, SessionId current, Callback<Protocol::SessionsReply> done);
    void changePassword(UserId user, SessionId current,
                        const Protocol::ChangePasswordRequest &request, Callback<Done> done);

Q_SIGNALS:
    // The session may no longer be used; its live connections must be closed.
    void sessionRevoked(Banter::SessionId session, const QString &reason);

private:
    // Issues a new session for an authenticated user, inside the calling storage job.
    Result<Protocol::AuthGrant> openSession(Repositories &repos, const User &user,
                                            const QString &device) const;
    Protocol::AuthGrant grantFor(const User &user, SessionId session,
                                 const QString &refreshToken) const;
    template<typename T, typename Work, typename Then>
    void offThread(Work work, Then then);

    StorageExecutor &m_storage;
    const PasswordHasher &m_hasher;
    const JwtCodec &m_jwt;
    Clock m_clock;
    AuthSettings m_settings;
    LoginThrottle m_accountFailures;
    LoginThrottle m_addressFailures;
    LoginThrottle m_registrations; // accounts created per address
    QThreadPool m_hashPool;
};

} // namespace Banter::Server
