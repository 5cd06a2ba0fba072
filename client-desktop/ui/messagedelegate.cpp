// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/messagedelegate.h"

#include "core/messagelistmodel.h"
#include "ui/theme.h"
#include <banter/domain/message.h>

#include <QAbstractItemView>
#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

namespace Banter::Desktop {

namespace {
constexpr int Margin = 8;
constexpr int Padding = 8;
constexpr int Radius = 10;
constexpr qreal MaxBubbleShare = 0.72;
constexpr int ClockGap = 4;

// A clock face with its hands at ten past ten, in the status colour.
void drawPendingClock(QPainter *painter, const QRect &face, const QColor &color)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(color);
    pen.setWidthF(qMax(1.0, face.width() / 9.0));
    pen.setCapStyle(Qt::RoundCap);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    const QRectF f = QRectF(face).adjusted(0.5, 0.5, -0.5, -0.5);
    painter->drawEllipse(f);
    const QPointF c = f.center();
    painter->drawLine(c, c + QPointF(0, -f.height() * 0.32));
    painter->drawLine(c, c + QPointF(f.width() * 0.25, 0));
    painter->restore();
}
} // namespace

// Hours and minutes in the locale's order and clock; chat times never need seconds.
QString shortTimeFormat(const QLocale &locale)
{
    return locale.timeFormat(QLocale::ShortFormat).remove(QStringLiteral(":ss"));
}

struct MessageDelegate::Layout
{
    QRect unread; // "new messages" divider, empty if none
    QRect separator; // day separator, empty if none
    QRect bubble;
    QRect text;
    QRect sender;
    QRect meta;
    QRect attachment; // image or file card, empty for text
    bool mine = false;
    bool system = false;
};

MessageDelegate::MessageDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

MessageDelegate::Layout MessageDelegate::layout(const QStyleOptionViewItem &option,
                                                const QModelIndex &index) const
{
    Layout l;
    const QFontMetrics fm(option.font);
    const QRect area = option.rect.adjusted(Margin, 0, -Margin, 0);
    int top = area.top() + (index.data(MessageListModel::ContinuationRole).toBool() ? 2 : Margin);
    if (index.data(MessageListModel::FirstUnreadRole).toBool()) {
        l.unread = QRect(area.left(), top, area.width(), fm.height() + Padding);
        top = l.unread.bottom() + Margin;
    }
    if (index.data(MessageListModel::NewDayRole).toBool()) {
        l.separator = QRect(area.left(), top, area.width(), fm.height() + Padding);
        top = l.separator.bottom() + Margin;
    }
    l.system = index.data(MessageListModel::TypeRole).toInt() == int(MessageType::System);
    l.mine = index.data(MessageListModel::MineRole).toBool();
    const QString text = l.system ? index.data(MessageListModel::SystemTextRole).toString()
                                  : index.data(MessageListModel::ContentRole).toString();
    const int maxWidth = qMax(120, int(area.width() * MaxBubbleShare)) - 2 * Padding;
    const bool attachment = !l.system && AttachmentBubble::isAttachment(index);
    // Images fill their bubble up to a thin rim; the caption, if any, goes below.
    const int pad = attachment && AttachmentBubble::isImage(index) ? 4 : Padding;
    const QSize attachmentSize =
        attachment ? AttachmentBubble::size(index, fm, maxWidth) : QSize(0, 0);
    const QRect textRect = text.isEmpty() && attachment
        ? QRect()
        : fm.boundingRect(QRect(0, 0, maxWidth, 100000), Qt::TextWordWrap, text);
    const bool showSender = m_showSenders && !l.mine && !l.system
        && !index.data(MessageListModel::ContinuationRole).toBool();
    const int senderHeight = showSender ? fm.height() + 2 : 0;
    const int metaWidth = l.system ? 0 : fm.horizontalAdvance(QStringLiteral("00:00 ✓✓")) + Padding;
    // Time and ticks sit beside a short single line, or on a line of their own below; on an
    // attachment without a caption they sit on the image or beside the card's buttons.
    const bool metaInline = attachment
        ? text.isEmpty()
        : textRect.height() <= fm.height() && textRect.width() + metaWidth <= maxWidth;
    const int metaHeight = l.system || metaInline ? 0 : fm.height();
    const int senderWidth = showSender
        ? fm.horizontalAdvance(index.data(MessageListModel::SenderNameRole).toString())
        : 0;
    const int contentWidth = qMax(attachmentSize.width(),
                                  metaInline && !attachment ? textRect.width() + metaWidth
                                                            : qMax(textRect.width(), metaWidth));
    const int width = qMax(contentWidth, senderWidth) + 2 * pad;
    const int captionGap = attachment && !text.isEmpty() ? Padding : 0;
    const int height = senderHeight + attachmentSize.height() + captionGap + textRect.height()
        + metaHeight + 2 * pad;
    const int left =
        l.system ? area.center().x() - width / 2 : (l.mine ? area.right() - width : area.left());
    l.bubble = QRect(left, top, width, height);
    const int senderTop = top + (showSender && pad < Padding ? Padding / 2 : pad);
    l.sender = QRect(left + Padding, senderTop, width - 2 * Padding, senderHeight);
    if (attachment)
        l.attachment = QRect(QPoint(left + pad, top + pad + senderHeight), attachmentSize);
    const int textTop = top + pad + senderHeight + attachmentSize.height() + captionGap;
    l.text = QRect(left + pad, textTop, textRect.width(), textRect.height());
    if (attachment && text.isEmpty() && AttachmentBubble::isImage(index))
        l.meta = QRect(l.attachment.right() - metaWidth - 4,
                       l.attachment.bottom() - fm.height() - 6, metaWidth, fm.height() + 2);
    else
        l.meta = QRect(l.bubble.right() - metaWidth - Padding / 2,
                       l.bubble.bottom() - fm.height() - Padding / 2, metaWidth, fm.height());
    return l;
}

