// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/domain/ids.h>
#include <banter/domain/result.h>

#include <QString>

namespace Banter {

/// A user account as others see it.
struct User
{
    UserId id = 0; ///< the server's id of the account
    QString username; ///< unique, lowercase, the login name
    QString displayName; ///< free text shown to others; falls back to username
    qint64 createdAtMs = 0; ///< when the account was made (ms since the epoch)
    /// Which picture the user shows: 0 when none (initials), else a number that changes with
    /// every new picture, so a client keeps the bytes it fetched (the "avatar" request) until
    /// it sees another version.
    qint64 avatarVersion = 0;

    /// The name to show: the display name, or the username when there is none.
    QString shownName() const { return displayName.isEmpty() ? username : displayName; }
    friend bool operator==(const User &, const User &) = default;
};

namespace UserRules {
inline constexpr int MinUsernameLength = 3; ///< shortest username, in characters
inline constexpr int MaxUsernameLength = 32; ///< longest username, in characters
inline constexpr int MaxDisplayNameLength = 64; ///< longest display name, in characters
inline constexpr int MinPasswordLength = 8; ///< shortest password, in characters
/// Longest password in UTF-8 bytes. Capped so a client cannot make the server hash
/// megabytes (Argon2 cost grows with input).
inline constexpr int MaxPasswordBytes = 1024;
inline constexpr int MaxDeviceNameLength = 64; ///< longest device name, in characters

/// Usernames are 3-32 characters of [a-z0-9._-], starting with a letter or digit.
/// \return success, or ErrorCode::BadRequest saying what is wrong
BANTERSHARED_EXPORT Status validateUsername(const QString &username);
/// A display name is well-formed text of at most MaxDisplayNameLength characters; it may be
/// empty. Too long is ErrorCode::TooLarge, anything else ErrorCode::BadRequest.
BANTERSHARED_EXPORT Status validateDisplayName(const QString &displayName);
/// A password has at least MinPasswordLength characters and at most MaxPasswordBytes bytes.
BANTERSHARED_EXPORT Status validatePassword(const QString &password);
/// A device name (shown in the list of signed-in devices) is well-formed, not blank, and at
/// most MaxDeviceNameLength characters.
BANTERSHARED_EXPORT Status validateDeviceName(const QString &device);
} // namespace UserRules

/// The pictures users show next to their name (update_profile's `avatar`).
namespace AvatarRules {
/// Widest and tallest picture in pixels; it must be square.
inline constexpr int MaxSide = 256;
/// Largest picture in bytes. As base64 (4/3 of this, 54,616 characters) it keeps an
/// update_profile frame well inside the protocol's 64 KiB bound for client frames.
inline constexpr int MaxBytes = 40 * 1024;

/// The kinds of picture a user may show.
enum class Format {
    Png, ///< PNG (image/png)
    Jpeg, ///< baseline or progressive JPEG (image/jpeg)
};

/// What the header of a picture says.
struct ImageInfo
{
    Format format = Format::Png; ///< PNG or JPEG
    int width = 0; ///< in pixels
    int height = 0; ///< in pixels
};

/**
 * @brief Reads the format and size of @p bytes from the PNG or JPEG header alone (the PNG
 * IHDR chunk, or the first JPEG start-of-frame segment), never decoding pixels, so the
 * server can check a picture without an image library and in time bounded by its size.
 * @return the header's facts, or ErrorCode::BadRequest saying why this is no PNG or JPEG
 */
BANTERSHARED_EXPORT Result<ImageInfo> readImageInfo(const QByteArray &bytes);
/**
 * @brief Checks a picture against the rules: at most MaxBytes bytes (else
 * ErrorCode::TooLarge), a PNG or JPEG (else ErrorCode::BadRequest) that is square and at
 * most MaxSide pixels wide (else ErrorCode::BadRequest).
 */
BANTERSHARED_EXPORT Status validateAvatar(const QByteArray &bytes);
} // namespace AvatarRules

} // namespace Banter
