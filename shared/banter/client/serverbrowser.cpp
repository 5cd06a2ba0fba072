// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/clientlogging_p.h>
#include <banter/client/mdnsbrowser_p.h>
#include <banter/client/serverbrowser.h>

#include <QElapsedTimer>
#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QRandomGenerator>
#include <QTimer>
#include <QUdpSocket>

#include <algorithm>
#include <deque>

namespace Banter {

using namespace Qt::StringLiterals;

namespace {
// Answers to the last few queries count: a slow server answers after the next was sent.
constexpr size_t RememberedNonces = 3;

QByteArray randomNonce()
{
    QByteArray nonce(DiscoveryNonceBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(nonce.data()),
                                          DiscoveryNonceBytes / 4);
    return nonce;
}

// Every interface's broadcast address (if asked), and loopback for a server on this machine.
QList<QHostAddress> queryTargets(bool broadcast, const QList<QHostAddress> &extra)
{
    QList<QHostAddress> targets{QHostAddress(QHostAddress::LocalHost)};
    const QList<QNetworkInterface> interfaces =
        broadcast ? QNetworkInterface::allInterfaces() : QList<QNetworkInterface>();
    for (const QNetworkInterface &interface : interfaces) {
        const auto flags = interface.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp)
            || !flags.testFlag(QNetworkInterface::CanBroadcast))
            continue;
        for (const QNetworkAddressEntry &entry : interface.addressEntries()) {
            if (!entry.broadcast().isNull() && !targets.contains(entry.broadcast()))
                targets.append(entry.broadcast());
        }
    }
    for (const QHostAddress &target : extra) {
        if (!targets.contains(target))
            targets.append(target);
    }
    return targets;
}
} // namespace

QUrl DiscoveredServer::url() const
{
    QUrl url;
    url.setScheme(tls ? u"wss"_s : u"ws"_s);
    url.setHost(address.toString());
    url.setPort(port);
    return url;
}

QString DiscoveredServer::key() const
{
    return address.toString() + u'|' + QString::number(port);
}

struct ServerBrowser::Private
{
    struct Known
    {
        DiscoveredServer server;
        qint64 lastHeardMs = -1; // by UDP; -1: never
        bool announced = false; // over mDNS, until the service goes away
    };

    Options options;
    bool active = false;
    QUdpSocket *socket = nullptr;
    MdnsBrowser *mdns = nullptr;
    QTimer timer;
    QElapsedTimer clock;
    std::deque<QByteArray> nonces;
    QList<Known> known;
};

ServerBrowser::ServerBrowser(QObject *parent)
    : ServerBrowser(Options{}, parent)
{ }

ServerBrowser::ServerBrowser(Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    qRegisterMetaType<Banter::DiscoveredServer>();
    d->options = std::move(options);
    d->timer.setInterval(d->options.queryIntervalMs);
    connect(&d->timer, &QTimer::timeout, this, &ServerBrowser::refresh);
}

ServerBrowser::~ServerBrowser() = default;

bool ServerBrowser::start()
{
    if (d->active)
        return true;
    d->clock.start();
    if (d->options.mdns) {
        auto *mdns = new MdnsBrowser(d->options.maxServers, this);
        if (mdns->start()) {
            d->mdns = mdns;
            connect(mdns, &MdnsBrowser::found, this, &ServerBrowser::heard);
            connect(mdns, &MdnsBrowser::removed, this, &ServerBrowser::mdnsRemoved);
        } else {
            delete mdns;
        }
    }
    if (d->options.udp)
        startUdp();
    d->active = d->socket || d->mdns;
    if (!d->active)
        return false;
    d->timer.start();
    refresh();
    return true;
}

