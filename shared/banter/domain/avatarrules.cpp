// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Header-only checks of avatar pictures: a few bytes are read at known offsets, segments are
// walked forward with their lengths, so the work is bounded by the input (at most MaxBytes).
#include <banter/domain/user.h>

namespace Banter::AvatarRules {

namespace {
quint32 bigEndian(const QByteArray &bytes, qsizetype at, int width)
{
    quint32 value = 0;
    for (int i = 0; i < width; ++i)
        value = (value << 8) | quint8(bytes.at(at + i));
    return value;
}

Error notAnImage(const QString &why)
{
    return makeError(ErrorCode::BadRequest,
                     QStringLiteral("avatar is not a valid PNG or JPEG: ") + why);
}

Result<ImageInfo> pngInfo(const QByteArray &bytes)
{
    // Signature (8), IHDR length (4) and type (4), width (4), height (4).
    if (bytes.size() < 33)
        return notAnImage(QStringLiteral("the PNG is cut short"));
    if (bigEndian(bytes, 8, 4) != 13 || bytes.mid(12, 4) != QByteArrayLiteral("IHDR"))
        return notAnImage(QStringLiteral("the PNG does not start with its header chunk"));
    const quint32 width = bigEndian(bytes, 16, 4);
    const quint32 height = bigEndian(bytes, 20, 4);
    if (width == 0 || height == 0 || width > 0x7fffffff || height > 0x7fffffff)
        return notAnImage(QStringLiteral("the PNG has no size"));
    return ImageInfo{Format::Png, int(width), int(height)};
}

bool isStartOfFrame(quint8 marker)
{
    // SOF0..SOF15 but DHT (C4), JPG (C8) and DAC (CC), which share the range.
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

Result<ImageInfo> jpegInfo(const QByteArray &bytes)
{
    qsizetype at = 2; // after SOI
    while (at + 4 <= bytes.size()) {
        if (quint8(bytes.at(at)) != 0xFF)
            return notAnImage(QStringLiteral("a JPEG segment does not start with a marker"));
        const quint8 marker = quint8(bytes.at(at + 1));
        if (marker == 0xFF) { // fill byte
            ++at;
            continue;
        }
        if (marker == 0xD9 || marker == 0xDA) // end of image, or pixels before any frame
            break;
        const quint32 length = bigEndian(bytes, at + 2, 2);
        if (length < 2)
            return notAnImage(QStringLiteral("a JPEG segment has a bad length"));
        if (isStartOfFrame(marker)) {
            // Length (2), precision (1), height (2), width (2).
            if (length < 7 || at + 9 > bytes.size())
                return notAnImage(QStringLiteral("the JPEG frame header is cut short"));
            const int height = int(bigEndian(bytes, at + 5, 2));
            const int width = int(bigEndian(bytes, at + 7, 2));
            if (width == 0 || height == 0)
                return notAnImage(QStringLiteral("the JPEG has no size"));
            return ImageInfo{Format::Jpeg, width, height};
        }
        at += 2 + qsizetype(length);
    }
    return notAnImage(QStringLiteral("the JPEG has no frame header"));
}
} // namespace

Result<ImageInfo> readImageInfo(const QByteArray &bytes)
{
    if (bytes.startsWith(QByteArrayLiteral("\x89PNG\r\n\x1a\n")))
        return pngInfo(bytes);
    if (bytes.startsWith(QByteArrayLiteral("\xFF\xD8\xFF")))
        return jpegInfo(bytes);
    return notAnImage(QStringLiteral("unknown format"));
}

Status validateAvatar(const QByteArray &bytes)
{
    if (bytes.size() > MaxBytes)
        return makeError(ErrorCode::TooLarge,
                         QStringLiteral("avatar is larger than %1 bytes").arg(MaxBytes));
    Result<ImageInfo> info = readImageInfo(bytes);
    if (!info)
        return info.error();
    if (info->width != info->height)
        return makeError(ErrorCode::BadRequest, QStringLiteral("avatar must be square"));
    if (info->width > MaxSide)
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("avatar must be at most %1x%1 pixels").arg(MaxSide));
    return success();
}

} // namespace Banter::AvatarRules
