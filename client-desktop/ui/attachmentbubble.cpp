// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/attachmentbubble.h"

#include "core/filetransfers.h"
#include "core/messagelistmodel.h"
#include "ui/theme.h"
#include <banter/domain/message.h>

#include <QFileInfo>
#include <QIcon>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionViewItem>

namespace Banter::Desktop {

using namespace Qt::StringLiterals;

namespace {
constexpr int MaxImageSide = 280;
constexpr int MinImageSide = 64;
constexpr int FileCardWidth = 360; // three buttons and the time beside them
constexpr int IconSide = 40;
constexpr int Gap = 8;
constexpr int BarHeight = 4;
constexpr int BarGap = 5;
constexpr int CancelDiameter = 40;

Attachment attachmentOf(const QModelIndex &index)
{
    return index.data(MessageListModel::AttachmentRole).value<Attachment>();
}

FileStatus statusOf(const QModelIndex &index)
{
    return FileStatus(index.data(MessageListModel::FileStatusRole).toInt());
}

bool isUpload(const QModelIndex &index)
{
    return index.data(MessageListModel::UploadIdRole).toULongLong() != 0;
}

bool isBusy(FileStatus status)
{
    return status == FileStatus::Hashing || status == FileStatus::Connecting
        || status == FileStatus::Starting || status == FileStatus::Queued
        || status == FileStatus::Running || status == FileStatus::Paused;
}

// Heights of the file card's parts.
int buttonHeight(const QFontMetrics &fm)
{
    return fm.height() + 8;
}

QRect cancelCircle(const QRect &content)
{
    return QRect(content.center().x() - CancelDiameter / 2,
                 content.center().y() - CancelDiameter / 2, CancelDiameter, CancelDiameter);
}
} // namespace

bool AttachmentBubble::isAttachment(const QModelIndex &index)
{
    const auto type = MessageType(index.data(MessageListModel::TypeRole).toInt());
    return type == MessageType::Image || type == MessageType::File;
}

bool AttachmentBubble::isImage(const QModelIndex &index)
{
    return MessageType(index.data(MessageListModel::TypeRole).toInt()) == MessageType::Image;
}

QSize AttachmentBubble::size(const QModelIndex &index, const QFontMetrics &fm, int maxWidth)
{
    if (isImage(index)) {
        const Attachment a = attachmentOf(index);
        QSize s(qMax(1, a.width), qMax(1, a.height));
        const int side = qMin(MaxImageSide, maxWidth);
        if (s.width() > side || s.height() > side)
            s.scale(side, side, Qt::KeepAspectRatio);
        // Very thin images still get a bubble one can see and click.
        return QSize(qBound(MinImageSide, s.width(), side), qBound(MinImageSide, s.height(), side));
    }
    const int width = qMin(FileCardWidth, maxWidth);
    const int top = qMax(IconSide, 2 * fm.height() + 2);
    return QSize(width, top + BarGap + BarHeight + BarGap + buttonHeight(fm));
}

QList<AttachmentBubble::Action> AttachmentBubble::actions(const QModelIndex &index)
{
    const FileStatus status = statusOf(index);
    if (isUpload(index))
        return {Action::Cancel};
    if (isImage(index))
        return {Action::View};
    if (isBusy(status))
        return {Action::Cancel};
    if (status == FileStatus::Finished)
        return {Action::Open, Action::ShowInFolder, Action::SaveAs};
    return {Action::Download, Action::SaveAs};
}

QString AttachmentBubble::actionText(Action action)
{
    switch (action) {
    case Action::Download:
        return tr("Download");
    case Action::Cancel:
        return tr("Cancel");
    case Action::Open:
        return tr("Open");
    case Action::SaveAs:
        return tr("Save as…");
    case Action::ShowInFolder:
        return tr("Show in folder");
    case Action::View:
    case Action::None:
        break;
    }
    return {};
}

QRect AttachmentBubble::actionRect(const QModelIndex &index, const QFontMetrics &fm,
                                   const QRect &content, Action action)
{
    if (!actions(index).contains(action))
        return {};
    if (isImage(index)) {
        if (action == Action::Cancel)
            return cancelCircle(content);
        return action == Action::View ? content : QRect();
    }
    // File card: the buttons sit in a row along the bottom, left to right.
    int x = content.left() + IconSide + Gap;
    const int y = content.bottom() - buttonHeight(fm) + 1;
    for (const Action a : actions(index)) {
        const int w = fm.horizontalAdvance(actionText(a)) + 16;
        const QRect r(x, y, w, buttonHeight(fm));
        if (a == action)
            return r;
        x += w + Gap / 2;
    }
    return {};
}

AttachmentBubble::Action AttachmentBubble::actionAt(const QModelIndex &index,
                                                    const QFontMetrics &fm, const QRect &content,
                                                    const QPoint &pos)
{
    // Cancel first: on an image it lies on top of View.
    QList<Action> list = actions(index);
    std::stable_partition(list.begin(), list.end(), [](Action a) { return a == Action::Cancel; });
    for (const Action a : list) {
        if (actionRect(index, fm, content, a).contains(pos))
            return a;
    }
    return Action::None;
}

QString AttachmentBubble::statusText(const QModelIndex &index)
{
    const QLocale locale;
    const qint64 total = index.data(MessageListModel::FileTotalRole).toLongLong();
    const qint64 done = index.data(MessageListModel::FileDoneRole).toLongLong();
    const QString size = locale.formattedDataSize(total);
    const QString progress =
        tr("%1 of %2").arg(locale.formattedDataSize(done), locale.formattedDataSize(total));
    switch (statusOf(index)) {
    case FileStatus::Idle:
    case FileStatus::Cancelled:
        return size;
    case FileStatus::Connecting:
        return tr("%1 · Waiting for connection").arg(done > 0 ? progress : size);
    case FileStatus::Starting:
        if (done > 0)
            return progress; // resuming after a disconnect
        [[fallthrough]];
    case FileStatus::Hashing:
        return tr("%1 · Preparing…").arg(size);
    case FileStatus::Queued:
        return tr("%1 · Waiting for other uploads").arg(size);
    case FileStatus::Running:
        return progress;
    case FileStatus::Paused:
        return tr("%1 · Paused").arg(progress);
    case FileStatus::Finished:
        return isUpload(index) ? tr("%1 · Sending…").arg(size) : size;
    case FileStatus::Failed:
        return tr("%1 · Failed").arg(size);
    }
    return size;
}

void AttachmentBubble::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index, const QRect &content, bool mine)
{
    const QPalette &palette = option.palette;
    const QColor ink =
        mine ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Text);
    const QFontMetrics fm(option.font);
    const FileStatus status = statusOf(index);
    const qint64 total = index.data(MessageListModel::FileTotalRole).toLongLong();
    const qint64 done = index.data(MessageListModel::FileDoneRole).toLongLong();
    const qreal fraction = total > 0 ? qBound(0.0, qreal(done) / qreal(total), 1.0) : 0.0;
    painter->save();

    if (isImage(index)) {
        QPainterPath clip;
        clip.addRoundedRect(content, 6, 6);
        painter->setClipPath(clip);
        QImage image = index.data(MessageListModel::PreviewRole).value<QImage>();
        if (image.isNull())
            image = index.data(MessageListModel::ThumbnailRole).value<QImage>();
        if (image.isNull()) {
            painter->fillRect(
                content,
                mixColors(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.15));
            QIcon(u":/icons/image.svg"_s)
                .paint(painter, QRect(content.center() - QPoint(16, 16), QSize(32, 32)));
        } else {
            painter->setRenderHint(QPainter::SmoothPixmapTransform);
            painter->drawImage(content, image);
        }
        if (isBusy(status) || (isUpload(index) && status == FileStatus::Finished)) {
            // Progress along the bottom edge; an upload can be stopped from the middle.
            const QRect bar(content.left(), content.bottom() - BarHeight + 1, content.width(),
                            BarHeight);
            painter->fillRect(bar, QColor(0, 0, 0, 90));
            painter->fillRect(QRect(bar.topLeft(), QSize(int(bar.width() * fraction), BarHeight)),
                              palette.color(QPalette::Highlight).lighter(130));
        }
        if (isUpload(index)) {
            const QRect circle = cancelCircle(content);
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(Qt::NoPen);
            painter->setBrush(QColor(0, 0, 0, 140));
            painter->drawEllipse(circle);
            painter->setPen(QPen(Qt::white, 2.5, Qt::SolidLine, Qt::RoundCap));
            const QRect x = circle.adjusted(14, 14, -14, -14);
            painter->drawLine(x.topLeft(), x.bottomRight());
            painter->drawLine(x.topRight(), x.bottomLeft());
        }
        painter->restore();
        return;
    }

    // File card: icon with the extension, name, status, progress, buttons.
    const Attachment a = attachmentOf(index);
    const QRect iconRect(content.left(), content.top(), IconSide, IconSide);
    QIcon(u":/icons/file.svg"_s).paint(painter, iconRect);
    // The real extension, from the name with its direction marks and controls removed: it
    // is what the file is, whatever the name seems to say.
    const QString suffix = QFileInfo(FileTransfers::displayName(a.name)).suffix().left(4).toUpper();
    if (!suffix.isEmpty()) {
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.62);
        small.setBold(true);
        painter->setFont(small);
        painter->setPen(ink);
        painter->drawText(iconRect.adjusted(0, IconSide / 3, 0, 0), Qt::AlignCenter, suffix);
    }
    const int textLeft = iconRect.right() + Gap;
    const int textWidth = content.right() - textLeft;
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(ink);
    const QString name = QFontMetrics(bold).elidedText(FileTransfers::displayName(a.name),
                                                       Qt::ElideMiddle, textWidth);
    // The name's own direction: an Arabic or Hebrew name reads right to left.
    painter->drawText(QRect(textLeft, content.top(), textWidth, fm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, name);
    painter->setFont(option.font);
    QColor faint = ink;
    faint.setAlphaF(0.72);
    painter->setPen(faint);
    painter->drawText(QRect(textLeft, content.top() + fm.height() + 2, textWidth, fm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(statusText(index), Qt::ElideRight, textWidth));
    const int barTop = content.top() + qMax(IconSide, 2 * fm.height() + 2) + BarGap;
    if (isBusy(status) || (isUpload(index) && status == FileStatus::Finished)) {
        const QRect bar(textLeft, barTop, textWidth, BarHeight);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        QColor track = ink;
        track.setAlphaF(0.2);
        painter->setBrush(track);
        painter->drawRoundedRect(bar, 2, 2);
        painter->setBrush(mine ? ink : palette.color(QPalette::Highlight));
        painter->drawRoundedRect(
            QRect(bar.topLeft(), QSize(int(bar.width() * fraction), BarHeight)), 2, 2);
    }
    painter->setRenderHint(QPainter::Antialiasing);
    for (const Action action : actions(index)) {
        const QRect r = actionRect(index, fm, content, action);
        QColor fill = ink;
        fill.setAlphaF(0.12);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(r, r.height() / 2.0, r.height() / 2.0);
        painter->setPen(ink);
        painter->drawText(r, Qt::AlignCenter, actionText(action));
    }
    painter->restore();
}

} // namespace Banter::Desktop
