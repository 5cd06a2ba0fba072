// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/notifier.h"

#include <banter/client/clientsession.h>

namespace Banter::Desktop {

namespace {
constexpr std::chrono::milliseconds BurstWindow{1500};
}

bool Notifier::shouldNotify(const Message &message, const Context &context)
{
    // A mention of the user gets through a mute: muting quiets a busy group, not someone
    // asking for you by name.
    const bool mentioned = context.me != 0 && message.mentions.contains(context.me);
    if (!context.enabled || (context.muted && !mentioned) || message.type == MessageType::System
        || message.isDeleted())
        return false;
    if (message.senderId == context.me)
        return false;
    return !(context.windowActive && context.openConversation == message.conversationId);
}

QString Notifier::summaryText(int messages, int conversations)
{
    return tr("%n new messages in %1", nullptr, messages)
        .arg(tr("%n chats", nullptr, conversations));
}

Notifier::Notifier(ClientSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    m_burst.setSingleShot(true);
    m_burst.setInterval(BurstWindow);
    connect(&m_burst, &QTimer::timeout, this, &Notifier::endBurst);
    connect(&session, &ClientSession::messagesReceived, this, &Notifier::receive);
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

void Notifier::receive(const QList<Message> &messages, bool live)
{
    const UserId me = m_session.currentUser().id;
    for (const Message &message : messages) {
        Seq &seen = m_seen[message.conversationId];
        const bool fresh = message.seq > seen;
        seen = qMax(seen, message.seq);
        if (!live || !fresh)
            continue;
        const Context context{me, m_enabled, isMuted(message.conversationId), m_windowActive,
                              m_open};
        if (!shouldNotify(message, context))
            continue;
        if (m_burst.isActive()) {
            m_gathered.append(message);
            continue;
        }
        Q_EMIT notificationRequested(message);
        m_burst.start();
    }
}

void Notifier::endBurst()
{
    if (m_gathered.isEmpty())
        return;
    const QList<Message> gathered = std::exchange(m_gathered, {});
    if (gathered.size() == 1) {
        Q_EMIT notificationRequested(gathered.constFirst());
    } else {
        QSet<ConversationId> conversations;
        for (const Message &m : gathered)
            conversations.insert(m.conversationId);
        Q_EMIT summaryRequested(int(gathered.size()), int(conversations.size()),
                                gathered.constLast().conversationId);
    }
    m_burst.start(); // a burst that goes on is summarised once per window
}

} // namespace Banter::Desktop
