// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/newchatdialog.h"

#include "core/errortext.h"
#include "ui/peoplepicker.h"
#include <banter/client/clientsession.h>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Banter::Desktop {

NewChatDialog::NewChatDialog(ClientSession &session, const ContactListModel &contacts,
                             QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_tabs(new QTabWidget(this))
    , m_private(new PeoplePicker(session, contacts, PeoplePicker::Mode::Single, this))
    , m_group(new PeoplePicker(session, contacts, PeoplePicker::Mode::Multiple, this))
    , m_groupName(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New chat"));
    m_groupName->setMaxLength(ConversationRules::MaxGroupNameLength);
    m_groupName->setPlaceholderText(tr("e.g. Weekend trip"));
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("status"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Start chat"));

    m_tabs->addTab(m_private, QIcon(QStringLiteral(":/icons/new-chat.svg")), tr("Private chat"));
    auto *groupPage = new QWidget(this);
    auto *groupForm = new QFormLayout(groupPage);
    groupForm->addRow(tr("Group name:"), m_groupName);
    groupForm->addRow(tr("Members:"), m_group);
    m_tabs->addTab(groupPage, QIcon(QStringLiteral(":/icons/group.svg")), tr("New group"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    resize(420, 460);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewChatDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewChatDialog::reject);
    connect(m_tabs, &QTabWidget::currentChanged, this, &NewChatDialog::updateButtons);
    // Typing starts at once: the private tab's search box, the group's name.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        (tab == 1 ? static_cast<QWidget *>(m_groupName) : m_private->searchField())->setFocus();
    });
    m_private->searchField()->setFocus();
    connect(m_private, &PeoplePicker::selectionChanged, this, &NewChatDialog::updateButtons);
    connect(m_private, &PeoplePicker::activated, this, &NewChatDialog::accept);
    connect(m_group, &PeoplePicker::selectionChanged, this, &NewChatDialog::updateButtons);
    connect(m_groupName, &QLineEdit::textChanged, this, &NewChatDialog::updateButtons);
    updateButtons();
}

void NewChatDialog::updateButtons()
{
    const bool group = m_tabs->currentIndex() == 1;
    const bool ready =
        group ? !m_groupName->text().trimmed().isEmpty() : !m_private->selected().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ready && !m_busy);
    m_buttons->button(QDialogButtonBox::Ok)->setText(group ? tr("Create group") : tr("Start chat"));
}

void NewChatDialog::accept()
{
    if (m_busy || !m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    m_busy = true;
    updateButtons();
    m_status->setText(tr("Creating…"));
    auto reply = m_tabs->currentIndex() == 1
        ? m_session.createGroup(m_groupName->text().trimmed(), m_group->selected())
        : m_session.createPrivate(m_private->selected().constFirst());
    reply.then(this, [this](Result<Conversation> result) { finish(result); });
}

void NewChatDialog::finish(const Result<Conversation> &result)
{
    m_busy = false;
    if (!result) {
        m_status->setText(
            tr("Could not create the chat: %1").arg(ErrorText::describe(result.error())));
        updateButtons();
        return;
    }
    m_status->clear();
    Q_EMIT created(*result);
    QDialog::accept();
}

} // namespace Banter::Desktop
