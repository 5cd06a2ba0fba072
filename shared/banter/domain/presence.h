// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/domain/ids.h>

#include <QString>

#include <optional>

namespace Banter {

/// Whether a user is connected, and whether they said they are away.
enum class PresenceStatus {
    Offline, ///< no device connected
    Online, ///< connected
    Away, ///< connected, but the user set their status to away
};

/// The status's wire name (`"offline"`, `"online"`, `"away"`).
BANTERSHARED_EXPORT QString presenceStatusName(PresenceStatus status);
/// The status with that wire name, or nothing for an unknown name.
BANTERSHARED_EXPORT std::optional<PresenceStatus> presenceStatusFromName(const QString &name);

/// What one user sees of another's presence.
struct Presence
{
    UserId userId = 0; ///< whose presence this is
    PresenceStatus status = PresenceStatus::Offline; ///< connected, away or offline
    qint64 lastSeenMs = 0; ///< when the user was last connected (ms since the epoch); 0 if never

    friend bool operator==(const Presence &, const Presence &) = default;
};

} // namespace Banter
