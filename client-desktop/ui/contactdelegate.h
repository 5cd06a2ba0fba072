// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace Banter::Desktop {

// A contact: name, presence dot, and "online", "away", "last seen …" or "blocked" below.
class ContactDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // The second line, e.g. "last seen yesterday 18:02".
    static QString statusText(const QModelIndex &index);
};

} // namespace Banter::Desktop
