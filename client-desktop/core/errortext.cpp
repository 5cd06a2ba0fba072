// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/errortext.h"

namespace Banter::Desktop {

QString ErrorText::forFailure(ClientFailure failure, const QString &subject)
{
    // Without a subject, the sentences that name one say "The file".
    const QString file = subject.isEmpty() ? tr("The file") : tr("“%1”").arg(subject);
    switch (failure) {
    case ClientFailure::None:
        return {};
    case ClientFailure::CertificateInvalid:
        return tr("The server's certificate is not valid.");
    case ClientFailure::CertificateNotTrustedYet:
        return tr("The server's certificate is not trusted yet: compare its fingerprint and "
                  "choose whether to trust it.");
    case ClientFailure::CertificateChanged:
        return tr("The server's certificate has changed since the last connection.");
    case ClientFailure::FileUnreadable:
        return tr("%1 cannot be read.").arg(file);
    case ClientFailure::FileEmpty:
        return tr("%1 is empty; empty files cannot be sent.").arg(file);
    case ClientFailure::FileChangedWhileSending:
        return tr("%1 changed while it was being sent.").arg(file);
    case ClientFailure::FileUnwritable:
        return tr("%1 cannot be written.").arg(file);
    case ClientFailure::DownloadOutOfStep:
        return tr("%1 kept arriving out of step; try again.").arg(file);
    case ClientFailure::DownloadDamaged:
        return tr("%1 arrived damaged; try again.").arg(file);
    case ClientFailure::TransferCertificateMismatch:
        return tr("The server's certificate is not the one trusted for it; transfers were "
                  "stopped.");
    }
    return {};
}

QString ErrorText::tryAgainIn(qint64 retryAfterMs)
{
    if (retryAfterMs <= 0)
        return tr("Try again in a moment.");
    // Rounded up: "in 0 seconds" would invite a retry that is still too early.
    const qint64 seconds = (retryAfterMs + 999) / 1000;
    if (seconds == 1)
        return tr("Try again in 1 second.");
    if (seconds < 120)
        return tr("Try again in %1 seconds.").arg(seconds);
    return tr("Try again in %1 minutes.").arg((seconds + 59) / 60);
}

QString ErrorText::forCode(const Error &error)
{
    switch (error.code) {
    case ErrorCode::BadRequest:
        return tr("The server did not accept what was sent.");
    case ErrorCode::UnknownType:
    case ErrorCode::UnsupportedVersion:
        return tr("The server runs a version of Banter that does not understand this one; "
                  "update Banter or ask the server's administrator.");
    case ErrorCode::Unauthenticated:
        return tr("You are not signed in.");
    case ErrorCode::InvalidCredentials:
        return tr("Wrong username or password.");
    case ErrorCode::TokenExpired:
        return tr("Your sign-in has expired; sign in again.");
    case ErrorCode::Forbidden:
        return tr("You are not allowed to do that.");
    case ErrorCode::NotFound:
        return tr("That no longer exists, or you cannot see it.");
    case ErrorCode::Conflict:
        return tr("That is already taken.");
    case ErrorCode::RateLimited:
        return tr("Too many attempts.") + u' ' + tryAgainIn(error.retryAfterMs);
    case ErrorCode::TooLarge:
        return tr("That is larger than the server accepts.");
    case ErrorCode::LimitExceeded:
        return tr("A limit of the server has been reached.");
    case ErrorCode::RegistrationClosed:
        return tr("This server does not accept new accounts; ask its administrator for one.");
    case ErrorCode::Blocked:
        return tr("The recipient has blocked you.");
    case ErrorCode::Internal:
        return tr("The server ran into a problem; nothing was changed. Try again later.");
    case ErrorCode::Unavailable:
        return tr("The server cannot be reached right now. Try again later.");
    case ErrorCode::InvitationInvalid:
        return tr("This server takes new accounts by invitation only, and this invitation is "
                  "not valid (mistyped, or withdrawn). Ask for a new one.");
    case ErrorCode::InvitationExpired:
        return tr("This invitation has expired. Ask for a new one.");
    case ErrorCode::InvitationUsed:
        return tr("This invitation has already been used. Ask for a new one.");
    }
    return tr("The server refused the request.");
}

QString ErrorText::describe(const Error &error, const QString &subject)
{
    if (error.failure != ClientFailure::None)
        return forFailure(error.failure, subject);
    return forCode(error);
}

} // namespace Banter::Desktop
