// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/conversationdelegate.h"

#include "core/avatarbook.h"
#include "core/conversationlistmodel.h"
#include "ui/avatar.h"
#include "ui/messagedelegate.h"
#include <banter/domain/presence.h>

#include <QAbstractItemView>
#include <QDateTime>
#include <QHelpEvent>
#include <QIcon>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

namespace Banter::Desktop {

namespace {
constexpr int AvatarSide = 40;
constexpr int Pad = 10;

} // namespace

namespace {
// What can be seen of a row: a list keeps its rows' width when it narrows (the rows are
// laid out once, all the same size), so the view's width is what limits it.
int visibleWidth(const QStyleOptionViewItem &option)
{
    return option.widget ? qMin(option.rect.width(), option.widget->width()) : option.rect.width();
}
} // namespace

bool ConversationDelegate::isAvatarOnly(int rowWidth)
{
    return rowWidth < AvatarSide + 8 * Pad;
}

bool ConversationDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                     const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip && isAvatarOnly(visibleWidth(option))) {
        QToolTip::showText(event->globalPos(),
                           index.data(ConversationListModel::NameRole).toString(), view);
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return QSize(option.rect.width(), AvatarSide + 2 * Pad);
}

ConversationDelegate::ConversationDelegate(AvatarBook *avatars, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_avatars(avatars)
{ }

void ConversationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
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

    const QString name = index.data(ConversationListModel::NameRole).toString();
    // A collapsed sidebar (a narrow window) has room for the avatar only, centred.
    const bool avatarOnly = isAvatarOnly(visibleWidth(option));
    const int avatarLeft = avatarOnly ? option.rect.left() + (visibleWidth(option) - AvatarSide) / 2
                                      : option.rect.left() + Pad;
    const QRect avatar(avatarLeft, option.rect.top() + Pad, AvatarSide, AvatarSide);
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    const UserId peer = index.data(ConversationListModel::PeerRole).toLongLong();
    Avatar::paint(painter, avatar, name,
                  m_avatars && peer > 0 ? m_avatars->picture(
                      peer, index.data(ConversationListModel::PeerAvatarRole).toLongLong())
                                        : QImage());
    if (PresenceStatus(index.data(ConversationListModel::PresenceRole).toInt())
        != PresenceStatus::Offline) {
        const bool away = PresenceStatus(index.data(ConversationListModel::PresenceRole).toInt())
            == PresenceStatus::Away;
        painter->setBrush(away ? QColor(0xf0, 0xa0, 0x20) : QColor(0x2e, 0xb8, 0x5c));
        painter->setPen(QPen(palette.color(QPalette::Base), 2));
        painter->drawEllipse(QRect(avatar.right() - 11, avatar.bottom() - 11, 12, 12));
    }
    if (avatarOnly) {
        painter->restore();
        return;
    }

    const int textLeft = avatar.right() + Pad;
    const int right = option.rect.right() - Pad;
    const QFontMetrics fm(option.font);
    const QLocale locale;
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(
        index.data(ConversationListModel::LastActivityRole).toLongLong());
    const QString time = when.date() == QDate::currentDate()
        ? locale.toString(when.time(), shortTimeFormat(locale))
        : locale.toString(when.date(), QLocale::ShortFormat);
    const int timeWidth = fm.horizontalAdvance(time);
    painter->setFont(bold);
    painter->setPen(ink);
    const bool muted = index.data(ConversationListModel::MutedRole).toBool();
    const int mutedWidth = muted ? fm.height() + Pad / 2 : 0;
    QRect nameRect(textLeft, avatar.top(), right - textLeft - timeWidth - Pad - mutedWidth,
                   fm.height());
    const QString shownName = QFontMetrics(bold).elidedText(name, Qt::ElideRight, nameRect.width());
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter, shownName);
    if (muted) {
        // The muted marker follows the name, dimmed like the secondary text.
        const int x = textLeft + QFontMetrics(bold).horizontalAdvance(shownName) + Pad / 2;
        const QRect mark(x, avatar.top() + 1, fm.height() - 2, fm.height() - 2);
        painter->setOpacity(selected ? 1.0 : 0.75);
        QIcon(QStringLiteral(":/icons/muted.svg")).paint(painter, mark);
        painter->setOpacity(1.0);
    }
    painter->setFont(option.font);
    painter->setPen(dim);
    painter->drawText(QRect(right - timeWidth, avatar.top(), timeWidth, fm.height()),
                      Qt::AlignRight, time);

    const qint64 unread = index.data(ConversationListModel::UnreadRole).toLongLong();
    int previewRight = right;
    if (unread > 0) {
        const QString badge = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
        const int w = qMax(fm.height() + 4, fm.horizontalAdvance(badge) + 10);
        const QRect pill(right - w, avatar.bottom() - fm.height() - 2, w, fm.height() + 2);
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? palette.color(QPalette::HighlightedText)
                                   : palette.color(QPalette::Highlight));
        painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
        painter->setPen(selected ? palette.color(QPalette::Highlight)
                                 : palette.color(QPalette::HighlightedText));
        painter->drawText(pill, Qt::AlignCenter, badge);
        previewRight = pill.left() - Pad;
    }
    // Mentions of the user stand out from the plain count: an "@" pill before it, in the
    // colour of links, even in a muted conversation.
    if (const qint64 mentions = index.data(ConversationListModel::MentionsRole).toLongLong();
        mentions > 0) {
        const QString badge =
            u'@' + (mentions > 9 ? QStringLiteral("9+") : QString::number(mentions));
        const int w = qMax(fm.height() + 4, fm.horizontalAdvance(badge) + 10);
        const QRect pill(previewRight - w, avatar.bottom() - fm.height() - 2, w, fm.height() + 2);
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? palette.color(QPalette::HighlightedText)
                                   : palette.color(QPalette::Link));
        painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
        painter->setPen(selected ? palette.color(QPalette::Highlight)
                                 : palette.color(QPalette::HighlightedText));
        painter->drawText(pill, Qt::AlignCenter, badge);
        previewRight = pill.left() - Pad;
    }
    painter->setPen(dim);
    const QRect previewRect(textLeft, avatar.bottom() - fm.height(), previewRight - textLeft,
                            fm.height());
    const QString preview = index.data(ConversationListModel::PreviewRole).toString().simplified();
    painter->drawText(previewRect, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(preview, Qt::ElideRight, previewRect.width()));
    painter->restore();
}

} // namespace Banter::Desktop
