// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/syncpositions.h>

namespace Banter {

SyncPositions::Verdict SyncPositions::accept(ConversationId conversation, Seq seq) const
{
    const Seq known = position(conversation);
    if (seq <= known)
        return Verdict::Duplicate;
    if (seq == known + 1)
        return Verdict::Deliver;
    return Verdict::Gap;
}

void SyncPositions::advance(ConversationId conversation, Seq seq)
{
    Seq &known = m_positions[conversation];
    known = qMax(known, seq);
}

} // namespace Banter
