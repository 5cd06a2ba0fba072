// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/attachmentbubble.h"
#include "ui/messagetext.h"
#include <banter/domain/ids.h>

#include <QMainWindow>
#include <QPointer>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QStackedWidget;
class QMenu;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QToolButton;

namespace Banter {
class ClientSession;
struct Attachment;
struct Message;
} // namespace Banter

namespace Banter::Desktop {

class AccountContext;
class AdminPage;
class AdminProbe;
class AppSettings;
class AttachmentStrip;
class ComposeBar;
class ComposeController;
class Composer;
class ConversationFilter;
class FileTransfers;
class ImageViewer;
class ContactListModel;
class ContactsPanel;
class DesktopNotifications;
class ConversationHeader;
class ConversationListModel;
class GroupInfoDialog;
class MessageListModel;
class MessageView;
class NewChatDialog;
class Notifier;
class QuickSwitcher;
class SearchPanel;
class SettingsDialog;
class TrayIcon;

// Conversations and contacts on the left, the open conversation on the right, connection
// state below; a tray icon with the unread count and notifications.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `account` must outlive the window.
    explicit MainWindow(AccountContext &account, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The account this window shows. Tests find the widgets by objectName:
    // conversationView, conversationSearch, sideTabs, contactsPanel, conversationTitle,
    // groupInfoButton, messageView, emptyState, composer, attachButton, sendButton,
    // characterCounter, connectionState, trayIcon, groupInfoAction, composeBar, searchPanel,
    // adminAction, adminPage.
    AccountContext &account() const { return m_account; }

    // Seams for the native dialogs and the desktop's file opener (tests replace them; an
    // empty answer means the user cancelled).
    using OpenFilesChooser = std::function<QStringList()>;
    using SaveFileChooser = std::function<QString(const QString &suggestedPath)>;
    using UrlOpener = std::function<bool(const QUrl &url)>;
    void setOpenFilesChooser(OpenFilesChooser chooser) { m_chooseFiles = std::move(chooser); }
    void setSaveFileChooser(SaveFileChooser chooser) { m_chooseSavePath = std::move(chooser); }
    void setUrlOpener(UrlOpener opener) { m_openUrl = std::move(opener); }
    // Asked before quitting with `queued` messages not sent yet; true quits.
    using QuitConfirmer = std::function<bool(int queued)>;
    void setQuitConfirmer(QuitConfirmer confirm) { m_confirmQuit = std::move(confirm); }
    // Quit (menu, tray): asks first while messages are queued; false if the user stayed.
    bool quit();

    // Sends files to the open conversation at once; false if none could go.
    bool attachFiles(const QStringList &paths, const QString &caption = {});
    bool attachImage(const QImage &image, const QString &caption = {});
    // What the attach button, a drop and a paste do: put the files in the preview strip
    // above the composer, to go with the next send (the composer's text is their caption).
    void stageFiles(const QStringList &paths);
    void stageImage(const QImage &image);
    // What a click on an attachment's part does.
    void triggerAttachment(const QModelIndex &index, AttachmentBubble::Action action);
    ImageViewer *showImage(const QModelIndex &index);
    void saveAttachment(const Attachment &attachment);
    void openConversation(qint64 id);
    // The message area and the composer follow whether a conversation is open.
    void updateConversationArea();
    void closeConversation(ConversationId id);
    // Opens the private chat with a user, creating it if there is none yet.
    void openPrivateChat(UserId user);
    void setMuted(ConversationId id, bool muted);
    // The conversation list's context menu for a row (built, not shown).
    QMenu *conversationMenu(const QModelIndex &index);

    NewChatDialog *showNewChat();
    GroupInfoDialog *showGroupInfo();
    QuickSwitcher *showQuickSwitcher();
    // Ctrl+F (the open conversation) and Ctrl+Shift+F (`everywhere`): the search panel.
    SearchPanel *showSearch(bool everywhere);
    SettingsDialog *showSettings();
    // Account > Server administration (shown to server admins only): the admin page, in a
    // window of its own (one at a time).
    AdminPage *showAdminPage();
    // Whether this account is a server admin, as the server last said.
    AdminProbe *adminProbe() const { return m_adminProbe; }
    // Alt+Down / Alt+Up: the next or previous conversation in the list.
    void moveSelection(int step);
    // A link to a message (banter://conversation/<id>/<seq>) opened from outside the window:
    // the command line, or another start of Banter that handed it over. The window comes to
    // the front and jumps to the message, once the conversations are known (while the
    // session is not caught up, it waits for the sync). False when `url` is no such link.
    bool openMessageLink(const QUrl &url);

Q_SIGNALS:
    // The user signed out; the session is revoked on the server.
    void loggedOut();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *buildSidebar();
    QWidget *buildConversationPane();
    void buildMenus();
    void retranslate(); // the interface language changed while running
    void updateComposerPlaceholder(); // "Write a message…", or "Add a caption…" with files
    void connectWidgets();
    void connectAccount();
    void chooseAttachments();
    void reloadConversations();
    void send(const QString &text);
    void markVisibleAsRead();
    void updateConnectionState();
    void updateCounter();
    void logOut();
    void notify(const Message &message);
    void raiseAndOpen(ConversationId id);

    // A message link that came while the session was not caught up: opened when it is.
    std::optional<MessageText::MessageTarget> m_pendingMessageLink;

    AccountContext &m_account;
    // Shortcuts into m_account, which owns them.
    ClientSession &m_session;
    AppSettings &m_settings;
    ConversationListModel *m_conversationModel;
    MessageListModel *m_messageModel;
    ContactListModel *m_contactModel;
    Notifier *m_notifier;
    ConversationFilter *m_filter;
    QTabWidget *m_sideTabs;
    QLineEdit *m_search;
    QListView *m_conversations;
    ContactsPanel *m_contactsPanel;
    QLabel *m_title;
    QToolButton *m_infoButton;
    ConversationHeader *m_header = nullptr; // lays out the title, the status and the info button
    MessageView *m_messages;
    std::pair<ConversationId, Seq> m_readMarked{0, 0}; // the last read position sent
    QLabel *m_emptyState; // shown instead of the messages while no conversation is open
    QStackedWidget *m_conversationArea;
    QAction *m_groupInfoAction = nullptr; // enabled while a group is open
    Composer *m_composer;
    ComposeBar *m_composeBar; // "Reply to …" / "Editing" above the composer
    ComposeController *m_compose; // sends replies and mentions, edits
    SearchPanel *m_searchPanel; // beside the messages while searching
    AttachmentStrip *m_strip; // files waiting to be sent with the composer's text
    QLabel *m_composerNote; // why the composer's text cannot be sent
    QPushButton *m_sendButton;
    QToolButton *m_attachButton;
    FileTransfers *m_files;
    OpenFilesChooser m_chooseFiles;
    SaveFileChooser m_chooseSavePath;
    UrlOpener m_openUrl;
    QuitConfirmer m_confirmQuit;
    QLabel *m_counter;
    QLabel *m_connection;
    QPushButton *m_retryNow; // shown while reconnecting
    TrayIcon *m_tray;
    DesktopNotifications *m_desktopNotifications; // the tray balloon when it is absent
    AdminProbe *m_adminProbe; // shows m_adminAction to server admins
    QAction *m_adminAction = nullptr;
    QPointer<AdminPage> m_adminPage;
    ConversationId m_notified = 0; // the conversation of the last notification shown
    ConversationId m_openAfterReload = 0;
    bool m_quitting = false;
};

} // namespace Banter::Desktop
