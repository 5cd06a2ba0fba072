// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/passwordhasher.h"
#include "service/servicecontext.h"
#include <banter/protocol/adminmessages.h>

#include <QObject>

namespace Banter::Server {

// Who asks for an admin change: the operator at the machine (the `banterd user` and
// `banterd session` commands, trusted by file permissions) or a signed-in server admin
// (the admin_* requests), whose admin flag is checked in the same transaction as the change.
struct AdminActor
{
    UserId user = 0; // 0: the local operator
    static AdminActor operatorOnMachine() { return {}; }
    static AdminActor signedIn(UserId user) { return {user}; }
};

// A page of accounts, by username.
struct AccountPage
{
    QList<AccountRecord> accounts;
    bool hasMore = false;
};

// Account administration: list, add, disable and enable, delete, reset a password, grant or
// take admin rights, list and revoke sessions. Each change is one storage job (one
// transaction): it happens entirely or not at all. Sessions it ends are written to the
// revocation log in that transaction (a running banterd follows the log and closes their
// sockets) and announced by sessionRevoked() after the commit, for the daemon it runs in.
//
// Usernames are folded to lowercase. A name that does not exist (or belongs to a deleted
// account) is NotFound; an admin request from someone who is not an active admin is
// Forbidden.
class AdminService : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxPageSize = Protocol::AdminUsersRequest::MaxLimit;

    // `hasher` must outlive this service.
    AdminService(StorageExecutor &storage, const PasswordHasher &hasher, Clock clock,
                 QObject *parent = nullptr);

    // Up to `limit` (1..MaxPageSize) accounts after `afterUsername`, by username; with a
    // `prefix` (trimmed; at most MaxDisplayNameLength), only those whose username or display
    // name starts with it.
    QFuture<Result<AccountPage>> listUsers(AdminActor actor, const QString &afterUsername,
                                           int limit, const QString &prefix = {});
    // Registration's rules for the name and the password; Conflict when the name is taken.
    QFuture<Result<AccountRecord>> addUser(AdminActor actor, const QString &username,
                                           const QString &password, bool admin);
    // Disabling ends every session of the account (reason "account_disabled").
    QFuture<Result<AccountRecord>> setDisabled(AdminActor actor, const QString &username,
                                               bool disabled);
    QFuture<Result<AccountRecord>> setAdmin(AdminActor actor, const QString &username, bool admin);
    // Sets `password` (or, when empty, a generated one-time password) and ends every session
    // (reason "password_reset"). Returns the password set.
    QFuture<Result<QString>> resetPassword(AdminActor actor, const QString &username,
                                           const QString &password);
    // Ends every session (reason "account_deleted") and deletes the account, keeping its
    // row so its messages keep their sender (UserRepository::markDeleted).
    QFuture<Result<Done>> deleteUser(AdminActor actor, const QString &username);
    // The account's live sessions (not revoked, not expired), oldest first.
    QFuture<Result<QList<StoredSession>>> sessions(AdminActor actor, const QString &username);
    // Ends one live session (reason "revoked"); NotFound when there is none with that id.
    QFuture<Result<Done>> revokeSession(AdminActor actor, SessionId session);
    // Ends every live session of the account; returns how many.
    QFuture<Result<int>> revokeAllSessions(AdminActor actor, const QString &username);

Q_SIGNALS:
    // The session was ended by an admin; its live connections must be closed.
    void sessionRevoked(Banter::SessionId session, const QString &reason);

private:
    template<typename T, typename Work>
    QFuture<Result<T>> run(AdminActor actor, Work work);
    void announce(const QList<SessionId> &sessions, const QString &reason);

    StorageExecutor &m_storage;
    const PasswordHasher &m_hasher;
    Clock m_clock;
};

} // namespace Banter::Server
