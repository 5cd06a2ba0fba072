// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/attachmentbubble.h"

#include <QLocale>
#include <QStyledItemDelegate>

namespace Banter::Desktop {

QString shortTimeFormat(const QLocale &locale);

// Chat bubbles: mine on the right in the palette's highlight colour, others on the left;
// sender names in groups, time and status ticks, day separators, compact runs. Image and
// file messages hold an AttachmentBubble, whose buttons report clicks as actionTriggered.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using Action = AttachmentBubble::Action;
    explicit MessageDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    void setShowSenderNames(bool show) { m_showSenders = show; }

    // Where an attachment's action is in the view's viewport coordinates (empty if the row
    // has no such action), and which action lies under a point.
    QRect actionRect(const QAbstractItemView *view, const QModelIndex &index, Action action) const;
    Action actionAt(const QAbstractItemView *view, const QModelIndex &index,
                    const QPoint &pos) const;

Q_SIGNALS:
    void actionTriggered(const QModelIndex &index,
                         Banter::Desktop::AttachmentBubble::Action action);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

private:
    static QStyleOptionViewItem optionFor(const QAbstractItemView *view, const QModelIndex &index);
    struct Layout;
    Layout layout(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    bool m_showSenders = false;
};

} // namespace Banter::Desktop
