// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/protocol/discoverydatagram.h>

#include <QHostAddress>
#include <QString>

#include <memory>

namespace Banter::Server {

// Announces the server as _banter._tcp over DNS-SD/mDNS through the system's responder
// (Avahi), with a TXT record of protocol version, name, TLS on/off and certificate SHA-256
// (docs/PROTOCOL.md, "LAN discovery"). Built without libavahi-client, or with no avahi-daemon
// running, it logs that once and announces nothing: the UDP discovery answer still works.
//
// Avahi runs on its own thread (AvahiThreadedPoll) rather than in the Qt event loop: all it
// does is register one service at start and again when the daemon restarts, its callbacks
// touch nothing but the announcer's own immutable data, and it saves adapting Avahi's whole
// poll API (watches and timeouts) to QSocketNotifier and QTimer.
class MdnsAnnouncer
{
public:
    static constexpr const char *ServiceType = "_banter._tcp";

    MdnsAnnouncer(DiscoveryAnnouncement announcement, const QHostAddress &listenAddress);
    ~MdnsAnnouncer();
    MdnsAnnouncer(const MdnsAnnouncer &) = delete;
    MdnsAnnouncer &operator=(const MdnsAnnouncer &) = delete;

    // Starts announcing once the responder is reachable; false (and logged once) when this
    // build has no Avahi support or the client library cannot start.
    bool start();
    // The TXT record's entries, "key=value" each.
    static QList<QByteArray> txtRecord(const DiscoveryAnnouncement &announcement);

    struct Avahi;

private:
    std::unique_ptr<Avahi> m_avahi;
};

} // namespace Banter::Server
