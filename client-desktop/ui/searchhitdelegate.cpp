// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/searchhitdelegate.h"

#include "core/searchresultsmodel.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>

namespace Banter::Desktop {

namespace {
constexpr int Margin = 8;
constexpr int LineGap = 3;
} // namespace

QSize SearchHitDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int line = option.fontMetrics.height();
    return {200, 2 * Margin + 2 * line + LineGap};
}

void SearchHitDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    painter->save();
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette &palette = opt.palette;
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QColor quiet = text;
    quiet.setAlphaF(0.65f);
    const QRect area = opt.rect.adjusted(Margin, Margin, -Margin, -Margin);
    const QFontMetrics fm(opt.font);

    // Line one: where and who, when on the right.
    const QString when = QLocale().toString(
        QDateTime::fromMSecsSinceEpoch(index.data(SearchResultsModel::TimeRole).toLongLong()),
        QLocale::ShortFormat);
    const int whenWidth = fm.horizontalAdvance(when);
    painter->setPen(quiet);
    painter->drawText(QRect(area.right() - whenWidth, area.top(), whenWidth, fm.height()),
                      Qt::AlignRight, when);
    QFont bold = opt.font;
    bold.setBold(true);
    const QFontMetrics boldFm(bold);
    const int headWidth = area.width() - whenWidth - Margin;
    const QString where =
        boldFm.elidedText(index.data(SearchResultsModel::ConversationNameRole).toString(),
                          Qt::ElideRight, headWidth * 2 / 3);
    painter->setFont(bold);
    painter->setPen(text);
    painter->drawText(area.topLeft() + QPoint(0, boldFm.ascent()), where);
    const int afterWhere = boldFm.horizontalAdvance(where) + Margin;
    painter->setFont(opt.font);
    painter->setPen(quiet);
    painter->drawText(area.topLeft() + QPoint(afterWhere, fm.ascent()),
                      fm.elidedText(index.data(SearchResultsModel::SenderNameRole).toString(),
                                    Qt::ElideRight, qMax(0, headWidth - afterWhere)));

    // Line two: the snippet, piece by piece, the matches marked.
    Protocol::SearchHit hit;
    hit.snippet = index.data(SearchResultsModel::SnippetRole).toString();
    int x = area.left();
    const int baseline = area.top() + fm.height() + LineGap + fm.ascent();
    for (const Protocol::SnippetPart &part : hit.snippetParts()) {
        QString piece = part.text;
        piece.replace(u'\n', u' ');
        const QFontMetrics &metrics = part.highlighted ? boldFm : fm;
        const int room = area.right() - x;
        if (room <= 0)
            break;
        if (metrics.horizontalAdvance(piece) > room)
            piece = metrics.elidedText(piece, Qt::ElideRight, room);
        const int width = metrics.horizontalAdvance(piece);
        if (part.highlighted) {
            QColor mark = palette.color(QPalette::Highlight);
            mark.setAlphaF(selected ? 0.0f : 0.3f);
            painter->fillRect(QRect(x, baseline - metrics.ascent(), width, metrics.height()), mark);
        }
        painter->setFont(part.highlighted ? bold : opt.font);
        painter->setPen(text);
        painter->drawText(QPoint(x, baseline), piece);
        x += width;
    }
    painter->restore();
}

} // namespace Banter::Desktop
