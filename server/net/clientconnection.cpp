// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/clientconnection.h"

#include "net/clientaddress.h"
#include "net/requestrouter.h"
#include "serverlogging.h"
#include <banter/protocol/frame.h>

#include <QCoreApplication>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace Banter::Server {

using namespace Qt::StringLiterals;

ClientConnection::ClientConnection(ConnectionId id, QWebSocket *socket, RequestRouter &router,
                                   const ServerLimits &limits, QObject *parent, Purpose purpose,
                                   qint64 maxBinaryBytes)
    : QObject(parent)
    , m_id(id)
    , m_purpose(purpose)
    , m_socket(socket)
    , m_router(router)
    , m_limits(limits)
    , m_peerAddress(socket->peerAddress())
{
    m_clock.start();
    m_lastActivity.start();
    m_requests = TokenBucket(limits.requestsPerSecond, limits.requestBurst, 0);
    m_overLimit = TokenBucket(limits.requestsPerSecond, limits.requestBurst, 0);
    m_socket->setParent(this);
    // Qt's defaults allow ~2 GiB messages; a chat request is never near 64 KiB.
    // A transfer connection also takes chunks (binary frames) up to their own cap.
    const qint64 maxIncoming = qMax(limits.maxRequestBytes, maxBinaryBytes);
    m_socket->setMaxAllowedIncomingFrameSize(quint64(maxIncoming));
    m_socket->setMaxAllowedIncomingMessageSize(quint64(maxIncoming));
    connect(m_socket, &QWebSocket::bytesWritten, this, &ClientConnection::writable);

    connect(m_socket, &QWebSocket::textMessageReceived, this, &ClientConnection::onTextMessage);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &ClientConnection::onBinaryMessage);
    connect(m_socket, &QWebSocket::pong, this, [this] { m_lastActivity.restart(); });
    connect(m_socket, &QWebSocket::disconnected, this, &ClientConnection::onDisconnected);

    m_heartbeat.setInterval(std::chrono::seconds(limits.heartbeatSeconds));
    connect(&m_heartbeat, &QTimer::timeout, this, &ClientConnection::onHeartbeat);
    m_heartbeat.start();

    m_authTimeout.setSingleShot(true);
    m_authTimeout.setInterval(std::chrono::seconds(limits.authTimeoutSeconds));
    connect(&m_authTimeout, &QTimer::timeout, this, [this] {
        if (!isAuthenticated())
            close(QWebSocketProtocol::CloseCodePolicyViolated, u"authentication timed out"_s);
    });
    m_authTimeout.start();
}

ClientConnection::~ClientConnection()
{
    // A client cut off for not reading left megabytes of answers behind, in pieces below the
    // allocator's mmap threshold: glibc keeps them (main.cpp raises its trim threshold) unless
    // asked. Asked once the socket (a child, deleted after this body) is gone.
    if (m_cutOff) {
#if defined(__GLIBC__)
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [] { malloc_trim(0); }, Qt::QueuedConnection);
#endif
    }
}

void ClientConnection::trustProxies(const QList<Subnet> &proxies)
{
    m_peerAddress = resolveClientAddress(m_socket->peerAddress(),
                                         m_socket->request().rawHeader("X-Forwarded-For"), proxies);
}

void ClientConnection::setAuthenticated(UserId user, SessionId session)
{
    const bool first = m_user == 0;
    m_user = user;
    m_session = session;
    m_authTimeout.stop();
    if (first)
        Q_EMIT authenticated(this);
}

void ClientConnection::sendFrame(const QByteArray &frame)
{
    if (m_closing || m_closed)
        return;
    if (m_socket->bytesToWrite() + frame.size() > m_limits.maxPendingWriteBytes) {
        qCInfo(lcNet) << "connection" << m_id << "is not reading; closing it";
        m_cutOff = true;
        close(QWebSocketProtocol::CloseCodeTooMuchData, u"you are not reading fast enough"_s);
        return;
    }
    m_socket->sendTextMessage(QString::fromUtf8(frame));
}

void ClientConnection::sendAnswer(const QString &rid, const QByteArray &frame)
{
    const auto it = std::find_if(m_inProgress.cbegin(), m_inProgress.cend(),
                                 [&rid](const InProgress &r) { return r.rid == rid; });
    if (it == m_inProgress.cend() && m_drainRetryAfterMs > 0)
        return; // answered `unavailable` already when the stop ran out of time
    if (it != m_inProgress.cend())
        m_inProgress.erase(it);
    sendFrame(frame);
    if (m_drainRetryAfterMs > 0 && m_inProgress.isEmpty())
        close(QWebSocketProtocol::CloseCodeGoingAway, u"server shutting down"_s);
}

