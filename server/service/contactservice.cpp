// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/contactservice.h"

#include "presence/presencestore.h"

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

void ContactService::list(UserId owner, Callback<Protocol::ContactsReply> done)
{
    runInStorage<QList<ContactRow>>(
        m_context.storage, this,
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
        },
        [this, done = std::move(done)](Result<QList<ContactRow>> rows) {
            if (!rows)
                return done(rows.error());
            Protocol::ContactsReply reply;
            for (const ContactRow &row : *rows) {
                reply.contacts.append({row.entry.user,
                                       presenceWithLastSeen(row.entry.user.id, row.lastSeenMs),
                                       row.entry.blocked});
            }
            done(reply);
        });
}

void ContactService::add(UserId owner, const Protocol::AddContactRequest &request,
                         Callback<Protocol::Contact> done)
{
    const qint64 now = m_context.clock();
    runInStorage<ContactRow>(
        m_context.storage, this,
        [owner, request, now](Repositories &repos) -> Result<ContactRow> {
            Result<std::optional<User>> user = request.userId > 0
                ? repos.users.findById(request.userId)
                : repos.users.findByUsername(request.username.toLower());
            if (!user)
                return user.error();
            if (!user->has_value())
                return makeError(ErrorCode::NotFound, u"no such user"_s);
            if ((*user)->id == owner)
                return makeError(ErrorCode::BadRequest, u"you cannot add yourself as a contact"_s);
            if (Status added = repos.contacts.add(owner, (*user)->id, now); !added)
                return added.error();
            Result<bool> blocked = repos.contacts.isBlocked(owner, (*user)->id);
            if (!blocked)
                return blocked.error();
            Result<qint64> seen = repos.users.lastSeen((*user)->id);
            if (!seen)
                return seen.error();
            return ContactRow{{**user, *blocked, now}, *seen};
        },
        [this, done = std::move(done)](Result<ContactRow> row) {
            if (!row)
                return done(row.error());
            done(Protocol::Contact{row->entry.user,
                                   presenceWithLastSeen(row->entry.user.id, row->lastSeenMs),
                                   row->entry.blocked});
        });
}

void ContactService::remove(UserId owner, UserId contact, Callback<Done> done)
{
    runInStorage<Done>(
        m_context.storage, this,
        [owner, contact](Repositories &repos) -> Result<Done> {
            return repos.contacts.remove(owner, contact);
        },
        std::move(done));
}

void ContactService::setBlocked(UserId owner, UserId contact, bool blocked, Callback<Done> done)
{
    if (owner == contact)
        return done(makeError(ErrorCode::BadRequest, u"you cannot block yourself"_s));
    const qint64 now = m_context.clock();
    runInStorage<Done>(
        m_context.storage, this,
        [owner, contact, blocked, now](Repositories &repos) -> Result<Done> {
            Result<std::optional<User>> user = repos.users.findById(contact);
            if (!user)
                return user.error();
            if (!user->has_value())
                return makeError(ErrorCode::NotFound, u"no such user"_s);
            return repos.contacts.setBlocked(owner, contact, blocked, now);
        },
        std::move(done));
}

void ContactService::searchUsers(const Protocol::UserSearchRequest &request,
                                 Callback<Protocol::UsersReply> done)
{
    runInStorage<Protocol::UsersReply>(
        m_context.storage, this,
        [request](Repositories &repos) -> Result<Protocol::UsersReply> {
            Result<QList<User>> users = repos.users.search(request.query.trimmed(), request.limit);
            if (!users)
                return users.error();
            return Protocol::UsersReply{std::move(users).value()};
        },
        std::move(done));
}

} // namespace Banter::Server
