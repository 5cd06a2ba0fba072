// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/attachmentbubble.h"

#include <QHash>
#include <QLocale>
#include <QStyledItemDelegate>

namespace Banter::Desktop {

QString shortTimeFormat(const QLocale &locale);

// Chat bubbles: mine on the right in the palette's highlight colour, others on the left;
// sender names in groups, time and status ticks, day separators, compact runs. Image and
// file messages hold an AttachmentBubble, whose buttons report clicks as actionTriggered.
// A "new messages" divider goes above the first unread message.
//
// Sizes are cached per message: a bubble whose natural width fits is the same at any wider
// width, so a resize lays out again only the messages that wrap. The view calls forget()
// for rows whose data changed (see MessageView).
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using Action = AttachmentBubble::Action;
    explicit MessageDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    void setShowSenderNames(bool show);

    // The cached size of a row is stale (its data changed), or all are.
    void forget(const QModelIndex &index);
    void forgetAll() { m_sizes.clear(); }
    // How many rows were laid out to answer sizeHint() (tests and measurements).
    int layoutCount() const { return m_layouts; }

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

    struct CachedSize
    {
        int maxWidth = 0; // the bubble width limit it was measured at
        int natural = 0; // the bubble's width with no limit: any limit at least this gives
        int height = 0; // this height
    };
    static QString cacheKey(const QModelIndex &index);
    int bubbleLimit(int rowWidth) const;

    bool m_showSenders = false;
    mutable QHash<QString, CachedSize> m_sizes;
    mutable int m_layouts = 0;
};

} // namespace Banter::Desktop
