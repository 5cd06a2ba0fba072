// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/lanaddresses.h"

#include <QNetworkInterface>

namespace Banter::Server {

QList<QHostAddress> reachableAddresses(const QHostAddress &listenAddress)
{
    const bool anyV4 = listenAddress == QHostAddress::Any || listenAddress == QHostAddress::AnyIPv4;
    const bool anyV6 = listenAddress == QHostAddress::Any || listenAddress == QHostAddress::AnyIPv6;
    if (!anyV4 && !anyV6)
        return {listenAddress};
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
