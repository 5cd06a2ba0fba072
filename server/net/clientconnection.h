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
#include <QPointer>
#include <QTcpSocket>
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
    // The optional behaviours the client announced in hello and the server confirmed.
    void setFeatures(quint32 features) { m_features = features; }
    bool hasFeature(ClientFeature feature) const { return (m_features & quint32(feature)) != 0; }

    // Marks the connection as signed in; emits authenticated() the first time.
    void setAuthenticated(UserId user, SessionId session);

    // Queues a text frame; a client that lets too much pile up is disconnected.
    void sendFrame(const QByteArray &frame);
    // Queues the one answer to the request `rid` (see Reply), which is no longer in progress.
    // While the server stops, the connection closes (1001) once nothing is in progress.
    void sendAnswer(const QString &rid, const QByteArray &frame);
    // Requests dispatched and not answered yet.
    qsizetype requestsInProgress() const { return m_inProgress.size(); }
    // The TCP socket under the WebSocket, so a stop can read what the client sent already.
    void setTransport(QTcpSocket *socket) { m_transport = socket; }
    // The server is stopping: what the client sent before is read now, and from here every
    // new request is answered `unavailable` (retry_after_ms: retryAfterMs) and file chunks
    // are ignored (uploads resume from the last confirmed offset). The connection closes
    // with 1001 as soon as no request is in progress, and waits for the client's close
    // frame up to closeGrace (the stop's own deadline) instead of the usual two seconds.
    void beginDrain(qint64 retryAfterMs, std::chrono::milliseconds closeGrace);
    // The stop's time for requests is over: those still in progress are answered
    // `unavailable` now (their work may still finish; resending with the same id is safe),
    // and the connection closes with 1001.
    void abandonRequests();
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
    quint32 m_features = 0; // ClientFeature bits
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
    QPointer<QTcpSocket> m_transport;
    struct InProgress
    {
        QString type;
        QString rid;
    };
    // Requests dispatched and not answered, oldest first; few at a time (the request rate
    // limit and the storage queue bound them).
    QList<InProgress> m_inProgress;
    qint64 m_drainRetryAfterMs = 0; // non-zero: the server is stopping
    // How long a close waits for the client's close frame before dropping the socket.
    std::chrono::milliseconds m_closeGrace = std::chrono::seconds(2);
    bool m_closing = false; // close() was called: serve nothing more
    bool m_closed = false; // the socket is gone
    bool m_cutOff = false; // closed for not reading: its buffers were large
};

} // namespace Banter::Server
