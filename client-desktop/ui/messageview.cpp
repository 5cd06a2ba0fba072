// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/messageview.h"

#include "core/errortext.h"
#include "core/messagelistmodel.h"
#include "ui/emojipicker.h"
#include "ui/messagedelegate.h"
#include "ui/messagemenu.h"
#include "ui/messagetext.h"
#include <banter/client/clientsession.h>

#include <QClipboard>
#include <QContextMenuEvent>
#include <QCursor>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>

#include <utility>

namespace Banter::Desktop {

namespace {
// Within this many pixels of the end counts as at the end.
constexpr int BottomSlack = 4;
// How long a message a jump landed on stays highlighted, and a note stays up.
constexpr int HighlightMs = 2000;
constexpr int NoteMs = 4000;
} // namespace

MessageView::MessageView(QWidget *parent)
    : QListView(parent)
    , m_delegate(new MessageDelegate(this))
    , m_jumpButton(new QToolButton(this))
    , m_note(new QLabel(this))
    , m_noteTimer(new QTimer(this))
    , m_highlightTimer(new QTimer(this))
{
    m_jumpButton->setObjectName(QStringLiteral("jumpToLatest"));
    m_jumpButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_jumpButton->setCursor(Qt::PointingHandCursor);
    m_jumpButton->hide();
    connect(m_jumpButton, &QToolButton::clicked, this, &MessageView::scrollToNewest);
    m_note->setObjectName(QStringLiteral("messageViewNote"));
    m_note->setAutoFillBackground(true);
    m_note->setMargin(6);
    m_note->setWordWrap(true);
    m_note->hide();
    m_noteTimer->setSingleShot(true);
    m_noteTimer->setInterval(NoteMs);
    connect(m_noteTimer, &QTimer::timeout, m_note, &QWidget::hide);
    m_highlightTimer->setSingleShot(true);
    m_highlightTimer->setInterval(HighlightMs);
    connect(m_highlightTimer, &QTimer::timeout, this, [this] {
        m_delegate->setHighlighted({});
        viewport()->update();
    });
    connect(m_delegate, &MessageDelegate::menuRequested, this, &MessageView::showMenu);
    connect(m_delegate, &MessageDelegate::linkActivated, this, [this](const QUrl &url) {
        if (const auto target = MessageText::messageTarget(url)) {
            jumpTo(target->conversation, target->seq);
            return;
        }
        if (!openLink(url))
            showNote(tr("Only web and e-mail links open from messages."));
    });
    connect(m_delegate, &MessageDelegate::reactionClicked, this,
            [this](const QModelIndex &index, const QString &emoji) {
                if (m_model)
                    m_model->toggleReaction(index, emoji);
            });
    connect(m_delegate, &MessageDelegate::quoteClicked, this, [this](const QModelIndex &index) {
        const Message *m = m_model ? m_model->messageAt(index) : nullptr;
        if (!m || m->replyTo.isNull())
            return;
        // The preview names the original's seq: one page around it, however far back. An
        // older server's preview does not; the original is looked for page by page then.
        if (m->replyPreview && m->replyPreview->seq > 0)
            m_model->jumpTo(m->replyPreview->seq);
        else
            m_model->jumpToId(m->replyTo, m->seq);
    });
    connect(m_delegate, &MessageDelegate::textDoubleClicked, this, &MessageView::selectText);
    setItemDelegate(m_delegate);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setSelectionMode(QAbstractItemView::NoSelection);
    setWordWrap(true);
    setMouseTracking(true); // the hand cursor over an attachment's buttons
    viewport()->setMouseTracking(true); // and the "⋯" button of the row under the mouse
    verticalScrollBar()->setSingleStep(24);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        if (!m_restoring)
            onUserScroll();
    });
}

