// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"

#include "core/accountcontext.h"
#include "core/adminprobe.h"
#include "core/appsettings.h"
#include "core/avatarbook.h"
#include "core/chatpeoplemodel.h"
#include "core/contactlistmodel.h"
#include "core/conversationlistmodel.h"
#include "core/desktopnotifications.h"
#include "core/draftstore.h"
#include "core/errortext.h"
#include "core/filetransfers.h"
#include "core/messagelistmodel.h"
#include "core/notifier.h"
#include "core/typingsender.h"
#include "ui/accountbadge.h"
#include "ui/adminpage.h"
#include "ui/attachmentstrip.h"
#include "ui/avatar.h"
#include "ui/composebar.h"
#include "ui/composecontroller.h"
#include "ui/composer.h"
#include "ui/contactspanel.h"
#include "ui/conversationdelegate.h"
#include "ui/conversationfilter.h"
#include "ui/conversationheader.h"
#include "ui/groupinfodialog.h"
#include "ui/imageviewer.h"
#include "ui/messagedelegate.h"
#include "ui/messageview.h"
#include "ui/newchatdialog.h"
#include "ui/quickswitcher.h"
#include "ui/searchpanel.h"
#include "ui/settingsdialog.h"
#include "ui/trayicon.h"
#include "ui/windowstate.h"
#include <banter/client/clientsession.h>
#include <banter/domain/messagecontent.h>

#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace Banter::Desktop {

namespace {
// Show the remaining characters only when they start to matter.
constexpr int CounterThreshold = MessageContent::MaxTextLength - 500;
constexpr int NotificationPreview = 120;

QIcon icon(const char *name)
{
    return QIcon(QStringLiteral(":/icons/") + QLatin1String(name) + QStringLiteral(".svg"));
}
} // namespace

MainWindow::MainWindow(AccountContext &account, QWidget *parent)
    : QMainWindow(parent)
    , m_account(account)
    , m_session(account.session())
    , m_settings(account.settings())
    , m_conversationModel(account.conversations())
    , m_messageModel(account.messages())
    , m_contactModel(account.contacts())
    , m_notifier(account.notifier())
    , m_filter(new ConversationFilter(this))
    , m_sideTabs(new QTabWidget(this))
    , m_search(new QLineEdit(this))
    , m_conversations(new QListView(this))
    , m_contactsPanel(new ContactsPanel(*m_contactModel, account.chatPeople(), this))
    , m_title(new QLabel(this))
    , m_infoButton(new QToolButton(this))
    , m_messages(new MessageView(this))
    , m_emptyState(new QLabel(this))
    , m_conversationArea(new QStackedWidget(this))
    , m_composer(new Composer(this))
    , m_composeBar(new ComposeBar(m_composer, this))
    , m_compose(new ComposeController(m_session, *m_messageModel, *m_composer, this))
    , m_searchPanel(new SearchPanel(m_session, *m_conversationModel, this))
    , m_strip(new AttachmentStrip(this))
    , m_composerNote(new QLabel(this))
    , m_sendButton(new QPushButton(icon("send"), tr("Send"), this))
    , m_attachButton(new QToolButton(this))
    , m_files(account.files())
    , m_counter(new QLabel(this))
    , m_connection(new QLabel(this))
    , m_retryNow(new QPushButton(tr("Retry now"), this))
    , m_tray(new TrayIcon(this))
    , m_desktopNotifications(new DesktopNotifications(this))
    , m_adminProbe(new AdminProbe(m_session, this))
{
    setWindowTitle(tr("Banter"));
    auto *splitter = new QSplitter(this);
    splitter->addWidget(buildSidebar());
    splitter->addWidget(buildConversationPane());
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({300, 660});
    setCentralWidget(splitter);
    m_connection->setObjectName(QStringLiteral("connectionState"));
    statusBar()->addPermanentWidget(m_connection);
    m_retryNow->setObjectName(QStringLiteral("retryNow"));
    m_retryNow->setFlat(true);
    m_retryNow->setVisible(false);
    statusBar()->addPermanentWidget(m_retryNow);
    m_tray->setObjectName(QStringLiteral("trayIcon"));
    m_desktopNotifications->setObjectName(QStringLiteral("desktopNotifications"));
    buildMenus();
    // The admin page's menu entry shows once the server has said this account is an admin.
    connect(m_adminProbe, &AdminProbe::checked, this,
            [this](bool admin) { m_adminAction->setVisible(admin); });
    updateConversationArea();
    resize(1000, 660);
    new WindowState(this, splitter, m_settings); // size, position, splitter; narrow sidebar
    connectWidgets();
    connectAccount();
    if (QSystemTrayIcon::isSystemTrayAvailable())
        m_tray->show();
    updateConnectionState();
    updateCounter();
    // The conversation open last time, from the cache before the server answers.
    if (const ConversationId last = m_settings.lastConversation();
        last && m_conversationModel->conversation(last))
        openConversation(last);
    if (m_session.isReady()) {
        reloadConversations();
        m_contactModel->reload();
    }
}

