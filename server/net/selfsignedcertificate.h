// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/result.h>

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

namespace Banter::Server {

// Who a generated certificate is for: the names a client on the LAN may use to reach us.
struct CertificateSubject
{
    QString hostName; // also the common name: "banterd on <hostName>"
    QList<QHostAddress> addresses; // besides 127.0.0.1 and ::1, which are always named

    // This machine's host name and every non-loopback address it has now.
    static CertificateSubject thisMachine();
};

// A certificate and its private key, each PEM-encoded.
struct PemPair
{
    QByteArray certificate;
    QByteArray key;
};

// A fresh self-signed server certificate for a LAN banterd: EC P-256 key, X.509 v3, random
// 128-bit serial, valid from an hour ago for twenty years (clients pin it rather than
// trusting a date), not a CA, for TLS servers only, naming localhost, the host name and
// the addresses in subjectAltName, signed with SHA-256.
Result<PemPair> generateSelfSignedCertificate(const CertificateSubject &subject);

} // namespace Banter::Server
