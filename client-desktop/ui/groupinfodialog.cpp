// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/groupinfodialog.h"

#include "ui/peoplepicker.h"
#include <banter/client/clientsession.h>

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace Banter::Desktop {

GroupInfoDialog::GroupInfoDialog(ClientSession &session, const ContactListModel &contacts,
                                 const Conversation &group, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_name(new QLineEdit(this))
    , m_rename(new QPushButton(tr("Rename"), this))
    , m_members(new QListWidget(this))
    , m_remove(new QPushButton(tr("Remove from group"), this))
    , m_picker(new PeoplePicker(session, contacts, PeoplePicker::Mode::Multiple, this))
    , m_add(new QPushButton(tr("Add to group"), this))
    , m_leave(new QPushButton(tr("Leave group…"), this))
    , m_status(new QLabel(this))
{
    setWindowIcon(QIcon(QStringLiteral(":/icons/group.svg")));
    m_name->setMaxLength(ConversationRules::MaxGroupNameLength);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("status"));

    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_name, 1);
    nameRow->addWidget(m_rename);
    auto *membersBox = new QGroupBox(tr("Members"), this);
    auto *membersLayout = new QVBoxLayout(membersBox);
    membersLayout->addWidget(m_members);
    membersLayout->addWidget(m_remove, 0, Qt::AlignRight);
    auto *addBox = new QGroupBox(tr("Add people"), this);
    addBox->setObjectName(QStringLiteral("addBox"));
    auto *addLayout = new QVBoxLayout(addBox);
    addLayout->addWidget(m_picker);
    addLayout->addWidget(m_add, 0, Qt::AlignRight);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_leave, QDialogButtonBox::DestructiveRole);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(nameRow);
    layout->addWidget(membersBox, 1);
    layout->addWidget(addBox, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(440, 560);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_rename, &QPushButton::clicked, this, &GroupInfoDialog::rename);
    connect(m_name, &QLineEdit::returnPressed, this, &GroupInfoDialog::rename);
    connect(m_remove, &QPushButton::clicked, this, &GroupInfoDialog::removeSelected);
    connect(m_add, &QPushButton::clicked, this, &GroupInfoDialog::addSelected);
    connect(m_leave, &QPushButton::clicked, this, &GroupInfoDialog::confirmLeave);
    connect(m_members, &QListWidget::currentRowChanged, this, [this] {
        const QListWidgetItem *item = m_members->currentItem();
        m_remove->setEnabled(isAdmin() && item
                             && item->data(Qt::UserRole).toLongLong()
                                 != m_session.currentUser().id);
    });
    connect(m_picker, &PeoplePicker::selectionChanged, this,
            [this] { m_add->setEnabled(!m_picker->selected().isEmpty()); });
    connect(&session, &ClientSession::conversationUpdated, this, [this](const Conversation &c) {
        if (c.id == m_group.id)
            setGroup(c);
    });
    connect(&session, &ClientSession::conversationRemoved, this, [this](ConversationId id) {
        if (id == m_group.id)
            reject();
    });
    setGroup(group);
}

bool GroupInfoDialog::isAdmin() const
{
    return m_group.isAdmin(m_session.currentUser().id);
}

void GroupInfoDialog::setGroup(const Conversation &group)
{
    if (!group.isMember(m_session.currentUser().id)) {
        reject(); // removed by an admin
        return;
    }
    m_group = group;
    setWindowTitle(tr("Group info — %1").arg(group.name));
    if (!m_name->hasFocus())
        m_name->setText(group.name);
    const bool admin = isAdmin();
    m_name->setReadOnly(!admin);
    m_rename->setVisible(admin);
    m_remove->setVisible(admin);
    m_remove->setEnabled(false);
    findChild<QWidget *>(QStringLiteral("addBox"))->setVisible(admin);
    m_add->setEnabled(!m_picker->selected().isEmpty());

    m_members->clear();
    QSet<UserId> members;
    for (const Participant &p : group.participants) {
        members.insert(p.userId);
        const QString name = p.displayName.isEmpty() ? p.username : p.displayName;
        QString text = tr("%1 (@%2)").arg(name, p.username);
        if (p.role == ParticipantRole::Admin)
            text += QStringLiteral(" — ") + tr("admin");
        if (p.userId == m_session.currentUser().id)
            text += QStringLiteral(" — ") + tr("you");
        auto *item = new QListWidgetItem(text, m_members);
        item->setData(Qt::UserRole, p.userId);
    }
    m_picker->setExcluded(members);
}

void GroupInfoDialog::handle(const Result<Conversation> &result)
{
    if (!result) {
        m_status->setText(result.error().message);
        return;
    }
    m_status->clear();
    setGroup(*result);
}

void GroupInfoDialog::addSelected()
{
    const QList<UserId> people = m_picker->selected();
    if (people.isEmpty())
        return;
    m_picker->clearSelection();
    m_session.addMembers(m_group.id, people).then(this, [this](Result<Conversation> r) {
        handle(r);
    });
}

void GroupInfoDialog::removeSelected()
{
    const QListWidgetItem *item = m_members->currentItem();
    if (!item)
        return;
    m_session.removeMember(m_group.id, item->data(Qt::UserRole).toLongLong())
        .then(this, [this](Result<Conversation> r) { handle(r); });
}

void GroupInfoDialog::rename()
{
    const QString name = m_name->text().trimmed();
    if (!isAdmin() || name.isEmpty() || name == m_group.name)
        return;
    m_session.rename(m_group.id, name).then(this, [this](Result<Conversation> r) { handle(r); });
}

QMessageBox *GroupInfoDialog::confirmLeave()
{
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Leave group"),
        tr("Leave “%1”? You will no longer receive its messages.").arg(m_group.name),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this](int answer) {
        if (answer != QMessageBox::Yes)
            return;
        m_session.leave(m_group.id).then(this, [this](Result<Done> done) {
            if (!done)
                m_status->setText(done.error().message);
            else
                accept();
        });
    });
    box->open();
    return box;
}

} // namespace Banter::Desktop