// Conversations (searchable) and contacts, in tabs.
QWidget *MainWindow::buildSidebar()
{
    m_filter->setSourceModel(m_conversationModel);
    m_search->setObjectName(QStringLiteral("conversationSearch"));
    m_search->setPlaceholderText(tr("Search conversations"));
    m_search->setClearButtonEnabled(true);
    m_conversations->setObjectName(QStringLiteral("conversationView"));
    m_conversations->setModel(m_filter);
    m_conversations->setItemDelegate(new ConversationDelegate(m_account.avatars(), this));
    connect(m_account.avatars(), &AvatarBook::changed, m_conversations->viewport(),
            qOverload<>(&QWidget::update));
    m_conversations->setUniformItemSizes(true);
    m_conversations->setContextMenuPolicy(Qt::CustomContextMenu);
    m_contactsPanel->setObjectName(QStringLiteral("contactsPanel"));

    auto *chats = new QWidget(this);
    auto *chatsLayout = new QVBoxLayout(chats);
    chatsLayout->setContentsMargins(0, 0, 0, 0);
    chatsLayout->addWidget(m_search);
    chatsLayout->addWidget(m_conversations);
    m_sideTabs->setObjectName(QStringLiteral("sideTabs"));
    m_sideTabs->addTab(chats, icon("new-chat"), tr("Chats"));
    m_sideTabs->addTab(m_contactsPanel, icon("contacts"), tr("Contacts"));
    m_sideTabs->setDocumentMode(true);
    // Who is signed in, above the tabs.
    auto *sidebar = new QWidget(this);
    auto *sidebarLayout = new QVBoxLayout(sidebar);
    sidebarLayout->setContentsMargins(0, 0, 0, 0);
    sidebarLayout->setSpacing(0);
    auto *badge = new AccountBadge(m_session, *m_account.ownPresence(), sidebar);
    badge->setAvatars(m_account.avatars());
    badge->setObjectName(QStringLiteral("accountBadge"));
    sidebarLayout->addWidget(badge);
    sidebarLayout->addWidget(m_sideTabs, 1);
    return sidebar;
}

