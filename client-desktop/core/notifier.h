// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/message.h>

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

// Decides which arriving messages deserve a desktop notification and asks for them with
// notificationRequested(); the UI shows them (tray balloon). Knows the mute list, whether
// notifications are on at all, and what the user is looking at.
//
// Only live pushes notify: messages that arrive through sync or history (a catch-up after a
// night offline) are old news and stay quiet, as does a push the client already had. The
// first message after a quiet spell notifies at once; the ones that follow within a burst
// window are summarised when it ends ("12 new messages in 3 chats").
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
    // The rule, without state: not one's own, not a system event, not muted (unless it
    // mentions the user), notifications on, and not the conversation the user is looking at
    // in the active window.
    static bool shouldNotify(const Message &message, const Context &context);
    // "12 new messages in 3 chats", translated with plural forms.
    static QString summaryText(int messages, int conversations);

    explicit Notifier(ClientSession &session, QObject *parent = nullptr);

    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    void setWindowActive(bool active) { m_windowActive = active; }
    void setOpenConversation(ConversationId id) { m_open = id; }
    bool isMuted(ConversationId id) const { return m_muted.contains(id); }
    void setMuted(ConversationId id, bool muted);
    QSet<ConversationId> mutedConversations() const { return m_muted; }
    void setMutedConversations(const QSet<ConversationId> &muted) { m_muted = muted; }
    // How long after a notification further ones are gathered into a summary.
    void setBurstWindow(std::chrono::milliseconds window) { m_burst.setInterval(window); }

    // Messages as the session delivers them: `live` for pushes, false for sync and history.
    void receive(const QList<Message> &messages, bool live);

Q_SIGNALS:
    void notificationRequested(const Banter::Message &message);
    // Several messages arrived in one burst; `latest` is the conversation of the newest.
    void summaryRequested(int messages, int conversations, Banter::ConversationId latest);
    void mutedChanged(Banter::ConversationId conversation, bool muted);

private:
    void endBurst();

    ClientSession &m_session;
    bool m_enabled = true;
    bool m_windowActive = false;
    ConversationId m_open = 0;
    QSet<ConversationId> m_muted;
    QHash<ConversationId, Seq> m_seen; // the newest seq this client has had, per conversation
    QTimer m_burst;
    QList<Message> m_gathered; // notifiable messages of the burst, not shown yet
};

} // namespace Banter::Desktop
