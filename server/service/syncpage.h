// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/repositories.h"
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/replybudget.h>

namespace Banter::Server {

// One `sync` reply, assembled conversation by conversation in id order (docs/PROTOCOL.md,
// `sync`): each conversation is listed, then the messages the client lacks follow, until the
// message limit or the frame bound is reached. The reply's `after` is the last conversation
// that is complete, so the next request goes on from there and a long conversation list is
// walked once; a conversation cut part-way (a limited one's newest page too) is listed again
// on the next page and continues from the position the client then sends.
class SyncPage
{
public:
    SyncPage(Protocol::SyncRequest request, int gapLimit, qint64 pageBytes);

    // Adds conversation `id`; false when the page is full (the caller stops).
    Result<bool> add(Repositories &repos, UserId user, ConversationId id);
    // The conversation being added and those after it are left for the next page.
    void stopHere();
    Protocol::SyncReply take() { return std::move(m_reply); }

private:
    // Appends the messages after `known` (or the newest page when too far behind); false
    // when the page filled up before the conversation's last seq.
    Result<bool> addMessages(Repositories &repos, UserId user, const Conversation &c, Seq known);
    bool takeMessage(const Message &message);

    Protocol::SyncRequest m_request;
    int m_gapLimit;
    int m_budget; // messages still allowed in this reply
    Protocol::ReplyBudget m_bytes;
    bool m_anyMessage = false;
    ConversationId m_complete;
    Protocol::SyncReply m_reply;
};

} // namespace Banter::Server