// The open conversation: title, messages (or the empty state), composer.
QWidget *MainWindow::buildConversationPane()
{
    m_title->setObjectName(QStringLiteral("conversationTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_infoButton->setObjectName(QStringLiteral("groupInfoButton"));
    m_infoButton->setIcon(icon("group"));
    m_infoButton->setToolTip(tr("Group info"));
    m_infoButton->setAutoRaise(true);
    m_infoButton->setVisible(false);
    m_messages->setObjectName(QStringLiteral("messageView"));
    m_messages->setMessageModel(m_messageModel);
    // Files dropped on the conversation are sent to it.
    m_messages->viewport()->setAcceptDrops(true);
    m_messages->viewport()->installEventFilter(this);
    m_attachButton->setObjectName(QStringLiteral("attachButton"));
    m_attachButton->setIcon(icon("attach"));
    m_attachButton->setToolTip(tr("Attach files"));
    m_attachButton->setAutoRaise(true);
    m_attachButton->setIconSize(QSize(22, 22));
    m_composer->setObjectName(QStringLiteral("composer"));
    m_composer->setMaximumHeight(96);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_counter->setObjectName(QStringLiteral("characterCounter"));
    m_composerNote->setObjectName(QStringLiteral("composerNote"));
    m_composerNote->setWordWrap(true);
    m_composerNote->setVisible(false);
    m_counter->setVisible(false);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_header = new ConversationHeader(m_session, *m_account.presence(), *m_account.typing(),
                                      m_title, m_infoButton, this);
    rightLayout->addWidget(m_header);
    // Until a conversation is open, say how to get one instead of showing an empty list and
    // a message box that would send nowhere.
    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    m_emptyState->setText(
        tr("No conversation is open.\nChoose one on the left, or start a new "
           "chat with %1.")
            .arg(QKeySequence(Qt::CTRL | Qt::Key_N).toString(QKeySequence::NativeText)));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setForegroundRole(QPalette::PlaceholderText);
    m_conversationArea->addWidget(m_emptyState);
    m_conversationArea->addWidget(m_messages);
    m_searchPanel->setVisible(false);
    m_searchPanel->setFixedWidth(320);
    auto *middle = new QHBoxLayout;
    middle->addWidget(m_conversationArea, 1);
    middle->addWidget(m_searchPanel);
    rightLayout->addLayout(middle, 1);
    auto *composerRow = new QHBoxLayout;
    composerRow->addWidget(m_attachButton, 0, Qt::AlignBottom);
    composerRow->addWidget(m_composer, 1);
    auto *sendColumn = new QVBoxLayout;
    sendColumn->addWidget(m_counter);
    sendColumn->addWidget(m_sendButton);
    composerRow->addLayout(sendColumn);
    rightLayout->addWidget(m_strip);
    rightLayout->addWidget(m_composeBar);
    rightLayout->addLayout(composerRow);
    rightLayout->addWidget(m_composerNote);
    return right;
}

// What the user does in this window.
void MainWindow::connectWidgets()
{
    m_filter->attach(m_search, m_conversations);
    // Escape closes what is open (the search box clears itself first; dialogs close
    // themselves) and otherwise brings the keyboard back to the message box.
    connect(new QShortcut(QKeySequence(Qt::Key_Escape), this), &QShortcut::activated, this, [this] {
        m_search->clear();
        if (m_composer->isEnabled())
            m_composer->setFocus(Qt::ShortcutFocusReason);
    });
    connect(m_conversations->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    openConversation(current.data(ConversationListModel::IdRole).toLongLong());
            });
    connect(m_conversations, &QWidget::customContextMenuRequested, this, [this](const QPoint &p) {
        const QModelIndex index = m_conversations->indexAt(p);
        if (index.isValid())
            conversationMenu(index)->popup(m_conversations->viewport()->mapToGlobal(p));
    });
    connect(m_infoButton, &QToolButton::clicked, this, &MainWindow::showGroupInfo);
    connect(m_contactsPanel, &ContactsPanel::chatRequested, this, &MainWindow::openPrivateChat);
    connect(m_contactsPanel, &ContactsPanel::errorOccurred, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_composer, &Composer::sendRequested, this, &MainWindow::send);
    m_composer->setDraftStore(m_account.drafts());
    connect(m_compose, &ComposeController::problem, this, [this](const QString &text) {
        m_composerNote->setText(text);
        m_composerNote->setVisible(true);
    });
    // A found message: its conversation opens and the view scrolls to it and highlights it.
    connect(m_searchPanel, &SearchPanel::jumpRequested, this, [this](ConversationId id, Seq seq) {
        raiseAndOpen(id);
        m_messages->jumpTo(id, seq);
    });
    // The message menu's Reply and Edit go to the composer.
    connect(m_messages, &MessageView::replyRequested, m_composer, &Composer::startReply);
    connect(m_messages, &MessageView::editRequested, m_composer, &Composer::startEdit);
    connect(m_searchPanel, &SearchPanel::closed, this, [this] {
        if (m_composer->isEnabled())
            m_composer->setFocus(Qt::OtherFocusReason);
    });
    // Own key presses say "typing"; an emptied composer says "stopped".
    m_composer->installEventFilter(m_account.typingSender());
    connect(m_composer, &QPlainTextEdit::textChanged, this, [this] {
        if (m_composer->document()->isEmpty())
            m_account.typingSender()->stop();
    });
    connect(m_composer, &Composer::filesDropped, this, &MainWindow::stageFiles);
    connect(m_composer, &Composer::imagePasted, this, &MainWindow::stageImage);
    connect(m_composer, &Composer::refused, this, [this](const QString &reason) {
        m_composerNote->setText(reason);
        m_composerNote->setVisible(true);
    });
    connect(m_strip, &AttachmentStrip::changed, this, [this] {
        m_composer->setSendsWithoutText(!m_strip->isEmpty());
        updateComposerPlaceholder();
        updateCounter();
    });
    connect(m_retryNow, &QPushButton::clicked, &m_session, &ClientSession::reconnectNow);
    connect(m_attachButton, &QToolButton::clicked, this, &MainWindow::chooseAttachments);
    connect(m_messages->messageDelegate(), &MessageDelegate::actionTriggered, this,
            &MainWindow::triggerAttachment);
    m_messages->followKeysFrom(m_composer);
    // A jump to a message of another conversation (search results, a link to a message)
    // opens it first; a link may name one I am not in.
    connect(m_messages, &MessageView::conversationRequested, this, [this](ConversationId id) {
        if (!m_conversationModel->conversation(id)) {
            m_messages->cancelJump(tr("That message is in a conversation you are not in."));
            return;
        }
        openConversation(id);
    });
    connect(m_composer, &QPlainTextEdit::textChanged, this, &MainWindow::updateCounter);
    connect(m_sendButton, &QPushButton::clicked, m_composer, &Composer::submit);
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] { raiseAndOpen(m_notified); });
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger)
                    raiseAndOpen(0);
            });
}

