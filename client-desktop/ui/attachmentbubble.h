// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QModelIndex>
#include <QRect>

class QFontMetrics;
class QPainter;
class QStyleOptionViewItem;

namespace Banter::Desktop {

// The inside of an image or file bubble: its size, where its buttons are, and painting.
// MessageDelegate places it in the bubble; hit-testing uses the same geometry as painting,
// so what is drawn is what is clicked (and what the tests click).
class AttachmentBubble
{
    Q_DECLARE_TR_FUNCTIONS(AttachmentBubble)
public:
    enum class Action { None, View, Download, Cancel, Open, SaveAs, ShowInFolder };

    static bool isAttachment(const QModelIndex &index);
    static bool isImage(const QModelIndex &index);
    // The content's size within at most maxWidth.
    static QSize size(const QModelIndex &index, const QFontMetrics &fm, int maxWidth);
    static QRect actionRect(const QModelIndex &index, const QFontMetrics &fm, const QRect &content,
                            Action action);
    static Action actionAt(const QModelIndex &index, const QFontMetrics &fm, const QRect &content,
                           const QPoint &pos);
    static void paint(QPainter *painter, const QStyleOptionViewItem &option,
                      const QModelIndex &index, const QRect &content, bool mine);
    // "1.2 MB", "340 KB of 1.2 MB", "Waiting for connection"…
    static QString statusText(const QModelIndex &index);
    static QString actionText(Action action);

private:
    static QList<Action> actions(const QModelIndex &index);
};

} // namespace Banter::Desktop
