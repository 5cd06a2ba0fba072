// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/domain/ids.h>
#include <banter/domain/result.h>

#include <QString>

namespace Banter {

struct User
{
    UserId id = 0;
    QString username; // unique, lowercase, the login name
    QString displayName; // free text shown to others; falls back to username
    qint64 createdAtMs = 0;

    QString shownName() const { return displayName.isEmpty() ? username : displayName; }
    friend bool operator==(const User &, const User &) = default;
};

namespace UserRules {
inline constexpr int MinUsernameLength = 3;
inline constexpr int MaxUsernameLength = 32;
inline constexpr int MaxDisplayNameLength = 64;
inline constexpr int MinPasswordLength = 8;
// Capped so a client cannot make the server hash megabytes (Argon2 cost grows with input).
inline constexpr int MaxPasswordBytes = 1024;
inline constexpr int MaxDeviceNameLength = 64;

// Usernames are 3-32 characters of [a-z0-9._-], starting with a letter or digit.
BANTERSHARED_EXPORT Status validateUsername(const QString &username);
BANTERSHARED_EXPORT Status validateDisplayName(const QString &displayName);
BANTERSHARED_EXPORT Status validatePassword(const QString &password);
BANTERSHARED_EXPORT Status validateDeviceName(const QString &device);
} // namespace UserRules

} // namespace Banter
