// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>

#include <QString>

#include <optional>

namespace Banter {

/// Stable, machine-readable failure reasons. Append only: the wire names are part of the
/// protocol and clients switch on them.
enum class ErrorCode {
    BadRequest, ///< malformed JSON, wrong field types, values out of range
    UnknownType, ///< a request type the server does not know
    UnsupportedVersion, ///< hello with a protocol version the server cannot speak
    Unauthenticated, ///< the request needs an authenticated connection
    InvalidCredentials, ///< wrong username/password or an invalid/revoked token
    TokenExpired, ///< the access token has expired: refresh it
    Forbidden, ///< authenticated but not allowed
    NotFound, ///< does not exist, or exists but the caller may not know it
    Conflict, ///< username taken, message id reused with other content
    RateLimited, ///< slow down; retry_after_ms says when
    TooLarge, ///< frame, message or field over its limit
    LimitExceeded, ///< group size, connections per user, ...
    RegistrationClosed, ///< the server does not accept new accounts
    Blocked, ///< the recipient has blocked the sender
    Internal, ///< the server failed; nothing was changed
    Unavailable, ///< a dependency (the database) is down; try again later
    InvitationInvalid, ///< registration needs an invitation; this one is unknown or revoked
    InvitationExpired, ///< the invitation's time is over
    InvitationUsed, ///< the invitation has been used as often as it allows
};

/// The code's wire name, e.g. `"rate_limited"`.
BANTERSHARED_EXPORT QString errorCodeName(ErrorCode code);
/// The code with that wire name, or nothing for a name this version does not know.
BANTERSHARED_EXPORT std::optional<ErrorCode> errorCodeFromName(const QString &name);

} // namespace Banter
