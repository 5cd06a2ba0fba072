// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/servicecontext.h"
#include "service/tokenbucket.h"
#include <banter/protocol/peoplemessages.h>

#include <QObject>

namespace Banter::Server {

// Contacts (add, remove, block, list with presence) and finding people by name.
class ContactService : public QObject
{
    Q_OBJECT
public:
    explicit ContactService(ServiceContext context, QObject *parent = nullptr);

    // One page of the owner's contacts, in user id order after `request.after`, cut by its
    // encoded size.
    QFuture<Result<Protocol::ContactsReply>> list(UserId owner,
                                                  const Protocol::PeoplePageRequest &request);
    QFuture<Result<Protocol::Contact>> add(UserId owner,
                                           const Protocol::AddContactRequest &request);
    // Removing a contact and blocking or unblocking someone take effect at once: a person
    // who leaves the other's presence audience is pushed as unknown (offline, no last_seen),
    // one who enters it gets the real presence.
    QFuture<Result<Done>> remove(UserId owner, UserId contact);
    QFuture<Result<Done>> setBlocked(UserId owner, UserId contact, bool blocked);
    // Everyone by default (usernames can be enumerated: the trade-off of open registration);
    // only the viewer's contacts and conversation peers when the operator set
    // ServerLimits::userSearchContactsOnly.
    QFuture<Result<Protocol::UsersReply>> searchUsers(UserId viewer,
                                                      const Protocol::UserSearchRequest &request);
    // Changes the user's display name and picture and tells the people who see them (those
    // who share a conversation or keep them as a contact, blocks respected) and the user's
    // other connections with user_updated; `connection` gets the reply instead. Limited per
    // user (ServerLimits::profileUpdatesPerMinute); a picture must pass
    // AvatarRules::validateAvatar.
    QFuture<Result<Protocol::UserReply>>
    updateProfile(UserId user, ConnectionId connection,
                  const Protocol::UpdateProfileRequest &request);
    // `user`'s picture, for a viewer who may see their profile; NotFound otherwise, the same
    // as for an unknown user, so the answer reveals nothing about strangers.
    QFuture<Result<Protocol::AvatarReply>> avatar(UserId viewer, UserId user);

private:
    struct RelationChange;
    // The presence a viewer gets: the real one when visible (with the stored last_seen when
    // offline), "unknown" (offline, no last_seen) otherwise.
    Presence presenceWithLastSeen(UserId user, qint64 storedLastSeenMs, bool visible) const;
    // Runs a change of the relation between two people in storage and tells each of them
    // when they entered or left the other's presence audience.
    QFuture<Result<Done>> changeRelation(UserId owner, UserId contact,
                                         std::function<Status(Repositories &)> change);
    void announceRelation(const RelationChange &change);
    qint64 takeProfileToken(UserId user);

    ServiceContext m_context;
    QHash<UserId, TokenBucket> m_profileBuckets; // one per user who changed their profile
};

} // namespace Banter::Server
