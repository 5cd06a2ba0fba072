// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/serverconfig.h"

namespace Banter::Server {

class AdminService;
class AuthService;
class ContactService;
class ConversationService;
class FileService;
class MessagingService;
class PresenceService;
class ReceiptService;
class RequestRouter;
class RetentionService;
class SearchService;
class TransferStreams;

// The use cases the request handlers call into.
struct Services
{
    AuthService &auth;
    ConversationService &conversations;
    MessagingService &messaging;
    ReceiptService &receipts;
    ContactService &contacts;
    PresenceService &presence;
    FileService &files;
    SearchService &search;
    AdminService &admin;
    const ServerConfig &config;
    RetentionService &retention;
};

// One registration function per message family (handlers/<family>handlers.cpp).
void registerSessionHandlers(RequestRouter &router, Services &services);
void registerConversationHandlers(RequestRouter &router, Services &services);
void registerMessagingHandlers(RequestRouter &router, Services &services);
void registerPeopleHandlers(RequestRouter &router, Services &services);
void registerAdminHandlers(RequestRouter &router, Services &services);
// hello and ping, which both kinds of connection answer.
void registerHelloAndPing(RequestRouter &router, Services &services);
// The transfer connection's requests: hello, ping, auth, upload_*, download*, file.
void registerTransferHandlers(RequestRouter &router, Services &services,
                              TransferStreams &transfers);

} // namespace Banter::Server
