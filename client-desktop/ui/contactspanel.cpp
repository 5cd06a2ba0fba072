// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/contactspanel.h"

#include "core/contactlistmodel.h"
#include "ui/contactdelegate.h"

#include <QInputDialog>
#include <QListView>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

namespace Banter::Desktop {

ContactsPanel::ContactsPanel(ContactListModel &model, QWidget *parent)
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
    m_add->setText(tr("Add contact…"));
    m_add->setIcon(QIcon(QStringLiteral(":/icons/contacts.svg")));
    m_add->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_add->setAutoRaise(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_add, 0, Qt::AlignLeft);
    layout->addWidget(m_view);

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
