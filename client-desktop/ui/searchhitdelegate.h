// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace Banter::Desktop {

// One search hit: the conversation's name, who wrote it and when on the first line; the
// snippet below, its matches in bold on the highlight colour. The snippet is drawn as plain
// text piece by piece (Protocol::SearchHit::snippetParts), never interpreted as markup.
class SearchHitDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Banter::Desktop
