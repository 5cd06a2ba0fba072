// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/messagemenu.h"

#include "core/messagelistmodel.h"
#include <banter/domain/message.h>

#include <QHBoxLayout>
#include <QToolButton>
#include <QWidgetAction>

namespace Banter::Desktop {

QStringList MessageMenu::quickReactions()
{
    return {QStringLiteral("👍"), QStringLiteral("❤️"), QStringLiteral("😂"),
            QStringLiteral("😮"), QStringLiteral("😢"),      QStringLiteral("🙏")};
}

MessageMenu::MessageMenu(const QModelIndex &index, QWidget *parent)
    : QMenu(parent)
{
    setObjectName(QStringLiteral("messageMenu"));
    setAttribute(Qt::WA_DeleteOnClose);
    const bool deleted = index.data(MessageListModel::DeletedRole).toBool();
    const bool text = !index.data(MessageListModel::ContentRole).toString().isEmpty();
    if (!deleted) {
        // The quick row: one click reacts (or takes a reaction of mine back) and closes.
        auto *row = new QWidget(this);
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(6, 2, 6, 2);
        layout->setSpacing(2);
        for (const QString &emoji : quickReactions()) {
            auto *button = new QToolButton(row);
            button->setObjectName(QStringLiteral("quickReaction"));
            button->setText(emoji);
            button->setAutoRaise(true);
            button->setToolTip(tr("React with %1").arg(emoji));
            connect(button, &QToolButton::clicked, this, [this, emoji] {
                Q_EMIT reactionChosen(emoji);
                close();
            });
            layout->addWidget(button);
        }
        auto *more = new QToolButton(row);
        more->setObjectName(QStringLiteral("moreReactions"));
        more->setText(tr("More…"));
        more->setAutoRaise(true);
        more->setToolTip(tr("Choose another emoji"));
        connect(more, &QToolButton::clicked, this, [this] {
            Q_EMIT moreReactionsChosen();
            close();
        });
        layout->addWidget(more);
        auto *quick = new QWidgetAction(this);
        quick->setDefaultWidget(row);
        addAction(quick);
        addSeparator();
        addAction(tr("&Reply"), this, &MessageMenu::replyChosen)
            ->setObjectName(QStringLiteral("replyAction"));
    }
    if (index.data(MessageListModel::CanEditRole).toBool())
        addAction(tr("&Edit"), this, &MessageMenu::editChosen)
            ->setObjectName(QStringLiteral("editAction"));
    if (text && !deleted) {
        addAction(tr("&Copy text"), this, &MessageMenu::copyTextChosen)
            ->setObjectName(QStringLiteral("copyTextAction"));
        addAction(tr("&Select text"), this, &MessageMenu::selectTextChosen)
            ->setObjectName(QStringLiteral("selectTextAction"));
    }
    addAction(tr("Copy &link to message"), this, &MessageMenu::copyLinkChosen)
        ->setObjectName(QStringLiteral("copyLinkAction"));
    if (index.data(MessageListModel::CanDeleteRole).toBool()) {
        addSeparator();
        addAction(tr("&Delete…"), this, &MessageMenu::deleteChosen)
            ->setObjectName(QStringLiteral("deleteAction"));
    }
}

} // namespace Banter::Desktop
