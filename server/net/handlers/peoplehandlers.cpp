// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// users, presence, contacts, add_contact, remove_contact, block, unblock.
#include "net/handlers/services.h"
#include "net/requestrouter.h"
#include <banter/protocol/peoplemessages.h>
#include <banter/protocol/types.h>
#include "service/contactservice.h"
#include "service/presenceservice.h"

namespace Banter::Server {

namespace {
using Access = RequestRouter::Access;
namespace P = Protocol;
} // namespace

void registerPeopleHandlers(RequestRouter &router, Services &s)
{
    router.add(P::Type::Users, Access::Authenticated,
               [&s](ClientConnection &, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::UserSearchRequest>(
                       data, reply,
                       [&](const P::UserSearchRequest &r) { s.contacts.searchUsers(r, reply); });
               });
    router.add(P::Type::SetPresence, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::SetPresenceRequest>(
                       data, reply, [&](const P::SetPresenceRequest &r) {
                           s.presence.setStatus(c.userId(), r.status, reply);
                       });
               });
    router.add(P::Type::Contacts, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &, const Reply &reply) {
                   s.contacts.list(c.userId(), reply);
               });
    router.add(P::Type::AddContact, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::AddContactRequest>(
                       data, reply, [&](const P::AddContactRequest &r) {
                           s.contacts.add(c.userId(), r, [reply](Result<P::Contact> contact) {
                               if (!contact)
                                   return reply.failure(contact.error());
                               reply.success(P::ContactReply{*contact}.toJson());
                           });
                       });
               });
    router.add(P::Type::RemoveContact, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::UserRef>(data, reply, [&](const P::UserRef &r) {
                       s.contacts.remove(c.userId(), r.userId, reply);
                   });
               });
    router.add(P::Type::Block, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::UserRef>(data, reply, [&](const P::UserRef &r) {
                       s.contacts.setBlocked(c.userId(), r.userId, true, reply);
                   });
               });
    router.add(P::Type::Unblock, Access::Authenticated,
               [&s](ClientConnection &c, const QJsonObject &data, const Reply &reply) {
                   withDecoded<P::UserRef>(data, reply, [&](const P::UserRef &r) {
                       s.contacts.setBlocked(c.userId(), r.userId, false, reply);
                   });
               });
}

} // namespace Banter::Server
