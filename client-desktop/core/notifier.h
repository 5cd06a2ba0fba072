// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/message.h>

#include <QObject>
#include <QSet>

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

// Decides which arriving messages deserve a desktop notification and asks for them with
// notificationRequested(); the UI shows them (tray balloon). Knows the mute list, whether
// notifications are on at all, and what the user is looking at.
class Notifier : public QObject
{
    Q_OBJECT
public:
    struct Context
    {
        UserId me = 0;
        bool enabled = true;
        bool muted = false;
        bool windowActive = false;
        ConversationId openConversation = 0;
    };
    // The rule, without state: not one's own, not a system event, not muted, notifications
    // on, and not the conversation the user is looking at in the active window.
    static bool shouldNotify(const Message &message, const Context &context);

    explicit Notifier(ClientSession &session, QObject *parent = nullptr);

    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    void setWindowActive(bool active) { m_windowActive = active; }
    void setOpenConversation(ConversationId id) { m_open = id; }
    bool isMuted(ConversationId id) const { return m_muted.contains(id); }
    void setMuted(ConversationId id, bool muted);
    QSet<ConversationId> mutedConversations() const { return m_muted; }
    void setMutedConversations(const QSet<ConversationId> &muted) { m_muted = muted; }

Q_SIGNALS:
    void notificationRequested(const Banter::Message &message);
    void mutedChanged(Banter::ConversationId conversation, bool muted);

private:
    void onMessage(const Message &message);

    ClientSession &m_session;
    bool m_enabled = true;
    bool m_windowActive = false;
    ConversationId m_open = 0;
    QSet<ConversationId> m_muted;
};

} // namespace Banter::Desktop
