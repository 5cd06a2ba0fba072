// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/ids.h>

#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QListView;
class QMenu;
class QToolButton;

namespace Banter::Desktop {

class ContactListModel;

// The contacts tab: each contact with a presence dot and when they were last seen; add by
// username, and remove, block or unblock from the context menu. Activating a contact (double
// click, Enter) asks for the private chat with them. Below, "People in your chats" (those who
// share a conversation with the user and are not contacts), each of whom can be added.
class ContactsPanel : public QWidget
{
    Q_OBJECT
public:
    // `chatPeople` (ChatPeopleModel, or null for no such section) must outlive the panel.
    explicit ContactsPanel(ContactListModel &model, QAbstractItemModel *chatPeople = nullptr,
                           QWidget *parent = nullptr);

    QListView *view() const { return m_view; }
    QToolButton *addButton() const { return m_add; }
    // objectNames chatPeopleView and addChatPersonButton.
    QListView *chatPeopleView() const { return m_peopleView; }
    QToolButton *addChatPersonButton() const { return m_addPerson; }
    // Adds the person on the selected row of "People in your chats" to the contacts.
    void addSelectedPerson();
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
    QLabel *m_peopleLabel = nullptr;
    QListView *m_peopleView = nullptr;
    QToolButton *m_addPerson = nullptr;

    void buildChatPeople(QAbstractItemModel *people);
    void retranslate();

protected:
    void changeEvent(QEvent *event) override;
};

} // namespace Banter::Desktop
