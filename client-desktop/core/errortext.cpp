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
        return tr("The server's certificate is not trusted yet.");
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

QString ErrorText::describe(const Error &error, const QString &subject)
{
    if (error.failure != ClientFailure::None)
        return forFailure(error.failure, subject);
    return error.message;
}

} // namespace Banter::Desktop
