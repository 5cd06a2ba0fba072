// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/adminservice.h"

#include "auth/onetimepassword.h"
#include "serverlogging.h"

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
// What a change did, and the sessions it ended (announced after the commit).
template<typename T>
struct Changed
{
    T value;
    QList<SessionId> revoked;
    QString reason;
};

Error noSuchUser(const QString &username)
{
    return makeError(ErrorCode::NotFound, u"there is no user named %1"_s.arg(username));
}

// Admin requests are checked where the change happens, so an admin whose rights were just
// taken cannot slip one more change in.
Status checkActor(Repositories &repos, AdminActor actor)
{
    if (actor.user == 0)
        return success();
    Result<std::optional<AccountRecord>> found = repos.users.findAccountById(actor.user);
    if (!found)
        return found.error();
    if (!found->has_value() || !(*found)->admin || (*found)->disabled)
        return makeError(ErrorCode::Forbidden, u"only server admins may do that"_s);
    return success();
}

Result<AccountRecord> account(Repositories &repos, const QString &username)
{
    Result<std::optional<AccountRecord>> found = repos.users.findAccount(username);
    if (!found)
        return found.error();
    if (!found->has_value())
        return noSuchUser(username);
    return **found;
}

// Revokes every live session of the user and logs them for running daemons.
Result<QList<SessionId>> endSessions(Repositories &repos, UserId user, const QString &reason,
                                     qint64 nowMs)
{
    Result<QList<SessionId>> revoked = repos.sessions.revokeAllForUser(user, 0);
    if (!revoked)
        return revoked;
    if (Status s = repos.sessions.logRevocations(*revoked, reason, nowMs); !s)
        return s.error();
    return revoked;
}
} // namespace

