// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/quickswitcher.h"

#include "core/conversationlistmodel.h"
#include "ui/conversationdelegate.h"
#include "ui/conversationfilter.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

namespace Banter::Desktop {

QuickSwitcher::QuickSwitcher(QAbstractItemModel *model, QWidget *parent)
    : QDialog(parent)
    , m_filter(new QLineEdit(this))
    , m_view(new QListView(this))
    , m_proxy(new ConversationFilter(this))
{
    setWindowTitle(tr("Go to conversation"));
    m_proxy->setSourceModel(model);
    m_filter->setPlaceholderText(tr("Type a conversation name, Enter to open"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new ConversationDelegate(nullptr, this));
    m_view->setUniformItemSizes(true);
    m_view->setFocusPolicy(Qt::NoFocus);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
    resize(420, 380);

    m_filter->installEventFilter(this);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setSearchText(text); // names and members, as the sidebar's search
        m_view->setCurrentIndex(m_proxy->index(0, 0));
    });
    connect(m_filter, &QLineEdit::returnPressed, this, &QuickSwitcher::choose);
    connect(m_view, &QListView::clicked, this, &QuickSwitcher::choose);
    m_view->setCurrentIndex(m_proxy->index(0, 0));
}

bool QuickSwitcher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_PageUp
            || key == Qt::Key_PageDown) {
            QApplication::sendEvent(m_view, event); // move the choice, keep typing
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void QuickSwitcher::choose()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    Q_EMIT conversationChosen(current.data(ConversationListModel::IdRole).toLongLong());
    accept();
}

} // namespace Banter::Desktop
