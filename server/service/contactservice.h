// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/protocol/peoplemessages.h>
#include "service/servicecontext.h"

#include <QObject>

namespace Banter::Server {

// Contacts (add, remove, block, list with presence) and finding people by name.
class ContactService : public QObject
{
    Q_OBJECT
public:
    explicit ContactService(ServiceContext context, QObject *parent = nullptr);

    void list(UserId owner, Callback<Protocol::ContactsReply> done);
    void add(UserId owner, const Protocol::AddContactRequest &request,
             Callback<Protocol::Contact> done);
    void remove(UserId owner, UserId contact, Callback<Done> done);
    void setBlocked(UserId owner, UserId contact, bool blocked, Callback<Done> done);
    void searchUsers(const Protocol::UserSearchRequest &request,
                     Callback<Protocol::UsersReply> done);

private:
    Presence presenceWithLastSeen(UserId user, qint64 storedLastSeenMs) const;

    ServiceContext m_context;
};

} // namespace Banter::Server
