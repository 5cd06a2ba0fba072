// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// hello, register, login, auth, refresh, logout, sessions, revoke_session, change_password,
// ping.
#include "net/handlers/services.h"
#include "net/route.h"
#include "service/authservice.h"
#include "service/presenceservice.h"
#include "service/storageexecutor.h"
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/sessionmessages.h>
#include <banter/protocol/types.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
using Access = RequestRouter::Access;
namespace P = Protocol;

Error connectionClosed()
{
    return makeError(ErrorCode::Unavailable, u"the connection closed"_s);
}

// Signs the connection in, unless the user already has as many connections as allowed or
// the connection belongs to someone else.
Status admit(Services &s, ClientConnection &connection, UserId user, SessionId session)
{
    if (connection.isClosing()) // revoked or going: it must not come back signed in
        return connectionClosed();
    if (connection.isAuthenticated() && connection.userId() != user)
        return makeError(ErrorCode::BadRequest, u"this connection is signed in as another user"_s);
    if (!connection.isAuthenticated()
        && s.presence.connectionCount(user) >= s.config.limits.maxConnectionsPerUser)
        return makeError(ErrorCode::LimitExceeded,
                         u"too many connections for this account (at most %1)"_s.arg(
                             s.config.limits.maxConnectionsPerUser));
    connection.setAuthenticated(user, session);
    return success();
}

// Completes register/login/refresh: admit the connection, then hand out the grant. A login
// that cannot be admitted (or whose connection is gone) gives its new session back.
QFuture<Result<P::AuthGrant>> admitGrant(Services &s, ClientConnection &connection,
                                         QFuture<Result<P::AuthGrant>> granting,
                                         bool revokeOnRefusal)
{
    return granting.then(&s.auth,
                         [&s, conn = QPointer(&connection),
                          revokeOnRefusal](Result<P::AuthGrant> grant) -> Result<P::AuthGrant> {
                             if (!grant)
                                 return grant;
                             Status admitted = conn
                                 ? admit(s, *conn, grant->user.id, grant->sessionId)
                                 : Status(connectionClosed());
                             if (!admitted) {
                                 if (revokeOnRefusal)
                                     s.auth.logout(grant->sessionId);
                                 return admitted.error();
                             }
                             return grant;
                         });
}

P::HelloReply helloReply(const Services &s, int protocol)
{
    P::HelloReply hello;
    hello.protocol = protocol;
    hello.server = u"banterd/"_s + QCoreApplication::applicationVersion();
    hello.limits.maxRequestBytes = s.config.limits.maxRequestBytes;
    hello.limits.maxGroupSize = s.config.limits.maxGroupSize;
    hello.limits.registrationOpen = s.config.registration == RegistrationMode::Open;
    hello.limits.invitationRequired = s.config.registration == RegistrationMode::Invitation;
    hello.limits.historyPageMax = P::HistoryRequest::MaxLimit;
    hello.limits.syncPageMax = P::SyncRequest::MaxLimit;
    // Whole requests: a client that paces itself by these stays within the real limit.
    hello.limits.requestsPerSecond = int(qBound(1.0, s.config.limits.requestsPerSecond, 1e9));
    hello.limits.requestBurst = int(qBound(1.0, s.config.limits.requestBurst, 1e9));
    hello.limits.editWindowSeconds = s.config.limits.editWindowSeconds;
    return hello;
}
} // namespace

void registerHelloAndPing(RequestRouter &router, Services &s)
{
    route<P::HelloRequest>(
        router, P::Type::Hello, Access::Anyone, s.auth,
        [&s](ClientConnection &c, const P::HelloRequest &r) -> QFuture<Result<P::HelloReply>> {
            if (r.protocol < P::MinSupportedVersion || r.protocol > P::Version)
                return readyResult<P::HelloReply>(
                    makeError(ErrorCode::UnsupportedVersion,
                              u"this server speaks protocol %1 to %2"_s.arg(P::MinSupportedVersion)
                                  .arg(P::Version)));
            c.setProtocolVersion(r.protocol);
            P::HelloReply reply = helloReply(s, r.protocol);
            // Only what this server knows is confirmed, and used on this connection.
            quint32 features = 0;
            if (r.features.contains(P::Feature::MemberDeltas)) {
                features |= quint32(ClientFeature::MemberDeltas);
                reply.features.append(P::Feature::MemberDeltas);
            }
            c.setFeatures(features);
            return readyResult<P::HelloReply>(reply);
        });
    route<void>(router, P::Type::Ping, Access::Anyone, s.auth, [](ClientConnection &) {
        return readyResult<P::PongReply>(P::PongReply{QDateTime::currentMSecsSinceEpoch()});
    });
}

void registerSessionHandlers(RequestRouter &router, Services &s)
{
    registerHelloAndPing(router, s);
    AuthService &auth = s.auth;
    route<P::RegisterRequest>(
        router, P::Type::Register, Access::Anyone, auth,
        [&s](ClientConnection &c, const P::RegisterRequest &r) {
            return admitGrant(s, c, s.auth.registerUser(r, c.peerAddress().toString()), true);
        });
    route<P::LoginRequest>(router, P::Type::Login, Access::Anyone, auth,
                           [&s](ClientConnection &c, const P::LoginRequest &r) {
                               return admitGrant(s, c, s.auth.login(r, c.peerAddress().toString()),
                                                 true);
                           });
    route<P::RefreshRequest>(router, P::Type::Refresh, Access::Anyone, auth,
                             [&s](ClientConnection &c, const P::RefreshRequest &r) {
                                 return admitGrant(s, c, s.auth.refresh(r.refreshToken), false);
                             });
    route<P::AuthRequest>(
        router, P::Type::Auth, Access::Anyone, auth,
        [&s](ClientConnection &c, const P::AuthRequest &r) {
            return s.auth.authenticate(r.token).then(
                &s.auth,
                [&s, conn = QPointer(&c)](Result<P::AuthReply> auth) -> Result<P::AuthReply> {
                    if (!auth)
                        return auth;
                    if (!conn)
                        return connectionClosed();
                    if (Status admitted = admit(s, *conn, auth->user.id, auth->sessionId);
                        !admitted)
                        return admitted.error();
                    return auth;
                });
        });
    route<void>(router, P::Type::Logout, Access::Authenticated, auth,
                [&auth](ClientConnection &c) { return auth.logout(c.sessionId()); });
    route<void>(
        router, P::Type::Sessions, Access::Authenticated, auth,
        [&auth](ClientConnection &c) { return auth.listSessions(c.userId(), c.sessionId()); });
    route<P::RevokeSessionRequest>(router, P::Type::RevokeSession, Access::Authenticated, auth,
                                   [&auth](ClientConnection &c, const P::RevokeSessionRequest &r) {
                                       return auth.revokeSession(c.userId(), r.sessionId);
                                   });
    route<P::ChangePasswordRequest>(
        router, P::Type::ChangePassword, Access::Authenticated, auth,
        [&auth](ClientConnection &c, const P::ChangePasswordRequest &r) {
            return auth.changePassword(c.userId(), c.sessionId(), r);
        });
}

} // namespace Banter::Server
