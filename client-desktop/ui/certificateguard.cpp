// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/certificateguard.h"

#include "core/appsettings.h"
#include "ui/trustdialog.h"
#include <banter/client/certificatepin.h>
#include <banter/client/clientsession.h>
#include <banter/client/invitationlink.h>
#include <banter/client/serverbrowser.h>

#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

namespace Banter::Desktop {

using namespace Qt::StringLiterals;

CertificateGuard::CertificateGuard(ClientSession &session, AppSettings &settings,
                                   QWidget *dialogParent)
    : QObject(dialogParent)
    , m_session(session)
    , m_settings(settings)
    , m_dialogParent(dialogParent)
{
    m_session.setPinnedCertificates(m_settings.pinnedCertificates());
    ClientSession::Options options = m_session.options();
    options.trustOnFirstUse = false; // a first meeting is refused, then asked about here
    m_session.setOptions(options);
    connect(&m_session, &ClientSession::certificatePinned, this,
            [this](const QString &server, const QByteArray &sha256) {
                m_settings.setPinnedCertificate(server, sha256);
            });
    // Queued: the refusal is signalled from inside the TLS handshake, which must unwind
    // before a dialog runs.
    connect(&m_session, &ClientSession::certificateRefused, this, &CertificateGuard::onRefused,
            Qt::QueuedConnection);
}

CertificateGuard::~CertificateGuard()
{
    delete m_warning;
    delete m_question;
}

QString CertificateGuard::describe(const QSslCertificate &certificate)
{
    const QStringList names = certificate.subjectInfo(QSslCertificate::CommonName);
    const QLocale locale;
    return tr("Issued to: %1\nValid from %2 to %3\nSHA-256: %4")
        .arg(
            names.isEmpty() ? tr("(no name)") : names.join(u", "),
            locale.toString(certificate.effectiveDate().toLocalTime().date(), QLocale::ShortFormat),
            locale.toString(certificate.expiryDate().toLocalTime().date(), QLocale::ShortFormat),
            CertificatePin::formatFingerprint(CertificatePin::fingerprint(certificate)));
}

bool CertificateGuard::trustLink(const InvitationLink &link)
{
    if (link.fingerprint.isEmpty())
        return true;
    const QString server = CertificatePin::serverKey(link.serverUrl);
    const QByteArray pinned = m_settings.pinnedCertificates().value(server);
    if (!pinned.isEmpty() && pinned != link.fingerprint)
        return false;
    m_settings.setPinnedCertificate(server, link.fingerprint);
    m_session.setPinnedCertificate(server, link.fingerprint);
    return true;
}

void CertificateGuard::noteDiscovered(const DiscoveredServer &server)
{
    m_discoveredServer = CertificatePin::serverKey(server.url());
    m_discovered = {server.name, server.claimedSha256};
}

void CertificateGuard::forgetDiscovered()
{
    m_discoveredServer.clear();
    m_discovered = {};
}

void CertificateGuard::onRefused(const QString &server, const QByteArray &pinned,
                                 const QSslCertificate &presented)
{
    if (m_warning || m_question)
        return; // one question at a time; the session is stopped until it is answered
    if (pinned.isEmpty())
        return askFirstUse(server, presented);
    auto *box = new QMessageBox(m_dialogParent);
    m_warning = box;
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Critical);
    box->setWindowTitle(tr("Server identity changed"));
    box->setText(
        pinned.isEmpty()
            ? tr("<b>The certificate of %1 is not trusted.</b>").arg(server.toHtmlEscaped())
            : tr("<b>The certificate of %1 has changed.</b>").arg(server.toHtmlEscaped()));
    box->setInformativeText(
        tr("Someone may be intercepting your connection, or the server's administrator replaced "
           "its certificate. Banter has disconnected and sent nothing.\n\nTrust the new "
           "certificate only if the administrator confirms its fingerprint (shown in the "
           "details; banterd writes it to its log when it starts)."));
    QString details = describe(presented);
    if (!pinned.isEmpty())
        details += u"\n\n"_s
            + tr("Trusted until now — SHA-256: %1").arg(CertificatePin::formatFingerprint(pinned));
    box->setDetailedText(details);
    QPushButton *disconnect = box->addButton(tr("Stay disconnected"), QMessageBox::RejectRole);
    QPushButton *trust =
        box->addButton(tr("Trust the new certificate"), QMessageBox::DestructiveRole);
    trust->setObjectName(QStringLiteral("trustCertificate"));
    disconnect->setObjectName(QStringLiteral("stayDisconnected"));
    box->setDefaultButton(disconnect);
    box->setEscapeButton(disconnect);
    const QByteArray presentedSha = CertificatePin::fingerprint(presented);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, trust, server, presentedSha](QAbstractButton *clicked) {
                answer(clicked == trust, server, presentedSha);
            });
    box->open();
}

void CertificateGuard::askFirstUse(const QString &server, const QSslCertificate &presented)
{
    std::optional<TrustDialog::Discovered> discovered;
    if (!m_discoveredServer.isEmpty() && m_discoveredServer == server)
        discovered = m_discovered;
    auto *question = new TrustDialog(server, presented, discovered, m_dialogParent);
    m_question = question;
    question->setAttribute(Qt::WA_DeleteOnClose);
    const QByteArray sha = CertificatePin::fingerprint(presented);
    connect(question, &QDialog::finished, this,
            [this, server, sha](int result) { answer(result == QDialog::Accepted, server, sha); });
    question->open();
}

void CertificateGuard::answer(bool trusted, const QString &server, const QByteArray &sha256)
{
    if (trusted) {
        m_settings.setPinnedCertificate(server, sha256);
        m_session.setPinnedCertificate(server, sha256);
        m_session.connectToServer(m_session.url());
    }
    Q_EMIT decided(trusted);
}

} // namespace Banter::Desktop
