// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/domain/ids.h>

#include <QHash>

namespace Banter {

// The highest seq seen per conversation, and the rule for each incoming message: emit it if
// it is the next one, drop it if already seen, and ask for a sync if it leaves a gap.
class BANTERSHARED_EXPORT SyncPositions
{
public:
    enum class Verdict { Deliver, Duplicate, Gap };

    Verdict accept(ConversationId conversation, Seq seq) const;
    void advance(ConversationId conversation, Seq seq); // never moves backwards
    Seq position(ConversationId conversation) const { return m_positions.value(conversation, 0); }
    bool knows(ConversationId conversation) const { return m_positions.contains(conversation); }
    void forget(ConversationId conversation) { m_positions.remove(conversation); }
    void set(ConversationId conversation, Seq seq) { m_positions.insert(conversation, seq); }

    const QHash<ConversationId, Seq> &all() const { return m_positions; }
    void reset(const QHash<ConversationId, Seq> &positions) { m_positions = positions; }

private:
    QHash<ConversationId, Seq> m_positions;
};

} // namespace Banter
