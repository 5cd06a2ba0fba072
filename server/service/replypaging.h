// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Cutting list replies to the frame bound (docs/PROTOCOL.md, "Limits"): each item is
// measured once as the JSON it becomes (Protocol::ReplyBudget), and what does not fit
// comes on the next page through the reply's usual paging field.

#include <banter/domain/presence.h>
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/conversationmessages.h>

namespace Banter::Server {

// Keeps the entries from `offset` on that fit `budget` bytes; has_more when some are left.
void pageSummaries(Protocol::ConversationsReply &reply, int offset, qint64 budget);

// A history page over the bound loses its oldest messages (has_more: the client pages on
// with before_seq) and, for an `around` page, then its newest ones (has_newer).
void cutHistory(Protocol::HistoryReply &reply, Seq around, qint64 budget);

// The most `user`'s presence can cost on the wire (the longest status, the longest
// last_seen). A page of people is cut in storage, before the presences are read, so each
// entry is measured at this worst case: the reply can only come out smaller.
Presence worstCasePresence(UserId user);

// How many of `sizes` (encoded entry sizes, in page order) fit one reply of `budget` bytes;
// the first always does, so paging moves on.
qsizetype fittingEntries(const QList<qint64> &sizes, qint64 budget);

} // namespace Banter::Server
