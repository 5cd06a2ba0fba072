// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"

#include "client/clientsession.h"
#include "core/conversationlistmodel.h"
#include "core/messagelistmodel.h"
#include "domain/messagecontent.h"
#include "ui/composer.h"
#include "ui/conversationdelegate.h"
#include "ui/messagedelegate.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace Banter::Desktop {

namespace {
// Show the remaining characters only when they start to matter.
constexpr int CounterThreshold = MessageContent::MaxTextLength - 500;
} // namespace

MainWindow::MainWindow(ClientSession &session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_conversationModel(new ConversationListModel(session, this))
    , m_messageModel(new MessageListModel(session, this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_conversations(new QListView(this))
    , m_title(new QLabel(this))
    , m_messages(new QListView(this))
    , m_composer(new Composer(this))
    , m_sendButton(new QPushButton(tr("Send"), this))
    , m_counter(new QLabel(this))
    , m_connection(new QLabel(this))
{
    setWindowTitle(tr("Banter"));
    m_filter->setSourceModel(m_conversationModel);
    m_filter->setFilterRole(ConversationListModel::NameRole);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_search->setPlaceholderText(tr("Search conversations"));
    m_search->setClearButtonEnabled(true);
    m_conversations->setModel(m_filter);
    m_conversations->setItemDelegate(new ConversationDelegate(this));
    m_conversations->setUniformItemSizes(true);

    m_title->setObjectName(QStringLiteral("conversationTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_messages->setModel(m_messageModel);
    m_messages->setItemDelegate(new MessageDelegate(this));
    m_messages->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_messages->setSelectionMode(QAbstractItemView::NoSelection);
    m_messages->setWordWrap(true);
    m_composer->setMaximumHeight(96);
    m_counter->setVisible(false);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_conversations);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_messages, 1);
    auto *composerRow = new QHBoxLayout;
    composerRow->addWidget(m_composer, 1);
    auto *sendColumn = new QVBoxLayout;
    sendColumn->addWidget(m_counter);
    sendColumn->addWidget(m_sendButton);
    composerRow->addLayout(sendColumn);
    rightLayout->addLayout(composerRow);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({280, 620});
    setCentralWidget(splitter);
    statusBar()->addPermanentWidget(m_connection);
    QMenu *account = menuBar()->addMenu(tr("&Account"));
    account->addAction(tr("Log &out"), this, &MainWindow::logOut);
    account->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    resize(960, 640);

    connect(m_search, &QLineEdit::textChanged, m_filter,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_conversations->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    openConversation(current.data(ConversationListModel::IdRole).toLongLong());
            });
    connect(m_composer, &Composer::sendRequested, this, &MainWindow::send);
    connect(m_composer, &QPlainTextEdit::textChanged, this, &MainWindow::updateCounter);
    connect(m_sendButton, &QPushButton::clicked, this, [this] {
        const QString text = m_composer->toPlainText();
        if (!text.trimmed().isEmpty()) {
            send(text);
            m_composer->clear();
        }
    });
    connect(m_messageModel, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int, int last) {
                // Stay at the bottom for new messages; older pages arrive above without a jump.
                if (last == m_messageModel->rowCount() - 1)
                    m_messages->scrollToBottom();
                markVisibleAsRead();
            });
    connect(m_messages->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == 0 && m_messageModel->canFetchMore({}))
            m_messageModel->fetchMore({});
    });
    connect(&m_session, &ClientSession::synced, this, &MainWindow::reloadConversations);
    connect(&m_session, &ClientSession::stateChanged, this, &MainWindow::updateConnectionState);
    updateConnectionState();
    updateCounter();
    if (m_session.isReady())
        reloadConversations();
}

void MainWindow::reloadConversations()
{
    m_session.conversations().then(this, [this](Result<Protocol::ConversationsReply> reply) {
        if (!reply)
            return;
        const qint64 open = m_messageModel->conversationId();
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
    m_conversationModel->setActiveConversation(id);
    const int row = m_conversationModel->rowOf(id);
    m_title->setText(
        m_conversationModel->data(m_conversationModel->index(row), ConversationListModel::NameRole)
            .toString());
    if (m_messageModel->conversationId() != id) {
        static_cast<MessageDelegate *>(m_messages->itemDelegate())
            ->setShowSenderNames(conversation->type == ConversationType::Group);
        m_messageModel->setConversation(*conversation);
    }
    const QModelIndex proxyIndex = m_filter->mapFromSource(m_conversationModel->index(row));
    if (m_conversations->currentIndex() != proxyIndex)
        m_conversations->setCurrentIndex(proxyIndex);
    m_composer->setFocus();
}

void MainWindow::send(const QString &text)
{
    const qint64 id = m_messageModel->conversationId();
    if (!id)
        return;
    m_session.sendMessage(id, text).then(this, [this](Result<Message> sent) {
        if (!sent)
            statusBar()->showMessage(tr("Not sent: %1").arg(sent.error().message), 8000);
    });
}

void MainWindow::markVisibleAsRead()
{
    // Only what a person can actually see counts as read.
    if (!isActiveWindow() || !m_messageModel->conversationId() || !m_session.isReady())
        return;
    if (const Seq newest = m_messageModel->newestSeq(); newest > 0)
        m_session.markRead(m_messageModel->conversationId(), newest);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::ActivationChange)
        markVisibleAsRead();
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
}

void MainWindow::logOut()
{
    m_session.logout().then(this, [this](Result<Done> done) {
        if (!done) {
            statusBar()->showMessage(tr("Could not log out: %1").arg(done.error().message), 8000);
            return;
        }
        Q_EMIT loggedOut();
    });
}

void MainWindow::updateCounter()
{
    const int used = MessageContent::characterCount(m_composer->toPlainText());
    m_counter->setVisible(used >= CounterThreshold);
    m_counter->setText(QString::number(MessageContent::MaxTextLength - used));
    m_sendButton->setEnabled(used <= MessageContent::MaxTextLength);
}

} // namespace Banter::Desktop
