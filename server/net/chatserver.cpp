// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/chatserver.h"

#include "metrics/servermetrics.h"
#include "net/acceptloop.h"
#include "net/clientconnection.h"
#include "net/connectionregistry.h"
#include "net/handshakeguard.h"
#include "net/plainlistener.h"
#include "net/requestrouter.h"
#include "net/tlsserver.h"
#include "net/transferstreams.h"
#include "serverlogging.h"
#include "service/presenceservice.h"
#include <banter/protocol/peoplemessages.h>
#include <banter/protocol/types.h>

#include <QTcpSocket>

namespace Banter::Server {

using namespace Qt::StringLiterals;

ChatServer::ChatServer(const ServerConfig &config, RequestRouter &router,
                       ConnectionRegistry &registry, PresenceService &presence, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_router(router)
    , m_registry(registry)
    , m_presence(presence)
    , m_guard(std::make_unique<HandshakeGuard>(config.limits, config.trustedProxies))
    , m_tcp(std::make_unique<PlainListener>(*m_guard))
    , m_adopt([listener = static_cast<PlainListener *>(m_tcp.get())](qintptr descriptor) {
        listener->adopt(descriptor);
    })
    , m_webSockets(u"banterd"_s, QWebSocketServer::NonSecureMode)
{
    // Only applies to sockets QWebSocketServer accepts itself, not to handleConnection():
    // HandshakeGuard puts the deadline on ours.
    m_webSockets.setHandshakeTimeout(std::chrono::seconds(10));
    m_webSockets.setMaxPendingConnections(config.limits.maxConnections);
    connectListener();
    connect(&m_webSockets, &QWebSocketServer::newConnection, this,
            &ChatServer::onWebSocketConnection);
}

void ChatServer::setTransfer(RequestRouter *router, TransferStreams *transfers)
{
    m_transferRouter = router;
    m_transfers = transfers;
}

ChatServer::~ChatServer()
{
    closeAll();
}

void ChatServer::useTls(const TlsCredentials &credentials)
{
    auto tls = std::make_unique<TlsServer>(
        credentials, std::chrono::milliseconds(m_config.tls.handshakeTimeoutMs), *m_guard);
    m_adopt = [listener = tls.get()](qintptr descriptor) { listener->adopt(descriptor); };
    m_tcp = std::move(tls);
    // Sockets still in their handshake count as pending in QSslServer; the default of 30
    // would let 30 silent clients stop all accepting until their handshakes time out.
    m_tcp->setMaxPendingConnections(m_config.limits.maxConnections);
    connectListener();
}

bool ChatServer::replaceTlsCredentials(const TlsCredentials &credentials)
{
    auto *tls = qobject_cast<TlsServer *>(m_tcp.get());
    if (!tls)
        return false;
    tls->setCredentials(credentials);
    return true;
}

void ChatServer::connectListener()
{
    // Not newConnection: QSslServer emits that on accept, before the handshake, while
    // pendingConnectionAvailable means a socket is ready to take (encrypted, with TLS).
    connect(m_tcp.get(), &QTcpServer::pendingConnectionAvailable, this,
            &ChatServer::onTcpConnection);
}

bool ChatServer::isSecure() const
{
    return qobject_cast<const QSslServer *>(m_tcp.get()) != nullptr;
}

Status ChatServer::listen()
{
    // Qt's default backlog of 50 overflows when many clients connect at once (reconnecting
    // after a restart, or a flood of silent sockets before a real client): the kernel then
    // drops SYNs and a client waits a second for its retransmission.
    m_tcp->setListenBacklogSize(qMax(50, m_config.limits.maxPendingHandshakes));
    if (!m_tcp->listen(m_config.listenAddress, m_config.port)) {
        return makeError(ErrorCode::Unavailable,
                         u"cannot listen on %1 port %2: %3"_s.arg(m_config.listenAddress.toString())
                             .arg(m_config.port)
                             .arg(m_tcp->errorString()));
    }
    m_acceptLoop = std::make_unique<AcceptLoop>(*m_tcp, m_adopt);
    qCInfo(lcNet) << "listening on" << m_tcp->serverAddress().toString() << "port"
                  << m_tcp->serverPort()
                  << (isSecure() ? "with TLS (wss://)" : "without TLS (ws://)");
    return success();
}

void ChatServer::onTcpConnection()
{
    while (QTcpSocket *socket = m_tcp->nextPendingConnection()) {
        if (m_registry.size() >= m_config.limits.maxConnections) {
            qCWarning(lcNet) << "connection limit reached; refusing"
                             << socket->peerAddress().toString();
            ServerMetrics::instance().refusedAtConnectionLimit.fetch_add(1,
                                                                         std::memory_order_relaxed);
            socket->abort();
            socket->deleteLater();
            continue;
        }
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        // From here QWebSocketServer owns the socket: it becomes a QWebSocket or is closed.
        m_webSockets.handleConnection(socket);
    }
}

bool ChatServer::originAllowed(const QString &origin) const
{
    // Browsers always send Origin; native clients usually do not. An empty allow-list
    // accepts any origin.
    return origin.isEmpty() || m_config.allowedOrigins.isEmpty()
        || m_config.allowedOrigins.contains(origin);
}

void ChatServer::onWebSocketConnection()
{
    while (QWebSocket *socket = m_webSockets.nextPendingConnection()) {
        QTcpSocket *transport = m_guard->finished(socket->peerAddress(), socket->peerPort());
        if (m_draining) {
            socket->close(QWebSocketProtocol::CloseCodeGoingAway, u"server shutting down"_s);
            socket->deleteLater();
            continue;
        }
        if (!originAllowed(socket->origin())) {
            qCInfo(lcNet) << "refusing origin" << socket->origin();
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"origin not allowed"_s);
            socket->deleteLater();
            continue;
        }
        const bool transfer =
            m_transfers && socket->requestUrl().path() == QLatin1String("/transfer");
        auto *connection = transfer
            ? new ClientConnection(m_nextConnectionId++, socket, *m_transferRouter, m_config.limits,
                                   this, ClientConnection::Purpose::Transfer,
                                   m_config.files.chunkBytes + 128)
            : new ClientConnection(m_nextConnectionId++, socket, m_router, m_config.limits, this);
        connection->trustProxies(m_config.trustedProxies);
        connection->setTransport(transport);
        // Behind a trusted proxy the client's address is known only now.
        if (transport && !m_guard->countForwarded(transport, connection->peerAddress())) {
            qCInfo(lcNet) << "too many connections from" << connection->peerAddress().toString();
            m_registry.add(connection);
            connect(connection, &ClientConnection::closed, this, &ChatServer::onClosed);
            connection->close(QWebSocketProtocol::CloseCodePolicyViolated,
                              u"too many connections from your address"_s);
            continue;
        }
        if (transfer) {
            TransferStreams *transfers = m_transfers;
            connection->setBinaryHandler([transfers](ClientConnection &c, const QByteArray &frame) {
                transfers->onBinary(c, frame);
            });
        }
        m_registry.add(connection);
        connect(connection, &ClientConnection::authenticated, this, &ChatServer::onAuthenticated);
        connect(connection, &ClientConnection::closed, this, &ChatServer::onClosed);
        qCDebug(lcNet) << "connection" << connection->id() << "from"
                       << connection->peerAddress().toString();
    }
}

ChatServer::ConnectionCounts ChatServer::connectionCounts() const
{
    ConnectionCounts counts;
    const QList<ClientConnection *> connections = m_registry.all();
    for (const ClientConnection *connection : connections) {
        if (connection->purpose() == ClientConnection::Purpose::Transfer)
            ++counts.transfer;
        else if (connection->isAuthenticated())
            ++counts.chat;
        else
            ++counts.unauthenticated;
    }
    counts.handshaking = m_guard ? m_guard->pendingCount() : 0;
    return counts;
}

void ChatServer::onAuthenticated(ClientConnection *connection)
{
    if (connection->purpose() == ClientConnection::Purpose::Transfer)
        return; // file bytes only: no pushes, no presence
    m_presence.connectionAuthenticated(connection->userId(), connection->id());
}

void ChatServer::onClosed(ClientConnection *connection)
{
    m_registry.remove(connection);
    if (m_draining && m_registry.size() == 0)
        QTimer::singleShot(0, this, &ChatServer::finishDrain); // after this close is handled
    if (connection->purpose() == ClientConnection::Purpose::Transfer) {
        if (m_transfers)
            m_transfers->connectionClosed(connection);
        return;
    }
    if (connection->isAuthenticated())
        m_presence.connectionClosed(connection->userId(), connection->id());
}

void ChatServer::closeSession(SessionId session, const QString &reason)
{
    const QByteArray push = Protocol::encodePush(Protocol::Type::SessionRevoked,
                                                 Protocol::SessionRevokedPush{reason}.toJson());
    const QList<ClientConnection *> connections = m_registry.forSession(session);
    for (ClientConnection *connection : connections) {
        connection->sendFrame(push);
        connection->close(QWebSocketProtocol::CloseCodeNormal, u"session revoked"_s);
    }
}

void ChatServer::closeAll()
{
    const QList<ClientConnection *> connections = m_registry.all();
    for (ClientConnection *connection : connections)
        connection->close(QWebSocketProtocol::CloseCodeGoingAway, u"server shutting down"_s);
}

} // namespace Banter::Server

