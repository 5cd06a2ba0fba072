// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/tlsserver.h"

#include "net/handshakeguard.h"
#include "net/tlscredentials.h"
#include "serverlogging.h"

#include <QSslConfiguration>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 ReportIntervalMs = 60'000;
}

TlsServer::TlsServer(const TlsCredentials &credentials, std::chrono::milliseconds handshakeTimeout,
                     HandshakeGuard &guard, QObject *parent)
    : QSslServer(parent)
    , m_handshakeTimeout(handshakeTimeout)
    , m_guard(guard)
{
    setCredentials(credentials);
    setHandshakeTimeout(int(handshakeTimeout.count()));
    // Nagle off from the first flight on, so the handshake is not stalled either.
    connect(this, &QSslServer::startedEncryptionHandshake, this, [](QSslSocket *socket) {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    });
    connect(this, &QSslServer::errorOccurred, this, &TlsServer::onHandshakeFailed);
}

void TlsServer::setCredentials(const TlsCredentials &credentials)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(credentials.chain);
    configuration.setPrivateKey(credentials.key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients present no certificate
    setSslConfiguration(configuration);
}

void TlsServer::incomingConnection(qintptr descriptor)
{
    if (!m_guard.admit(descriptor))
        return;
    QSslServer::incomingConnection(descriptor);
    // QSslServer made the socket as its newest child; it is gone already if the descriptor
    // could not be taken.
    const QObjectList &made = children();
    auto *socket = made.isEmpty() ? nullptr : qobject_cast<QSslSocket *>(made.constLast());
    if (socket && socket->socketDescriptor() == descriptor)
        m_guard.track(socket);
}

void TlsServer::onHandshakeFailed(QSslSocket *socket, QAbstractSocket::SocketError error)
{
    const QString peer =
        socket->peerAddress().isNull() ? u"a client"_s : socket->peerAddress().toString();
    const QString reason = error == QAbstractSocket::SocketTimeoutError
        ? u"no handshake within %1 ms"_s.arg(m_handshakeTimeout.count())
        : socket->errorString();
    if (m_sinceReport.isValid() && m_sinceReport.elapsed() < ReportIntervalMs) {
        ++m_unreported;
        qCDebug(lcNet).noquote() << u"TLS handshake with %1 failed: %2"_s.arg(peer, reason);
        return;
    }
    QString line = u"TLS handshake with %1 failed: %2"_s.arg(peer, reason);
    if (m_unreported > 0)
        line += u" (and %1 more since the last report)"_s.arg(m_unreported);
    if (!m_explained)
        line += u"; a client that does not trust this certificate, or one speaking plain ws://, "
                "fails like this (further failures are summed up once a minute)"_s;
    qCInfo(lcNet).noquote() << line;
    m_sinceReport.start();
    m_unreported = 0;
    m_explained = true;
}

} // namespace Banter::Server
