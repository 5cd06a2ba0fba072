// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/clientaddress.h"

#include <algorithm>

namespace Banter::Server {

namespace {
bool trusted(const QHostAddress &address, const QList<Subnet> &proxies)
{
    return std::any_of(proxies.cbegin(), proxies.cend(),
                       [&address](const Subnet &s) { return address.isInSubnet(s); });
}

// A dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d; proxies are listed as a.b.c.d.
QHostAddress plain(const QHostAddress &address)
{
    bool mapped = false;
    const quint32 ipv4 = address.toIPv4Address(&mapped);
    return mapped && address.protocol() == QAbstractSocket::IPv6Protocol ? QHostAddress(ipv4)
                                                                         : address;
}
} // namespace

QHostAddress resolveClientAddress(const QHostAddress &peer, const QByteArray &forwardedFor,
                                  const QList<Subnet> &trustedProxies)
{
    QHostAddress client = plain(peer);
    if (forwardedFor.isEmpty() || !trusted(client, trustedProxies))
        return client;
    // Bounded by the request size the WebSocket handshake accepts.
    const QList<QByteArray> hops = forwardedFor.split(',');
    for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
        const QHostAddress hop(QString::fromLatin1(it->trimmed()));
        if (hop.isNull())
            break; // unreadable: the last hop we could read is as far as we go
        client = plain(hop);
        if (!trusted(client, trustedProxies))
            break;
    }
    return client;
}

} // namespace Banter::Server
