// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/domain/ids.h>

#include <QHash>

namespace Banter {

/// The highest seq seen per conversation, and the rule for each incoming message: emit it if
/// it is the next one, drop it if already seen, and ask for a sync if it leaves a gap.
class BANTERSHARED_EXPORT SyncPositions
{
public:
    /// What to do with an incoming message.
    enum class Verdict {
        Deliver, ///< the next one (seq 1 of a conversation not known yet): show it
        Duplicate, ///< already seen: drop it
        Gap, ///< something before it is missing: sync first
    };

    /// The verdict for a message with `seq` in `conversation`.
    Verdict accept(ConversationId conversation, Seq seq) const;
    /// Records `seq` as seen; never moves backwards.
    void advance(ConversationId conversation, Seq seq);
    /// The highest seq seen in `conversation` (0 when none).
    Seq position(ConversationId conversation) const { return m_positions.value(conversation, 0); }
    /// Whether the conversation has a position.
    bool knows(ConversationId conversation) const { return m_positions.contains(conversation); }
    /// Drops the conversation's position (it was left or removed).
    void forget(ConversationId conversation) { m_positions.remove(conversation); }
    /// Sets the position, also backwards (a conversation reset to its newest page).
    void set(ConversationId conversation, Seq seq) { m_positions.insert(conversation, seq); }

    /// Every position, for a sync request or for an application that caches them.
    const QHash<ConversationId, Seq> &all() const { return m_positions; }
    /// Replaces every position (positions an application kept).
    void reset(const QHash<ConversationId, Seq> &positions) { m_positions = positions; }

private:
    QHash<ConversationId, Seq> m_positions;
};

} // namespace Banter
