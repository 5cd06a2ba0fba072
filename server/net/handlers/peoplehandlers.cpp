// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// users, presence, presences, update_profile, avatar, contacts, add_contact, remove_contact, block,
// unblock.
#include "net/handlers/services.h"
#include "net/route.h"
#include "service/contactservice.h"
#include "service/presenceservice.h"
#include <banter/protocol/peoplemessages.h>
#include <banter/protocol/types.h>

namespace Banter::Server {

namespace {
using Access = RequestRouter::Access;
namespace P = Protocol;
} // namespace

void registerPeopleHandlers(RequestRouter &router, Services &s)
{
    ContactService &contacts = s.contacts;
    PresenceService &presence = s.presence;
    route<P::UserSearchRequest>(router, P::Type::Users, Access::Authenticated, contacts,
                                [&contacts](ClientConnection &c, const P::UserSearchRequest &r) {
                                    return contacts.searchUsers(c.userId(), r);
                                });
    route<P::SetPresenceRequest>(router, P::Type::SetPresence, Access::Authenticated, presence,
                                 [&presence](ClientConnection &c, const P::SetPresenceRequest &r) {
                                     return presence.setStatus(c.userId(), r.status);
                                 });
    route<P::PeoplePageRequest>(router, P::Type::Presences, Access::Authenticated, presence,
                                [&presence](ClientConnection &c, const P::PeoplePageRequest &r) {
                                    return presence.peersPresence(c.userId(), r);
                                });
    route<P::UpdateProfileRequest>(
        router, P::Type::UpdateProfile, Access::Authenticated, contacts,
        [&contacts](ClientConnection &c, const P::UpdateProfileRequest &r) {
            return contacts.updateProfile(c.userId(), c.id(), r);
        });
    route<P::UserRef>(router, P::Type::Avatar, Access::Authenticated, contacts,
                      [&contacts](ClientConnection &c, const P::UserRef &r) {
                          return contacts.avatar(c.userId(), r.userId);
                      });
    route<P::PeoplePageRequest>(router, P::Type::Contacts, Access::Authenticated, contacts,
                                [&contacts](ClientConnection &c, const P::PeoplePageRequest &r) {
                                    return contacts.list(c.userId(), r);
                                });
    route(router, P::Type::AddContact, contacts, &ContactService::add);
    route<P::UserRef>(router, P::Type::RemoveContact, Access::Authenticated, contacts,
                      [&contacts](ClientConnection &c, const P::UserRef &r) {
                          return contacts.remove(c.userId(), r.userId);
                      });
    route<P::UserRef>(router, P::Type::Block, Access::Authenticated, contacts,
                      [&contacts](ClientConnection &c, const P::UserRef &r) {
                          return contacts.setBlocked(c.userId(), r.userId, true);
                      });
    route<P::UserRef>(router, P::Type::Unblock, Access::Authenticated, contacts,
                      [&contacts](ClientConnection &c, const P::UserRef &r) {
                          return contacts.setBlocked(c.userId(), r.userId, false);
                      });
}

} // namespace Banter::Server
