// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/serverconfig.h"
#include "service/pushsink.h"
#include "service/tokenbucket.h"
#include <banter/domain/ids.h>

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <QWebSocket>

#include <functional>

namespace Banter::Server {

class RequestRouter;

// One accepted WebSocket: its authentication state, its limits and its timers. The object
// is the per-connection session; handlers reach the socket only through it.
class ClientConnection : public QObject
{
    Q_OBJECT
public:
    // Chat connections carry requests and pushes; transfer connections (path /transfer)
    // carry file bytes in binary frames and never receive chat pushes.
    enum class Purpose { Chat, Transfer };
    using BinaryHandler = std::function<void(ClientConnection &, const QByteArray &)>;

    ClientConnection(ConnectionId id, QWebSocket *socket, RequestRouter &router,
                     const ServerLimits &limits, QObject *parent = nullptr,
                     Purpose purpose = Purpose::Chat, qint64 maxBinaryBytes = 0);
    ~ClientConnection() override;

    ConnectionId id() const { return m_id; }
    // The client's address: the socket's peer, or behind a trusted proxy the address it
    // forwarded (see resolveClientAddress()).
    QHostAddress peerAddress() const { return m_peerAddress; }
    // Believes X-Forwarded-For of the upgrade request when the peer is one of these.
    void trustProxies(const QList<Subnet> &proxies);
    // True from the moment the connection is told to close (or is revoked): it reads and
    // sends nothing more, although the socket may take a moment to go.
    bool isClosing() const { return m_closing; }
    bool isAuthenticated() const { return m_user != 0; }
    UserId userId() const { return m_user; }
    SessionId sessionId() const { return m_session; }
    int protocolVersion() const { return m_protocol; }
    Purpose purpose() const { return m_purpose; }
    void setBinaryHandler(BinaryHandler handler) { m_binaryHandler = std::move(handler); }
    void setProtocolVersion(int version) { m_protocol = version; }

    // Marks the connection as signed in; emits authenticated() the first time.
    void setAuthenticated(UserId user, SessionId session);

    // Queues a text frame; a client that lets too much pile up is disconnected.
    void sendFrame(const QByteArray &frame);
    // Queues a binary frame; the caller paces itself with bytesToWrite() and writable().
    void sendBinary(const QByteArray &frame);
    qint64 bytesToWrite() const;
    // Sends a close frame with a reason, then drops the socket. From now on nothing more is
    // read or sent (frames queued before, such as session_revoked, still go out).
    void close(QWebSocketProtocol::CloseCode code, const QString &reason);

Q_SIGNALS:
    void authenticated(Banter::Server::ClientConnection *connection);
    // Emitted once, when the socket is gone; the object is deleted later.
    void closed(Banter::Server::ClientConnection *connection);
    // Some queued bytes reached the socket: room for more.
    void writable();

private:
    void onTextMessage(const QString &text);
    void onBinaryMessage(const QByteArray &data);
    bool meter(qint64 &wait);
    void onHeartbeat();
    void onDisconnected();

    ConnectionId m_id;
    Purpose m_purpose;
    BinaryHandler m_binaryHandler;
    QWebSocket *m_socket;
    RequestRouter &m_router;
    const ServerLimits &m_limits;
    UserId m_user = 0;
    SessionId m_session = 0;
    int m_protocol = 1;
    TokenBucket m_requests;
    // Frames that arrived while m_requests was empty: answered (rate_limited, with their
    // rid) while this lasts, then the connection is closed unparsed. A client that goes on
    // sending without reading its refusals costs at most two bursts of parsing.
    TokenBucket m_overLimit;
    QElapsedTimer m_lastActivity;
    QElapsedTimer m_clock;
    QTimer m_heartbeat;
    QTimer m_authTimeout;
    QHostAddress m_peerAddress;
    bool m_closing = false; // close() was called: serve nothing more
    bool m_closed = false; // the socket is gone
};

} // namespace Banter::Server
