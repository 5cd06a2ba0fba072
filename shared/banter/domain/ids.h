// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Banter {

// Server-assigned integer ids. 0 means "none"; valid ids are positive and fit in a
// JSON number without loss (below 2^53).
/// A user's id, assigned by the server; 0 means none.
using UserId = qint64;
/// A conversation's id, assigned by the server; 0 means none.
using ConversationId = qint64;
/// A signed-in device's session id, assigned by the server; 0 means none.
using SessionId = qint64;
/// Per-conversation sequence number: gapless, strictly increasing, starting at 1.
using Seq = qint64;

/// The largest integer a JSON number carries without loss (2^53 - 1); ids stay below it.
inline constexpr qint64 MaxJsonSafeInteger = (qint64(1) << 53) - 1;

} // namespace Banter
