// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/imageinfo.h"

#include <QBuffer>
#include <QImageReader>
#include <QPainter>

namespace Banter::Desktop {

namespace {
constexpr int ThumbnailSides[] = {320, 240, 160, 120, 80, 48};
constexpr int Qualities[] = {80, 65, 50, 35};
} // namespace

QByteArray makeThumbnail(const QImage &image, int maxBytes)
{
    if (image.isNull())
        return {};
    // JPEG has no alpha: flatten transparent images onto white, which reads as "nothing"
    // in a bubble of either theme better than black does.
    QImage flat(image.size(), QImage::Format_RGB32);
    flat.fill(Qt::white);
    {
        QPainter painter(&flat);
        painter.drawImage(0, 0, image);
    }
    for (const int side : ThumbnailSides) {
        const QImage scaled = flat.width() <= side && flat.height() <= side
            ? flat
            : flat.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        for (const int quality : Qualities) {
            QByteArray bytes;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            if (!scaled.save(&buffer, "JPEG", quality))
                return {};
            if (bytes.size() <= maxBytes)
                return bytes;
        }
    }
    return {};
}

QImage readScaled(const QString &path, int side)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    QSize size = reader.size();
    if (size.isValid() && (size.width() > side || size.height() > side)) {
        // Scaled before the EXIF rotation is applied; into a square, so either way fits.
        size.scale(side, side, Qt::KeepAspectRatio);
        reader.setScaledSize(size);
    }
    return reader.read();
}

ImageInfo readImageInfo(const QString &path, int maxThumbnailBytes)
{
    ImageInfo info;
    QImageReader reader(path);
    reader.setAutoTransform(true);
    if (!reader.canRead())
        return info;
    QSize size = reader.size();
    if (reader.transformation() & QImageIOHandler::TransformationRotate90)
        size.transpose();
    const QImage small = readScaled(path, ThumbnailSides[0]);
    if (small.isNull())
        return info;
    if (!size.isValid())
        size = small.size();
    info.width = size.width();
    info.height = size.height();
    info.thumbnail = makeThumbnail(small, maxThumbnailBytes);
    return info;
}

} // namespace Banter::Desktop
