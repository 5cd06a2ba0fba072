// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/conversation.h>
#include <banter/domain/user.h>
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/memberdeltas.h>

#include <QHash>

#include <optional>

namespace Banter {

// The conversations of the signed-in user as the session last knew them, so that a
// membership change pushed as a delta (Protocol::Feature::MemberDeltas) can be turned back
// into the whole conversation the rest of the client expects. Besides the deltas it follows
// what else the server would have put in a fresh copy: receipt positions, the newest seq and
// members' profiles. Holds one entry per conversation the user is in.
class ConversationBook
{
public:
    void store(const Conversation &conversation)
    {
        m_conversations.insert(conversation.id, conversation);
    }
    void forget(ConversationId id) { m_conversations.remove(id); }
    void clear() { m_conversations.clear(); }
    // The conversation after `delta` (MembersAddedPush, MemberRemovedPush or
    // ConversationRenamedPush), or nothing when the book does not know it.
    template<typename Delta>
    std::optional<Conversation> apply(const Delta &delta);

    void noteReceipt(const Protocol::ReceiptPush &receipt);
    void noteMessage(ConversationId id, Seq seq);
    void noteUser(const User &user);

private:
    QHash<ConversationId, Conversation> m_conversations;
};

template<typename Delta>
std::optional<Conversation> ConversationBook::apply(const Delta &delta)
{
    const auto it = m_conversations.find(delta.conversationId);
    if (it == m_conversations.end())
        return std::nullopt;
    applyDelta(*it, delta);
    return *it;
}

} // namespace Banter
