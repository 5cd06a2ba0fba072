// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/ids.h>

#include <QDialog>

class QAbstractItemModel;
class QLineEdit;
class QListView;

namespace Banter::Desktop {

class ConversationFilter;

// Ctrl+K: type part of a conversation's name, Up/Down to choose, Enter to open, Esc to close.
class QuickSwitcher : public QDialog
{
    Q_OBJECT
public:
    // model: the ConversationListModel (the delegate draws it as in the sidebar).
    explicit QuickSwitcher(QAbstractItemModel *model, QWidget *parent = nullptr);

    QLineEdit *filterField() const { return m_filter; }
    QListView *view() const { return m_view; }

Q_SIGNALS:
    void conversationChosen(Banter::ConversationId id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void choose();

    QLineEdit *m_filter;
    QListView *m_view;
    ConversationFilter *m_proxy;
};

} // namespace Banter::Desktop
