// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/trustdialog.h"

#include "ui/certificateguard.h"
#include <banter/client/certificatepin.h>

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Banter::Desktop {

namespace {
constexpr int BytesPerLine = 8;
}

QString TrustDialog::groupedFingerprint(const QByteArray &sha256)
{
    QStringList lines;
    for (qsizetype at = 0; at < sha256.size(); at += BytesPerLine)
        lines.append(CertificatePin::formatFingerprint(sha256.mid(at, BytesPerLine)));
    return lines.join(u'\n');
}

TrustDialog::TrustDialog(const QString &server, const QSslCertificate &certificate,
                         const std::optional<Discovered> &discovered, QWidget *parent)
    : QDialog(parent)
    , m_fingerprint(new QLabel(this))
    , m_trust(new QPushButton(tr("Trust and connect"), this))
{
    setObjectName(QStringLiteral("trustDialog"));
    setWindowTitle(tr("Trust this server?"));
    auto *heading =
        new QLabel(tr("<b>Banter has not met %1 before.</b>").arg(server.toHtmlEscaped()), this);
    heading->setWordWrap(true);
    auto *explanation = new QLabel(
        tr("Its certificate is self-signed: no authority vouches for it, so only you can tell "
           "whether this is the real server. Compare the fingerprint below with the one your "
           "server's administrator gives you (banterd writes it to its log when it starts). "
           "Once trusted, Banter connects only to a server with this certificate and warns you "
           "if it ever changes."),
        this);
    explanation->setWordWrap(true);
    m_fingerprint->setObjectName(QStringLiteral("fingerprint"));
    m_fingerprint->setText(groupedFingerprint(CertificatePin::fingerprint(certificate)));
    m_fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fingerprint->setAlignment(Qt::AlignCenter);
    m_fingerprint->setFrameShape(QFrame::StyledPanel);
    m_fingerprint->setMargin(8);
    auto *details = new QLabel(CertificateGuard::describe(certificate).section(u'\n', 0, 1), this);
    details->setForegroundRole(QPalette::PlaceholderText);
    details->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *cancel = buttons->addButton(tr("Do not connect"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("stayDisconnected"));
    m_trust->setObjectName(QStringLiteral("trustCertificate"));
    buttons->addButton(m_trust, QDialogButtonBox::AcceptRole);
    // The safe answer is the default: Enter without reading does not trust.
    m_trust->setAutoDefault(false);
    cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    if (discovered) {
        auto *found = new QLabel(
            tr("You chose it from the servers found on your network, as “%1”. That list is not "
               "authenticated: any computer on the network can announce a server under any name "
               "and claim any fingerprint.")
                .arg(discovered->name),
            this);
        found->setTextFormat(Qt::PlainText); // the name is whatever the announcement said
        found->setObjectName(QStringLiteral("discoveredNote"));
        found->setWordWrap(true);
        layout->addWidget(found);
    }
    layout->addWidget(explanation);
    layout->addWidget(new QLabel(tr("SHA-256 fingerprint of the certificate presented:"), this));
    layout->addWidget(m_fingerprint);
    if (discovered) {
        const QByteArray presented = CertificatePin::fingerprint(certificate);
        m_mismatch = discovered->claimedSha256 != presented;
        m_claimed = new QLabel(discovered->claimedSha256.isEmpty()
                                   ? tr("(none)")
                                   : groupedFingerprint(discovered->claimedSha256),
                               this);
        m_claimed->setObjectName(QStringLiteral("claimedFingerprint"));
        m_claimed->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_claimed->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_claimed->setAlignment(Qt::AlignCenter);
        m_claimed->setFrameShape(QFrame::StyledPanel);
        m_claimed->setMargin(8);
        m_verdict = new QLabel(this);
        m_verdict->setObjectName(QStringLiteral("claimVerdict"));
        m_verdict->setWordWrap(true);
        if (m_mismatch) {
            // Said in words and in bold, with the warning icon: not by colour alone.
            m_verdict->setText(
                tr("<b>Warning: this is not the certificate the announcement claimed.</b> "
                   "Another computer may be pretending to be this server. Do not trust it "
                   "unless the administrator confirms the fingerprint of the certificate "
                   "presented."));
            auto *icon = new QLabel(this);
            icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32));
            auto *row = new QHBoxLayout;
            row->addWidget(icon, 0, Qt::AlignTop);
            row->addWidget(m_verdict, 1);
            layout->addWidget(new QLabel(tr("Fingerprint the announcement claimed:"), this));
            layout->addWidget(m_claimed);
            layout->addLayout(row);
        } else {
            m_verdict->setText(
                tr("It matches the fingerprint the announcement claimed. That is no proof: "
                   "whoever announced it chose what to claim. Compare it with the "
                   "administrator's."));
            layout->addWidget(new QLabel(tr("Fingerprint the announcement claimed:"), this));
            layout->addWidget(m_claimed);
            layout->addWidget(m_verdict);
        }
    }
    layout->addWidget(details);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

QString TrustDialog::fingerprintText() const
{
    return m_fingerprint->text();
}

QString TrustDialog::claimedFingerprintText() const
{
    return m_claimed ? m_claimed->text() : QString();
}

QString TrustDialog::claimVerdict() const
{
    return m_verdict ? m_verdict->text() : QString();
}

} // namespace Banter::Desktop
