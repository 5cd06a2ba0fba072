// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/notifier.h"

#include <banter/client/clientsession.h>

namespace Banter::Desktop {

bool Notifier::shouldNotify(const Message &message, const Context &context)
{
    if (!context.enabled || context.muted || message.type == MessageType::System)
        return false;
    if (message.senderId == context.me)
        return false;
    return !(context.windowActive && context.openConversation == message.conversationId);
}

Notifier::Notifier(ClientSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(&session, &ClientSession::messageReceived, this, &Notifier::onMessage);
}

void Notifier::setMuted(ConversationId id, bool muted)
{
    if (isMuted(id) == muted)
        return;
    if (muted)
        m_muted.insert(id);
    else
        m_muted.remove(id);
    Q_EMIT mutedChanged(id, muted);
}

void Notifier::onMessage(const Message &message)
{
    const Context context{m_session.currentUser().id, m_enabled, isMuted(message.conversationId),
                          m_windowActive, m_open};
    if (shouldNotify(message, context))
        Q_EMIT notificationRequested(message);
}

} // namespace Banter::Desktop
