// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/serverconfig.h"
#include "service/pushsink.h"
#include <banter/domain/result.h>

#include <QElapsedTimer>
#include <QObject>
#include <QTcpServer>
#include <QTimer>
#include <QWebSocketServer>

#include <functional>
#include <memory>

namespace Banter::Server {

class AcceptLoop;
class ClientConnection;
class ConnectionRegistry;
class HandshakeGuard;
class PresenceService;
class RequestRouter;
class TransferStreams;
struct TlsCredentials;

// Accepts connections and owns their lifecycle. It listens on its own QTcpServer so it can
// turn Nagle's algorithm off (QWebSocketServer hides its socket, and Nagle stalls small
// pushes by up to 40 ms), then hands each socket to QWebSocketServer for the handshake.
// With TLS the listener is a TlsServer, which passes sockets on only once they are
// encrypted; QWebSocketServer then runs in NonSecureMode over them, for `/` and `/transfer`.
// The listener's own accept loop is replaced by an AcceptLoop, which copes with running out of
// descriptors.
class ChatServer : public QObject
{
    Q_OBJECT
public:
    ChatServer(const ServerConfig &config, RequestRouter &router, ConnectionRegistry &registry,
               PresenceService &presence, QObject *parent = nullptr);
    // Connections to the path /transfer are served by this router and service instead.
    void setTransfer(RequestRouter *router, TransferStreams *transfers);
    ~ChatServer() override;

    // Serve wss:// with these credentials instead of ws://; call before listen().
    void useTls(const TlsCredentials &credentials);
    // A reload's new certificate: handshakes from now on present it. False without TLS.
    bool replaceTlsCredentials(const TlsCredentials &credentials);
    Status listen();
    bool isSecure() const;
    quint16 port() const { return m_tcp->serverPort(); }
    QHostAddress address() const { return m_tcp->serverAddress(); }
    // Tells every connection of the session why, then closes them.
    void closeSession(SessionId session, const QString &reason);
    void closeAll();
    // The graceful stop: no new connections or requests (those get `unavailable`), requests
    // in progress are answered, every connection is closed with 1001 and its closing
    // handshake awaited; drained() is emitted when all are gone, within `budget`. Requests
    // still unanswered after three quarters of it are answered `unavailable` then.
    void drain(std::chrono::milliseconds budget);
    bool isDraining() const { return m_draining; }
    const HandshakeGuard &handshakeGuard() const { return *m_guard; }

    // Open connections by kind, for /metrics.
    struct ConnectionCounts
    {
        qsizetype chat = 0; // signed in
        qsizetype unauthenticated = 0; // WebSocket open, not signed in yet
        qsizetype transfer = 0; // /transfer streams
        qsizetype handshaking = 0; // TCP (and TLS) accepted, WebSocket upgrade not finished
    };
    ConnectionCounts connectionCounts() const;

Q_SIGNALS:
    void drained();

private:
    void connectListener();
    void onTcpConnection();
    void onWebSocketConnection();
    void onAuthenticated(ClientConnection *connection);
    void onClosed(ClientConnection *connection);
    bool originAllowed(const QString &origin) const;
    void finishDrain();

    const ServerConfig &m_config;
    RequestRouter &m_router;
    RequestRouter *m_transferRouter = nullptr;
    TransferStreams *m_transfers = nullptr;
    ConnectionRegistry &m_registry;
    PresenceService &m_presence;
    std::unique_ptr<HandshakeGuard> m_guard; // before m_tcp, which points at it
    std::unique_ptr<QTcpServer> m_tcp;
    // Hands a descriptor the accept loop took to m_tcp (PlainListener or TlsServer).
    std::function<void(qintptr)> m_adopt;
    std::unique_ptr<AcceptLoop> m_acceptLoop; // from listen() until the drain
    QWebSocketServer m_webSockets;
    ConnectionId m_nextConnectionId = 1;
    bool m_draining = false;
    bool m_drained = false;
    QTimer m_abandonTimer; // the drain's time for requests is over
    QTimer m_drainDeadline; // the drain's time is over: what is left is dropped
};

} // namespace Banter::Server
