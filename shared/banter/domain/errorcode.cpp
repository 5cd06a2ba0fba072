// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/domain/errorcode.h>

#include <array>
#include <utility>

namespace Banter {

namespace {
constexpr std::array<std::pair<ErrorCode, const char *>, 19> names{{
    {ErrorCode::BadRequest, "bad_request"},
    {ErrorCode::UnknownType, "unknown_type"},
    {ErrorCode::UnsupportedVersion, "unsupported_version"},
    {ErrorCode::Unauthenticated, "unauthenticated"},
    {ErrorCode::InvalidCredentials, "invalid_credentials"},
    {ErrorCode::TokenExpired, "token_expired"},
    {ErrorCode::Forbidden, "forbidden"},
    {ErrorCode::NotFound, "not_found"},
    {ErrorCode::Conflict, "conflict"},
    {ErrorCode::RateLimited, "rate_limited"},
    {ErrorCode::TooLarge, "too_large"},
    {ErrorCode::LimitExceeded, "limit_exceeded"},
    {ErrorCode::RegistrationClosed, "registration_closed"},
    {ErrorCode::Blocked, "blocked"},
    {ErrorCode::Internal, "internal"},
    {ErrorCode::Unavailable, "unavailable"},
    {ErrorCode::InvitationInvalid, "invitation_invalid"},
    {ErrorCode::InvitationExpired, "invitation_expired"},
    {ErrorCode::InvitationUsed, "invitation_used"},
}};
} // namespace

QString errorCodeName(ErrorCode code)
{
    for (const auto &[value, name] : names) {
        if (value == code)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("internal");
}

std::optional<ErrorCode> errorCodeFromName(const QString &name)
{
    for (const auto &[value, text] : names) {
        if (name == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

} // namespace Banter
