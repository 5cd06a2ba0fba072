// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

namespace Banter::Desktop {

// What an image message carries besides the file: its size and a small thumbnail the
// recipient shows at once, before (or instead of) downloading the image.
struct ImageInfo
{
    int width = 0; // as displayed, after the EXIF orientation
    int height = 0;
    QByteArray thumbnail; // JPEG, at most maxBytes
    bool isValid() const { return width > 0 && height > 0; }
};

// Reads and scales on the calling thread; safe on a worker thread (QImage only, no QPixmap).
ImageInfo readImageInfo(const QString &path, int maxThumbnailBytes);
// The smallest loss that fits: shrinks and lowers the JPEG quality until the bytes fit.
QByteArray makeThumbnail(const QImage &image, int maxBytes);
// The image scaled to fit within side × side while it is decoded (cheap for large JPEGs).
QImage readScaled(const QString &path, int side);

} // namespace Banter::Desktop
