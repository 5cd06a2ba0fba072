// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ids.h"

#include <QMainWindow>

class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QToolButton;

namespace Banter {
class ClientSession;
struct Message;
} // namespace Banter

namespace Banter::Desktop {

class AppSettings;
class Composer;
class ContactListModel;
class ContactsPanel;
class ConversationListModel;
class GroupInfoDialog;
class MessageListModel;
class NewChatDialog;
class Notifier;
class QuickSwitcher;
class SettingsDialog;
class TrayIcon;

// Conversations and contacts on the left, the open conversation on the right, connection
// state below; a tray icon with the unread count and notifications.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(ClientSession &session, AppSettings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    QListView *conversationView() const { return m_conversations; }
    QListView *messageView() const { return m_messages; }
    Composer *composer() const { return m_composer; }
    ConversationListModel *conversationModel() const { return m_conversationModel; }
    MessageListModel *messageModel() const { return m_messageModel; }
    ContactListModel *contactModel() const { return m_contactModel; }
    ContactsPanel *contactsPanel() const { return m_contactsPanel; }
    QTabWidget *sideTabs() const { return m_sideTabs; }
    Notifier *notifier() const { return m_notifier; }
    TrayIcon *trayIcon() const { return m_tray; }
    QToolButton *groupInfoButton() const { return m_infoButton; }
    void openConversation(qint64 id);
    // Opens the private chat with a user, creating it if there is none yet.
    void openPrivateChat(UserId user);
    void setMuted(ConversationId id, bool muted);
    // The conversation list's context menu for a row (built, not shown).
    QMenu *conversationMenu(const QModelIndex &index);

    NewChatDialog *showNewChat();
    GroupInfoDialog *showGroupInfo();
    QuickSwitcher *showQuickSwitcher();
    SettingsDialog *showSettings();
    // Alt+Down / Alt+Up: the next or previous conversation in the list.
    void moveSelection(int step);

Q_SIGNALS:
    // The user signed out; the session is revoked on the server.
    void loggedOut();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void reloadConversations();
    void send(const QString &text);
    void markVisibleAsRead();
    void updateConnectionState();
    void updateCounter();
    void logOut();
    void notify(const Message &message);
    void raiseAndOpen(ConversationId id);

    ClientSession &m_session;
    AppSettings &m_settings;
    ConversationListModel *m_conversationModel;
    MessageListModel *m_messageModel;
    ContactListModel *m_contactModel;
    Notifier *m_notifier;
    QSortFilterProxyModel *m_filter;
    QTabWidget *m_sideTabs;
    QLineEdit *m_search;
    QListView *m_conversations;
    ContactsPanel *m_contactsPanel;
    QLabel *m_title;
    QToolButton *m_infoButton;
    QListView *m_messages;
    Composer *m_composer;
    QPushButton *m_sendButton;
    QLabel *m_counter;
    QLabel *m_connection;
    TrayIcon *m_tray;
    ConversationId m_notified = 0; // the conversation of the last notification shown
    ConversationId m_openAfterReload = 0;
    bool m_quitting = false;
};

} // namespace Banter::Desktop