// What the account's session and models tell this window.
void MainWindow::connectAccount()
{
    connect(&m_session, &ClientSession::conversationRemoved, this, &MainWindow::closeConversation);
    connect(m_files, &FileTransfers::errorOccurred, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10'000); });
    connect(m_files, &FileTransfers::saved, this, [this](const QString &, const QString &path) {
        statusBar()->showMessage(tr("Saved to %1").arg(QDir::toNativeSeparators(path)), 8000);
    });
    // The view keeps its place as rows come (MessageView); here only the read position.
    connect(m_messageModel, &QAbstractItemModel::rowsInserted, this,
            [this] { markVisibleAsRead(); });
    // A read request lost with a connection is said again once caught up.
    connect(&m_session, &ClientSession::synced, this, [this] {
        m_readMarked = {0, 0};
        markVisibleAsRead();
        if (const auto pending = std::exchange(m_pendingMessageLink, std::nullopt))
            m_messages->jumpTo(pending->conversation, pending->seq);
    });
    connect(m_conversationModel, &ConversationListModel::totalUnreadChanged, m_tray,
            &TrayIcon::setUnread);
    connect(m_notifier, &Notifier::notificationRequested, this, &MainWindow::notify);
    connect(m_desktopNotifications, &DesktopNotifications::activated, this,
            &MainWindow::raiseAndOpen);
    // Names in the conversations are the server's copies: fetch them again after a rename.
    connect(&m_session, &ClientSession::userUpdated, this, &MainWindow::reloadConversations);
    connect(m_notifier, &Notifier::summaryRequested, this,
            [this](int messages, int conversations, ConversationId latest) {
                const QString text = Notifier::summaryText(messages, conversations);
                // On the notification service the summary takes the place of the latest
                // conversation's notification (clicking it opens that conversation).
                const QImage icon =
                    QApplication::windowIcon().pixmap(DesktopNotifications::AvatarSize).toImage();
                if (m_desktopNotifications->show(latest, tr("Banter"), text, icon))
                    return;
                m_notified = latest;
                m_tray->showMessage(tr("Banter"), text, m_tray->icon());
            });
    // The sign-in's list replaced the model (ConversationListModel): select the open one again,
    // or open the one from last time if the list was empty until now.
    connect(&m_session, &ClientSession::conversationsListed, this, [this] {
        const ConversationId open = m_messageModel->conversationId()
            ? m_messageModel->conversationId()
            : m_settings.lastConversation();
        if (open)
            openConversation(open);
    });
    // A cache opened after the window was built (its check ran in the background): the list
    // now holds it, so the conversation open last time can show before the server answers.
    connect(&m_account, &AccountContext::cacheOpened, this, [this] {
        if (const ConversationId last = m_settings.lastConversation();
            last && !m_messageModel->conversationId() && m_conversationModel->conversation(last))
            openConversation(last);
    });
    connect(&m_session, &ClientSession::stateChanged, this, &MainWindow::updateConnectionState);
    connect(&m_session, &ClientSession::conversationUpdated, this, [this](const Conversation &c) {
        if (c.id == m_messageModel->conversationId())
            openConversation(c.id); // the name or the members changed
    });
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *account = menuBar()->addMenu(tr("&Account"));
    account->addAction(icon("settings"), tr("&Settings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma),
                       this, &MainWindow::showSettings);
    m_adminAction =
        account->addAction(tr("Server &administration…"), this, &MainWindow::showAdminPage);
    m_adminAction->setObjectName(QStringLiteral("adminAction"));
    m_adminAction->setVisible(m_adminProbe->isAdmin());
    account->addSeparator();
    account->addAction(tr("Log &out"), this, &MainWindow::logOut);
    account->addAction(tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q), this, &MainWindow::quit);
    QMenu *chat = menuBar()->addMenu(tr("&Chat"));
    chat->addAction(icon("new-chat"), tr("&New chat…"), QKeySequence(Qt::CTRL | Qt::Key_N), this,
                    &MainWindow::showNewChat);
    chat->addAction(tr("&Go to conversation…"), QKeySequence(Qt::CTRL | Qt::Key_K), this,
                    &MainWindow::showQuickSwitcher);
    m_groupInfoAction =
        chat->addAction(icon("group"), tr("Group &info…"), this, &MainWindow::showGroupInfo);
    m_groupInfoAction->setObjectName(QStringLiteral("groupInfoAction"));
    chat->addSeparator();
    chat->addAction(tr("&Find in conversation…"), QKeySequence(Qt::CTRL | Qt::Key_F), this,
                    [this] { showSearch(false); });
    chat->addAction(tr("Find in &all conversations…"),
                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), this,
                    [this] { showSearch(true); });
    chat->addSeparator();
    chat->addAction(tr("&Next conversation"), QKeySequence(Qt::ALT | Qt::Key_Down), this,
                    [this] { moveSelection(1); });
    chat->addAction(tr("&Previous conversation"), QKeySequence(Qt::ALT | Qt::Key_Up), this,
                    [this] { moveSelection(-1); });

    auto *trayMenu = new QMenu(this);
    trayMenu->addAction(tr("Show Banter"), this, [this] { raiseAndOpen(0); });
    trayMenu->addAction(tr("&Quit"), this, &MainWindow::quit);
    m_tray->setContextMenu(trayMenu);
}

bool MainWindow::quit()
{
    // Written but not sent yet (offline): they stay in the outbox on disk and go when Banter
    // next connects; say so before the user leaves.
    if (const int queued = int(m_session.pendingMessages().size()); queued > 0) {
        const bool leave = m_confirmQuit
            ? m_confirmQuit(queued)
            : QMessageBox::question(
                  this, tr("Quit Banter"),
                  tr("%n message(s) you wrote are not sent yet. They are kept and sent when "
                     "Banter next connects.\n\nQuit anyway?",
                     nullptr, queued))
                == QMessageBox::Yes;
        if (!leave)
            return false;
    }
    m_quitting = true;
    QApplication::quit();
    return true;
}

