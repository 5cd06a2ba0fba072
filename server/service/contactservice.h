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

    QFuture<Result<Protocol::ContactsReply>> list(UserId owner);
    QFuture<Result<Protocol::Contact>> add(UserId owner,
                                           const Protocol::AddContactRequest &request);
    QFuture<Result<Done>> remove(UserId owner, UserId contact);
    QFuture<Result<Done>> setBlocked(UserId owner, UserId contact, bool blocked);
    QFuture<Result<Protocol::UsersReply>> searchUsers(const Protocol::UserSearchRequest &request);
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
    Presence presenceWithLastSeen(UserId user, qint64 storedLastSeenMs) const;
    qint64 takeProfileToken(UserId user);

    ServiceContext m_context;
    QHash<UserId, TokenBucket> m_profileBuckets; // one per user who changed their profile
};

} // namespace Banter::Server
