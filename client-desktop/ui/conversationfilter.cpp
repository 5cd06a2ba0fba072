// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/conversationfilter.h"

#include "core/conversationlistmodel.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>

namespace Banter::Desktop {

ConversationFilter::ConversationFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void ConversationFilter::setSourceModel(QAbstractItemModel *source)
{
    m_conversations = qobject_cast<ConversationListModel *>(source);
    QSortFilterProxyModel::setSourceModel(source);
}

bool ConversationFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QString &text = m_text;
    if (text.isEmpty() || !m_conversations)
        return true;
    const QModelIndex row = m_conversations->index(sourceRow, 0, sourceParent);
    if (row.data(ConversationListModel::NameRole).toString().contains(text, Qt::CaseInsensitive))
        return true;
    const Conversation *c =
        m_conversations->conversation(row.data(ConversationListModel::IdRole).toLongLong());
    if (!c)
        return false;
    for (const Participant &p : c->participants) {
        if (p.displayName.contains(text, Qt::CaseInsensitive)
            || p.username.contains(text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

void ConversationFilter::setSearchText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

void ConversationFilter::attach(QLineEdit *search, QListView *list)
{
    m_search = search;
    m_list = list;
    // The text as it is, not a pattern: "c++" or "a.b" mean what they say.
    connect(search, &QLineEdit::textChanged, this, &ConversationFilter::setSearchText);
    search->installEventFilter(this);
}

bool ConversationFilter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_search)
        return QSortFilterProxyModel::eventFilter(watched, event);
    // Escape with text in the box is the box's: it clears the search rather than doing what
    // Escape does elsewhere in the window.
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
            event->accept();
            return true;
        }
    }
    if (event->type() != QEvent::KeyPress)
        return false;
    const int key = static_cast<QKeyEvent *>(event)->key();
    if (key == Qt::Key_Escape && !m_search->text().isEmpty()) {
        m_search->clear();
        return true;
    }
    const bool enter = key == Qt::Key_Return || key == Qt::Key_Enter;
    if ((enter || key == Qt::Key_Down) && rowCount() > 0) {
        // Selecting the row opens it; opening gives the composer the keyboard.
        m_list->setCurrentIndex(index(0, 0));
        if (key == Qt::Key_Down)
            m_list->setFocus(Qt::TabFocusReason);
        return true;
    }
    return false;
}

} // namespace Banter::Desktop
