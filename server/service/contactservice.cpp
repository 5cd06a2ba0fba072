// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/contactservice.h"

#include "presence/presencestore.h"
#include "service/replypaging.h"
#include "service/servicehelpers.h"
#include <banter/protocol/replybudget.h>
#include <banter/protocol/types.h>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
struct ContactRow
{
    ContactEntry entry;
    qint64 lastSeenMs = 0;
    bool visible = false; // the owner is in the contact's presence audience
};

// Whether each of two people is in the other's presence audience (mutual contacts or a
// shared conversation, no block either way).
struct Visibility
{
    bool ownerSeesContact = false;
    bool contactSeesOwner = false;
};

Result<Visibility> visibilityOf(Repositories &repos, UserId owner, UserId contact)
{
    Result<bool> ownerSees = repos.users.canSeeProfile(owner, contact);
    if (!ownerSees)
        return ownerSees.error();
    Result<bool> contactSees = repos.users.canSeeProfile(contact, owner);
    if (!contactSees)
        return contactSees.error();
    return Visibility{*ownerSees, *contactSees};
}

// A contact row with the presence its owner may see.
Result<ContactRow> contactRow(Repositories &repos, UserId owner, const ContactEntry &entry)
{
    Result<bool> visible = repos.users.canSeeProfile(owner, entry.user.id);
    if (!visible)
        return visible.error();
    qint64 lastSeen = 0;
    if (*visible) {
        Result<qint64> seen = repos.users.lastSeen(entry.user.id);
        if (!seen)
            return seen.error();
        lastSeen = *seen;
    }
    return ContactRow{entry, lastSeen, *visible};
}
} // namespace

// A change between two people (add, remove, block, unblock) as it alters what each sees of
// the other's presence.
struct ContactService::RelationChange
{
    UserId owner = 0;
    UserId contact = 0;
    Visibility before;
    Visibility after;
};

