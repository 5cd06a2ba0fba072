// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/attachmentstrip.h"

#include "core/filetransfers.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QMimeDatabase>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace Banter::Desktop {

namespace {
constexpr int Thumb = 48;
constexpr int NameWidth = 140;

QPixmap thumbnailOf(const AttachmentStrip::Item &item)
{
    QImage image = item.image;
    if (image.isNull() && !item.path.isEmpty()
        && QMimeDatabase().mimeTypeForFile(item.path).name().startsWith(u"image/")) {
        QImageReader reader(item.path);
        reader.setAutoTransform(true);
        const QSize size = reader.size();
        if (size.isValid())
            reader.setScaledSize(size.scaled(Thumb * 2, Thumb * 2, Qt::KeepAspectRatioByExpanding));
        image = reader.read();
    }
    if (image.isNull())
        return QIcon(QStringLiteral(":/icons/file.svg")).pixmap(Thumb, Thumb);
    return QPixmap::fromImage(
        image.scaled(Thumb, Thumb, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation)
            .copy(0, 0, Thumb, Thumb));
}
} // namespace

AttachmentStrip::AttachmentStrip(QWidget *parent)
    : QWidget(parent)
    , m_row(new QHBoxLayout)
{
    setObjectName(QStringLiteral("attachmentStrip"));
    auto *inner = new QWidget(this);
    m_row->setContentsMargins(0, 0, 0, 0);
    inner->setLayout(m_row);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFixedHeight(Thumb + 2 * 8 + 6);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    setVisible(false);
}

QString AttachmentStrip::sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes); // as the bubbles say it
}

void AttachmentStrip::setConversation(ConversationId id)
{
    if (id == m_conversation)
        return;
    m_conversation = id;
    rebuild();
}

void AttachmentStrip::addFiles(const QStringList &paths)
{
    QList<Item> &items = m_items[m_conversation];
    for (const QString &path : paths) {
        const QFileInfo info(path);
        items.append({path, {}, info.fileName(), info.size()});
    }
    rebuild();
}

void AttachmentStrip::addImage(const QImage &image)
{
    if (image.isNull())
        return;
    m_items[m_conversation].append({{}, image, tr("Pasted image"), 0});
    rebuild();
}

void AttachmentStrip::removeAt(int index)
{
    QList<Item> &items = m_items[m_conversation];
    if (index < 0 || index >= items.size())
        return;
    items.removeAt(index);
    rebuild();
}

QList<AttachmentStrip::Item> AttachmentStrip::takeItems()
{
    const QList<Item> taken = m_items.take(m_conversation);
    rebuild();
    return taken;
}

void AttachmentStrip::rebuild()
{
    // Later, not now: the remove button that asked for this is inside a tile.
    while (QLayoutItem *child = m_row->takeAt(0)) {
        if (QWidget *widget = child->widget()) {
            widget->hide();
            widget->deleteLater();
        }
        delete child;
    }
    const QList<Item> shown = items();
    for (int i = 0; i < shown.size(); ++i)
        m_row->addWidget(tile(shown.at(i), i));
    m_row->addStretch(1);
    setVisible(!shown.isEmpty());
    Q_EMIT changed();
}

QWidget *AttachmentStrip::tile(const Item &item, int index)
{
    auto *tile = new QFrame;
    tile->setObjectName(QStringLiteral("attachmentTile"));
    tile->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QHBoxLayout(tile);
    layout->setContentsMargins(6, 4, 4, 4);
    auto *picture = new QLabel(tile);
    picture->setPixmap(thumbnailOf(item));
    picture->setFixedSize(Thumb, Thumb);
    layout->addWidget(picture);
    auto *text = new QVBoxLayout;
    auto *name = new QLabel(tile);
    name->setObjectName(QStringLiteral("attachmentName"));
    const QString shownName = FileTransfers::displayName(item.name);
    name->setText(name->fontMetrics().elidedText(shownName, Qt::ElideMiddle, NameWidth));
    name->setToolTip(shownName);
    auto *size = new QLabel(item.path.isEmpty()
                                ? tr("%1 × %2").arg(item.image.width()).arg(item.image.height())
                                : sizeText(item.size),
                            tile);
    size->setObjectName(QStringLiteral("attachmentSize"));
    size->setForegroundRole(QPalette::PlaceholderText);
    text->addWidget(name);
    text->addWidget(size);
    layout->addLayout(text);
    auto *remove = new QToolButton(tile);
    remove->setObjectName(QStringLiteral("removeAttachment"));
    remove->setText(QStringLiteral("✕"));
    remove->setToolTip(tr("Remove %1").arg(shownName));
    remove->setAutoRaise(true);
    connect(remove, &QToolButton::clicked, this, [this, index] { removeAt(index); });
    layout->addWidget(remove, 0, Qt::AlignTop);
    return tile;
}

} // namespace Banter::Desktop