void MainWindow::reloadConversations()
{
    m_session.conversations().then(this, [this](Result<Protocol::ConversationsReply> reply) {
        if (!reply)
            return;
        const qint64 open =
            m_openAfterReload ? m_openAfterReload : m_messageModel->conversationId();
        m_openAfterReload = 0;
        m_conversationModel->reset(reply->conversations);
        if (open)
            openConversation(open);
    });
}

void MainWindow::openConversation(qint64 id)
{
    const Conversation *conversation = m_conversationModel->conversation(id);
    if (!conversation)
        return;
    const int row = m_conversationModel->rowOf(id);
    // Read before opening marks them read: the view opens at the first of them.
    const qint64 unread =
        m_conversationModel->index(row).data(ConversationListModel::UnreadRole).toLongLong();
    m_conversationModel->setActiveConversation(id);
    m_notifier->setOpenConversation(id);
    if (m_settings.lastConversation() != id)
        m_settings.setLastConversation(id);
    m_title->setText(
        m_conversationModel->data(m_conversationModel->index(row), ConversationListModel::NameRole)
            .toString());
    m_infoButton->setVisible(conversation->type == ConversationType::Group);
    m_header->setConversation(*conversation);
    m_account.typingSender()->setConversation(id);
    // Each conversation has its own draft and waiting files: nothing typed for one is sent
    // to another.
    m_composer->setConversation(id);
    m_composer->setMembers(conversation->participants, m_session.currentUser().id);
    m_strip->setConversation(id);
    if (m_messageModel->conversationId() != id) {
        m_messages->messageDelegate()->setShowSenderNames(conversation->type
                                                          == ConversationType::Group);
        m_messageModel->setConversation(*conversation, unread);
    }
    const QModelIndex proxyIndex = m_filter->mapFromSource(m_conversationModel->index(row));
    if (m_conversations->currentIndex() != proxyIndex)
        m_conversations->setCurrentIndex(proxyIndex);
    updateConversationArea();
    m_composer->setFocus();
    markVisibleAsRead();
}

