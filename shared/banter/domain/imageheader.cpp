// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Image sizes from headers alone: PNG and JPEG through AvatarRules::readImageInfo, GIF and
// WebP here (fixed offsets), so the server checks what it stores without an image library.
#include <banter/domain/imageheader.h>
#include <banter/domain/user.h>

namespace Banter::ImageHeader {

namespace {
quint32 littleEndian(const QByteArray &bytes, qsizetype at, int width)
{
    quint32 value = 0;
    for (int i = width - 1; i >= 0; --i)
        value = (value << 8) | quint8(bytes.at(at + i));
    return value;
}

Error broken(const QString &why)
{
    return makeError(ErrorCode::BadRequest, QStringLiteral("the image header is broken: ") + why);
}

Result<std::optional<Size>> gifSize(const QByteArray &bytes)
{
    if (bytes.size() < 10)
        return broken(QStringLiteral("the GIF is cut short"));
    const Size size{int(littleEndian(bytes, 6, 2)), int(littleEndian(bytes, 8, 2))};
    if (size.width == 0 || size.height == 0)
        return broken(QStringLiteral("the GIF has no size"));
    return std::optional<Size>(size);
}

// RIFF, length, WEBP, then the first chunk: VP8X (extended: the canvas), VP8L (lossless) or
// VP8 (lossy), each with the size at a fixed place.
Result<std::optional<Size>> webpSize(const QByteArray &bytes)
{
    if (bytes.size() < 30)
        return broken(QStringLiteral("the WebP is cut short"));
    const QByteArray chunk = bytes.mid(12, 4);
    Size size;
    if (chunk == QByteArrayLiteral("VP8X")) {
        size = {int(littleEndian(bytes, 24, 3)) + 1, int(littleEndian(bytes, 27, 3)) + 1};
    } else if (chunk == QByteArrayLiteral("VP8L")) {
        if (quint8(bytes.at(20)) != 0x2F)
            return broken(QStringLiteral("the lossless WebP has no signature"));
        const quint32 bits = littleEndian(bytes, 21, 4);
        size = {int(bits & 0x3FFF) + 1, int((bits >> 14) & 0x3FFF) + 1};
    } else if (chunk == QByteArrayLiteral("VP8 ")) {
        if (bytes.mid(23, 3) != QByteArrayLiteral("\x9d\x01\x2a"))
            return broken(QStringLiteral("the lossy WebP has no start code"));
        size = {int(littleEndian(bytes, 26, 2) & 0x3FFF), int(littleEndian(bytes, 28, 2) & 0x3FFF)};
        if (size.width == 0 || size.height == 0)
            return broken(QStringLiteral("the WebP has no size"));
    } else {
        return broken(QStringLiteral("the WebP has no image chunk first"));
    }
    return std::optional<Size>(size);
}

bool fitsWithin(const Size &inner, const Size &outer)
{
    return inner.width <= outer.width && inner.height <= outer.height;
}
} // namespace

Result<std::optional<Size>> sizeOf(const QByteArray &bytes)
{
    if (bytes.startsWith(QByteArrayLiteral("\x89PNG"))
        || bytes.startsWith(QByteArrayLiteral("\xff\xd8"))) {
        const Result<AvatarRules::ImageInfo> info = AvatarRules::readImageInfo(bytes);
        if (!info)
            return broken(info.error().message);
        return std::optional<Size>(Size{info->width, info->height});
    }
    if (bytes.startsWith(QByteArrayLiteral("GIF87a"))
        || bytes.startsWith(QByteArrayLiteral("GIF89a")))
        return gifSize(bytes);
    if (bytes.startsWith(QByteArrayLiteral("RIFF")) && bytes.mid(8, 4) == QByteArrayLiteral("WEBP"))
        return webpSize(bytes);
    return std::optional<Size>();
}

Status validateThumbnail(MessageType type, const Attachment &attachment)
{
    if (attachment.thumbnail.isEmpty())
        return success();
    const QByteArray &bytes = attachment.thumbnail;
    const bool pngOrJpeg = bytes.startsWith(QByteArrayLiteral("\x89PNG"))
        || bytes.startsWith(QByteArrayLiteral("\xff\xd8"));
    const Result<std::optional<Size>> size =
        pngOrJpeg ? sizeOf(bytes) : Result<std::optional<Size>>(std::optional<Size>());
    if (!size || !size->has_value())
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("attachment.thumbnail must be a PNG or JPEG image"));
    const Size thumb = **size;
    if (!fitsWithin(thumb, {MaxThumbnailSide, MaxThumbnailSide}))
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("attachment.thumbnail is %1x%2; at most %3 a side")
                             .arg(thumb.width)
                             .arg(thumb.height)
                             .arg(MaxThumbnailSide));
    if (type != MessageType::Image)
        return success();
    const Size image{attachment.width, attachment.height};
    // Scaled with the shape kept, the short side is off by at most one pixel.
    const qint64 skew =
        qAbs(qint64(thumb.width) * image.height - qint64(thumb.height) * image.width);
    if (!fitsWithin(thumb, image) || skew > qMax(image.width, image.height))
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("attachment.thumbnail (%1x%2) is not a smaller copy of a "
                                        "%3x%4 image")
                             .arg(thumb.width)
                             .arg(thumb.height)
                             .arg(image.width)
                             .arg(image.height));
    return success();
}

Status checkDeclaredSize(const Attachment &attachment, const QByteArray &stored)
{
    const Size declared{attachment.width, attachment.height};
    const Result<std::optional<Size>> size = sizeOf(stored);
    if (!size)
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("the stored file is not a readable image: ")
                             + size.error().message);
    if (!size->has_value()) {
        if (fitsWithin(declared, {MaxUncheckedSide, MaxUncheckedSide}))
            return success();
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("image sides are at most %1").arg(MaxUncheckedSide));
    }
    const Size real = **size;
    if (declared == real || declared == Size{real.height, real.width})
        return success();
    return makeError(ErrorCode::BadRequest,
                     QStringLiteral("the image is %1x%2, not %3x%4 as the message says")
                         .arg(real.width)
                         .arg(real.height)
                         .arg(declared.width)
                         .arg(declared.height));
}

} // namespace Banter::ImageHeader
