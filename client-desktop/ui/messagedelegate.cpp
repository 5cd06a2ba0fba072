// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/messagedelegate.h"

#include "core/messagelistmodel.h"
#include "ui/messagetext.h"
#include "ui/theme.h"
#include <banter/domain/message.h>

#include <QAbstractItemView>
#include <QApplication>
#include <QDateTime>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>
#include <QToolTip>

namespace Banter::Desktop {

namespace {
constexpr int Margin = 8;
constexpr int Padding = 8;
constexpr int Radius = 10;
constexpr qreal MaxBubbleShare = 0.72;
constexpr int ClockGap = 4;
constexpr int QuoteBar = 3; // the accent bar at a quote's left edge
constexpr int ChipGap = 4;
constexpr int ChipPadding = 6;

QString chipText(const Reaction &r)
{
    return r.emoji + u' ' + QString::number(r.count);
}

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
    QRect quote; // a reply's quoted original, empty if none
    QRect menuButton; // the "⋯" button beside the bubble, empty where there is no menu
    QList<QRect> chips; // reaction chips under the bubble, one per reaction
    QList<Reaction> reactions;
    QList<QTextLayout::FormatRange> formats; // links and mentions in the text
    QString shown; // the text drawn in the bubble
    int bottom = 0; // the lowest pixel the row draws
    bool mine = false;
    bool system = false;
    bool deleted = false;
    bool edited = false;
};

MessageDelegate::MessageDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QString MessageDelegate::shownText(const QModelIndex &index)
{
    if (index.data(MessageListModel::TypeRole).toInt() == int(MessageType::System))
        return index.data(MessageListModel::SystemTextRole).toString();
    if (index.data(MessageListModel::DeletedRole).toBool())
        return tr("Message deleted");
    return index.data(MessageListModel::ContentRole).toString();
}

// Links underlined, mentions bold in the accent colour, a mention of the user on a marker
// that reads in light and dark palettes and on the user's own (highlight-coloured) bubbles.
QList<QTextLayout::FormatRange> MessageDelegate::textFormats(const QStyleOptionViewItem &option,
                                                             const QModelIndex &index,
                                                             bool mine) const
{
    QList<QTextLayout::FormatRange> formats;
    const QColor accent = mine ? option.palette.color(QPalette::HighlightedText)
                               : option.palette.color(QPalette::Link);
    const QString text = index.data(MessageListModel::ContentRole).toString();
    for (const MessageText::Link &link : MessageText::links(text)) {
        QTextCharFormat format;
        format.setForeground(accent);
        format.setFontUnderline(true);
        formats.append({link.start, link.length, format});
    }
    const auto spans = index.data(MessageListModel::MentionSpansRole).value<QList<MentionSpan>>();
    for (const MentionSpan &span : spans) {
        QTextCharFormat format;
        format.setFontWeight(QFont::Bold);
        format.setForeground(accent);
        if (span.me) {
            format.setBackground(QColor(255, 184, 0, 150));
            format.setForeground(mine ? option.palette.color(QPalette::HighlightedText)
                                      : option.palette.color(QPalette::Text));
        }
        formats.append({span.start, span.length, format});
    }
    return formats;
}

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
    l.deleted = !l.system && index.data(MessageListModel::DeletedRole).toBool();
    l.edited =
        !l.system && !l.deleted && index.data(MessageListModel::EditedAtRole).toLongLong() > 0;
    l.shown = shownText(index);
    const QString &text = l.shown;
    if (!l.system && !l.deleted)
        l.formats = textFormats(option, index, l.mine);
    QFont textFont = option.font;
    textFont.setItalic(l.deleted);
    const int maxWidth = qMax(120, int(area.width() * MaxBubbleShare)) - 2 * Padding;
    const bool attachment = !l.system && !l.deleted && AttachmentBubble::isAttachment(index);
    // Images fill their bubble up to a thin rim; the caption, if any, goes below.
    const int pad = attachment && AttachmentBubble::isImage(index) ? 4 : Padding;
    const QSize attachmentSize =
        attachment ? AttachmentBubble::size(index, fm, maxWidth) : QSize(0, 0);
    QRect textRect;
    if (l.system) {
        textRect = fm.boundingRect(QRect(0, 0, maxWidth, 100000), Qt::TextWordWrap, text);
    } else if (!text.isEmpty() || !attachment) {
        // Measured with the formats it is drawn with: bold mentions are wider.
        textRect = QRect(QPoint(0, 0), MessageText::measure(text, textFont, maxWidth, l.formats));
    }
    const bool showSender = m_showSenders && !l.mine && !l.system
        && !index.data(MessageListModel::ContinuationRole).toBool();
    const int senderHeight = showSender ? fm.height() + 2 : 0;
    // A reply: the original's sender and first line (or "deleted") in a box above the text.
    QSize quoteSize(0, 0);
    if (!l.system && !l.deleted && !index.data(MessageListModel::ReplyToRole).toUuid().isNull()) {
        QFont bold = option.font;
        bold.setBold(true);
        const QString snippet = index.data(MessageListModel::ReplyDeletedRole).toBool()
            ? tr("Deleted message")
            : index.data(MessageListModel::ReplySnippetRole).toString();
        const int natural = qMax(QFontMetrics(bold).horizontalAdvance(
                                     index.data(MessageListModel::ReplySenderRole).toString()),
                                 fm.horizontalAdvance(snippet));
        quoteSize =
            QSize(qMin(maxWidth, natural + QuoteBar + 2 * Padding), 2 * fm.height() + Padding);
    }
    const int quoteGap = quoteSize.height() > 0 ? Padding / 2 : 0;
    // Room for the widest time this locale writes ("10:58 PM" is wider than "00:00").
    const QLocale locale;
    const QString metaSample = (l.edited ? tr("edited") + u' ' : QString())
        + locale.toString(QTime(22, 58), shortTimeFormat(locale)) + QStringLiteral(" ✓✓");
    const int metaWidth = l.system ? 0 : fm.horizontalAdvance(metaSample) + Padding;
    // Time and ticks sit beside a short single line, or on a line of their own below; on an
    // attachment without a caption they sit on the image or beside the card's buttons.
    const bool metaInline = attachment
        ? text.isEmpty()
        : textRect.height() <= fm.height() && textRect.width() + metaWidth <= maxWidth;
    const int metaHeight = l.system || metaInline ? 0 : fm.height();
    const int senderWidth = showSender
        ? fm.horizontalAdvance(index.data(MessageListModel::SenderNameRole).toString())
        : 0;
    const int contentWidth = qMax(qMax(attachmentSize.width(), quoteSize.width()),
                                  metaInline && !attachment ? textRect.width() + metaWidth
                                                            : qMax(textRect.width(), metaWidth));
    const int width = qMax(contentWidth, senderWidth) + 2 * pad;
    const int captionGap = attachment && !text.isEmpty() ? Padding : 0;
    const int height = senderHeight + quoteSize.height() + quoteGap + attachmentSize.height()
        + captionGap + textRect.height() + metaHeight + 2 * pad;
    const int left =
        l.system ? area.center().x() - width / 2 : (l.mine ? area.right() - width : area.left());
    l.bubble = QRect(left, top, width, height);
    const int senderTop = top + (showSender && pad < Padding ? Padding / 2 : pad);
    l.sender = QRect(left + Padding, senderTop, width - 2 * Padding, senderHeight);
    if (quoteSize.height() > 0)
        l.quote = QRect(QPoint(left + pad, top + pad + senderHeight), quoteSize);
    const int belowQuote = top + pad + senderHeight + quoteSize.height() + quoteGap;
    if (attachment)
        l.attachment = QRect(QPoint(left + pad, belowQuote), attachmentSize);
    const int textTop = belowQuote + attachmentSize.height() + captionGap;
    l.text = QRect(left + pad, textTop, textRect.width(), textRect.height());
    if (attachment && text.isEmpty() && AttachmentBubble::isImage(index))
        l.meta = QRect(l.attachment.right() - metaWidth - 4,
                       l.attachment.bottom() - fm.height() - 6, metaWidth, fm.height() + 2);
    else
        l.meta = QRect(l.bubble.right() - metaWidth - Padding / 2,
                       l.bubble.bottom() - fm.height() - Padding / 2, metaWidth, fm.height());
    l.bottom = l.bubble.bottom();
    if (l.system)
        return l;
    // Reactions: chips in rows under the bubble, on the bubble's side.
    if (!l.deleted)
        l.reactions = index.data(MessageListModel::ReactionsRole).value<QList<Reaction>>();
    if (!l.reactions.isEmpty()) {
        const int chipHeight = fm.height() + 6;
        const int rowLimit = qMax(maxWidth + 2 * Padding, l.bubble.width());
        int x = 0;
        int y = l.bubble.bottom() + ChipGap;
        QList<QRect> row;
        const auto place = [&] {
            // Rows start at the bubble's left edge, or end at its right edge for mine.
            const int shift = l.mine
                ? l.bubble.right() - (row.isEmpty() ? 0 : row.constLast().right())
                : l.bubble.left();
            for (QRect &chip : row)
                l.chips.append(chip.translated(shift, 0));
            row.clear();
        };
        for (const Reaction &r : std::as_const(l.reactions)) {
            const int w = fm.horizontalAdvance(chipText(r)) + 2 * ChipPadding;
            if (x > 0 && x + w > rowLimit) {
                place();
                x = 0;
                y += chipHeight + ChipGap;
            }
            row.append(QRect(x, y, w, chipHeight));
            x += w + ChipGap;
        }
        place();
        l.bottom = l.chips.constLast().bottom();
    }
    // Pending messages and uploads have nothing to reply to, edit or react to yet.
    if (index.data(MessageListModel::SeqRole).toLongLong() > 0) {
        const int size = fm.height() + 6;
        const int x = l.mine ? l.bubble.left() - ChipGap - size : l.bubble.right() + ChipGap;
        l.menuButton = QRect(x, l.bubble.top(), size, size);
    }
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
    // Change events show as their effect on the message they change.
    if (index.data(MessageListModel::ChangeEventRole).toBool())
        return QSize(option.rect.width(), 0);
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
    const int height = l.bottom - option.rect.top() + 2;
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
    if (index.data(MessageListModel::ChangeEventRole).toBool())
        return;
    const Layout l = layout(option, index);
    const QPalette &palette = option.palette;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QLocale locale;
    const QDateTime time =
        QDateTime::fromMSecsSinceEpoch(index.data(MessageListModel::TimeRole).toLongLong());
    if (!m_highlighted.isNull() && index.data(MessageListModel::IdRole).toUuid() == m_highlighted) {
        // The message a jump landed on, for a moment.
        QColor glow = palette.color(QPalette::Link);
        glow.setAlphaF(0.22);
        painter->fillRect(option.rect, glow);
    }
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
        painter->drawText(l.bubble, Qt::AlignCenter | Qt::TextWordWrap, l.shown);
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
    QColor ink = l.mine ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Text);
    if (l.deleted) {
        // Quiet: an outline and grey italics, no content.
        QPen outline(palette.color(QPalette::PlaceholderText));
        outline.setStyle(Qt::DashLine);
        painter->setPen(outline);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(path);
        ink = palette.color(QPalette::PlaceholderText);
    } else {
        painter->fillPath(path, fill);
    }
    if (!l.sender.isEmpty()) {
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(palette.color(QPalette::Link));
        painter->drawText(l.sender, Qt::AlignLeft,
                          index.data(MessageListModel::SenderNameRole).toString());
        painter->setFont(option.font);
    }
    if (!l.quote.isNull()) {
        // The original: a tinted box with an accent bar, its sender bold above its first line.
        QPainterPath box;
        box.addRoundedRect(l.quote, 4, 4);
        QColor tint = ink;
        tint.setAlphaF(0.10);
        painter->fillPath(box, tint);
        const QColor accent = l.mine ? ink : palette.color(QPalette::Link);
        painter->fillRect(QRect(l.quote.left(), l.quote.top(), QuoteBar, l.quote.height()), accent);
        const QRect inner =
            l.quote.adjusted(QuoteBar + Padding, Padding / 2, -Padding / 2, -Padding / 2);
        const int lineHeight = painter->fontMetrics().height();
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(accent);
        const QRect nameLine(inner.left(), inner.top(), inner.width(), lineHeight);
        painter->drawText(
            nameLine, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(bold).elidedText(index.data(MessageListModel::ReplySenderRole).toString(),
                                          Qt::ElideRight, inner.width()));
        const bool gone = index.data(MessageListModel::ReplyDeletedRole).toBool();
        QFont snippetFont = option.font;
        snippetFont.setItalic(gone);
        painter->setFont(snippetFont);
        QColor faded = ink;
        faded.setAlphaF(0.8);
        painter->setPen(faded);
        const QString snippet = gone ? tr("Deleted message")
                                     : index.data(MessageListModel::ReplySnippetRole).toString();
        painter->drawText(
            QRect(inner.left(), nameLine.bottom() + 1, inner.width(), lineHeight),
            Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(snippetFont).elidedText(snippet, Qt::ElideRight, inner.width()));
        painter->setFont(option.font);
    }
    if (!l.attachment.isNull())
        AttachmentBubble::paint(painter, option, index, l.attachment, l.mine);
    painter->setPen(ink);
    QFont textFont = option.font;
    textFont.setItalic(l.deleted);
    MessageText::draw(painter, l.text, l.shown, textFont, l.formats);
    QString meta = locale.toString(time.time(), shortTimeFormat(locale));
    if (l.edited)
        meta = tr("edited") + u' ' + meta;
    // "Sending" is a small clock drawn by hand: the stopwatch character is missing from many
    // fonts (it drew as an empty box), the check marks are not.
    int clock = 0;
    if (l.mine && !l.deleted) {
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
    if (l.mine && !l.deleted
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
    // Reactions: mine filled with the accent, the others outlined.
    for (qsizetype i = 0; i < l.chips.size(); ++i) {
        const QRect chip = l.chips.at(i);
        const Reaction &r = l.reactions.at(i);
        QPainterPath pill;
        pill.addRoundedRect(QRectF(chip).adjusted(0.5, 0.5, -0.5, -0.5), chip.height() / 2.0,
                            chip.height() / 2.0);
        QColor back = r.mine
            ? palette.color(QPalette::Highlight)
            : mixColors(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.06);
        if (r.mine)
            back.setAlphaF(0.30);
        painter->fillPath(pill, back);
        painter->setPen(
            r.mine ? palette.color(QPalette::Highlight)
                   : mixColors(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.25));
        painter->drawPath(pill);
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(chip, Qt::AlignCenter, chipText(r));
    }
    if (!l.menuButton.isNull() && m_hovered.isValid() && m_hovered == index) {
        QColor back = palette.color(QPalette::Text);
        back.setAlphaF(0.10);
        painter->setPen(Qt::NoPen);
        painter->setBrush(back);
        painter->drawEllipse(l.menuButton);
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(l.menuButton, Qt::AlignCenter, QStringLiteral("⋯"));
    }
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

QRect MessageDelegate::quoteRect(const QAbstractItemView *view, const QModelIndex &index) const
{
    return layout(optionFor(view, index), index).quote;
}

QRect MessageDelegate::textRect(const QAbstractItemView *view, const QModelIndex &index) const
{
    return layout(optionFor(view, index), index).text;
}

QRect MessageDelegate::metaRect(const QAbstractItemView *view, const QModelIndex &index) const
{
    return layout(optionFor(view, index), index).meta;
}

QRect MessageDelegate::menuButtonRect(const QAbstractItemView *view, const QModelIndex &index) const
{
    return layout(optionFor(view, index), index).menuButton;
}

QRect MessageDelegate::chipRect(const QAbstractItemView *view, const QModelIndex &index,
                                const QString &emoji) const
{
    const Layout l = layout(optionFor(view, index), index);
    for (qsizetype i = 0; i < l.reactions.size(); ++i) {
        if (l.reactions.at(i).emoji == emoji)
            return l.chips.at(i);
    }
    return {};
}

QRect MessageDelegate::linkRect(const QAbstractItemView *view, const QModelIndex &index,
                                const QUrl &url) const
{
    const QStyleOptionViewItem option = optionFor(view, index);
    const Layout l = layout(option, index);
    for (const MessageText::Link &link : MessageText::links(l.shown)) {
        if (link.url != url)
            continue;
        const QPointF at = MessageText::positionOf(l.shown, option.font, l.text.width(), l.formats,
                                                   link.start + 1);
        return QRect(l.text.topLeft() + at.toPoint(), QSize(2, 2));
    }
    return {};
}

bool MessageDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const Layout l = layout(option, index);
    const QPoint pos = event->pos();
    QString tip;
    if (l.edited && l.meta.contains(pos)) {
        const QDateTime edited =
            QDateTime::fromMSecsSinceEpoch(index.data(MessageListModel::EditedAtRole).toLongLong());
        tip = tr("Edited %1").arg(QLocale().toString(edited, QLocale::ShortFormat));
    }
    for (qsizetype i = 0; tip.isEmpty() && i < l.chips.size(); ++i) {
        if (!l.chips.at(i).contains(pos))
            continue;
        // From the model's cache; the first hover asks the server once and shows this.
        auto *model = qobject_cast<MessageListModel *>(view->model());
        const QString emoji = l.reactions.at(i).emoji;
        const QStringList names = model ? model->reactors(index, emoji) : QStringList();
        tip = names.isEmpty() ? tr("%1 — loading who reacted…").arg(emoji)
                              : emoji + u' ' + QLocale().createSeparatedList(names);
    }
    if (tip.isEmpty() && l.text.contains(pos)) {
        const QUrl url = MessageText::linkAt(l.shown, option.font, l.text.width(), l.formats,
                                             pos - l.text.topLeft());
        if (!url.isEmpty())
            tip = url.toDisplayString();
    }
    if (tip.isEmpty() && l.menuButton.contains(pos))
        tip = tr("Reply, react and more");
    if (tip.isEmpty())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QToolTip::showText(event->globalPos(), tip, view->viewport(), l.bubble);
    return true;
}

bool MessageDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                  const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const QEvent::Type type = event->type();
    if (type != QEvent::MouseButtonRelease && type != QEvent::MouseMove
        && type != QEvent::MouseButtonDblClick)
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    const auto *mouse = static_cast<QMouseEvent *>(event);
    const QPoint pos = mouse->position().toPoint();
    const Layout l = layout(option, index);
    const Action action = l.attachment.isNull()
        ? Action::None
        : AttachmentBubble::actionAt(index, QFontMetrics(option.font), l.attachment, pos);
    QString chip;
    for (qsizetype i = 0; i < l.chips.size(); ++i) {
        if (l.chips.at(i).contains(pos))
            chip = l.reactions.at(i).emoji;
    }
    const QUrl link = l.text.contains(pos) ? MessageText::linkAt(
                          l.shown, option.font, l.text.width(), l.formats, pos - l.text.topLeft())
                                           : QUrl();
    const bool onQuote = l.quote.contains(pos);
    const bool onMenu = l.menuButton.contains(pos);
    if (type == QEvent::MouseMove) {
        // A hand over what can be clicked, so the buttons read as buttons.
        const bool clickable =
            action != Action::None || !chip.isEmpty() || !link.isEmpty() || onQuote || onMenu;
        if (auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
            view->viewport()->setCursor(clickable ? Qt::PointingHandCursor : Qt::ArrowCursor);
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    }
    if (mouse->button() != Qt::LeftButton)
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    if (type == QEvent::MouseButtonDblClick) {
        if (l.text.contains(pos) && !l.system && !l.deleted) {
            Q_EMIT textDoubleClicked(index);
            return true;
        }
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    }
    if (action != Action::None) {
        Q_EMIT actionTriggered(index, action);
        return true;
    }
    if (onMenu) {
        Q_EMIT menuRequested(index, mouse->globalPosition().toPoint());
        return true;
    }
    if (!chip.isEmpty()) {
        Q_EMIT reactionClicked(index, chip);
        return true;
    }
    if (!link.isEmpty()) {
        Q_EMIT linkActivated(link);
        return true;
    }
    if (onQuote) {
        Q_EMIT quoteClicked(index);
        return true;
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace Banter::Desktop
