// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// admin_users, admin_set_disabled, admin_reset_password, admin_set_admin, admin_sessions,
// admin_revoke_session. AdminService checks the asker is an active server admin.
#include "net/handlers/services.h"
#include "net/route.h"
#include "service/adminservice.h"
#include "service/presenceservice.h"
#include <banter/protocol/adminmessages.h>
#include <banter/protocol/types.h>

namespace Banter::Server {

namespace {
using Access = RequestRouter::Access;
namespace P = Protocol;

// `online` from the presence store: whether a chat connection of the account is open now.
P::AdminAccount wire(const AccountRecord &a, const PresenceService &presence)
{
    return {a.user,         a.disabled,   a.admin,
            a.disabledAtMs, a.lastSeenMs, presence.connectionCount(a.user.id) > 0};
}

AdminActor asker(const ClientConnection &c)
{
    return AdminActor::signedIn(c.userId());
}
} // namespace

void registerAdminHandlers(RequestRouter &router, Services &s)
{
    AdminService &admin = s.admin;
    const PresenceService &presence = s.presence;
    // The changed account, as one admin_users entry. AdminService's futures finish on the
    // server's thread (its own continuation brings them there), so the presence store is
    // read where it lives.
    auto accountReply = [&presence](Result<AccountRecord> account) -> Result<P::AdminAccount> {
        if (!account)
            return account.error();
        return wire(*account, presence);
    };
    route<P::AdminUsersRequest>(
        router, P::Type::AdminUsers, Access::Authenticated, admin,
        [&admin, &presence](ClientConnection &c, const P::AdminUsersRequest &r) {
            return admin.listUsers(asker(c), r.after, r.limit, r.query)
                .then([&presence](Result<AccountPage> page) -> Result<P::AdminUsersReply> {
                    if (!page)
                        return page.error();
                    P::AdminUsersReply reply;
                    reply.hasMore = page->hasMore;
                    for (const AccountRecord &a : page->accounts)
                        reply.users.append(wire(a, presence));
                    return reply;
                });
        });
    route<P::AdminSetDisabledRequest>(
        router, P::Type::AdminSetDisabled, Access::Authenticated, admin,
        [&admin, accountReply](ClientConnection &c, const P::AdminSetDisabledRequest &r) {
            return admin.setDisabled(asker(c), r.username, r.disabled).then(accountReply);
        });
    route<P::AdminSetAdminRequest>(
        router, P::Type::AdminSetAdmin, Access::Authenticated, admin,
        [&admin, accountReply](ClientConnection &c, const P::AdminSetAdminRequest &r) {
            return admin.setAdmin(asker(c), r.username, r.admin).then(accountReply);
        });
    route<P::AdminResetPasswordRequest>(
        router, P::Type::AdminResetPassword, Access::Authenticated, admin,
        [&admin](ClientConnection &c, const P::AdminResetPasswordRequest &r) {
            return admin.resetPassword(asker(c), r.username, r.password)
                .then([](Result<QString> password) -> Result<P::AdminResetPasswordReply> {
                    if (!password)
                        return password.error();
                    return P::AdminResetPasswordReply{*password};
                });
        });
    route<P::AdminSessionsRequest>(
        router, P::Type::AdminSessions, Access::Authenticated, admin,
        [&admin](ClientConnection &c, const P::AdminSessionsRequest &r) {
            return admin.sessions(asker(c), r.username)
                .then([](Result<QList<StoredSession>> sessions) -> Result<P::SessionsReply> {
                    if (!sessions)
                        return sessions.error();
                    P::SessionsReply reply;
                    for (const StoredSession &s : *sessions)
                        reply.sessions.append(
                            {s.id, s.device, s.createdAtMs, s.lastUsedAtMs, false});
                    return reply;
                });
        });
    route<P::AdminRevokeSessionRequest>(
        router, P::Type::AdminRevokeSession, Access::Authenticated, admin,
        [&admin](ClientConnection &c, const P::AdminRevokeSessionRequest &r) {
            if (r.sessionId != 0)
                return admin.revokeSession(asker(c), r.sessionId)
                    .then([](Result<Done> done) -> Result<P::AdminRevokeSessionReply> {
                        if (!done)
                            return done.error();
                        return P::AdminRevokeSessionReply{1};
                    });
            return admin.revokeAllSessions(asker(c), r.username)
                .then([](Result<int> count) -> Result<P::AdminRevokeSessionReply> {
                    if (!count)
                        return count.error();
                    return P::AdminRevokeSessionReply{*count};
                });
        });
}

} // namespace Banter::Server
