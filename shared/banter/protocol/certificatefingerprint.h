// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>

#include <QByteArray>
#include <QSslCertificate>
#include <QString>

/// @file
/// How a Banter server's TLS certificate is identified on both ends: banterd logs the
/// fingerprint of the certificate it serves, and a client pins the same value (see
/// Banter::CertificatePin). Neither side needs the other's code for it.

namespace Banter {

/// SHA-256 of the certificate's DER encoding (32 bytes); empty for a null certificate.
BANTERSHARED_EXPORT QByteArray certificateFingerprint(const QSslCertificate &certificate);

/// A fingerprint as "AB:CD:…", 32 upper-case hex pairs: how banterd logs it and how a user
/// compares it with what a client shows.
BANTERSHARED_EXPORT QString formatCertificateFingerprint(const QByteArray &sha256);

} // namespace Banter
