// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QSslCertificate>

class QLabel;
class QPushButton;

namespace Banter::Desktop {

// The question asked the first time a server with a self-signed certificate is met (as SSH
// asks about a host key): the certificate's SHA-256 fingerprint, grouped so that a person
// can compare it with the one banterd logs, and whether to trust it. Accepted means trust;
// rejected (Cancel, Esc, closing) means stay disconnected.
class TrustDialog : public QDialog
{
    Q_OBJECT
public:
    TrustDialog(const QString &server, const QSslCertificate &certificate,
                QWidget *parent = nullptr);

    // The fingerprint in lines of eight colon-separated bytes ("3F:0A:…"), as banterd logs
    // it, four lines for a SHA-256.
    static QString groupedFingerprint(const QByteArray &sha256);

    QString fingerprintText() const;
    QPushButton *trustButton() const { return m_trust; }

private:
    QLabel *m_fingerprint;
    QPushButton *m_trust;
};

} // namespace Banter::Desktop
