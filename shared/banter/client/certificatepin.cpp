// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/certificatepin.h>
#include <banter/protocol/certificatefingerprint.h>

#include <algorithm>

namespace Banter::CertificatePin {

namespace {
constexpr int DefaultPort = 7654;
}

QByteArray fingerprint(const QSslCertificate &certificate)
{
    return certificateFingerprint(certificate);
}

QString formatFingerprint(const QByteArray &sha256)
{
    return formatCertificateFingerprint(sha256);
}

QString serverKey(const QUrl &url)
{
    return url.host().toLower() + u':' + QString::number(url.port(DefaultPort));
}

bool onlyTrustErrors(const QList<QSslError> &errors)
{
    return std::all_of(errors.cbegin(), errors.cend(), [](const QSslError &error) {
        switch (error.error()) {
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::CertificateUntrusted:
        case QSslError::HostNameMismatch:
            return true;
        default:
            return false;
        }
    });
}

QSslCertificate presentedCertificate(const QList<QSslError> &errors)
{
    QSslCertificate presented;
    for (const QSslError &error : errors) {
        const QSslCertificate certificate = error.certificate();
        if (certificate.isNull())
            continue;
        if (presented.isNull())
            presented = certificate;
        else if (certificate != presented)
            return QSslCertificate();
    }
    return presented;
}

} // namespace Banter::CertificatePin