// The open conversation went away (this user left it or was removed): show the empty state
// and say why, rather than a message box that can only fail.
void MainWindow::closeConversation(ConversationId id)
{
    if (id == 0 || id != m_messageModel->conversationId())
        return;
    const QString name = m_title->text();
    m_messageModel->setConversation(Conversation{});
    m_conversationModel->setActiveConversation(0);
    m_notifier->setOpenConversation(0);
    m_title->clear();
    m_infoButton->setVisible(false);
    m_header->setConversation(Conversation{});
    m_account.typingSender()->setConversation(0);
    m_composer->clear();
    m_composer->setConversation(0);
    m_strip->takeItems();
    m_strip->setConversation(0);
    updateConversationArea();
    statusBar()->showMessage(tr("You are no longer in “%1”.").arg(name), 10'000);
}

void MainWindow::updateConversationArea()
{
    const bool open = m_messageModel->conversationId() != 0;
    m_conversationArea->setCurrentWidget(open ? static_cast<QWidget *>(m_messages) : m_emptyState);
    m_composer->setEnabled(open);
    m_attachButton->setEnabled(open);
    const Conversation *conversation =
        m_conversationModel->conversation(m_messageModel->conversationId());
    if (m_groupInfoAction)
        m_groupInfoAction->setEnabled(conversation
                                      && conversation->type == ConversationType::Group);
    m_sendButton->setEnabled(open
                             && MessageContent::characterCount(m_composer->toPlainText())
                                 <= MessageContent::MaxTextLength);
}

void MainWindow::openPrivateChat(UserId user)
{
    for (int row = 0; row < m_conversationModel->rowCount(); ++row) {
        const ConversationId id =
            m_conversationModel->index(row).data(ConversationListModel::IdRole).toLongLong();
        const Conversation *c = m_conversationModel->conversation(id);
        if (c->type == ConversationType::Private && c->isMember(user)) {
            m_sideTabs->setCurrentIndex(0);
            openConversation(id);
            return;
        }
    }
    m_session.createPrivate(user).then(this, [this](Result<Conversation> created) {
        if (!created) {
            statusBar()->showMessage(
                tr("Could not start the chat: %1").arg(ErrorText::describe(created.error())), 8000);
            return;
        }
        m_sideTabs->setCurrentIndex(0);
        m_openAfterReload = created->id;
        reloadConversations();
    });
}

void MainWindow::setMuted(ConversationId id, bool muted)
{
    m_account.setMuted(id, muted);
}

QMenu *MainWindow::conversationMenu(const QModelIndex &index)
{
    const ConversationId id = index.data(ConversationListModel::IdRole).toLongLong();
    const bool muted = m_notifier->isMuted(id);
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(icon("muted"), muted ? tr("Unmute notifications") : tr("Mute notifications"),
                    this, [this, id, muted] { setMuted(id, !muted); })
        ->setObjectName(QStringLiteral("muteAction"));
    if (ConversationType(index.data(ConversationListModel::TypeRole).toInt())
        == ConversationType::Group) {
        menu->addAction(icon("group"), tr("Group info…"), this, [this, id] {
            openConversation(id);
            showGroupInfo();
        });
    }
    return menu;
}

NewChatDialog *MainWindow::showNewChat()
{
    auto *dialog = new NewChatDialog(m_session, *m_contactModel, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewChatDialog::created, this, [this](const Conversation &c) {
        m_sideTabs->setCurrentIndex(0);
        m_openAfterReload = c.id;
        reloadConversations();
    });
    dialog->open();
    return dialog;
}

GroupInfoDialog *MainWindow::showGroupInfo()
{
    const Conversation *c = m_conversationModel->conversation(m_messageModel->conversationId());
    if (!c || c->type != ConversationType::Group)
        return nullptr;
    auto *dialog = new GroupInfoDialog(m_session, *m_contactModel, *c, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

QuickSwitcher *MainWindow::showQuickSwitcher()
{
    auto *dialog = new QuickSwitcher(m_conversationModel, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QuickSwitcher::conversationChosen, this, [this](ConversationId id) {
        m_sideTabs->setCurrentIndex(0);
        m_search->clear();
        openConversation(id);
    });
    dialog->open();
    return dialog;
}

SearchPanel *MainWindow::showSearch(bool everywhere)
{
    const ConversationId open = m_messageModel->conversationId();
    m_searchPanel->open(everywhere || !open ? 0 : open);
    return m_searchPanel;
}

SettingsDialog *MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(m_settings, &m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, &m_account, &AccountContext::applySettings);
    dialog->open();
    return dialog;
}

AdminPage *MainWindow::showAdminPage()
{
    if (!m_adminPage) {
        // A window of its own: administering goes on beside the chats, not in front of them.
        m_adminPage = new AdminPage(m_session, this);
        m_adminPage->setObjectName(QStringLiteral("adminPage"));
        m_adminPage->setWindowFlag(Qt::Window);
        m_adminPage->setAttribute(Qt::WA_DeleteOnClose);
        m_adminPage->setWindowTitle(tr("Server administration"));
        m_adminPage->resize(820, 520);
        connect(m_adminPage, &AdminPage::forbidden, m_adminProbe, &AdminProbe::check);
    }
    m_adminPage->show();
    m_adminPage->raise();
    m_adminPage->activateWindow();
    return m_adminPage;
}

void MainWindow::moveSelection(int step)
{
    const int rows = m_filter->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_conversations->currentIndex();
    const int row = current.isValid() ? qBound(0, current.row() + step, rows - 1) : 0;
    m_conversations->setCurrentIndex(m_filter->index(row, 0));
}

void MainWindow::notify(const Message &message)
{
    const int row = m_conversationModel->rowOf(message.conversationId);
    const Conversation *c = m_conversationModel->conversation(message.conversationId);
    if (row < 0 || !c)
        return;
    const QString name =
        m_conversationModel->index(row).data(ConversationListModel::NameRole).toString();
    QString sender;
    if (const Participant *p = c->participant(message.senderId))
        sender = p->displayName.isEmpty() ? p->username : p->displayName;
    QString text = message.content;
    if (message.type == MessageType::Image && text.isEmpty())
        text = tr("Sent a photo");
    else if (message.type == MessageType::File && text.isEmpty())
        text = tr("Sent a file: %1").arg(FileTransfers::displayName(message.attachment.name));
    if (text.size() > NotificationPreview)
        text = text.left(NotificationPreview) + QStringLiteral("…");
    // The notification service: one per conversation, titled with the sender, their avatar.
    const bool group = c->type == ConversationType::Group && !sender.isEmpty();
    if (m_desktopNotifications->show(
            message.conversationId, group ? tr("%1 in %2").arg(sender, name) : name, text,
            Avatar::render(
                group ? sender : name, DesktopNotifications::AvatarSize,
                m_account.avatars()->picture(message.senderId,
                                             c->participant(message.senderId)
                                                 ? c->participant(message.senderId)->avatarVersion
                                                 : 0))))
        return;
    if (group)
        text = tr("%1: %2").arg(sender, text);
    m_notified = message.conversationId;
    // The badge icon already drawn for the tray: notifying must never draw one.
    m_tray->showMessage(name, text, m_tray->icon());
}

bool MainWindow::openMessageLink(const QUrl &url)
{
    const std::optional<MessageText::MessageTarget> target = MessageText::messageTarget(url);
    if (!target)
        return false;
    raiseAndOpen(0);
    // Until the session has caught up the list may not hold the conversation yet (a cache
    // still opening, or none): "not in" would be said too early.
    if (m_session.state() != ClientSession::State::Ready
        && !m_conversationModel->conversation(target->conversation)) {
        m_pendingMessageLink = target;
        return true;
    }
    m_messages->jumpTo(target->conversation, target->seq);
    return true;
}

void MainWindow::raiseAndOpen(ConversationId id)
{
    showNormal();
    raise();
    activateWindow();
    if (id) {
        m_sideTabs->setCurrentIndex(0);
        m_search->clear();
        openConversation(id);
    }
}

void MainWindow::send(const QString &text)
{
    const qint64 id = m_messageModel->conversationId();
    if (!id)
        return;
    m_account.typingSender()->stop();
    m_messages->scrollToNewest(); // one's own message is where one looks next
    // Files waiting in the strip go now, the text as the caption of the first that can go;
    // if none can, the text still goes, as a message of its own.
    QString caption = text;
    for (const AttachmentStrip::Item &item : m_strip->takeItems()) {
        if (item.path.isEmpty() ? attachImage(item.image, caption)
                                : attachFiles({item.path}, caption))
            caption.clear();
    }
    if (caption.trimmed().isEmpty())
        return;
    m_compose->sendText(caption); // with the reply and the mentions the composer holds
}

void MainWindow::chooseAttachments()
{
    if (!m_messageModel->conversationId())
        return;
    // Pictures if this desktop has that folder; otherwise the dialog would offer "Pictures" as
    // a file name in the current directory.
    QString start = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (!QFileInfo(start).isDir())
        start = QDir::homePath();
    const QStringList files = m_chooseFiles
        ? m_chooseFiles()
        : QFileDialog::getOpenFileNames(this, tr("Attach files"), start);
    if (!files.isEmpty())
        stageFiles(files);
}

void MainWindow::stageFiles(const QStringList &paths)
{
    if (!m_messageModel->conversationId()) {
        statusBar()->showMessage(tr("Open a conversation to send files to."), 8000);
        return;
    }
    m_strip->addFiles(paths);
    m_composer->setFocus();
}

void MainWindow::stageImage(const QImage &image)
{
    if (!m_messageModel->conversationId()) {
        statusBar()->showMessage(tr("Open a conversation to send files to."), 8000);
        return;
    }
    m_strip->addImage(image);
    m_composer->setFocus();
}

bool MainWindow::attachFiles(const QStringList &paths, const QString &caption)
{
    const ConversationId id = m_messageModel->conversationId();
    if (!id) {
        statusBar()->showMessage(tr("Open a conversation to send files to."), 8000);
        return false;
    }
    bool any = false;
    for (const QString &path : paths)
        any = m_files->send(id, path, {}, any ? QString() : caption) || any;
    return any;
}

bool MainWindow::attachImage(const QImage &image, const QString &caption)
{
    const ConversationId id = m_messageModel->conversationId();
    if (!id) {
        statusBar()->showMessage(tr("Open a conversation to send files to."), 8000);
        return false;
    }
    return m_files->sendImage(id, image, caption);
}

void MainWindow::triggerAttachment(const QModelIndex &index, AttachmentBubble::Action action)
{
    const auto attachment = index.data(MessageListModel::AttachmentRole).value<Attachment>();
    switch (action) {
    case AttachmentBubble::Action::View:
        showImage(index);
        break;
    case AttachmentBubble::Action::Download:
        m_files->saveToDownloads(attachment);
        break;
    case AttachmentBubble::Action::ShowInFolder: {
        const FileState here = m_files->checkedState(attachment.fileId);
        const QUrl folder = QUrl::fromLocalFile(QFileInfo(here.localPath).absolutePath());
        if (here.status == FileStatus::Finished
            && !(m_openUrl ? m_openUrl(folder) : QDesktopServices::openUrl(folder)))
            statusBar()->showMessage(tr("No application could show the folder %1.")
                                         .arg(QDir::toNativeSeparators(folder.toLocalFile())),
                                     8000);
        break;
    }
    case AttachmentBubble::Action::Cancel:
        if (const quint64 upload = index.data(MessageListModel::UploadIdRole).toULongLong())
            m_files->cancelUpload(upload);
        else
            m_files->cancelDownload(attachment.fileId);
        break;
    case AttachmentBubble::Action::Open: {
        const FileState here = m_files->checkedState(attachment.fileId);
        if (here.status != FileStatus::Finished) {
            // Gone from the disk since: fetch it again rather than open nothing.
            m_files->download(attachment);
            break;
        }
        const QUrl url = QUrl::fromLocalFile(here.localPath);
        const bool opened = m_openUrl ? m_openUrl(url) : QDesktopServices::openUrl(url);
        if (!opened)
            statusBar()->showMessage(tr("No application could open %1.")
                                         .arg(FileTransfers::displayName(attachment.name)),
                                     8000);
        break;
    }
    case AttachmentBubble::Action::SaveAs:
        saveAttachment(attachment);
        break;
    case AttachmentBubble::Action::None:
        break;
    }
}

ImageViewer *MainWindow::showImage(const QModelIndex &index)
{
    const auto attachment = index.data(MessageListModel::AttachmentRole).value<Attachment>();
    if (attachment.fileId.isEmpty())
        return nullptr; // still uploading
    auto *viewer = new ImageViewer(*m_files, attachment, this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    connect(viewer, &ImageViewer::saveRequested, this, &MainWindow::saveAttachment);
    viewer->show();
    return viewer;
}

void MainWindow::saveAttachment(const Attachment &attachment)
{
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation)
        + u'/' + FileTransfers::safeFileName(attachment.name);
    const QString target = m_chooseSavePath
        ? m_chooseSavePath(suggested)
        : QFileDialog::getSaveFileName(this, tr("Save as"), suggested);
    if (!target.isEmpty())
        m_files->saveAs(attachment, target);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_messages->viewport()) {
        switch (event->type()) {
        case QEvent::DragEnter:
        case QEvent::DragMove: {
            auto *drag = static_cast<QDropEvent *>(event);
            if (m_messageModel->conversationId() && !localFiles(drag->mimeData()).isEmpty()) {
                drag->acceptProposedAction();
                return true;
            }
            break;
        }
        case QEvent::Drop: {
            auto *drop = static_cast<QDropEvent *>(event);
            const QStringList files = localFiles(drop->mimeData());
            if (!files.isEmpty()) {
                drop->acceptProposedAction();
                stageFiles(files);
                return true;
            }
            break;
        }
        default:
            break;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::markVisibleAsRead()
{
    // Only what a person can actually see counts as read.
    if (!isActiveWindow() || !m_messageModel->conversationId() || !m_session.isReady())
        return;
    // Once per new position: older pages inserted above change nothing to say, and a request
    // per page would spend the connection's request budget while the user scrolls.
    const ConversationId id = m_messageModel->conversationId();
    const Seq newest = m_messageModel->newestSeq();
    if (newest <= 0 || (m_readMarked.first == id && m_readMarked.second >= newest))
        return;
    m_readMarked = {id, newest};
    m_session.markRead(id, newest);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::ActivationChange) {
        m_notifier->setWindowActive(isActiveWindow());
        m_conversationModel->setWindowActive(isActiveWindow());
        markVisibleAsRead();
    }
}

// What the constructor worded, worded again in the new language (the widgets of their own
// files follow QEvent::LanguageChange themselves).
void MainWindow::retranslate()
{
    setWindowTitle(tr("Banter"));
    menuBar()->clear();
    buildMenus();
    m_search->setPlaceholderText(tr("Search conversations"));
    m_sideTabs->setTabText(0, tr("Chats"));
    m_sideTabs->setTabText(1, tr("Contacts"));
    m_infoButton->setToolTip(tr("Group info"));
    m_attachButton->setToolTip(tr("Attach files"));
    m_sendButton->setText(tr("Send"));
    updateComposerPlaceholder();
    m_emptyState->setText(
        tr("No conversation is open.\nChoose one on the left, or start a new "
           "chat with %1.")
            .arg(QKeySequence(Qt::CTRL | Qt::Key_N).toString(QKeySequence::NativeText)));
    updateConnectionState();
    updateConversationArea();
}

void MainWindow::updateComposerPlaceholder()
{
    m_composer->setPlaceholderText(m_strip->isEmpty() ? tr("Write a message…")
                                                      : tr("Add a caption…"));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // With a tray icon, closing the window keeps Banter running there; Quit ends it.
    if (!m_quitting && m_tray->isVisible()) {
        hide();
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::updateConnectionState()
{
    switch (m_session.state()) {
    case ClientSession::State::Ready:
        m_connection->setText(tr("Connected"));
        break;
    case ClientSession::State::Connecting:
    case ClientSession::State::Authenticating:
    case ClientSession::State::Syncing:
    case ClientSession::State::Connected:
        m_connection->setText(tr("Connecting…"));
        break;
    case ClientSession::State::Reconnecting:
        m_connection->setText(
            tr("Offline — reconnecting; messages you write are kept and sent later"));
        break;
    case ClientSession::State::Disconnected:
        m_connection->setText(tr("Disconnected"));
        break;
    }
    m_retryNow->setVisible(m_session.state() == ClientSession::State::Reconnecting);
}

void MainWindow::logOut()
{
    m_session.logout().then(this, [this](Result<Done> done) {
        if (!done) {
            statusBar()->showMessage(
                tr("Could not log out: %1").arg(ErrorText::describe(done.error())), 8000);
            return;
        }
        m_quitting = true;
        Q_EMIT loggedOut();
    });
}

void MainWindow::updateCounter()
{
    const int used = MessageContent::characterCount(m_composer->toPlainText());
    m_counter->setVisible(used >= CounterThreshold);
    m_counter->setText(QString::number(MessageContent::MaxTextLength - used));
    // The reason Enter gave stays until the text can be sent again.
    if (m_composerNote->isVisible() && m_composer->checkLength())
        m_composerNote->setVisible(false);
    m_sendButton->setEnabled(m_messageModel->conversationId() != 0
                             && used <= MessageContent::MaxTextLength);
}

} // namespace Banter::Desktop
