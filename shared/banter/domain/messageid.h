// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>

#include <QUuid>

namespace Banter {

/// A new message id: a UUID version 7 (RFC 9562), the Unix time in milliseconds followed by
/// 74 random bits. Ids made later sort later, so the server's id index grows at its end
/// instead of touching a random page for every message; the random bits keep ids from
/// different senders apart. Any UUID is still accepted as a message id.
BANTERSHARED_EXPORT QUuid newMessageId();
/// The same, at a given time in milliseconds since the epoch (for tests).
BANTERSHARED_EXPORT QUuid newMessageId(qint64 unixMs);

} // namespace Banter