void ClientConnection::beginDrain(qint64 retryAfterMs, std::chrono::milliseconds closeGrace)
{
    if (m_closing || m_closed)
        return;
    m_drainRetryAfterMs = qMax<qint64>(1, retryAfterMs);
    m_closeGrace = closeGrace;
    // Requests already in the kernel's buffer were sent before the client could know: each
    // still gets its answer (`unavailable`). Reading emits readyRead synchronously, which
    // QWebSocket turns into onTextMessage calls. Bounded: a client cannot keep this going.
    for (int round = 0; round < 16 && m_transport && !m_closed; ++round) {
        if (!m_transport->waitForReadyRead(0))
            break;
    }
    if (m_inProgress.isEmpty())
        close(QWebSocketProtocol::CloseCodeGoingAway, u"server shutting down"_s);
}

void ClientConnection::abandonRequests()
{
    const QList<InProgress> unanswered = std::exchange(m_inProgress, {});
    for (const InProgress &r : unanswered) {
        sendFrame(Protocol::encodeFailure(
            r.type, r.rid,
            makeError(ErrorCode::Unavailable,
                      u"the server is shutting down; this request may or may not have been "
                      "carried out, send it again (with the same id) after reconnecting"_s,
                      m_drainRetryAfterMs)));
    }
    close(QWebSocketProtocol::CloseCodeGoingAway, u"server shutting down"_s);
}

void ClientConnection::sendBinary(const QByteArray &frame)
{
    if (!m_closing && !m_closed)
        m_socket->sendBinaryMessage(frame);
}

qint64 ClientConnection::bytesToWrite() const
{
    return m_socket->bytesToWrite();
}

void ClientConnection::close(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (m_closing || m_closed)
        return;
    // At once, not when the socket finally drops: requests already read, answers still on
    // their way and pushes all stop here.
    m_closing = true;
    m_authTimeout.stop();
    m_socket->close(code, reason);
    // A peer that never answers the close handshake is dropped after a grace period.
    QTimer::singleShot(m_closeGrace, this, [this] {
        if (m_socket->state() != QAbstractSocket::UnconnectedState)
            m_socket->abort();
    });
}

// Every frame is charged before it is parsed: a malformed or binary one costs the same
// token as a request. Answers false when the frame is to be dropped unparsed (the connection
// is then closing); `wait` is non-zero when the frame is over the limit but still answered.
bool ClientConnection::meter(qint64 &wait)
{
    const qint64 now = m_clock.elapsed();
    wait = m_requests.take(now);
    if (wait == 0 || m_overLimit.take(now) == 0)
        return true;
    qCInfo(lcNet) << "connection" << m_id << "ignores rate limiting; closing it";
    close(QWebSocketProtocol::CloseCodePolicyViolated, u"too many requests"_s); // reads no more
    return false;
}

void ClientConnection::onTextMessage(const QString &text)
{
    m_lastActivity.restart();
    if (m_closing || m_closed)
        return;
    qint64 wait = 0;
    if (!meter(wait))
        return;
    const QByteArray frame = text.toUtf8();
    auto decoded = Protocol::decodeRequest(frame);
    if (auto *failure = std::get_if<Protocol::RequestError>(&decoded)) {
        // A refused ping is answered as pong too, as every other ping answer is.
        sendFrame(Protocol::encodeFailure(Protocol::responseType(failure->type), failure->rid,
                                          failure->error));
        return;
    }
    const Protocol::Request &request = std::get<Protocol::Request>(decoded);
    const QString replyType = Protocol::responseType(request.type);
    if (wait > 0) {
        sendFrame(Protocol::encodeFailure(
            replyType, request.rid,
            makeError(ErrorCode::RateLimited, u"too many requests; slow down"_s, wait)));
        return;
    }
    if (m_drainRetryAfterMs > 0) {
        sendFrame(Protocol::encodeFailure(
            replyType, request.rid,
            makeError(ErrorCode::Unavailable,
                      u"the server is shutting down; nothing was changed, reconnect and retry"_s,
                      m_drainRetryAfterMs)));
        return;
    }
    m_inProgress.append(InProgress{replyType, request.rid});
    m_router.dispatch(*this, request);
}

void ClientConnection::onBinaryMessage(const QByteArray &data)
{
    m_lastActivity.restart();
    if (m_closing || m_closed || m_drainRetryAfterMs > 0)
        return;
    // Upload chunks are paced by the transfer window instead (TransferStreams).
    if (m_binaryHandler && isAuthenticated())
        return m_binaryHandler(*this, data);
    qint64 wait = 0;
    if (!meter(wait) || wait > 0)
        return;
    sendFrame(Protocol::encodeFailure(
        {}, {}, makeError(ErrorCode::BadRequest, u"binary frames are not part of the protocol"_s)));
}

void ClientConnection::onHeartbeat()
{
    if (m_lastActivity.elapsed() > qint64(m_limits.idleTimeoutSeconds) * 1000) {
        qCInfo(lcNet) << "connection" << m_id << "idle; closing it";
        close(QWebSocketProtocol::CloseCodeGoingAway, u"idle timeout"_s);
        return;
    }
    m_socket->ping();
}

void ClientConnection::onDisconnected()
{
    if (m_closed)
        return;
    m_closed = true;
    m_heartbeat.stop();
    m_authTimeout.stop();
    Q_EMIT closed(this);
    deleteLater();
}

} // namespace Banter::Server