void MessageView::setMessageModel(MessageListModel *model)
{
    m_model = model;
    setModel(model);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_stick = true;
        m_anchor = QPersistentModelIndex();
        m_delegate->forgetAll();
        m_delegate->setHovered({});
        closeSelector();
        m_unseen = 0;
        updateJumpButton();
    });
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &first, const QModelIndex &last, const QList<int> &roles) {
                // Receipts move ticks only: the size stays.
                if (roles.size() == 1 && roles.constFirst() == MessageListModel::StatusRole)
                    return;
                for (int row = first.row(); row <= last.row(); ++row)
                    m_delegate->forget(m_model->index(row));
            });
    // Lay out at once when rows come or go, so that the place is put back before anything
    // (the reader, a page load) looks at the scroll position again.
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this] { executeDelayedItemsLayout(); });
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this] { executeDelayedItemsLayout(); });
    connect(model, &MessageListModel::opened, this, &MessageView::positionAtOpen);
    connect(model, &MessageListModel::opened, this, [this] {
        if (m_pendingJumpConversation && m_pendingJumpConversation == m_model->conversationId()) {
            m_pendingJumpConversation = 0;
            m_model->jumpTo(std::exchange(m_pendingJumpSeq, 0));
        }
    });
    connect(model, &MessageListModel::hasNewerChanged, this, &MessageView::scheduleLoad);
    connect(model, &MessageListModel::hasNewerChanged, this, &MessageView::updateJumpButton);
    connect(model, &MessageListModel::located, this, &MessageView::onLocated);
    connect(model, &MessageListModel::notFound, this,
            [this] { showNote(tr("The original message is no longer available.")); });
    connect(model, &MessageListModel::failed, this, &MessageView::showNote);
    connect(model, &MessageListModel::arrived, this, [this](int count) {
        if (!m_stick || m_model->hasNewer()) {
            m_unseen += count;
            updateJumpButton();
        }
    });
    connect(model, &MessageListModel::reactorsKnown, this, [this] {
        // The tooltip that asked for the names shows them now, if it is still up.
        if (QToolTip::isVisible()) {
            const QPoint global = QCursor::pos();
            QHelpEvent again(QEvent::ToolTip, viewport()->mapFromGlobal(global), global);
            QCoreApplication::sendEvent(viewport(), &again);
        }
    });
    connect(model, &MessageListModel::loadingChanged, this, [this](bool loading) {
        if (!loading)
            scheduleLoad();
    });
}

void MessageView::followKeysFrom(QWidget *editor)
{
    m_editor = editor;
    editor->installEventFilter(this);
}

void MessageView::scrollToNewest()
{
    m_stick = true;
    m_anchor = QPersistentModelIndex();
    if (m_model)
        m_model->setFollowingNewest(true);
    if (m_model && m_model->hasNewer())
        m_model->showNewest();
    else
        scrollToBottom();
    updateJumpButton();
}

void MessageView::onUserScroll()
{
    // A layout still pending (rows changed a moment ago) would put back the old anchor and
    // undo this scroll: do it now, keeping the position the reader chose.
    m_userMoved = true;
    executeDelayedItemsLayout();
    m_userMoved = false;
    QScrollBar *bar = verticalScrollBar();
    m_stick = bar->value() >= bar->maximum() - BottomSlack;
    if (m_model)
        m_model->setFollowingNewest(m_stick && !m_model->hasNewer());
    rememberAnchor();
    scheduleLoad();
    closeSelector();
    updateJumpButton();
}

// The first row whose bottom is below the viewport's top, and where its top is.
void MessageView::rememberAnchor()
{
    if (m_stick || !m_model) {
        m_anchor = QPersistentModelIndex();
        return;
    }
    const QModelIndex top = indexAt(QPoint(viewport()->width() / 2, 1));
    if (!top.isValid())
        return;
    m_anchor = top;
    m_anchorOffset = visualRect(top).top();
}

// Called after every layout (rows in or out, a resize): put back what the reader saw.
void MessageView::updateGeometries()
{
    m_restoring = true;
    QListView::updateGeometries();
    if (!m_userMoved)
        restoreAnchor();
    m_restoring = false;
    scheduleLoad();
    updateJumpButton();
}

