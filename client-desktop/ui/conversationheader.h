// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/conversation.h>

#include <QDateTime>
#include <QTimer>
#include <QWidget>

class QLabel;
class QToolButton;

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

class PresenceBook;
class TypingTracker;

// Above the open conversation: its name, and below it who is there — the other person's
// status ("online", "away", "last seen 5 minutes ago") or, in a group, "12 members,
// 3 online" — replaced by who is typing while anyone is. Tests find the status line by the
// objectName conversationStatus.
class ConversationHeader : public QWidget
{
    Q_OBJECT
public:
    // Lays out `title` and `infoButton` (which the window keeps using) with the status line.
    ConversationHeader(ClientSession &session, PresenceBook &presence, TypingTracker &typing,
                       QLabel *title, QToolButton *infoButton, QWidget *parent = nullptr);

    // A conversation with id 0: nothing is open.
    void setConversation(const Conversation &conversation);
    QString statusText() const;

    // The wording, exposed for tests.
    static QString lastSeenText(qint64 lastSeenMs, const QDateTime &now);
    static QString typingText(const QStringList &names);
    static QString membersText(int members, int online);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    QString presenceText() const;
    QString nameOf(UserId user) const;
    UserId otherMember() const;

    ClientSession &m_session;
    PresenceBook &m_presence;
    TypingTracker &m_typing;
    QLabel *m_status;
    QTimer m_clock; // "5 minutes ago" ages
    Conversation m_conversation;
    bool m_showsTyping = false;
};

} // namespace Banter::Desktop
