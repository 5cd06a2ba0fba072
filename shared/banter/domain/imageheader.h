// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/domain/message.h>
#include <banter/domain/result.h>

#include <optional>

namespace Banter::ImageHeader {

/// Widest and tallest thumbnail in pixels (the desktop client makes them at most 320).
inline constexpr int MaxThumbnailSide = 320;
/// Image sides the server passes unchecked when it cannot read the format's header.
inline constexpr int MaxUncheckedSide = 16384;

/// An image's size as its header states it, in pixels.
struct Size
{
    int width = 0; ///< in pixels
    int height = 0; ///< in pixels
    friend bool operator==(const Size &, const Size &) = default;
};

/**
 * @brief The size a PNG, JPEG, GIF or WebP header states, read without decoding pixels (time
 * bounded by the input's length).
 * @return the size; nothing when @p bytes are none of these formats; ErrorCode::BadRequest
 * when they start like one of them but the header is broken or cut short
 */
BANTERSHARED_EXPORT Result<std::optional<Size>> sizeOf(const QByteArray &bytes);

/**
 * @brief Checks an attachment's thumbnail (when it has one): a PNG or JPEG of at most
 * MaxThumbnailSide pixels a side, and for an image no larger than the image in either
 * direction with about its shape (one pixel of rounding), so a few kilobytes cannot make
 * every recipient decode a huge picture.
 * @return ErrorCode::BadRequest saying what is wrong
 */
BANTERSHARED_EXPORT Status validateThumbnail(MessageType type, const Attachment &attachment);

/**
 * @brief Checks an image attachment's width and height against the @p stored image's header
 * (the first bytes of the file the message names): equal, or swapped (a picture its EXIF
 * orientation turns). Formats whose header is not read are accepted up to MaxUncheckedSide.
 * @return ErrorCode::BadRequest saying what is wrong
 */
BANTERSHARED_EXPORT Status checkDeclaredSize(const Attachment &attachment,
                                             const QByteArray &stored);

} // namespace Banter::ImageHeader
