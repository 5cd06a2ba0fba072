// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QSslServer>

#include <chrono>

namespace Banter::Server {

class HandshakeGuard;
struct TlsCredentials;

// The listening socket when TLS is on: presents our certificate, speaks TLS 1.2 or newer,
// asks clients for no certificate of their own, and drops a socket whose handshake has not
// finished in time. QSslServer queues a socket only once its handshake has succeeded, so
// ChatServer gets encrypted sockets and hands them to QWebSocketServer like plain ones.
// Each accepted descriptor is first shown to the HandshakeGuard (see PlainListener).
class TlsServer : public QSslServer
{
    Q_OBJECT
public:
    TlsServer(const TlsCredentials &credentials, std::chrono::milliseconds handshakeTimeout,
              HandshakeGuard &guard, QObject *parent = nullptr);

    // The certificate and key later handshakes present (a reload); open sockets keep theirs.
    void setCredentials(const TlsCredentials &credentials);

    // A descriptor AcceptLoop accepted: treated as QSslServer treats its own.
    void adopt(qintptr descriptor) { incomingConnection(descriptor); }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void onHandshakeFailed(QSslSocket *socket, QAbstractSocket::SocketError error);

    std::chrono::milliseconds m_handshakeTimeout;
    HandshakeGuard &m_guard;
    // Failed handshakes are summed up at most once a minute: scanners and clients that do
    // not trust the certificate would otherwise fill the log.
    QElapsedTimer m_sinceReport;
    int m_unreported = 0;
    bool m_explained = false;
};

} // namespace Banter::Server
