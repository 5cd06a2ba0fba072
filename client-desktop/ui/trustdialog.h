// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QSslCertificate>

#include <optional>

class QLabel;
class QPushButton;

namespace Banter::Desktop {

// The question asked the first time a server with a self-signed certificate is met (as SSH
// asks about a host key): the certificate's SHA-256 fingerprint, grouped so that a person
// can compare it with the one banterd logs, and whether to trust it. Accepted means trust;
// rejected (Cancel, Esc, closing) means stay disconnected.
//
// For a server chosen from "Servers on your network" it also says that it was found on the
// network, that discovery is not authenticated, and shows the fingerprint the announcement
// claimed under the presented one, with a warning when they differ. The claim only informs:
// what is trusted is always the presented certificate, and only when the user says so.
class TrustDialog : public QDialog
{
    Q_OBJECT
public:
    // What a discovery announcement said about the server.
    struct Discovered
    {
        QString name;
        QByteArray claimedSha256; // empty if it claimed none
    };

    TrustDialog(const QString &server, const QSslCertificate &certificate,
                const std::optional<Discovered> &discovered = std::nullopt,
                QWidget *parent = nullptr);

    // The fingerprint in lines of eight colon-separated bytes ("3F:0A:…"), as banterd logs
    // it, four lines for a SHA-256.
    static QString groupedFingerprint(const QByteArray &sha256);

    QString fingerprintText() const;
    // The claimed fingerprint as shown (objectName "claimedFingerprint"), and the sentence
    // comparing it with the presented one ("claimVerdict"); empty for a typed address.
    QString claimedFingerprintText() const;
    QString claimVerdict() const;
    // Whether the presented certificate is not the one the announcement claimed.
    bool claimMismatch() const { return m_mismatch; }
    QPushButton *trustButton() const { return m_trust; }

private:
    QLabel *m_fingerprint;
    QLabel *m_claimed = nullptr;
    QLabel *m_verdict = nullptr;
    bool m_mismatch = false;
    QPushButton *m_trust;
};

} // namespace Banter::Desktop
