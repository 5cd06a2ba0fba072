// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/handshakeguard.h"

#include "serverlogging.h"

#include <sys/socket.h>
#include <unistd.h>

namespace Banter::Server {

namespace {
constexpr qint64 ReportIntervalMs = 60'000;

QHostAddress peerOf(qintptr descriptor)
{
    sockaddr_storage address{};
    socklen_t length = sizeof(address);
    if (::getpeername(int(descriptor), reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return {};
    return QHostAddress(reinterpret_cast<const sockaddr *>(&address));
}
} // namespace

HandshakeGuard::HandshakeGuard(const ServerLimits &limits, const QList<Subnet> &trustedProxies,
                               QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_trustedProxies(trustedProxies)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &HandshakeGuard::onDeadline);
}

bool HandshakeGuard::isTrustedProxy(const QHostAddress &address) const
{
    for (const Subnet &subnet : m_trustedProxies) {
        if (address.isInSubnet(subnet))
            return true;
    }
    return false;
}

bool HandshakeGuard::admit(qintptr descriptor)
{
    const QHostAddress peer = peerOf(descriptor);
    if (!peer.isNull() && !isTrustedProxy(peer)
        && m_perAddress.value(peer) >= m_limits.maxConnectionsPerAddress && !evictOldest(&peer)) {
        ::close(int(descriptor));
        ++m_refused;
        report();
        return false;
    }
    if (m_pending.size() >= m_limits.maxPendingHandshakes)
        evictOldest(nullptr);
    return true;
}

void HandshakeGuard::track(QTcpSocket *socket)
{
    const QHostAddress peer = socket->peerAddress();
    if (!isTrustedProxy(peer)) {
        m_counted.insert(socket, peer);
        ++m_perAddress[peer];
    }
    const auto timeoutMs = qint64(m_limits.handshakeTimeoutSeconds * 1000);
    m_pending.append(Pending{socket, m_clock.elapsed() + timeoutMs});
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket] { release(socket); });
    connect(socket, &QObject::destroyed, this, &HandshakeGuard::release);
    if (!m_timer.isActive())
        armTimer();
}

QTcpSocket *HandshakeGuard::finished(const QHostAddress &peer, quint16 port)
{
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        QTcpSocket *socket = it->socket.data();
        if (socket && socket->peerPort() == port && socket->peerAddress() == peer) {
            m_pending.erase(it);
            return socket;
        }
    }
    return nullptr;
}

bool HandshakeGuard::countForwarded(QTcpSocket *socket, const QHostAddress &client)
{
    if (m_counted.contains(socket))
        return true; // counted by its own address already
    if (m_perAddress.value(client) >= m_limits.maxConnectionsPerAddress)
        return false;
    m_counted.insert(socket, client);
    ++m_perAddress[client];
    return true;
}

// The oldest unfinished handshake (of one address, or of any) is dropped to make room.
bool HandshakeGuard::evictOldest(const QHostAddress *from)
{
    for (qsizetype i = 0; i < m_pending.size(); ++i) {
        QTcpSocket *socket = m_pending.at(i).socket.data();
        if (!socket || (from && m_counted.value(socket) != *from))
            continue;
        m_pending.removeAt(i);
        release(socket);
        socket->abort(); // the descriptor is free now; Qt deletes the object later
        ++m_evicted;
        report();
        return true;
    }
    return false;
}

void HandshakeGuard::release(QObject *socket)
{
    const auto counted = m_counted.constFind(socket);
    if (counted != m_counted.cend()) {
        const auto it = m_perAddress.find(*counted);
        if (it != m_perAddress.end() && --*it <= 0)
            m_perAddress.erase(it);
        m_counted.erase(counted);
    }
    m_pending.removeIf([socket](const Pending &p) { return !p.socket || p.socket == socket; });
}

void HandshakeGuard::onDeadline()
{
    const qint64 now = m_clock.elapsed();
    while (!m_pending.isEmpty() && m_pending.constFirst().deadline <= now) {
        QPointer<QTcpSocket> socket = m_pending.takeFirst().socket;
        if (!socket)
            continue;
        qCDebug(lcNet) << "no WebSocket upgrade from" << socket->peerAddress().toString()
                       << "in time; dropping the socket";
        release(socket);
        socket->abort();
        ++m_timedOut;
    }
    report();
    armTimer();
}

void HandshakeGuard::armTimer()
{
    if (m_pending.isEmpty())
        return;
    m_timer.start(int(qMax<qint64>(0, m_pending.constFirst().deadline - m_clock.elapsed())));
}

void HandshakeGuard::abortPending()
{
    const QList<Pending> pending = std::exchange(m_pending, {});
    for (const Pending &p : pending) {
        if (p.socket)
            p.socket->abort();
    }
    m_timer.stop();
}

void HandshakeGuard::report()
{
    if (m_refused + m_evicted + m_timedOut == 0
        || (m_sinceReport.isValid() && m_sinceReport.elapsed() < ReportIntervalMs))
        return;
    qCInfo(lcNet).noquote()
        << QStringLiteral("shed sockets that did not finish their handshake: %1 refused (address "
                          "at max_connections_per_address), %2 dropped to make room, %3 past "
                          "handshake_timeout_seconds (summed up at most once a minute)")
               .arg(m_refused)
               .arg(m_evicted)
               .arg(m_timedOut);
    m_sinceReport.start();
    m_refused = m_evicted = m_timedOut = 0;
}

} // namespace Banter::Server
