// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// message, history, sync, read, delivered, typing, search; edit_message, delete_message,
// react, unreact, reactions; delete_file (the file of an attachment, by its uploader).
#include "net/handlers/services.h"
#include "net/route.h"
#include "service/messagingservice.h"
#include "service/receiptservice.h"
#include "service/retentionservice.h"
#include "service/searchservice.h"
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/searchmessages.h>
#include <banter/protocol/transfermessages.h>
#include <banter/protocol/types.h>

namespace Banter::Server {

namespace P = Protocol;

void registerMessagingHandlers(RequestRouter &router, Services &s)
{
    route(router, P::Type::Message, s.messaging, &MessagingService::send);
    route(router, P::Type::History, s.messaging, &MessagingService::history);
    route(router, P::Type::Sync, s.messaging, &MessagingService::sync);
    route(router, P::Type::Read, s.receipts, &ReceiptService::markRead);
    route(router, P::Type::Delivered, s.receipts, &ReceiptService::markDelivered);
    route(router, P::Type::Typing, s.receipts, &ReceiptService::typing);
    route(router, P::Type::Search, s.search, &SearchService::search);
    route(router, P::Type::EditMessage, s.messaging, &MessagingService::editMessage);
    route(router, P::Type::DeleteMessage, s.messaging, &MessagingService::deleteMessage);
    route(router, P::Type::React, s.messaging, &MessagingService::react);
    route(router, P::Type::Unreact, s.messaging, &MessagingService::unreact);
    route(router, P::Type::Reactions, s.messaging, &MessagingService::reactors);
    route(router, P::Type::DeleteFile, s.retention, &RetentionService::deleteFile);
}

} // namespace Banter::Server
