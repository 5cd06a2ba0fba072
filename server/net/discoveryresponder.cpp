// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/discoveryresponder.h"

#include "net/lanaddresses.h"
#include "serverlogging.h"

#include <QNetworkDatagram>
#include <QUdpSocket>

namespace Banter::Server {

using namespace Qt::StringLiterals;

DiscoveryResponder::DiscoveryResponder(DiscoveryAnnouncement announcement,
                                       const QHostAddress &listenAddress, Limits limits,
                                       QObject *parent)
    : QObject(parent)
    , m_announcement(std::move(announcement))
    , m_listenAddress(listenAddress)
    , m_limits(limits)
{
    m_clock.start();
    m_global = TokenBucket(m_limits.answersPerSecond, m_limits.burst, 0);
}

DiscoveryResponder::DiscoveryResponder(DiscoveryAnnouncement announcement,
                                       const QHostAddress &listenAddress, QObject *parent)
    : DiscoveryResponder(std::move(announcement), listenAddress, Limits{}, parent)
{ }

DiscoveryResponder::~DiscoveryResponder() = default;

bool DiscoveryResponder::announces(const QHostAddress &listenAddress)
{
    return !listenAddress.isNull() && !listenAddress.isLoopback();
}

Status DiscoveryResponder::start(quint16 port)
{
    if (!announces(m_listenAddress))
        return makeError(
            ErrorCode::BadRequest,
            u"a server listening on %1 is not announced"_s.arg(m_listenAddress.toString()));
    if (!isWildcardAddress(m_listenAddress)) {
        m_listenInterface = interfaceHolding(m_listenAddress);
        if (m_listenInterface == 0)
            return makeError(ErrorCode::Internal,
                             u"no interface holds %1"_s.arg(m_listenAddress.toString()));
    }
    // Broadcasts reach only a socket bound to the wildcard, so bind that and filter by the
    // interface a query arrived on (arrivedWhereWeListen).
    QHostAddress bindAddress = m_listenAddress;
    if (!isWildcardAddress(m_listenAddress))
        bindAddress = m_listenAddress.protocol() == QAbstractSocket::IPv6Protocol
            ? QHostAddress(QHostAddress::AnyIPv6)
            : QHostAddress(QHostAddress::AnyIPv4);
    m_socket = new QUdpSocket(this);
    if (!m_socket->bind(bindAddress, port)) {
        const QString error = m_socket->errorString();
        delete m_socket;
        m_socket = nullptr;
        return makeError(ErrorCode::Internal,
                         u"cannot listen for discovery on UDP port %1: %2"_s.arg(port).arg(error));
    }
    connect(m_socket, &QUdpSocket::readyRead, this, &DiscoveryResponder::readPending);
    qCInfo(lcNet) << "answering LAN discovery on UDP port" << m_socket->localPort();
    return success();
}

quint16 DiscoveryResponder::port() const
{
    return m_socket ? m_socket->localPort() : 0;
}

void DiscoveryResponder::readPending()
{
    // Everything pending, as QUdpSocket expects: leaving some for later stops its read
    // notifications for good. The socket's receive buffer (a few hundred datagrams) bounds the
    // work of one turn, and each costs a comparison or two and a hash lookup.
    while (m_socket->hasPendingDatagrams())
        handle(m_socket->receiveDatagram(DiscoveryDatagramMaximumBytes + 1));
}

void DiscoveryResponder::handle(const QNetworkDatagram &datagram)
{
    const std::optional<QByteArray> nonce = parseDiscoveryQuery(datagram.data());
    if (!nonce || datagram.senderPort() <= 0 || !arrivedWhereWeListen(datagram)
        || !admit(datagram.senderAddress())) {
        ++m_ignored;
        return;
    }
    const QByteArray answer = encodeDiscoveryAnswer(m_announcement, *nonce);
    Q_ASSERT(answer.size() <= datagram.data().size());
    if (m_socket->writeDatagram(answer, datagram.senderAddress(), quint16(datagram.senderPort()))
        == answer.size())
        ++m_answered;
}

bool DiscoveryResponder::arrivedWhereWeListen(const QNetworkDatagram &datagram) const
{
    if (m_listenInterface == 0)
        return true;
    if (datagram.interfaceIndex() != 0)
        return int(datagram.interfaceIndex()) == m_listenInterface;
    return datagram.destinationAddress().isEqual(m_listenAddress, QHostAddress::TolerantConversion);
}

bool DiscoveryResponder::admit(const QHostAddress &source)
{
    const qint64 now = m_clock.elapsed();
    auto found = m_sources.find(source);
    if (found == m_sources.end()) {
        if (m_sources.size() >= m_limits.maxSources) {
            // Forget sources that have been quiet long enough to be full again; at most once
            // a second, so spoofed sources cannot make every datagram a sweep.
            if (now - m_lastSweepMs < 1000)
                return false;
            m_lastSweepMs = now;
            m_sources.removeIf([now](QHash<QHostAddress, TokenBucket>::iterator it) {
                return it.value().isFull(now);
            });
            if (m_sources.size() >= m_limits.maxSources)
                return false;
        }
        found = m_sources.insert(
            source, TokenBucket(m_limits.answersPerSecondPerSource, m_limits.burstPerSource, now));
    }
    return found.value().take(now) == 0 && m_global.take(now) == 0;
}

} // namespace Banter::Server
