// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QStyledItemDelegate>

namespace Banter::Desktop {

QString shortTimeFormat(const QLocale &locale);

// Chat bubbles: mine on the right in the palette's highlight colour, others on the left;
// sender names in groups, time and status ticks, day separators, compact runs.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit MessageDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    void setShowSenderNames(bool show) { m_showSenders = show; }

private:
    struct Layout;
    Layout layout(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    QString systemText(const QModelIndex &index) const;

    bool m_showSenders = false;
};

} // namespace Banter::Desktop
