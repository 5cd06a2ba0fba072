// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QUrl>

namespace Banter::CertificatePin {

// A LAN server has no certificate a public authority vouches for: it makes its own
// (self-signed) on first start. A client trusts such a server the way SSH does: it pins the
// SHA-256 of the certificate the first time and refuses a different one later. A
// certificate that does chain to a trusted authority needs no pin.

// SHA-256 of the certificate's DER encoding (32 bytes): Banter::certificateFingerprint.
BANTERSHARED_EXPORT QByteArray fingerprint(const QSslCertificate &certificate);
// "AB:CD:…" in 32 upper-case pairs: Banter::formatCertificateFingerprint.
BANTERSHARED_EXPORT QString formatFingerprint(const QByteArray &sha256);
// The server a pin belongs to: "host:port" (the port defaults to Banter's 7654).
BANTERSHARED_EXPORT QString serverKey(const QUrl &url);
// True when every error only says the certificate is not vouched for by an authority or
// not issued for this host name: what a pinned certificate makes irrelevant. An expired or
// malformed certificate, or a broken chain signature, is never overridden.
BANTERSHARED_EXPORT bool onlyTrustErrors(const QList<QSslError> &errors);
// The one certificate the handshake's errors are about (QWebSocket does not expose the
// peer's certificate otherwise); null when they name none or several (a broken chain).
BANTERSHARED_EXPORT QSslCertificate presentedCertificate(const QList<QSslError> &errors);

} // namespace Banter::CertificatePin
