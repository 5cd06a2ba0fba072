// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// hello, register, login, auth, refresh, logout, sessions, revoke_session, change_password,
// ping.
#include "net/handlers/services.h"
#include "net/requestrouter.h"
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/sessionmessages.h>
#include <banter/protocol/types.h>
#include "service/authservice.h"
#include "service/presenceservice.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
using Access = RequestRouter::Access;
namespace P = Protocol;

// Signs the connection in, unless the user already has as many connections as allowed or
// the connection belongs to someone else.
Status admit(Services &s, ClientConnection &connection, UserId user, SessionId session)
{
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
// that cannot be admitted gives its new session back.
Callback<P::AuthGrant> admitThenReply(Services &s, ClientConnection &connection, const Reply &reply,
                                      bool revokeOnRefusal)
{
    return [&s, conn = QPointer(&connection), reply, revokeOnRefusal](Result<P::AuthGrant> grant) {
        if (!grant)
            return reply.failure(grant.error());
        if (!conn) {
            if (revokeOnRefusal)
                s.auth.logout(grant->sessionId, [](Result<Done>) {});
            return;
        }
        if (Status admitted = admit(s, *conn, grant->user.id, grant->sessionId); !admitted) {
            if (revokeOnRefusal)
                s.auth.logout(grant->sessionId, [](Result<Done>) {});
            return reply.failure(admitted.error());
        }
        reply.success(grant->toJson());
    };
}
} // namespace

void registerHelloAndPing(RequestRouter &router, Services &s)
{
    router.add(P::Type::Hello, Access::Anyone,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::HelloRequest>(data, reply, [&](const P::HelloRequest &r) {
                       if (r.protocol < P::MinSupportedVersion || r.protocol > P::Version)
                           return reply.failure(makeError(
                               ErrorCode::UnsupportedVersion,
                               u"this server speaks protocol %1 to %2"_s.arg(P::MinSupportedVersion)
                                   .arg(P::Version)));
                       c.setProtocolVersion(r.protocol);
                       P::HelloReply hello;
                       hello.protocol = r.protocol;
                       hello.server = u"banterd/"_s + QCoreApplication::applicationVersion();
                       hello.limits.maxRequestBytes = s.config.limits.maxRequestBytes;
                       hello.limits.maxGroupSize = s.config.limits.maxGroupSize;
                       hello.limits.registrationOpen = s.config.registrationOpen;
                       hello.limits.historyPageMax = P::HistoryRequest::MaxLimit;
                       hello.limits.syncPageMax = P::SyncRequest::MaxLimit;
                       reply.success(hello.toJson());
                   });
               });
    router.add(P::Type::Ping, Access::Anyone,
               [](ClientConnection &, const QJsonObject &, const Reply &reply) {
                   reply.success(P::PongReply{QDateTime::currentMSecsSinceEpoch()}.toJson());
               });
}

void registerSessionHandlers(RequestRouter &router, Services &s)
{
    registerHelloAndPing(router, s);
    router.add(P::Type::Register, Access::Anyone,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::RegisterRequest>(data, reply, [&](const P::RegisterRequest &r) {
                       s.auth.registerUser(r, c.peerAddress().toString(),
                                           admitThenReply(s, c, reply, true));
                   });
               });
    router.add(P::Type::Login, Access::Anyone,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::LoginRequest>(data, reply, [&](const P::LoginRequest &r) {
                       s.auth.login(r, c.peerAddress().toString(),
                                    admitThenReply(s, c, reply, true));
                   });
               });
    router.add(P::Type::Refresh, Access::Anyone,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::RefreshRequest>(data, reply, [&](const P::RefreshRequest &r) {
                       s.auth.refresh(r.refreshToken, admitThenReply(s, c, reply, false));
                   });
               });
    router.add(P::Type::Auth, Access::Anyone,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::AuthRequest>(data, reply, [&](const P::AuthRequest &r) {
                       s.auth.authenticate(
                           r.token, [&s, conn = QPointer(&c), reply](Result<P::AuthReply> auth) {
                               if (!auth)
                                   return reply.failure(auth.error());
                               if (!conn)
                                   return;
                               if (Status admitted =
                                       admit(s, *conn, auth->user.id, auth->sessionId);
                                   !admitted)
                                   return reply.failure(admitted.error());
                               reply.success(auth->toJson());
                           });
                   });
               });
    router.add(P::Type::Logout, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &, const Reply &reply) {
                   s.auth.logout(c.sessionId(), reply);
               });
    router.add(P::Type::Sessions, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &, const Reply &reply) {
                   s.auth.listSessions(c.userId(), c.sessionId(), reply);
               });
    router.add(P::Type::RevokeSession, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::RevokeSessionRequest>(
                       data, reply, [&](const P::RevokeSessionRequest &r) {
                           s.auth.revokeSession(c.userId(), r.sessionId, reply);
                       });
               });
    router.add(P::Type::ChangePassword, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::ChangePasswordRequest>(
                       data, reply, [&](const P::ChangePasswordRequest &r) {
                           s.auth.changePassword(c.userId(), c.sessionId(), r, reply);
                       });
               });
}

} // namespace Banter::Server
