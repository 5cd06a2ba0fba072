// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace Banter::Desktop {

class AvatarBook;

// One row of the conversation list: initials avatar with a presence dot, name, last
// message, time and an unread badge. In a collapsed sidebar (a narrow window) only the
// avatar, with the name as its tooltip.
class ConversationDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // Pictures come from `avatars` (null: initials only).
    explicit ConversationDelegate(AvatarBook *avatars, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;
    // Whether a row this wide shows the avatar only.
    static bool isAvatarOnly(int rowWidth);

private:
    AvatarBook *m_avatars;
};

} // namespace Banter::Desktop
