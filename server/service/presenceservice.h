// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/servicecontext.h"
#include "service/tokenbucket.h"
#include <banter/domain/presence.h>
#include <banter/protocol/peoplemessages.h>

#include <QObject>

namespace Banter::Server {

// Keeps the presence store in step with connections and tells the people who care: everyone
// who shares a conversation with the user and their mutual contacts, unless one of the two
// blocked the other. Chosen status changes are budgeted per user
// (ServerLimits::presenceChangesPerMinute): each one is pushed to that whole audience.
class PresenceService : public QObject
{
    Q_OBJECT
public:
    explicit PresenceService(ServiceContext context, QObject *parent = nullptr);

    void connectionAuthenticated(UserId user, ConnectionId connection);
    void connectionClosed(UserId user, ConnectionId connection);
    QFuture<Result<Done>> setStatus(UserId user, PresenceStatus status);
    Presence presenceOf(UserId user) const;
    // Everyone who shares a conversation with the user and is not in a block with them, as
    // the "presences" request answers (offline ones with their last_seen): one page of them,
    // in user id order after `request.after`, cut by its encoded size.
    QFuture<Result<Protocol::PresencesReply>>
    peersPresence(UserId user, const Protocol::PeoplePageRequest &request);
    int connectionCount(UserId user) const;

private:
    void announce(UserId user);

    ServiceContext m_context;
    QHash<UserId, TokenBucket> m_statusBuckets; // one per user who chose a status
};

} // namespace Banter::Server
