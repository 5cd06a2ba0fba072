// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/trustdialog.h"

#include <QByteArray>
#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>

namespace Banter {
class ClientSession;
struct DiscoveredServer;
struct InvitationLink;
} // namespace Banter

namespace Banter::Desktop {

class AppSettings;

// Keeps the session's certificate pins in the settings. A LAN server's self-signed
// certificate met for the first time is trusted only once the user has seen its fingerprint
// and said so (TrustDialog; the guard turns the session's silent trust on first use off).
// When a server presents a different certificate, it says so loudly and trusts the new one
// only if the user explicitly chooses to. In both cases the session has already stopped:
// nothing is sent to a server that may be an impostor, and nothing is pinned on a refusal.
class CertificateGuard : public QObject
{
    Q_OBJECT
public:
    CertificateGuard(ClientSession &session, AppSettings &settings,
                     QWidget *dialogParent = nullptr);
    ~CertificateGuard() override;

    // The warning on screen, or null (for tests and for a window that wants to raise it).
    QMessageBox *warning() const { return m_warning; }
    // The first-use question on screen, or null.
    TrustDialog *trustDialog() const { return m_question; }

    // Trusts the certificate an invitation link names for its server: the link is the trust
    // anchor, so there is no first-use question. False, changing nothing, when the server
    // already has a different pin: a link must never replace a certificate the user trusts.
    // A link without a fingerprint (tls=off) pins nothing.
    bool trustLink(const InvitationLink &link);

    // The user chose `server` from the servers found on the network: if its certificate is
    // met for the first time, the first-use question says it was found by unauthenticated
    // discovery and compares the fingerprint it claimed with the one presented. The claim
    // pins nothing, ever. Only the last server chosen is remembered.
    void noteDiscovered(const DiscoveredServer &server);
    // The address in use is no longer the one chosen from the list.
    void forgetDiscovered();

    // A readable description of a certificate for the warning and the settings dialog.
    static QString describe(const QSslCertificate &certificate);

Q_SIGNALS:
    // The user answered the warning or the first-use question: trusted the certificate (and
    // the session is connecting again), or stayed disconnected.
    void decided(bool trusted);

private:
    void onRefused(const QString &server, const QByteArray &pinned,
                   const QSslCertificate &presented);
    void askFirstUse(const QString &server, const QSslCertificate &presented);
    void answer(bool trusted, const QString &server, const QByteArray &sha256);

    ClientSession &m_session;
    AppSettings &m_settings;
    QPointer<QWidget> m_dialogParent;
    QPointer<QMessageBox> m_warning;
    QPointer<TrustDialog> m_question;
    QString m_discoveredServer; // CertificatePin::serverKey of the last server chosen
    TrustDialog::Discovered m_discovered;
};

} // namespace Banter::Desktop
