// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/catchupplan_p.h>

#include <algorithm>

namespace Banter {

QList<CatchUpReset> planCatchUp(const QList<ConversationSummary> &summaries,
                                const SyncPositions &positions, int initialPageSize,
                                int catchUpLimit)
{
    const Seq page = std::max(initialPageSize, 1);
    QList<CatchUpReset> resets;
    for (const ConversationSummary &s : summaries) {
        const ConversationId id = s.conversation.id;
        const Seq last = std::max(s.conversation.lastSeq, s.lastMessage ? s.lastMessage->seq : 0);
        const bool known = positions.knows(id);
        const Seq behind = last - positions.position(id);
        if ((!known && behind > page) || (known && catchUpLimit > 0 && behind > catchUpLimit))
            resets.append(CatchUpReset{id, last - page});
    }
    return resets;
}

} // namespace Banter
