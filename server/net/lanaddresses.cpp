// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/lanaddresses.h"

#include <QNetworkInterface>

namespace Banter::Server {

bool isWildcardAddress(const QHostAddress &address)
{
    static const QList<QHostAddress> wildcards{QHostAddress(QHostAddress::Any),
                                               QHostAddress(QHostAddress::AnyIPv4),
                                               QHostAddress(QHostAddress::AnyIPv6)};
    return wildcards.contains(address);
}

int interfaceHolding(const QHostAddress &address)
{
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &interface : interfaces) {
        for (const QNetworkAddressEntry &entry : interface.addressEntries()) {
            if (entry.ip().isEqual(address, QHostAddress::TolerantConversion))
                return interface.index();
        }
    }
    return 0;
}

QList<QHostAddress> reachableAddresses(const QHostAddress &listenAddress)
{
    if (!isWildcardAddress(listenAddress))
        return {listenAddress};
    // Any is both families; AnyIPv4 and AnyIPv6 one each.
    const bool anyV4 = listenAddress.protocol() != QAbstractSocket::IPv6Protocol;
    const bool anyV6 = listenAddress.protocol() != QAbstractSocket::IPv4Protocol;
    QList<QHostAddress> addresses;
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &interface : interfaces) {
        if (!interface.flags().testFlag(QNetworkInterface::IsUp)
            || interface.flags().testFlag(QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &entry : interface.addressEntries()) {
            const QHostAddress ip = entry.ip();
            const bool v4 = ip.protocol() == QAbstractSocket::IPv4Protocol;
            if ((v4 && anyV4) || (!v4 && anyV6 && !ip.isLinkLocal()))
                addresses.append(ip);
        }
    }
    return addresses;
}

} // namespace Banter::Server
