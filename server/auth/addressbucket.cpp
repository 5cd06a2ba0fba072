// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/addressbucket.h"

#include <QHostAddress>

namespace Banter::Server {

using namespace Qt::StringLiterals;

QString addressBucket(const QString &peerAddress)
{
    const QHostAddress address(peerAddress);
    if (address.isNull())
        return peerAddress;
    bool mapped = false;
    const quint32 ipv4 = address.toIPv4Address(&mapped);
    if (mapped)
        return QHostAddress(ipv4).toString();
    Q_IPV6ADDR network = address.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        network[i] = 0;
    return QHostAddress(network).toString() + u"/64"_s;
}

} // namespace Banter::Server
