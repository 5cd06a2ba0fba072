// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Banter {

// Server-assigned integer ids. 0 means "none"; valid ids are positive and fit in a
// JSON number without loss (below 2^53).
using UserId = qint64;
using ConversationId = qint64;
using SessionId = qint64;
// Per-conversation sequence number: gapless, strictly increasing, starting at 1.
using Seq = qint64;

inline constexpr qint64 MaxJsonSafeInteger = (qint64(1) << 53) - 1;

} // namespace Banter
