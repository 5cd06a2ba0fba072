// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/ids.h>

#include <QWidget>

class QListView;
class QMenu;
class QToolButton;

namespace Banter::Desktop {

class ContactListModel;

// The contacts tab: each contact with a presence dot and when they were last seen; add by
// username, and remove, block or unblock from the context menu. Activating a contact (double
// click, Enter) asks for the private chat with them.
class ContactsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ContactsPanel(ContactListModel &model, QWidget *parent = nullptr);

    QListView *view() const { return m_view; }
    QToolButton *addButton() const { return m_add; }
    // Asks for a username (a non-blocking dialog, a child of this panel).
    void promptAddContact();
    // The context menu for a row (built, not shown: the tests use its actions).
    QMenu *menuFor(const QModelIndex &index);

Q_SIGNALS:
    void chatRequested(Banter::UserId user);
    void errorOccurred(const QString &message);

private:
    ContactListModel &m_model;
    QListView *m_view;
    QToolButton *m_add;
};

} // namespace Banter::Desktop
