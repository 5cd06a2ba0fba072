// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/domain/ids.h>

#include <QString>

#include <optional>

namespace Banter {

enum class PresenceStatus { Offline, Online, Away };

BANTERSHARED_EXPORT QString presenceStatusName(PresenceStatus status);
BANTERSHARED_EXPORT std::optional<PresenceStatus> presenceStatusFromName(const QString &name);

// What one user sees of another's presence.
struct Presence
{
    UserId userId = 0;
    PresenceStatus status = PresenceStatus::Offline;
    qint64 lastSeenMs = 0; // when the user was last connected; 0 if never

    friend bool operator==(const Presence &, const Presence &) = default;
};

} // namespace Banter