void MessageView::restoreAnchor()
{
    QScrollBar *bar = verticalScrollBar();
    if (m_stick) {
        bar->setValue(bar->maximum());
        return;
    }
    if (!m_anchor.isValid()) {
        rememberAnchor();
        return;
    }
    const int moved = visualRect(m_anchor).top() - m_anchorOffset;
    if (moved != 0)
        bar->setValue(bar->value() + moved);
    m_anchorOffset = visualRect(m_anchor).top();
}

// A conversation's first page is in: the first unread with its divider at the top, or the
// newest message at the bottom.
void MessageView::positionAtOpen()
{
    executeDelayedItemsLayout();
    const int row = m_model->rowOfSeq(m_model->firstUnreadSeq());
    if (row < 0) {
        scrollToNewest();
        return;
    }
    m_restoring = true;
    scrollTo(m_model->index(row), QAbstractItemView::PositionAtTop);
    m_restoring = false;
    QScrollBar *bar = verticalScrollBar();
    m_stick = bar->value() >= bar->maximum() - BottomSlack && !m_model->hasNewer();
    m_model->setFollowingNewest(m_stick);
    m_anchor = QPersistentModelIndex();
    rememberAnchor();
    updateJumpButton();
}

void MessageView::scheduleLoad()
{
    if (m_loadScheduled || !m_model)
        return;
    // Never from inside a layout: the model changes rows, which lays out again.
    m_loadScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_loadScheduled = false;
        loadIfNeeded();
    });
}

// Within a screen of either end of what is loaded, the next page that way.
void MessageView::loadIfNeeded()
{
    if (!m_model || m_model->isLoading() || !isVisible())
        return;
    const QScrollBar *bar = verticalScrollBar();
    const int margin = viewport()->height();
    if (bar->value() <= margin && m_model->canLoadOlder()) {
        // At the bottom the view stays there; elsewhere the anchor keeps the row being read
        // where it is while the page goes in above it.
        m_model->loadOlder();
    } else if (bar->value() >= bar->maximum() - margin && m_model->canLoadNewer()) {
        m_model->loadNewer();
    }
}

bool MessageView::scrollKey(const QKeyEvent *event, bool fromEditor)
{
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    const bool editorEmpty = !fromEditor
        || (qobject_cast<QPlainTextEdit *>(m_editor)
            && qobject_cast<QPlainTextEdit *>(m_editor)->document()->isEmpty());
    QScrollBar *bar = verticalScrollBar();
    switch (event->key()) {
    case Qt::Key_PageUp:
        bar->triggerAction(QAbstractSlider::SliderPageStepSub);
        return true;
    case Qt::Key_PageDown:
        bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
        return true;
    case Qt::Key_Home:
        if (!ctrl && !editorEmpty)
            return false;
        bar->triggerAction(QAbstractSlider::SliderToMinimum);
        return true;
    case Qt::Key_End:
        if (!ctrl && !editorEmpty)
            return false;
        scrollToNewest();
        return true;
    case Qt::Key_Up:
    case Qt::Key_Down:
        if (fromEditor)
            return false;
        bar->triggerAction(event->key() == Qt::Key_Up ? QAbstractSlider::SliderSingleStepSub
                                                      : QAbstractSlider::SliderSingleStepAdd);
        return true;
    default:
        return false;
    }
}

void MessageView::keyPressEvent(QKeyEvent *event)
{
    if (scrollKey(event, false))
        event->accept();
    else
        QListView::keyPressEvent(event);
}

bool MessageView::eventFilter(QObject *watched, QEvent *event)
{
    if (m_selector && watched == m_selector) {
        if (event->type() == QEvent::FocusOut
            || (event->type() == QEvent::KeyPress
                && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape)) {
            // Not from inside the selector's own event handling.
            QTimer::singleShot(0, this, &MessageView::closeSelector);
            return event->type() == QEvent::KeyPress;
        }
        return false;
    }
    if (watched == m_editor && event->type() == QEvent::KeyPress
        && scrollKey(static_cast<QKeyEvent *>(event), true))
        return true;
    return QListView::eventFilter(watched, event);
}

void MessageView::cancelJump(const QString &why)
{
    m_pendingJumpConversation = 0;
    m_pendingJumpSeq = 0;
    showNote(why);
}

