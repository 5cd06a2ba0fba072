// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/client/syncpositions.h>
#include <banter/domain/conversation.h>

#include <QList>

namespace Banter {

// Where a conversation's catch-up starts instead of its known position: its newest page.
struct CatchUpReset
{
    ConversationId conversation = 0;
    Seq position = 0;
    friend bool operator==(const CatchUpReset &, const CatchUpReset &) = default;
};

// Bounds a sign-in's catch-up by what the user sees rather than by the server's size: from
// the server's conversation list, every conversation with no local copy (no position) and
// more than `initialPageSize` messages, and every one further behind than `catchUpLimit`,
// starts at its newest `initialPageSize` messages; older ones are paged in by history when
// the user scrolls up.
QList<CatchUpReset> planCatchUp(const QList<ConversationSummary> &summaries,
                                const SyncPositions &positions, int initialPageSize,
                                int catchUpLimit);

} // namespace Banter