AdminService::AdminService(StorageExecutor &storage, const PasswordHasher &hasher, Clock clock,
                           QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_hasher(hasher)
    , m_clock(std::move(clock))
{ }

template<typename T, typename Work>
QFuture<Result<T>> AdminService::run(AdminActor actor, Work work)
{
    return runInStorage<Changed<T>>(
               m_storage,
               [actor, work = std::move(work)](Repositories &repos) mutable -> Result<Changed<T>> {
                   if (Status allowed = checkActor(repos, actor); !allowed)
                       return allowed.error();
                   return work(repos);
               })
        .then(this, [this](Result<Changed<T>> changed) -> Result<T> {
            if (!changed)
                return changed.error();
            announce(changed->revoked, changed->reason);
            return std::move(changed->value);
        });
}

void AdminService::announce(const QList<SessionId> &sessions, const QString &reason)
{
    for (SessionId id : sessions) {
        qCInfo(lcAuth) << "session" << id << "ended by an admin:" << reason;
        Q_EMIT sessionRevoked(id, reason);
    }
}

QFuture<Result<AccountPage>> AdminService::listUsers(AdminActor actor, const QString &afterUsername,
                                                     int limit, const QString &prefix)
{
    if (limit < 1 || limit > MaxPageSize)
        return readyResult<AccountPage>(
            makeError(ErrorCode::BadRequest, u"limit must be 1 to %1"_s.arg(MaxPageSize)));
    // Longer than any name could be matches nothing: a mistake, said as one.
    const QString trimmed = prefix.trimmed();
    if (trimmed.size() > UserRules::MaxDisplayNameLength)
        return readyResult<AccountPage>(
            makeError(ErrorCode::BadRequest,
                      u"a query is at most %1 characters"_s.arg(UserRules::MaxDisplayNameLength)));
    return run<AccountPage>(actor,
                            [after = afterUsername.toLower(), limit, prefix = trimmed](
                                Repositories &repos) -> Result<Changed<AccountPage>> {
                                // One more than asked says whether another page follows.
                                Result<QList<AccountRecord>> rows =
                                    repos.users.listAccounts(after, limit + 1, prefix);
                                if (!rows)
                                    return rows.error();
                                AccountPage page{*rows, rows->size() > limit};
                                if (page.hasMore)
                                    page.accounts.removeLast();
                                return Changed<AccountPage>{page, {}, {}};
                            });
}

QFuture<Result<AccountRecord>> AdminService::addUser(AdminActor actor, const QString &username,
                                                     const QString &password, bool admin)
{
    const QString name = username.toLower();
    for (const Status &check :
         {UserRules::validateUsername(name), UserRules::validatePassword(password)}) {
        if (!check)
            return readyResult<AccountRecord>(check.error());
    }
    return m_hasher.hashAsync(password)
        .then(this,
              [this, actor, name, admin](Result<QString> hash) -> QFuture<Result<AccountRecord>> {
                  if (!hash)
                      return readyResult<AccountRecord>(hash.error());
                  return run<AccountRecord>(
                      actor,
                      [name, admin, hash = *hash,
                       now = m_clock()](Repositories &repos) -> Result<Changed<AccountRecord>> {
                          Result<User> user = repos.users.create(name, QString(), hash, now);
                          if (!user)
                              return user.error();
                          if (admin) {
                              if (Status s = repos.users.setAdmin(user->id, true); !s)
                                  return s.error();
                          }
                          return Changed<AccountRecord>{{*user, false, admin, 0, 0}, {}, {}};
                      });
              })
        .unwrap();
}

QFuture<Result<AccountRecord>> AdminService::setDisabled(AdminActor actor, const QString &username,
                                                         bool disabled)
{
    return run<AccountRecord>(
        actor,
        [name = username.toLower(), disabled,
         now = m_clock()](Repositories &repos) -> Result<Changed<AccountRecord>> {
            Result<AccountRecord> found = account(repos, name);
            if (!found)
                return found.error();
            if (Status s = repos.users.setDisabled(found->user.id, disabled, now); !s)
                return s.error();
            Changed<AccountRecord> changed{*found, {}, u"account_disabled"_s};
            changed.value.disabled = disabled;
            changed.value.disabledAtMs = disabled ? now : 0;
            if (disabled) {
                Result<QList<SessionId>> ended =
                    endSessions(repos, found->user.id, changed.reason, now);
                if (!ended)
                    return ended.error();
                changed.revoked = *ended;
            }
            return changed;
        });
}

QFuture<Result<AccountRecord>> AdminService::setAdmin(AdminActor actor, const QString &username,
                                                      bool admin)
{
    return run<AccountRecord>(
        actor,
        [name = username.toLower(), admin](Repositories &repos) -> Result<Changed<AccountRecord>> {
            Result<AccountRecord> found = account(repos, name);
            if (!found)
                return found.error();
            if (Status s = repos.users.setAdmin(found->user.id, admin); !s)
                return s.error();
            found->admin = admin;
            return Changed<AccountRecord>{*found, {}, {}};
        });
}

QFuture<Result<QString>> AdminService::resetPassword(AdminActor actor, const QString &username,
                                                     const QString &password)
{
    const QString chosen = password.isEmpty() ? OneTimePassword::generate() : password;
    if (Status valid = UserRules::validatePassword(chosen); !valid)
        return readyResult<QString>(valid.error());
    return m_hasher.hashAsync(chosen)
        .then(this,
              [this, actor, name = username.toLower(),
               chosen](Result<QString> hash) -> QFuture<Result<QString>> {
                  if (!hash)
                      return readyResult<QString>(hash.error());
                  return run<QString>(
                      actor,
                      [name, chosen, hash = *hash,
                       now = m_clock()](Repositories &repos) -> Result<Changed<QString>> {
                          Result<AccountRecord> found = account(repos, name);
                          if (!found)
                              return found.error();
                          const UserId id = found->user.id;
                          if (Status s = repos.users.updatePasswordHash(id, hash); !s)
                              return s.error();
                          const QString reason = u"password_reset"_s;
                          Result<QList<SessionId>> ended = endSessions(repos, id, reason, now);
                          if (!ended)
                              return ended.error();
                          return Changed<QString>{chosen, *ended, reason};
                      });
              })
        .unwrap();
}

QFuture<Result<Done>> AdminService::deleteUser(AdminActor actor, const QString &username)
{
    return run<Done>(
        actor,
        [name = username.toLower(), now = m_clock()](Repositories &repos) -> Result<Changed<Done>> {
            Result<AccountRecord> found = account(repos, name);
            if (!found)
                return found.error();
            const UserId id = found->user.id;
            const QString reason = u"account_deleted"_s;
            Result<QList<SessionId>> ended = endSessions(repos, id, reason, now);
            if (!ended)
                return ended.error();
            // "~" is in no valid username: nobody can sign in as, or register, the tombstone.
            if (Status s = repos.users.markDeleted(id, u"~deleted-%1"_s.arg(id), now); !s)
                return s.error();
            return Changed<Done>{Done{}, *ended, reason};
        });
}

QFuture<Result<QList<StoredSession>>> AdminService::sessions(AdminActor actor,
                                                             const QString &username)
{
    return run<QList<StoredSession>>(
        actor,
        [name = username.toLower(),
         now = m_clock()](Repositories &repos) -> Result<Changed<QList<StoredSession>>> {
            Result<AccountRecord> found = account(repos, name);
            if (!found)
                return found.error();
            Result<QList<StoredSession>> all = repos.sessions.listForUser(found->user.id);
            if (!all)
                return all.error();
            QList<StoredSession> live;
            for (const StoredSession &s : *all) {
                if (s.expiresAtMs > now)
                    live.append(s);
            }
            return Changed<QList<StoredSession>>{live, {}, {}};
        });
}

QFuture<Result<Done>> AdminService::revokeSession(AdminActor actor, SessionId session)
{
    return run<Done>(
        actor, [session, now = m_clock()](Repositories &repos) -> Result<Changed<Done>> {
            Result<std::optional<StoredSession>> found = repos.sessions.find(session);
            if (!found)
                return found.error();
            if (!found->has_value() || (*found)->revoked || (*found)->expiresAtMs <= now)
                return makeError(ErrorCode::NotFound,
                                 u"there is no live session %1"_s.arg(session));
            const QString reason = u"revoked"_s;
            if (Status s = repos.sessions.revoke(session); !s)
                return s.error();
            if (Status s = repos.sessions.logRevocations({session}, reason, now); !s)
                return s.error();
            return Changed<Done>{Done{}, {session}, reason};
        });
}

QFuture<Result<int>> AdminService::revokeAllSessions(AdminActor actor, const QString &username)
{
    return run<int>(
        actor,
        [name = username.toLower(), now = m_clock()](Repositories &repos) -> Result<Changed<int>> {
            Result<AccountRecord> found = account(repos, name);
            if (!found)
                return found.error();
            const QString reason = u"revoked"_s;
            Result<QList<SessionId>> ended = endSessions(repos, found->user.id, reason, now);
            if (!ended)
                return ended.error();
            return Changed<int>{int(ended->size()), *ended, reason};
        });
}

} // namespace Banter::Server