void MessageView::jumpTo(ConversationId conversation, Seq seq)
{
    if (!m_model || !conversation || seq <= 0)
        return;
    if (conversation != m_model->conversationId()) {
        m_pendingJumpConversation = conversation;
        m_pendingJumpSeq = seq;
        Q_EMIT conversationRequested(conversation);
        return;
    }
    m_model->jumpTo(seq);
}

// The message a jump asked for has its row: in the middle of the view, highlighted.
void MessageView::onLocated(Seq seq)
{
    const int row = m_model->rowOfSeq(seq);
    if (row < 0)
        return;
    executeDelayedItemsLayout();
    m_restoring = true;
    scrollTo(m_model->index(row), QAbstractItemView::PositionAtCenter);
    m_restoring = false;
    const QScrollBar *bar = verticalScrollBar();
    m_stick = bar->value() >= bar->maximum() - BottomSlack && !m_model->hasNewer();
    m_model->setFollowingNewest(m_stick);
    m_anchor = QPersistentModelIndex();
    rememberAnchor();
    highlight(m_model->index(row).data(MessageListModel::IdRole).toUuid());
    updateJumpButton();
    scheduleLoad();
}

void MessageView::highlight(const QUuid &id)
{
    m_delegate->setHighlighted(id);
    m_highlightTimer->start();
    viewport()->update();
}

QUrl MessageView::messageLink(ConversationId conversation, Seq seq)
{
    return MessageText::messageLink(conversation, seq);
}

bool MessageView::openLink(const QUrl &url)
{
    // Checked again here, not only where links are found: nothing but a web page or a mail
    // is ever started from a message.
    if (!MessageText::isAllowed(url))
        return false;
    return QDesktopServices::openUrl(url);
}

void MessageView::showMenu(const QModelIndex &index, const QPoint &globalPos)
{
    const Message *m = m_model ? m_model->messageAt(index) : nullptr;
    if (!m || m->seq == 0 || m->type == MessageType::System)
        return;
    const QPersistentModelIndex row(index);
    const Message message = *m;
    auto *menu = new MessageMenu(index, this);
    connect(menu, &MessageMenu::reactionChosen, this, [this, row](const QString &emoji) {
        if (row.isValid())
            m_model->toggleReaction(row, emoji);
    });
    connect(menu, &MessageMenu::moreReactionsChosen, this,
            [this, row, globalPos] { pickReaction(row, globalPos); });
    connect(menu, &MessageMenu::replyChosen, this,
            [this, message] { Q_EMIT replyRequested(message); });
    connect(menu, &MessageMenu::editChosen, this,
            [this, message] { Q_EMIT editRequested(message); });
    connect(menu, &MessageMenu::deleteChosen, this, [this, row] {
        if (row.isValid())
            confirmDelete(row);
    });
    connect(menu, &MessageMenu::copyTextChosen, this,
            [message] { QGuiApplication::clipboard()->setText(message.content); });
    connect(menu, &MessageMenu::selectTextChosen, this, [this, row] {
        if (row.isValid())
            selectText(row);
    });
    connect(menu, &MessageMenu::copyLinkChosen, this, [message] {
        QGuiApplication::clipboard()->setText(
            messageLink(message.conversationId, message.seq).toString());
    });
    menu->popup(globalPos);
}

void MessageView::pickReaction(const QModelIndex &index, const QPoint &globalPos)
{
    const QPersistentModelIndex row(index);
    auto *picker = new EmojiPicker(this);
    connect(picker, &EmojiPicker::picked, this, [this, row](const QString &emoji) {
        if (row.isValid())
            m_model->toggleReaction(row, emoji);
    });
    picker->move(globalPos);
    picker->show();
}