namespace Banter::Server {

void ChatServer::drain(std::chrono::milliseconds budget)
{
    if (m_draining)
        return;
    m_draining = true;
    m_acceptLoop.reset(); // before the listening socket it watches goes
    m_tcp->close(); // connecting now is refused by the kernel
    m_guard->abortPending();
    const QList<ClientConnection *> connections = m_registry.all();
    qCInfo(lcServer) << "stopping: answering the requests in progress on" << connections.size()
                     << "connections, then closing them (at most" << budget.count() << "ms)";
    // A client told `unavailable` may come back once a restart could have happened.
    const qint64 retryAfterMs = qMax<qint64>(1000, budget.count());
    for (ClientConnection *connection : connections)
        connection->beginDrain(retryAfterMs, budget);
    m_abandonTimer.setSingleShot(true);
    connect(&m_abandonTimer, &QTimer::timeout, this, [this] {
        const QList<ClientConnection *> left = m_registry.all();
        for (ClientConnection *connection : left) {
            if (connection->requestsInProgress() > 0)
                qCWarning(lcServer) << "stopping: connection" << connection->id() << "still has"
                                    << connection->requestsInProgress()
                                    << "requests in progress; answering them unavailable";
            connection->abandonRequests();
        }
    });
    m_abandonTimer.start(budget * 3 / 4);
    m_drainDeadline.setSingleShot(true);
    connect(&m_drainDeadline, &QTimer::timeout, this, &ChatServer::finishDrain);
    m_drainDeadline.start(budget);
    if (m_registry.size() == 0)
        QTimer::singleShot(0, this, &ChatServer::finishDrain);
}

void ChatServer::finishDrain()
{
    if (m_drained)
        return;
    m_drained = true;
    m_abandonTimer.stop();
    m_drainDeadline.stop();
    if (const qsizetype left = m_registry.size(); left > 0)
        qCWarning(lcServer) << "stopping:" << left
                            << "connections did not finish their closing handshake in time";
    else
        qCInfo(lcServer) << "stopping: every connection closed";
    Q_EMIT drained();
}

} // namespace Banter::Server
