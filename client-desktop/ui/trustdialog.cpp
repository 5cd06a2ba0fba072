// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/trustdialog.h"

#include "ui/certificateguard.h"
#include <banter/client/certificatepin.h>

#include <QDialogButtonBox>
#include <QFontDatabase>
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

TrustDialog::TrustDialog(const QString &server, const QSslCertificate &certificate, QWidget *parent)
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
    layout->addWidget(explanation);
    layout->addWidget(new QLabel(tr("SHA-256 fingerprint:"), this));
    layout->addWidget(m_fingerprint);
    layout->addWidget(details);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

QString TrustDialog::fingerprintText() const
{
    return m_fingerprint->text();
}

} // namespace Banter::Desktop
