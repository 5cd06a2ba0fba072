// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/contactservice.h"

#include "presence/presencestore.h"
#include "service/servicehelpers.h"
#include <banter/protocol/types.h>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
struct ContactRow
{
    ContactEntry entry;
    qint64 lastSeenMs = 0;
};
} // namespace

ContactService::ContactService(ServiceContext context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
{ }

Presence ContactService::presenceWithLastSeen(UserId user, qint64 storedLastSeenMs) const
{
    Presence p = m_context.presence.presence(user);
    if (p.status == PresenceStatus::Offline)
        p.lastSeenMs = qMax(p.lastSeenMs, storedLastSeenMs);
    return p;
}

QFuture<Result<Protocol::ContactsReply>> ContactService::list(UserId owner)
{
    return runInStorage<QList<ContactRow>>(
               m_context.storage,
               [owner](Repositories &repos) -> Result<QList<ContactRow>> {
                   Result<QList<ContactEntry>> entries = repos.contacts.list(owner);
                   if (!entries)
                       return entries.error();
                   QList<ContactRow> rows;
                   for (const ContactEntry &e : *entries) {
                       Result<qint64> seen = repos.users.lastSeen(e.user.id);
                       if (!seen)
                           return seen.error();
                       rows.append({e, *seen});
                   }
                   return rows;
               })
        .then(this, [this](Result<QList<ContactRow>> rows) -> Result<Protocol::ContactsReply> {
            if (!rows)
                return rows.error();
            // Presence is read here, on the service's thread: the store is not shared.
            Protocol::ContactsReply reply;
            for (const ContactRow &row : *rows) {
                reply.contacts.append({row.entry.user,
                                       presenceWithLastSeen(row.entry.user.id, row.lastSeenMs),
                                       row.entry.blocked});
            }
            return reply;
        });
}

QFuture<Result<Protocol::Contact>> ContactService::add(UserId owner,
                                                       const Protocol::AddContactRequest &request)
{
    const qint64 now = m_context.clock();
    return runInStorage<ContactRow>(
               m_context.storage,
               [owner, request, now](Repositories &repos) -> Result<ContactRow> {
                   Result<std::optional<User>> user = request.userId > 0
                       ? repos.users.findById(request.userId)
                       : repos.users.findByUsername(request.username.toLower());
                   if (!user)
                       return user.error();
                   if (!user->has_value())
                       return makeError(ErrorCode::NotFound, u"no such user"_s);
                   if ((*user)->id == owner)
                       return makeError(ErrorCode::BadRequest,
                                        u"you cannot add yourself as a contact"_s);
                   if (Status added = repos.contacts.add(owner, (*user)->id, now); !added)
                       return added.error();
                   Result<bool> blocked = repos.contacts.isBlocked(owner, (*user)->id);
                   if (!blocked)
                       return blocked.error();
                   Result<qint64> seen = repos.users.lastSeen((*user)->id);
                   if (!seen)
                       return seen.error();
                   return ContactRow{{**user, *blocked, now}, *seen};
               })
        .then(this, [this](Result<ContactRow> row) -> Result<Protocol::Contact> {
            if (!row)
                return row.error();
            return Protocol::Contact{row->entry.user,
                                     presenceWithLastSeen(row->entry.user.id, row->lastSeenMs),
                                     row->entry.blocked};
        });
}

qint64 ContactService::takeProfileToken(UserId user)
{
    const qint64 now = m_context.clock();
    auto it = m_profileBuckets.find(user);
    if (it == m_profileBuckets.end()) {
        it = m_profileBuckets.insert(user,
                                     TokenBucket(m_context.limits.profileUpdatesPerMinute / 60.0,
                                                 m_context.limits.profileUpdateBurst, now));
    }
    return it->take(now);
}

QFuture<Result<Protocol::UserReply>>
ContactService::updateProfile(UserId user, ConnectionId connection,
                              const Protocol::UpdateProfileRequest &request)
{
    const std::optional<QString> name =
        request.displayName ? std::optional<QString>(request.displayName->trimmed()) : std::nullopt;
    if (name) {
        if (Status valid = UserRules::validateDisplayName(*name); !valid)
            return readyResult<Protocol::UserReply>(valid.error());
    }
    if (request.avatar && !request.avatar->isEmpty()) {
        if (Status valid = AvatarRules::validateAvatar(*request.avatar); !valid)
            return readyResult<Protocol::UserReply>(valid.error());
    }
    if (const qint64 wait = takeProfileToken(user); wait > 0)
        return readyResult<Protocol::UserReply>(
            makeError(ErrorCode::RateLimited, u"too many profile changes; slow down"_s, wait));
    struct Changed
    {
        User user;
        QList<UserId> audience;
    };
    const qint64 now = m_context.clock();
    return runInStorage<Changed>(
               m_context.storage,
               [user, name, avatar = request.avatar, now](Repositories &repos) -> Result<Changed> {
                   if (name) {
                       if (Status updated = repos.users.updateDisplayName(user, *name); !updated)
                           return updated.error();
                   }
                   if (avatar) {
                       if (Result<qint64> set = repos.users.setAvatar(user, *avatar, now); !set)
                           return set.error();
                   }
                   Result<std::optional<User>> found = repos.users.findById(user);
                   if (!found)
                       return found.error();
                   if (!found->has_value())
                       return makeError(ErrorCode::NotFound, u"no such user"_s);
                   Result<QList<UserId>> audience = audienceOf(repos, user);
                   if (!audience)
                       return audience.error();
                   audience->append(user); // the user's other devices
                   return Changed{**found, *audience};
               })
        .then(this, [this, connection](Result<Changed> changed) -> Result<Protocol::UserReply> {
            if (!changed)
                return changed.error();
            const Protocol::UserReply reply{changed->user};
            m_context.pushes.push(changed->audience, Protocol::Type::UserUpdated, reply.toJson(),
                                  connection);
            return reply;
        });
}

QFuture<Result<Protocol::AvatarReply>> ContactService::avatar(UserId viewer, UserId user)
{
    return runInStorage<Protocol::AvatarReply>(
        m_context.storage, [viewer, user](Repositories &repos) -> Result<Protocol::AvatarReply> {
            Result<bool> allowed = repos.users.canSeeProfile(viewer, user);
            if (!allowed)
                return allowed.error();
            if (!*allowed)
                return makeError(ErrorCode::NotFound, u"no such user"_s);
            Result<std::optional<User>> found = repos.users.findById(user);
            if (!found)
                return found.error();
            if (!found->has_value())
                return makeError(ErrorCode::NotFound, u"no such user"_s);
            Result<std::pair<qint64, QByteArray>> picture = repos.users.avatar(user);
            if (!picture)
                return picture.error();
            return Protocol::AvatarReply{user, picture->first, picture->second};
        });
}

QFuture<Result<Done>> ContactService::remove(UserId owner, UserId contact)
{
    return runInStorage<Done>(m_context.storage,
                              [owner, contact](Repositories &repos) -> Result<Done> {
                                  return repos.contacts.remove(owner, contact);
                              });
}

QFuture<Result<Done>> ContactService::setBlocked(UserId owner, UserId contact, bool blocked)
{
    if (owner == contact)
        return readyResult<Done>(makeError(ErrorCode::BadRequest, u"you cannot block yourself"_s));
    const qint64 now = m_context.clock();
    return runInStorage<Done>(m_context.storage,
                              [owner, contact, blocked, now](Repositories &repos) -> Result<Done> {
                                  Result<std::optional<User>> user = repos.users.findById(contact);
                                  if (!user)
                                      return user.error();
                                  if (!user->has_value())
                                      return makeError(ErrorCode::NotFound, u"no such user"_s);
                                  return repos.contacts.setBlocked(owner, contact, blocked, now);
                              });
}

QFuture<Result<Protocol::UsersReply>>
ContactService::searchUsers(const Protocol::UserSearchRequest &request)
{
    return runInStorage<Protocol::UsersReply>(
        m_context.storage, [request](Repositories &repos) -> Result<Protocol::UsersReply> {
            Result<QList<User>> users = repos.users.search(request.query.trimmed(), request.limit);
            if (!users)
                return users.error();
            return Protocol::UsersReply{std::move(users).value()};
        });
}

} // namespace Banter::Server
