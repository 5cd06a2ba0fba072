// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/protocol/discoverydatagram.h>

#include <QUdpSocket>

namespace Banter::Test {

// Answers LAN discovery queries on a loopback port with whatever it is told to claim: the
// honest server, or the impostor a discovery answer lets anyone on a network be (a forged
// fingerprint). Hostile, it answers with garbage and with nonces nobody sent instead.
// A ServerBrowser finds it with Options::discoveryPort = port().
class DiscoveryResponder
{
public:
    // Listens on `address` (loopback) and `port` (0: any free one).
    explicit DiscoveryResponder(DiscoveryAnnouncement announcement,
                                const QHostAddress &address = QHostAddress(QHostAddress::LocalHost),
                                quint16 port = 0);
    DiscoveryResponder(const DiscoveryResponder &) = delete;
    DiscoveryResponder &operator=(const DiscoveryResponder &) = delete;

    quint16 port() const { return m_socket.localPort(); }

    int queries = 0; // well-formed queries received
    bool answering = true;
    bool hostile = false;

private:
    void answer();

    DiscoveryAnnouncement m_announcement;
    QUdpSocket m_socket;
};

} // namespace Banter::Test
