// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/protocol/discoverydatagram.h>

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

/// @file
/// Finding Banter servers on the local network, for a "Servers on your network" list.

namespace Banter {

/// One server a ServerBrowser heard from. Discovery is unauthenticated: the name and the
/// fingerprint are what the answer claims. A client still goes through first-use trust when
/// it connects, and can show `claimedSha256` beside the certificate it is then presented so
/// that a mismatch stands out.
struct BANTERSHARED_EXPORT DiscoveredServer
{
    /// How the server was first heard of (an entry heard both ways stays one entry).
    enum class Via {
        Udp, ///< An answer to the UDP discovery query (docs/PROTOCOL.md, "LAN discovery").
        Mdns, ///< A `_banter._tcp` DNS-SD service resolved through the system's Avahi daemon.
    };

    QString name; ///< The name its operator gave it (or its host name).
    QHostAddress address; ///< Where the answer came from: the address to connect to.
    quint16 port = 0; ///< The chat port.
    bool tls = true; ///< wss:// (true) or ws://.
    QByteArray claimedSha256; ///< The certificate SHA-256 it claims (32 bytes); empty without TLS.
    int protocolVersion = 1; ///< The chat protocol version it speaks.
    Via via = Via::Udp; ///< How it was first found.

    /// The URL to connect to: wss://ADDRESS:PORT (or ws://).
    QUrl url() const;
    /// Identity within a browser's list: address and port.
    QString key() const;

    friend bool operator==(const DiscoveredServer &, const DiscoveredServer &) = default;
};

/// Finds Banter servers on the local network and keeps the list current.
///
/// While active it sends a discovery query (UDP, to port DiscoveryPort) to the broadcast
/// address of every interface that is up, and to this machine, every queryIntervalMs; every
/// server in LAN mode that hears one answers. It also browses `_banter._tcp` over DNS-SD/mDNS
/// through the system's Avahi daemon, when BanterShared was built with it (the CMake option
/// BANTER_SHARED_MDNS) and the daemon runs; otherwise it browses by UDP alone and says so only
/// in the debug log. Both are IPv4. An mDNS service and a UDP answer for the same address and
/// port are one server.
///
/// A server first heard of is reported by serverFound(), one whose answer changed by
/// serverChanged(), and one that has neither answered for lostAfterMs nor is still announced
/// over mDNS by serverLost(). Answers that do not echo one of the browser's recent nonces are
/// ignored, and the list is bounded (maxServers).
///
/// Typical use, in a sign-in dialog:
/// @code
/// auto *browser = new Banter::ServerBrowser(this);
/// connect(browser, &Banter::ServerBrowser::serverFound, this, &Dialog::addServer);
/// connect(browser, &Banter::ServerBrowser::serverLost, this, &Dialog::removeServer);
/// browser->start();
/// @endcode
class BANTERSHARED_EXPORT ServerBrowser : public QObject
{
    Q_OBJECT
public:
    /// How a browser searches; the defaults suit a sign-in dialog.
    struct Options
    {
        quint16 discoveryPort = DiscoveryPort; ///< The servers' UDP discovery port.
        int queryIntervalMs = 3000; ///< How often the query is sent again.
        int lostAfterMs = 10'000; ///< Silence after which a server counts as gone.
        int maxServers = 256; ///< Servers kept at most; answers from more are ignored.
        /// Where to send the query besides the interfaces' broadcast addresses (say, a server
        /// on another subnet that the user named).
        QList<QHostAddress> extraTargets;
        bool udp = true; ///< Send the UDP discovery query.
        /// Send it to every interface's broadcast address; false: to this machine and
        /// extraTargets only.
        bool broadcast = true;
        bool mdns = true; ///< Browse mDNS too (where this build and the system allow it).
    };

    /// A browser with the default options; call start().
    explicit ServerBrowser(QObject *parent = nullptr);
    /// A browser with `options`; call start().
    explicit ServerBrowser(Options options, QObject *parent = nullptr);
    ~ServerBrowser() override;

    /// Opens a UDP socket and sends the first query at once, and starts browsing mDNS; false
    /// (and nothing changes) when neither can start. Starting an active browser does nothing.
    bool start();
    /// Stops querying and forgets every server (no serverLost() for them).
    void stop();
    /// Sends a query now (as on a "Refresh" button); does nothing when not active.
    void refresh();
    /// Whether start() succeeded and stop() has not been called since.
    bool isActive() const;
    /// Whether mDNS is being browsed (built with Avahi, asked for, and the client started;
    /// a daemon that is not running yet still counts).
    bool isBrowsingMdns() const;
    /// The servers currently known, in the order they were found.
    QList<DiscoveredServer> servers() const;

Q_SIGNALS:
    /// A server answered for the first time (or again after it was lost).
    void serverFound(const Banter::DiscoveredServer &server);
    /// A known server answered with something new (a new name, port or certificate).
    void serverChanged(const Banter::DiscoveredServer &server);
    /// A server has not answered for lostAfterMs.
    void serverLost(const Banter::DiscoveredServer &server);

private:
    void startUdp();
    void heard(const DiscoveredServer &server);
    void mdnsRemoved(const QString &key);
    void forgetSilent();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Banter

Q_DECLARE_METATYPE(Banter::DiscoveredServer)
