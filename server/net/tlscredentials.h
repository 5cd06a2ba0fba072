// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/serverconfig.h"
#include <banter/domain/result.h>

#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace Banter::Server {

// The certificate banterd presents, with its chain and private key, read and checked.
struct TlsCredentials
{
    QList<QSslCertificate> chain; // the server's own certificate first, then its issuers
    QSslKey key;
    QString certificateFile; // where it came from, for the log line users compare with

    const QSslCertificate &certificate() const { return chain.constFirst(); }
};

// The operator's files when the configuration names them; else <dataDir>/tls/certificate.pem
// and key.pem, made on first start and reused ever after, since clients pin the certificate.
Result<TlsCredentials> loadTlsCredentials(const TlsConfig &config, const QString &dataDir);

// Reads a PEM certificate (optionally followed by its chain) and its unencrypted PEM key.
// A missing or unreadable file, one holding no PEM, or a key that does not belong to the
// certificate is an error naming the file: better than every handshake failing later.
Result<TlsCredentials> readTlsCredentials(const QString &certificateFile, const QString &keyFile);

} // namespace Banter::Server
