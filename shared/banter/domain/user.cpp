// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/domain/messagecontent.h>
#include <banter/domain/user.h>

namespace Banter::UserRules {

namespace {
bool isUsernameChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'.' || c == u'_'
        || c == u'-';
}
} // namespace

Status validateUsername(const QString &username)
{
    if (username.size() < MinUsernameLength || username.size() > MaxUsernameLength)
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("username must be %1 to %2 characters")
                             .arg(MinUsernameLength)
                             .arg(MaxUsernameLength));
    for (QChar c : username) {
        if (!isUsernameChar(c))
            return makeError(
                ErrorCode::BadRequest,
                QStringLiteral("username may contain only a-z, 0-9, '.', '_' and '-'"));
    }
    if (!username.front().isLetterOrNumber())
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("username must start with a letter or digit"));
    return success();
}

Status validateDisplayName(const QString &displayName)
{
    if (MessageContent::characterCount(displayName) > MaxDisplayNameLength)
        return makeError(ErrorCode::TooLarge, QStringLiteral("display name is too long"));
    if (!MessageContent::isWellFormedText(displayName))
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("display name contains invalid characters"));
    if (!MessageContent::isSafeName(displayName))
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("display name must not contain control characters or "
                                        "text direction marks"));
    return success();
}

Status validatePassword(const QString &password)
{
    if (password.toUtf8().size() > MaxPasswordBytes)
        return makeError(ErrorCode::TooLarge, QStringLiteral("password is too long"));
    if (MessageContent::characterCount(password) < MinPasswordLength)
        return makeError(
            ErrorCode::BadRequest,
            QStringLiteral("password must be at least %1 characters").arg(MinPasswordLength));
    return success();
}

Status validateDeviceName(const QString &device)
{
    if (device.trimmed().isEmpty())
        return makeError(ErrorCode::BadRequest, QStringLiteral("device name must not be empty"));
    if (MessageContent::characterCount(device) > MaxDeviceNameLength)
        return makeError(ErrorCode::TooLarge, QStringLiteral("device name is too long"));
    if (!MessageContent::isWellFormedText(device))
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("device name contains invalid characters"));
    return success();
}

} // namespace Banter::UserRules
