// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/contactdelegate.h"

#include "core/contactlistmodel.h"
#include "ui/messagedelegate.h"
#include <banter/domain/presence.h>

#include <QDateTime>
#include <QPainter>

namespace Banter::Desktop {

namespace {
constexpr int Pad = 8;
constexpr int Dot = 10;
} // namespace

QString ContactDelegate::statusText(const QModelIndex &index)
{
    if (index.data(ContactListModel::BlockedRole).toBool())
        return tr("blocked");
    switch (PresenceStatus(index.data(ContactListModel::PresenceRole).toInt())) {
    case PresenceStatus::Online:
        return tr("online");
    case PresenceStatus::Away:
        return tr("away");
    case PresenceStatus::Offline:
        break;
    }
    const qint64 seen = index.data(ContactListModel::LastSeenRole).toLongLong();
    if (seen <= 0)
        return tr("offline");
    const QLocale locale;
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(seen);
    const QString time = locale.toString(when.time(), shortTimeFormat(locale));
    const qint64 days = when.date().daysTo(QDate::currentDate());
    if (days == 0)
        return tr("last seen today at %1").arg(time);
    if (days == 1)
        return tr("last seen yesterday at %1").arg(time);
    return tr("last seen %1").arg(locale.toString(when.date(), QLocale::ShortFormat));
}

QSize ContactDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return QSize(option.rect.width(), 2 * QFontMetrics(option.font).height() + 2 * Pad);
}

void ContactDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    if (selected)
        painter->fillRect(option.rect, palette.color(QPalette::Highlight));
    const QColor ink =
        selected ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Text);
    QColor dim = ink;
    dim.setAlphaF(0.65);
    const QFontMetrics fm(option.font);
    const auto presence = PresenceStatus(index.data(ContactListModel::PresenceRole).toInt());
    const QRect dot(option.rect.left() + Pad, option.rect.top() + Pad + (fm.height() - Dot) / 2,
                    Dot, Dot);
    painter->setPen(QPen(dim, 1));
    painter->setBrush(presence == PresenceStatus::Online     ? QColor(0x2e, 0xb8, 0x5c)
                          : presence == PresenceStatus::Away ? QColor(0xf0, 0xa0, 0x20)
                                                             : QColor(Qt::transparent));
    painter->drawEllipse(dot);

    const int left = dot.right() + Pad;
    const int width = option.rect.right() - Pad - left;
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(ink);
    const QString name = index.data(ContactListModel::NameRole).toString() + QStringLiteral("  @")
        + index.data(ContactListModel::UsernameRole).toString();
    painter->drawText(QRect(left, option.rect.top() + Pad, width, fm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(name, Qt::ElideRight, width));
    painter->setFont(option.font);
    painter->setPen(dim);
    painter->drawText(QRect(left, option.rect.top() + Pad + fm.height(), width, fm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(statusText(index), Qt::ElideRight, width));
    painter->restore();
}

} // namespace Banter::Desktop
