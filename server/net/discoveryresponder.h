// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/tokenbucket.h"
#include <banter/domain/result.h>
#include <banter/protocol/discoverydatagram.h>

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>

class QNetworkDatagram;
class QUdpSocket;

namespace Banter::Server {

// Answers LAN discovery queries (docs/PROTOCOL.md, "LAN discovery") on a UDP port, for a
// server in LAN mode. Only well-formed queries are answered, only to the address and port
// they came from, with an answer no larger than the query; and only so many per second, per
// source address and in all. Everything else is dropped without a reply or a log line, so a
// flood costs a read and a comparison per datagram.
class DiscoveryResponder : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        double answersPerSecondPerSource = 2;
        double burstPerSource = 5;
        double answersPerSecond = 50; // all sources together
        double burst = 100;
        int maxSources = 1024; // source addresses remembered for their rate limit
    };

    // `listenAddress` is the chat listener's: a wildcard answers on every interface, a single
    // address only on the interface that holds it.
    DiscoveryResponder(DiscoveryAnnouncement announcement, const QHostAddress &listenAddress,
                       Limits limits, QObject *parent = nullptr);
    DiscoveryResponder(DiscoveryAnnouncement announcement, const QHostAddress &listenAddress,
                       QObject *parent = nullptr);
    ~DiscoveryResponder() override;

    // Whether a server listening on `listenAddress` is announced at all: never when it is
    // reachable from this machine only.
    static bool announces(const QHostAddress &listenAddress);

    Status start(quint16 port);
    quint16 port() const;
    quint64 answered() const { return m_answered; }
    quint64 ignored() const { return m_ignored; }

private:
    void readPending();
    void handle(const QNetworkDatagram &datagram);
    bool arrivedWhereWeListen(const QNetworkDatagram &datagram) const;
    bool admit(const QHostAddress &source);

    DiscoveryAnnouncement m_announcement;
    QHostAddress m_listenAddress;
    int m_listenInterface = 0; // index of the interface holding a specific listen address
    Limits m_limits;
    QUdpSocket *m_socket = nullptr;
    QElapsedTimer m_clock;
    TokenBucket m_global;
    QHash<QHostAddress, TokenBucket> m_sources;
    qint64 m_lastSweepMs = -1'000'000;
    quint64 m_answered = 0;
    quint64 m_ignored = 0;
};

} // namespace Banter::Server
