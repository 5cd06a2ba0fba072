// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/attachmentbubble.h"

#include <QHash>
#include <QLocale>
#include <QPersistentModelIndex>
#include <QStyledItemDelegate>
#include <QTextLayout>
#include <QUrl>
#include <QUuid>

namespace Banter::Desktop {

QString shortTimeFormat(const QLocale &locale);

// Chat bubbles: mine on the right in the palette's highlight colour, others on the left;
// sender names in groups, time and status ticks, day separators, compact runs. Image and
// file messages hold an AttachmentBubble, whose buttons report clicks as actionTriggered.
// A "new messages" divider goes above the first unread message.
//
// Issue 18: a reply shows the quoted original above its text (click: quoteClicked), an edited
// message an "edited" mark (the time in its tooltip), a deleted one a quiet "Message deleted"
// line; reactions are chips under the bubble (click: reactionClicked; tooltip: who reacted),
// mentions are marked (a mention of the user more strongly), links are underlined (click:
// linkActivated), and the row under the mouse has a "⋯" button (menuRequested). Nothing here
// asks the server anything while painting: the reactors' names come from the model's cache,
// which fetches them when a tooltip wants them.
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

    // Parts of a row in the view's viewport coordinates (tests, and the view's own use).
    QRect quoteRect(const QAbstractItemView *view, const QModelIndex &index) const;
    QRect textRect(const QAbstractItemView *view, const QModelIndex &index) const;
    QRect metaRect(const QAbstractItemView *view, const QModelIndex &index) const;
    QRect menuButtonRect(const QAbstractItemView *view, const QModelIndex &index) const;
    QRect chipRect(const QAbstractItemView *view, const QModelIndex &index,
                   const QString &emoji) const;
    // Where the link `url` starts in the row's text (for a click), or an empty rect.
    QRect linkRect(const QAbstractItemView *view, const QModelIndex &index, const QUrl &url) const;

    // The message drawn highlighted for a moment (after a jump), by id; null: none.
    void setHighlighted(const QUuid &id) { m_highlighted = id; }
    QUuid highlighted() const { return m_highlighted; }
    // The row under the mouse shows the menu button.
    void setHovered(const QPersistentModelIndex &index) { m_hovered = index; }
    QModelIndex hovered() const { return m_hovered; }

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

Q_SIGNALS:
    void actionTriggered(const QModelIndex &index,
                         Banter::Desktop::AttachmentBubble::Action action);
    void quoteClicked(const QModelIndex &index);
    void reactionClicked(const QModelIndex &index, const QString &emoji);
    void linkActivated(const QUrl &url);
    void menuRequested(const QModelIndex &index, const QPoint &globalPos);
    void textDoubleClicked(const QModelIndex &index);

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

    QList<QTextLayout::FormatRange> textFormats(const QStyleOptionViewItem &option,
                                                const QModelIndex &index, bool mine) const;
    static QString shownText(const QModelIndex &index);

    QUuid m_highlighted;
    QPersistentModelIndex m_hovered;
    bool m_showSenders = false;
    mutable QHash<QString, CachedSize> m_sizes;
    mutable int m_layouts = 0;
};

} // namespace Banter::Desktop
