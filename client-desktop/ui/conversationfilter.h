// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

class QLineEdit;
class QListView;

namespace Banter::Desktop {

class ConversationListModel;

// The conversation list as the search box filters it: a conversation matches when the typed
// text is part of its name or of a member's display name or username ("carol" finds the
// groups Carol is in), ignoring case.
class ConversationFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ConversationFilter(QObject *parent = nullptr);

    // The source must be a ConversationListModel.
    void setSourceModel(QAbstractItemModel *source) override;
    // What to look for (as typed, not a pattern); empty shows every conversation.
    void setSearchText(const QString &text);

    // Makes `search` drive the filter over `list`: the filter follows the text (as typed,
    // not a pattern); Enter opens the first result (and the composer takes the keyboard),
    // Down opens it and moves into the list; Escape clears the search.
    void attach(QLineEdit *search, QListView *list);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    ConversationListModel *m_conversations = nullptr;
    QLineEdit *m_search = nullptr;
    QListView *m_list = nullptr;
    QString m_text; // what the search box says
};

} // namespace Banter::Desktop
