// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSortFilterProxyModel;

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

class Composer;
class ConversationListModel;
class MessageListModel;

// Conversations on the left, the open conversation on the right, connection state below.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(ClientSession &session, QWidget *parent = nullptr);

    QListView *conversationView() const { return m_conversations; }
    QListView *messageView() const { return m_messages; }
    Composer *composer() const { return m_composer; }
    ConversationListModel *conversationModel() const { return m_conversationModel; }
    MessageListModel *messageModel() const { return m_messageModel; }
    void openConversation(qint64 id);

Q_SIGNALS:
    // The user signed out; the session is revoked on the server.
    void loggedOut();

protected:
    void changeEvent(QEvent *event) override;

private:
    void reloadConversations();
    void send(const QString &text);
    void markVisibleAsRead();
    void updateConnectionState();
    void updateCounter();
    void logOut();

    ClientSession &m_session;
    ConversationListModel *m_conversationModel;
    MessageListModel *m_messageModel;
    QSortFilterProxyModel *m_filter;
    QLineEdit *m_search;
    QListView *m_conversations;
    QLabel *m_title;
    QListView *m_messages;
    Composer *m_composer;
    QPushButton *m_sendButton;
    QLabel *m_counter;
    QLabel *m_connection;
};

} // namespace Banter::Desktop
