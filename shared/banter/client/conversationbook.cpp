// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/conversationbook_p.h>

namespace Banter {

void ConversationBook::noteReceipt(const Protocol::ReceiptPush &receipt)
{
    const auto it = m_conversations.find(receipt.conversationId);
    if (it == m_conversations.end())
        return;
    for (Participant &p : it->participants) {
        if (p.userId != receipt.userId)
            continue;
        Seq &position = receipt.kind == Protocol::ReceiptKind::Read ? p.readSeq : p.deliveredSeq;
        position = qMax(position, receipt.seq);
    }
}

void ConversationBook::noteMessage(ConversationId id, Seq seq)
{
    const auto it = m_conversations.find(id);
    if (it != m_conversations.end())
        it->lastSeq = qMax(it->lastSeq, seq);
}

void ConversationBook::noteUser(const User &user)
{
    for (Conversation &c : m_conversations) {
        for (Participant &p : c.participants) {
            if (p.userId != user.id)
                continue;
            p.username = user.username;
            p.displayName = user.displayName;
            p.avatarVersion = user.avatarVersion;
        }
    }
}

} // namespace Banter
