// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/conversation.h>

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTabWidget;

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

class ContactListModel;
class PeoplePicker;

// Starts a conversation: a private chat with one person, or a new group with a name and
// members. Creates it on the server and reports it with created() before closing.
class NewChatDialog : public QDialog
{
    Q_OBJECT
public:
    NewChatDialog(ClientSession &session, const ContactListModel &contacts,
                  QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    PeoplePicker *privatePicker() const { return m_private; }
    PeoplePicker *groupPicker() const { return m_group; }
    QLineEdit *groupNameField() const { return m_groupName; }
    QDialogButtonBox *buttons() const { return m_buttons; }

    void accept() override;

Q_SIGNALS:
    void created(const Banter::Conversation &conversation);

private:
    void updateButtons();
    void finish(const Result<Conversation> &result);

    ClientSession &m_session;
    QTabWidget *m_tabs;
    PeoplePicker *m_private;
    PeoplePicker *m_group;
    QLineEdit *m_groupName;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
};

} // namespace Banter::Desktop