// Deleting cannot be undone: asked first, without blocking the window (the dialog is modal
// to it only while it is open).
void MessageView::confirmDelete(const QModelIndex &index)
{
    const Message *m = m_model->messageAt(index);
    if (!m)
        return;
    const bool mine = m->senderId == m_model->session().currentUser().id;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete message"),
                                mine ? tr("Delete this message for everyone in the conversation?")
                                     : tr("Delete this message by another member for everyone "
                                          "in the group?"),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmDelete"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *remove = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDeleteButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    const ConversationId conversation = m->conversationId;
    const QUuid id = m->id;
    connect(box, &QMessageBox::buttonClicked, this,
            [this, remove, conversation, id](QAbstractButton *button) {
                if (button != remove)
                    return;
                // The deletion comes back as its event through the stream.
                m_model->session()
                    .deleteMessage(conversation, id)
                    .then(this, [this](const Result<Message> &result) {
                        if (!result)
                            showNote(tr("The message could not be deleted: %1")
                                         .arg(ErrorText::describe(result.error())));
                    });
            });
    box->open();
}

// A delegate draws text, it cannot select it: a read-only copy of the text goes over the
// bubble, where the mouse and the keyboard select and copy as in any text field (all of it
// is selected at first). It goes when it loses focus, on Esc, or when the view scrolls.
void MessageView::selectText(const QModelIndex &index)
{
    closeSelector();
    const QString text = index.data(MessageListModel::ContentRole).toString();
    if (text.isEmpty())
        return;
    m_selector = new QPlainTextEdit(viewport());
    m_selector->setObjectName(QStringLiteral("messageTextSelector"));
    m_selector->setReadOnly(true);
    m_selector->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_selector->setFrameShape(QFrame::NoFrame);
    m_selector->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_selector->document()->setDocumentMargin(0);
    m_selector->setFont(font());
    m_selector->setPlainText(text);
    m_selector->selectAll();
    const QRect area = m_delegate->textRect(this, index).adjusted(-2, -2, 6, 2);
    const int height =
        qMax(area.height(),
             int(m_selector->document()->size().height() * QFontMetrics(font()).lineSpacing()) + 4);
    m_selector->setGeometry(area.left(), area.top(), area.width(), height);
    m_selector->installEventFilter(this);
    m_selector->show();
    m_selector->setFocus(Qt::MouseFocusReason);
}

void MessageView::closeSelector()
{
    if (!m_selector)
        return;
    m_selector->removeEventFilter(this);
    m_selector->hide();
    m_selector->deleteLater();
    m_selector = nullptr;
}

void MessageView::showNote(const QString &text)
{
    m_note->setText(text);
    m_note->setFixedWidth(qMax(120, qMin(viewport()->width() - 24, 420)));
    m_note->adjustSize();
    m_note->move((width() - m_note->width()) / 2, 8);
    m_note->raise();
    m_note->show();
    m_noteTimer->start();
}

void MessageView::updateJumpButton()
{
    const bool away = m_model && m_model->conversationId() && (!m_stick || m_model->hasNewer());
    if (!away)
        m_unseen = 0;
    m_jumpButton->setText(m_unseen > 0 ? tr("↓ %n new message(s)", nullptr, m_unseen)
                                       : tr("↓ Jump to latest"));
    m_jumpButton->setToolTip(tr("Jump to the newest message (End)"));
    m_jumpButton->adjustSize();
    const QRect area = viewport()->geometry();
    m_jumpButton->move(area.right() - m_jumpButton->width() - 12,
                       area.bottom() - m_jumpButton->height() - 12);
    m_jumpButton->setVisible(away);
    if (away)
        m_jumpButton->raise();
}

void MessageView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    if (index.isValid())
        showMenu(index, event->globalPos());
    event->accept();
}

// The row under the mouse shows its "⋯" button.
void MessageView::mouseMoveEvent(QMouseEvent *event)
{
    const QModelIndex index = indexAt(event->position().toPoint());
    if (index != m_delegate->hovered()) {
        m_delegate->setHovered(index);
        viewport()->update();
    }
    QListView::mouseMoveEvent(event);
}

void MessageView::leaveEvent(QEvent *event)
{
    m_delegate->setHovered({});
    viewport()->update();
    QListView::leaveEvent(event);
}

void MessageView::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    closeSelector();
    updateJumpButton();
}

} // namespace Banter::Desktop
