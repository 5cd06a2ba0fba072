// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/clientfailure.h>

namespace Banter {

using namespace Qt::StringLiterals;

Error clientError(ClientFailure failure, ErrorCode code, QString developerMessage)
{
    Error error = makeError(code, std::move(developerMessage));
    error.failure = failure;
    return error;
}

QString clientFailureName(ClientFailure failure)
{
    switch (failure) {
    case ClientFailure::None:
        return u"None"_s;
    case ClientFailure::CertificateInvalid:
        return u"CertificateInvalid"_s;
    case ClientFailure::CertificateNotTrustedYet:
        return u"CertificateNotTrustedYet"_s;
    case ClientFailure::CertificateChanged:
        return u"CertificateChanged"_s;
    case ClientFailure::FileUnreadable:
        return u"FileUnreadable"_s;
    case ClientFailure::FileEmpty:
        return u"FileEmpty"_s;
    case ClientFailure::FileChangedWhileSending:
        return u"FileChangedWhileSending"_s;
    case ClientFailure::FileUnwritable:
        return u"FileUnwritable"_s;
    case ClientFailure::DownloadOutOfStep:
        return u"DownloadOutOfStep"_s;
    case ClientFailure::DownloadDamaged:
        return u"DownloadDamaged"_s;
    case ClientFailure::TransferCertificateMismatch:
        return u"TransferCertificateMismatch"_s;
    }
    return u"Unknown"_s;
}

} // namespace Banter
