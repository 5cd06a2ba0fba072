// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/contactspanel.h"

#include "core/contactlistmodel.h"
#include "ui/contactdelegate.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

namespace Banter::Desktop {

ContactsPanel::ContactsPanel(ContactListModel &model, QAbstractItemModel *chatPeople,
                             QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QListView(this))
    , m_add(new QToolButton(this))
{
    m_view->setModel(&model);
    m_view->setItemDelegate(new ContactDelegate(this));
    m_view->setUniformItemSizes(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_add->setIcon(QIcon(QStringLiteral(":/icons/contacts.svg")));
    m_add->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_add->setAutoRaise(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_add, 0, Qt::AlignLeft);
    layout->addWidget(m_view, 2);
    if (chatPeople)
        buildChatPeople(chatPeople);
    retranslate();

    connect(m_add, &QToolButton::clicked, this, &ContactsPanel::promptAddContact);
    // Double click and Enter both activate.
    connect(m_view, &QListView::activated, this, [this](const QModelIndex &index) {
        if (!index.data(ContactListModel::BlockedRole).toBool())
            Q_EMIT chatRequested(index.data(ContactListModel::IdRole).toLongLong());
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid())
            return;
        QMenu *menu = menuFor(index);
        menu->popup(m_view->viewport()->mapToGlobal(pos));
    });
    connect(&model, &ContactListModel::failed, this, &ContactsPanel::errorOccurred);
}

void ContactsPanel::buildChatPeople(QAbstractItemModel *people)
{
    m_peopleLabel = new QLabel(this);
    m_peopleLabel->setObjectName(QStringLiteral("chatPeopleLabel"));
    QFont bold = m_peopleLabel->font();
    bold.setBold(true);
    m_peopleLabel->setFont(bold);
    m_peopleView = new QListView(this);
    m_peopleView->setObjectName(QStringLiteral("chatPeopleView"));
    m_peopleView->setModel(people);
    m_peopleView->setItemDelegate(new ContactDelegate(this));
    m_peopleView->setUniformItemSizes(true);
    m_peopleView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_addPerson = new QToolButton(this);
    m_addPerson->setObjectName(QStringLiteral("addChatPersonButton"));
    m_addPerson->setIcon(QIcon(QStringLiteral(":/icons/contacts.svg")));
    m_addPerson->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_addPerson->setAutoRaise(true);
    m_addPerson->setEnabled(false);
    auto *header = new QHBoxLayout;
    header->addWidget(m_peopleLabel, 1);
    header->addWidget(m_addPerson);
    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    layout->addLayout(header);
    layout->addWidget(m_peopleView, 1);
    // Shown only when there is someone to offer.
    const auto showIfAny = [this, people] {
        const bool any = people->rowCount() > 0;
        m_peopleLabel->setVisible(any);
        m_peopleView->setVisible(any);
        m_addPerson->setVisible(any);
    };
    connect(people, &QAbstractItemModel::modelReset, this, showIfAny);
    connect(people, &QAbstractItemModel::rowsInserted, this, showIfAny);
    connect(people, &QAbstractItemModel::rowsRemoved, this, showIfAny);
    showIfAny();
    connect(m_peopleView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { m_addPerson->setEnabled(current.isValid()); });
    connect(people, &QAbstractItemModel::modelReset, this,
            [this] { m_addPerson->setEnabled(m_peopleView->currentIndex().isValid()); });
    connect(m_addPerson, &QToolButton::clicked, this, &ContactsPanel::addSelectedPerson);
    connect(m_peopleView, &QListView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT chatRequested(index.data(ContactListModel::IdRole).toLongLong());
    });
}

void ContactsPanel::addSelectedPerson()
{
    if (!m_peopleView)
        return;
    const QModelIndex current = m_peopleView->currentIndex();
    if (current.isValid())
        m_model.add(UserId(current.data(ContactListModel::IdRole).toLongLong()));
}

void ContactsPanel::retranslate()
{
    m_add->setText(tr("Add contact…"));
    if (m_peopleLabel) {
        m_peopleLabel->setText(tr("People in your chats"));
        m_addPerson->setText(tr("Add"));
        m_addPerson->setToolTip(tr("Add the selected person to your contacts"));
    }
}

void ContactsPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void ContactsPanel::promptAddContact()
{
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Add contact"));
    dialog->setLabelText(tr("Username:"));
    dialog->setInputMode(QInputDialog::TextInput);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &username) {
        if (!username.trimmed().isEmpty())
            m_model.add(username.trimmed());
    });
    dialog->open();
}

QMenu *ContactsPanel::menuFor(const QModelIndex &index)
{
    const UserId user = index.data(ContactListModel::IdRole).toLongLong();
    const bool blocked = index.data(ContactListModel::BlockedRole).toBool();
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction *chat =
        menu->addAction(tr("Open chat"), this, [this, user] { Q_EMIT chatRequested(user); });
    chat->setEnabled(!blocked);
    menu->addSeparator();
    menu->addAction(blocked ? tr("Unblock") : tr("Block"), this,
                    [this, user, blocked] { m_model.setBlocked(user, !blocked); })
        ->setObjectName(QStringLiteral("blockAction"));
    menu->addAction(tr("Remove contact"), this, [this, user] { m_model.remove(user); })
        ->setObjectName(QStringLiteral("removeAction"));
    return menu;
}

} // namespace Banter::Desktop
