// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

class AppSettings;

// Keeps the session's certificate pins in the settings (a LAN server's self-signed
// certificate is pinned the first time it is met) and, when a server presents a different
// certificate, says so loudly and trusts the new one only if the user explicitly chooses to.
// The session has already stopped: nothing is sent to a server that may be an impostor.
class CertificateGuard : public QObject
{
    Q_OBJECT
public:
    CertificateGuard(ClientSession &session, AppSettings &settings,
                     QWidget *dialogParent = nullptr);
    ~CertificateGuard() override;

    // The warning on screen, or null (for tests and for a window that wants to raise it).
    QMessageBox *warning() const { return m_warning; }

    // A readable description of a certificate for the warning and the settings dialog.
    static QString describe(const QSslCertificate &certificate);

Q_SIGNALS:
    // The user answered the warning: trusted the new certificate (and the session is
    // connecting again), or stayed disconnected.
    void decided(bool trusted);

private:
    void onRefused(const QString &server, const QByteArray &pinned,
                   const QSslCertificate &presented);

    ClientSession &m_session;
    AppSettings &m_settings;
    QPointer<QWidget> m_dialogParent;
    QPointer<QMessageBox> m_warning;
};

} // namespace Banter::Desktop
