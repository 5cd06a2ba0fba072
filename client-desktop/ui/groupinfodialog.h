// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/conversation.h>

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QMessageBox;
class QPushButton;

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

class ContactListModel;
class PeoplePicker;

// A group's members and their roles. Admins rename the group, add people (from contacts or
// the user search) and remove members; anyone can leave, after confirming. Follows the
// membership pushes while open, and closes when the user is no longer a member.
class GroupInfoDialog : public QDialog
{
    Q_OBJECT
public:
    GroupInfoDialog(ClientSession &session, const ContactListModel &contacts,
                    const Conversation &group, QWidget *parent = nullptr);

    ConversationId conversationId() const { return m_group.id; }
    QListWidget *memberList() const { return m_members; }
    QLineEdit *nameField() const { return m_name; }
    QPushButton *renameButton() const { return m_rename; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *leaveButton() const { return m_leave; }
    PeoplePicker *picker() const { return m_picker; }
    // Asks for confirmation (non-blocking); Yes leaves the group.
    QMessageBox *confirmLeave();

private:
    void setGroup(const Conversation &group);
    void addSelected();
    void removeSelected();
    void rename();
    void handle(const Result<Conversation> &result);
    bool isAdmin() const;

    ClientSession &m_session;
    Conversation m_group;
    QLineEdit *m_name;
    QPushButton *m_rename;
    QListWidget *m_members;
    QPushButton *m_remove;
    PeoplePicker *m_picker;
    QPushButton *m_add;
    QPushButton *m_leave;
    QLabel *m_status;
};

} // namespace Banter::Desktop
