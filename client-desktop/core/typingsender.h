// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/ids.h>

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

// Tells the other members while the user types, as docs/PROTOCOL.md asks: "typing" at most
// once per RefreshMs while keys keep coming, "stopped" when the text is sent or cleared, the
// user switches conversations, or no key came for IdleMs. Installed as an event filter on
// the composer, it sees the user's own key presses (not text set by the program, such as a
// restored draft).
class TypingSender : public QObject
{
    Q_OBJECT
public:
    static constexpr int RefreshMs = 3000;
    static constexpr int IdleMs = 5000;

    explicit TypingSender(ClientSession &session, QObject *parent = nullptr);

    // Stops in the old conversation first.
    void setConversation(ConversationId id);
    ConversationId conversation() const { return m_conversation; }
    // The user typed in the composer.
    void typed();
    // Sent, cleared, or switched away: "stopped", if "typing" was said.
    void stop();
    bool isTyping() const { return m_typing; }

    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void sendStopped(ConversationId id);

    ClientSession &m_session;
    ConversationId m_conversation = 0;
    bool m_typing = false;
    QElapsedTimer m_lastSent;
    QTimer m_idle;
};

} // namespace Banter::Desktop
