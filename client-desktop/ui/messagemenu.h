// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>
#include <QModelIndex>

namespace Banter::Desktop {

// The menu of one message (right-click, or the "⋯" button beside it): a row of common
// reactions and "More…" (the emoji picker), Reply, Edit (the user's own text messages),
// Delete (own, or any as a group admin), Copy text, Select text, Copy link. It only says what
// was chosen; MessageView does it.
class MessageMenu : public QMenu
{
    Q_OBJECT
public:
    // The reactions offered in the quick row, most used first.
    static QStringList quickReactions();

    MessageMenu(const QModelIndex &index, QWidget *parent);

Q_SIGNALS:
    void reactionChosen(const QString &emoji);
    void moreReactionsChosen();
    void replyChosen();
    void editChosen();
    void deleteChosen();
    void copyTextChosen();
    void selectTextChosen();
    void copyLinkChosen();
};

} // namespace Banter::Desktop