void ServerBrowser::startUdp()
{
    auto *socket = new QUdpSocket(this);
    if (!socket->bind(QHostAddress(QHostAddress::AnyIPv4), 0)) {
        qCWarning(lcClient) << "server discovery: cannot open a UDP socket:"
                            << socket->errorString();
        delete socket;
        return;
    }
    d->socket = socket;
    connect(socket, &QUdpSocket::readyRead, this, [this] {
        while (d->socket && d->socket->hasPendingDatagrams()) {
            const QNetworkDatagram datagram =
                d->socket->receiveDatagram(DiscoveryDatagramMaximumBytes + 1);
            const std::optional<DiscoveryAnswer> answer = parseDiscoveryAnswer(datagram.data());
            if (!answer
                || std::find(d->nonces.begin(), d->nonces.end(), answer->nonce) == d->nonces.end())
                continue;
            DiscoveredServer server;
            server.name = answer->announcement.name;
            // An IPv4 answer arrives on the IPv4 socket; keep the plain form for the URL.
            bool isV4 = false;
            const quint32 v4 = datagram.senderAddress().toIPv4Address(&isV4);
            server.address = isV4 ? QHostAddress(v4) : datagram.senderAddress();
            server.port = answer->announcement.port;
            server.tls = answer->announcement.tls;
            server.claimedSha256 = answer->announcement.certificateSha256;
            server.protocolVersion = answer->announcement.protocolVersion;
            heard(server);
        }
    });
}

void ServerBrowser::heard(const DiscoveredServer &server)
{
    const bool byMdns = server.via == DiscoveredServer::Via::Mdns;
    const qint64 now = d->clock.elapsed();
    for (Private::Known &known : d->known) {
        if (known.server.key() != server.key())
            continue;
        if (byMdns)
            known.announced = true;
        else
            known.lastHeardMs = now;
        // The same server heard the other way: one entry, which keeps how it was first found.
        DiscoveredServer updated = server;
        updated.via = known.server.via;
        if (!(known.server == updated)) {
            known.server = updated;
            Q_EMIT serverChanged(updated);
        }
        return;
    }
    if (d->known.size() >= d->options.maxServers)
        return;
    d->known.append({server, byMdns ? -1 : now, byMdns});
    Q_EMIT serverFound(server);
}

void ServerBrowser::mdnsRemoved(const QString &key)
{
    const qint64 now = d->clock.elapsed();
    for (qsizetype i = 0; i < d->known.size(); ++i) {
        Private::Known &known = d->known[i];
        if (known.server.key() != key)
            continue;
        known.announced = false;
        // Still answering UDP queries: still there.
        if (known.lastHeardMs >= 0 && now - known.lastHeardMs < d->options.lostAfterMs)
            return;
        const DiscoveredServer lost = known.server;
        d->known.removeAt(i);
        Q_EMIT serverLost(lost);
        return;
    }
}

void ServerBrowser::stop()
{
    d->timer.stop();
    d->active = false;
    delete d->socket;
    d->socket = nullptr;
    delete d->mdns;
    d->mdns = nullptr;
    d->known.clear();
    d->nonces.clear();
}

void ServerBrowser::refresh()
{
    if (!d->active)
        return;
    forgetSilent();
    if (!d->socket)
        return;
    d->nonces.push_back(randomNonce());
    while (d->nonces.size() > RememberedNonces)
        d->nonces.pop_front();
    const QByteArray query = encodeDiscoveryQuery(d->nonces.back());
    for (const QHostAddress &target : queryTargets(d->options.broadcast, d->options.extraTargets))
        d->socket->writeDatagram(query, target, d->options.discoveryPort);
}

void ServerBrowser::forgetSilent()
{
    const qint64 now = d->clock.elapsed();
    QList<DiscoveredServer> lost;
    d->known.removeIf([&](const Private::Known &known) {
        if (known.announced
            || (known.lastHeardMs >= 0 && now - known.lastHeardMs < d->options.lostAfterMs))
            return false;
        lost.append(known.server);
        return true;
    });
    for (const DiscoveredServer &server : std::as_const(lost))
        Q_EMIT serverLost(server);
}

bool ServerBrowser::isActive() const
{
    return d->active;
}

bool ServerBrowser::isBrowsingMdns() const
{
    return d->mdns != nullptr;
}

QList<DiscoveredServer> ServerBrowser::servers() const
{
    QList<DiscoveredServer> servers;
    for (const Private::Known &known : std::as_const(d->known))
        servers.append(known.server);
    return servers;
}

} // namespace Banter
