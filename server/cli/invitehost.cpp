// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/invitehost.h"

#include <QNetworkInterface>
#include <QSysInfo>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
bool listensEverywhere(const QHostAddress &address)
{
    return address == QHostAddress::Any || address == QHostAddress::AnyIPv4
        || address == QHostAddress::AnyIPv6;
}

// The first address of an up, running, non-loopback interface: IPv4 when there is one
// (what people type and what most LANs route), else a global or unique-local IPv6 one.
QHostAddress firstLanAddress()
{
    QHostAddress ipv6;
    for (const QNetworkInterface &interface : QNetworkInterface::allInterfaces()) {
        const auto flags = interface.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp)
            || !flags.testFlag(QNetworkInterface::IsRunning)
            || flags.testFlag(QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &entry : interface.addressEntries()) {
            const QHostAddress ip = entry.ip();
            if (ip.protocol() == QAbstractSocket::IPv4Protocol)
                return ip;
            if (ipv6.isNull() && ip.protocol() == QAbstractSocket::IPv6Protocol
                && !ip.isLinkLocal())
                ipv6 = ip;
        }
    }
    return ipv6;
}
} // namespace

Result<QUrl> inviteServerUrl(const ServerConfig &config, const QString &host)
{
    if (config.port == 0)
        return makeError(ErrorCode::BadRequest,
                         u"port = 0 lets banterd pick a port at start, so no link can name it; "
                         "set a port"_s);
    QString chosen = host.trimmed();
    if (chosen.isEmpty()) {
        QHostAddress address = config.listenAddress;
        if (listensEverywhere(address)) {
            address = firstLanAddress();
            if (address.isNull())
                address = QHostAddress::LocalHost;
        }
        chosen = address.toString();
    }
    QUrl url;
    url.setScheme(config.tls.enabled() ? u"wss"_s : u"ws"_s);
    url.setHost(chosen, QUrl::StrictMode);
    url.setPort(config.port);
    if (!url.isValid() || url.host().isEmpty())
        return makeError(ErrorCode::BadRequest,
                         u"'%1' is not a host name or address"_s.arg(chosen));
    return url;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare("localhost"_L1, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString defaultServerName()
{
    return QSysInfo::machineHostName().left(64);
}

} // namespace Banter::Server