ContactService::ContactService(ServiceContext context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
{ }

Presence ContactService::presenceWithLastSeen(UserId user, qint64 storedLastSeenMs,
                                              bool visible) const
{
    // Someone outside the user's audience sees what a never-seen user looks like: offline,
    // no last_seen. The same "unknown" whether hidden by a block or by no relation at all.
    if (!visible)
        return Presence{user, PresenceStatus::Offline, 0};
    Presence p = m_context.presence.presence(user);
    if (p.status == PresenceStatus::Offline)
        p.lastSeenMs = qMax(p.lastSeenMs, storedLastSeenMs);
    return p;
}

QFuture<Result<Protocol::ContactsReply>>
ContactService::list(UserId owner, const Protocol::PeoplePageRequest &request)
{
    struct Page
    {
        QList<ContactRow> rows;
        bool hasMore = false;
    };
    const UserId after = request.after;
    return runInStorage<Page>(
               m_context.storage,
               [owner, after](Repositories &repos) -> Result<Page> {
                   // One more than a page holds says whether more follow.
                   Result<QList<ContactEntry>> entries =
                       repos.contacts.listAfter(owner, after, Protocol::MaxPeoplePerPage + 1);
                   if (!entries)
                       return entries.error();
                   QList<qint64> sizes;
                   const qsizetype candidates =
                       qMin<qsizetype>(entries->size(), Protocol::MaxPeoplePerPage);
                   for (qsizetype i = 0; i < candidates; ++i) {
                       const ContactEntry &e = entries->at(i);
                       const Protocol::Contact worst{e.user, worstCasePresence(e.user.id),
                                                     e.blocked};
                       sizes.append(Protocol::encodedSize(Protocol::toJson(worst)));
                   }
                   const qsizetype kept = fittingEntries(sizes, Protocol::ListReplyTargetBytes);
                   Page page;
                   page.hasMore = kept < entries->size();
                   for (qsizetype i = 0; i < kept; ++i) {
                       Result<ContactRow> row = contactRow(repos, owner, entries->at(i));
                       if (!row)
                           return row.error();
                       page.rows.append(*row);
                   }
                   return page;
               })
        .then(this, [this](Result<Page> page) -> Result<Protocol::ContactsReply> {
            if (!page)
                return page.error();
            // Presence is read here, on the service's thread: the store is not shared.
            Protocol::ContactsReply reply;
            reply.hasMore = page->hasMore;
            for (const ContactRow &row : page->rows) {
                reply.contacts.append(
                    {row.entry.user,
                     presenceWithLastSeen(row.entry.user.id, row.lastSeenMs, row.visible),
                     row.entry.blocked});
            }
            return reply;
        });
}

QFuture<Result<Protocol::Contact>> ContactService::add(UserId owner,
                                                       const Protocol::AddContactRequest &request)
{
    struct Added
    {
        ContactRow row;
        RelationChange change;
    };
    const qint64 now = m_context.clock();
    return runInStorage<Added>(
               m_context.storage,
               [owner, request, now](Repositories &repos) -> Result<Added> {
                   Result<std::optional<User>> user = request.userId > 0
                       ? repos.users.findById(request.userId)
                       : repos.users.findByUsername(request.username.toLower());
                   if (!user)
                       return user.error();
                   if (!user->has_value())
                       return makeError(ErrorCode::NotFound, u"no such user"_s);
                   const UserId contact = (*user)->id;
                   if (contact == owner)
                       return makeError(ErrorCode::BadRequest,
                                        u"you cannot add yourself as a contact"_s);
                   Result<Visibility> before = visibilityOf(repos, owner, contact);
                   if (!before)
                       return before.error();
                   if (Status added = repos.contacts.add(owner, contact, now); !added)
                       return added.error();
                   Result<bool> blocked = repos.contacts.isBlocked(owner, contact);
                   if (!blocked)
                       return blocked.error();
                   Result<ContactRow> row = contactRow(repos, owner, {**user, *blocked, now});
                   if (!row)
                       return row.error();
                   Result<Visibility> after = visibilityOf(repos, owner, contact);
                   if (!after)
                       return after.error();
                   return Added{*row, {owner, contact, *before, *after}};
               })
        .then(this, [this](Result<Added> added) -> Result<Protocol::Contact> {
            if (!added)
                return added.error();
            announceRelation(added->change);
            const ContactRow &row = added->row;
            return Protocol::Contact{
                row.entry.user,
                presenceWithLastSeen(row.entry.user.id, row.lastSeenMs, row.visible),
                row.entry.blocked};
        });
}

QFuture<Result<Done>> ContactService::changeRelation(UserId owner, UserId contact,
                                                     std::function<Status(Repositories &)> change)
{
    return runInStorage<RelationChange>(
               m_context.storage,
               [owner, contact,
                change = std::move(change)](Repositories &repos) -> Result<RelationChange> {
                   Result<Visibility> before = visibilityOf(repos, owner, contact);
                   if (!before)
                       return before.error();
                   if (Status changed = change(repos); !changed)
                       return changed.error();
                   Result<Visibility> after = visibilityOf(repos, owner, contact);
                   if (!after)
                       return after.error();
                   return RelationChange{owner, contact, *before, *after};
               })
        .then(this, [this](Result<RelationChange> change) -> Result<Done> {
            if (!change)
                return change.error();
            announceRelation(*change);
            return Done{};
        });
}

void ContactService::announceRelation(const RelationChange &change)
{
    // Whoever left (or entered) the other's audience hears it at once: a blocked user's
    // client shows the blocker as unknown now, not after the blocker's next status change.
    const auto tell = [this](UserId to, UserId about, bool visible) {
        const Protocol::PresencePush push{presenceWithLastSeen(about, 0, visible)};
        m_context.pushes.push({to}, Protocol::Type::PresencePush, push.toJson());
    };
    if (change.before.contactSeesOwner != change.after.contactSeesOwner)
        tell(change.contact, change.owner, change.after.contactSeesOwner);
    if (change.before.ownerSeesContact != change.after.ownerSeesContact)
        tell(change.owner, change.contact, change.after.ownerSeesContact);
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
        Protocol::PrivacySettings privacy;
        QList<UserId> audience; // empty when nothing others see changed
    };
    const qint64 now = m_context.clock();
    return runInStorage<Changed>(
               m_context.storage,
               [user, name, request, now](Repositories &repos) -> Result<Changed> {
                   if (name) {
                       if (Status updated = repos.users.updateDisplayName(user, *name); !updated)
                           return updated.error();
                   }
                   if (request.avatar) {
                       if (Result<qint64> set = repos.users.setAvatar(user, *request.avatar, now);
                           !set)
                           return set.error();
                   }
                   Result<Protocol::PrivacySettings> privacy = repos.users.privacy(user);
                   if (!privacy)
                       return privacy.error();
                   if (request.hideLastSeen || request.groupAddsFromContactsOnly) {
                       privacy->hideLastSeen = request.hideLastSeen.value_or(privacy->hideLastSeen);
                       privacy->groupAddsFromContactsOnly =
                           request.groupAddsFromContactsOnly.value_or(
                               privacy->groupAddsFromContactsOnly);
                       if (Status set = repos.users.setPrivacy(user, *privacy); !set)
                           return set.error();
                   }
                   Result<std::optional<User>> found = repos.users.findById(user);
                   if (!found)
                       return found.error();
                   if (!found->has_value())
                       return makeError(ErrorCode::NotFound, u"no such user"_s);
                   Changed changed{**found, *privacy, {}};
                   if (name || request.avatar) {
                       Result<QList<UserId>> audience = audienceOf(repos, user);
                       if (!audience)
                           return audience.error();
                       changed.audience = *audience;
                       changed.audience.append(user); // the user's other devices
                   }
                   return changed;
               })
        .then(this,
              [this, user, connection](Result<Changed> changed) -> Result<Protocol::UserReply> {
                  if (!changed)
                      return changed.error();
                  m_context.presence.setLastSeenHidden(user, changed->privacy.hideLastSeen);
                  // Others get the user as they see them; the settings are the user's own.
                  const Protocol::UserReply pushed{changed->user, std::nullopt};
                  if (!changed->audience.isEmpty())
                      m_context.pushes.push(changed->audience, Protocol::Type::UserUpdated,
                                            pushed.toJson(), connection);
                  return Protocol::UserReply{changed->user, changed->privacy};
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
    return changeRelation(owner, contact, [owner, contact](Repositories &repos) -> Status {
        return repos.contacts.remove(owner, contact);
    });
}

QFuture<Result<Done>> ContactService::setBlocked(UserId owner, UserId contact, bool blocked)
{
    if (owner == contact)
        return readyResult<Done>(makeError(ErrorCode::BadRequest, u"you cannot block yourself"_s));
    const qint64 now = m_context.clock();
    return changeRelation(owner, contact,
                          [owner, contact, blocked, now](Repositories &repos) -> Status {
                              Result<std::optional<User>> user = repos.users.findById(contact);
                              if (!user)
                                  return user.error();
                              if (!user->has_value())
                                  return makeError(ErrorCode::NotFound, u"no such user"_s);
                              return repos.contacts.setBlocked(owner, contact, blocked, now);
                          });
}

QFuture<Result<Protocol::UsersReply>>
ContactService::searchUsers(UserId viewer, const Protocol::UserSearchRequest &request)
{
    const bool knownOnly = m_context.limits.userSearchContactsOnly;
    return runInStorage<Protocol::UsersReply>(
        m_context.storage,
        [viewer, request, knownOnly](Repositories &repos) -> Result<Protocol::UsersReply> {
            const QString query = request.query.trimmed();
            Result<QList<User>> users = knownOnly
                ? repos.users.searchKnown(viewer, query, request.limit)
                : repos.users.search(query, request.limit);
            if (!users)
                return users.error();
            return Protocol::UsersReply{std::move(users).value()};
        });
}

} // namespace Banter::Server