void MessageDelegate::setShowSenderNames(bool show)
{
    if (m_showSenders != show)
        m_sizes.clear();
    m_showSenders = show;
}

QString MessageDelegate::cacheKey(const QModelIndex &index)
{
    // Messages by id; an upload (no id yet) by its transfer id.
    QString id = index.data(MessageListModel::IdRole).toString();
    if (id.isEmpty()) {
        if (const quint64 upload = index.data(MessageListModel::UploadIdRole).toULongLong())
            id = u'u' + QString::number(upload);
    }
    return id;
}

// The same limit layout() computes from the row's width.
int MessageDelegate::bubbleLimit(int rowWidth) const
{
    return qMax(120, int((rowWidth - 2 * Margin) * MaxBubbleShare));
}

void MessageDelegate::forget(const QModelIndex &index)
{
    m_sizes.remove(cacheKey(index));
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString key = cacheKey(index);
    const int limit = bubbleLimit(option.rect.width());
    if (!key.isEmpty()) {
        const auto cached = m_sizes.constFind(key);
        if (cached != m_sizes.cend()
            && (cached->maxWidth == limit
                || (cached->natural <= limit && cached->natural <= cached->maxWidth)))
            return QSize(option.rect.width(), cached->height);
    }
    ++m_layouts;
    const Layout l = layout(option, index);
    const int height = l.bubble.bottom() - option.rect.top() + 2;
    if (!key.isEmpty()) {
        // The natural width, measured once per message; later sizes are cheap unless the
        // limit falls below it (the text wraps, the picture shrinks).
        int natural = l.bubble.width();
        const auto cached = m_sizes.constFind(key);
        if (cached != m_sizes.cend()) {
            natural = cached->natural;
        } else if (l.text.height() > QFontMetrics(option.font).height()
                   || l.bubble.width() >= limit - 2 * Padding) {
            // Several lines, or as wide as allowed: it may have wrapped. (A single line
            // narrower than the limit is its natural width already.)
            QStyleOptionViewItem wide = option;
            wide.rect.setWidth(100'000);
            natural = layout(wide, index).bubble.width();
        }
        m_sizes.insert(key, CachedSize{limit, natural, height});
    }
    return QSize(option.rect.width(), height);
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const Layout l = layout(option, index);
    const QPalette &palette = option.palette;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QLocale locale;
    const QDateTime time =
        QDateTime::fromMSecsSinceEpoch(index.data(MessageListModel::TimeRole).toLongLong());
    if (!l.unread.isNull()) {
        // A line across with the words in the middle, in the accent colour.
        const QString text = tr("New messages");
        const int textWidth = QFontMetrics(option.font).horizontalAdvance(text) + 2 * Padding;
        const int y = l.unread.center().y();
        painter->setPen(palette.color(QPalette::Link));
        painter->drawLine(l.unread.left(), y, l.unread.center().x() - textWidth / 2, y);
        painter->drawLine(l.unread.center().x() + textWidth / 2, y, l.unread.right(), y);
        painter->drawText(l.unread, Qt::AlignCenter, text);
    }
    if (!l.separator.isNull()) {
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(l.separator, Qt::AlignCenter,
                          locale.toString(time.date(), QLocale::LongFormat));
    }
    if (l.system) {
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(l.bubble, Qt::AlignCenter | Qt::TextWordWrap,
                          index.data(MessageListModel::SystemTextRole).toString());
        painter->restore();
        return;
    }
    QPainterPath path;
    path.addRoundedRect(l.bubble, Radius, Radius);
    // Others' bubbles: the view's base tinted towards the text colour, so they stand out in
    // light and dark palettes alike (AlternateBase is often almost the base colour).
    const QColor fill = l.mine
        ? palette.color(QPalette::Highlight)
        : mixColors(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.09);
    painter->fillPath(path, fill);
    const QColor ink =
        l.mine ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Text);
    if (!l.sender.isEmpty()) {
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(palette.color(QPalette::Link));
        painter->drawText(l.sender, Qt::AlignLeft,
                          index.data(MessageListModel::SenderNameRole).toString());
        painter->setFont(option.font);
    }
    if (!l.attachment.isNull())
        AttachmentBubble::paint(painter, option, index, l.attachment, l.mine);
    painter->setPen(ink);
    painter->drawText(l.text, Qt::TextWordWrap,
                      index.data(MessageListModel::ContentRole).toString());
    QString meta = locale.toString(time.time(), shortTimeFormat(locale));
    // "Sending" is a small clock drawn by hand: the stopwatch character is missing from many
    // fonts (it drew as an empty box), the check marks are not.
    int clock = 0;
    if (l.mine) {
        switch (MessageStatus(index.data(MessageListModel::StatusRole).toInt())) {
        case MessageStatus::Sending:
            clock = painter->fontMetrics().ascent() * 3 / 4;
            break;
        case MessageStatus::Sent:
            meta += QStringLiteral(" ✓");
            break;
        case MessageStatus::Delivered:
        case MessageStatus::Read:
            meta += QStringLiteral(" ✓✓");
            break;
        }
    }
    QColor metaColor = ink;
    metaColor.setAlphaF(0.7);
    if (l.mine
        && MessageStatus(index.data(MessageListModel::StatusRole).toInt()) == MessageStatus::Read)
        metaColor = palette.color(QPalette::BrightText);
    const bool onImage = !l.attachment.isNull() && l.attachment.contains(l.meta);
    if (onImage) {
        // On a photo: white on a dark pill, readable over any picture.
        const int w = painter->fontMetrics().horizontalAdvance(meta) + Padding
            + (clock > 0 ? clock + ClockGap : 0);
        const QRect pill(l.meta.right() - w, l.meta.top(), w, l.meta.height());
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0, 0, 0, 120));
        painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
        metaColor = Qt::white;
    }
    painter->setPen(metaColor);
    QRect metaRect = onImage ? l.meta.adjusted(0, 0, -Padding / 2, 0) : l.meta;
    if (clock > 0) {
        const QRect face(metaRect.right() - clock + 1, metaRect.center().y() - clock / 2, clock,
                         clock);
        drawPendingClock(painter, face, metaColor);
        metaRect.setRight(face.left() - ClockGap);
    }
    painter->drawText(metaRect, Qt::AlignRight | Qt::AlignVCenter, meta);
    painter->restore();
}

