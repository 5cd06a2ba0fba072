// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/messageview.h"

#include "core/messagelistmodel.h"
#include "ui/messagedelegate.h"

#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTimer>

namespace Banter::Desktop {

namespace {
// Within this many pixels of the end counts as at the end.
constexpr int BottomSlack = 4;
} // namespace

MessageView::MessageView(QWidget *parent)
    : QListView(parent)
    , m_delegate(new MessageDelegate(this))
{
    setItemDelegate(m_delegate);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setSelectionMode(QAbstractItemView::NoSelection);
    setWordWrap(true);
    setMouseTracking(true); // the hand cursor over an attachment's buttons
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
    if (watched == m_editor && event->type() == QEvent::KeyPress
        && scrollKey(static_cast<QKeyEvent *>(event), true))
        return true;
    return QListView::eventFilter(watched, event);
}

} // namespace Banter::Desktop