QStyleOptionViewItem MessageDelegate::optionFor(const QAbstractItemView *view,
                                                const QModelIndex &index)
{
    QStyleOptionViewItem option;
    option.initFrom(view->viewport());
    option.font = view->font();
    option.rect = view->visualRect(index);
    return option;
}

QRect MessageDelegate::actionRect(const QAbstractItemView *view, const QModelIndex &index,
                                  Action action) const
{
    const QStyleOptionViewItem option = optionFor(view, index);
    const Layout l = layout(option, index);
    if (l.attachment.isNull())
        return {};
    return AttachmentBubble::actionRect(index, QFontMetrics(option.font), l.attachment, action);
}

MessageDelegate::Action MessageDelegate::actionAt(const QAbstractItemView *view,
                                                  const QModelIndex &index, const QPoint &pos) const
{
    const QStyleOptionViewItem option = optionFor(view, index);
    const Layout l = layout(option, index);
    if (l.attachment.isNull())
        return Action::None;
    return AttachmentBubble::actionAt(index, QFontMetrics(option.font), l.attachment, pos);
}

bool MessageDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                  const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const bool release = event->type() == QEvent::MouseButtonRelease;
    if (release || event->type() == QEvent::MouseMove) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const Layout l = layout(option, index);
        const Action action = l.attachment.isNull()
            ? Action::None
            : AttachmentBubble::actionAt(index, QFontMetrics(option.font), l.attachment,
                                         mouse->position().toPoint());
        // A hand over what can be clicked, so the buttons read as buttons.
        if (auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
            view->viewport()->setCursor(action == Action::None ? Qt::ArrowCursor
                                                               : Qt::PointingHandCursor);
        if (release && mouse->button() == Qt::LeftButton && action != Action::None) {
            Q_EMIT actionTriggered(index, action);
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace Banter::Desktop
