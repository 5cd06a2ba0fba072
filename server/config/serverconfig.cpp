// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/serverconfig.h"

#include "config/configvalidator.h"
#include "serverlogging.h"

#include <QDir>

namespace Banter::Server {

using namespace Qt::StringLiterals;

QString ServerConfig::effectiveDatabaseUrl() const
{
    if (!databaseUrl.isEmpty())
        return databaseUrl;
    return u"sqlite://"_s + QDir(dataDir).absoluteFilePath(u"banter.db"_s);
}

QHostAddress ServerConfig::effectiveListenAddress() const
{
    if (lan.enabled && !listenGiven)
        return QHostAddress::Any;
    return listenAddress;
}

Result<TlsConfig::Mode> parseTlsMode(const QString &text)
{
    if (text == "on"_L1)
        return TlsConfig::Mode::On;
    if (text == "off"_L1)
        return TlsConfig::Mode::Off;
    return makeError(ErrorCode::BadRequest, u"'%1' is not on or off"_s.arg(text));
}

std::optional<RegistrationMode> parseRegistrationMode(const QString &text)
{
    if (text == "open"_L1)
        return RegistrationMode::Open;
    if (text == "closed"_L1)
        return RegistrationMode::Closed;
    if (text == "invite"_L1)
        return RegistrationMode::Invitation;
    return std::nullopt;
}

Result<QList<Subnet>> parseSubnets(const QStringList &entries)
{
    QList<Subnet> subnets;
    for (const QString &raw : entries) {
        const QString entry = raw.trimmed();
        if (entry.isEmpty())
            continue;
        Subnet subnet = entry.contains(u'/') ? QHostAddress::parseSubnet(entry)
                                             : Subnet{QHostAddress(entry), -1};
        if (subnet.first.isNull())
            return makeError(ErrorCode::BadRequest,
                             u"'%1' is not an IP address or address range"_s.arg(entry));
        if (subnet.second < 0)
            subnet.second = subnet.first.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;
        subnets.append(subnet);
    }
    return subnets;
}

Result<ServerConfig> loadConfigFile(const QString &path, ServerConfig config)
{
    ConfigCheck check = checkConfigFile(path, std::move(config));
    for (const ConfigProblem &problem : std::as_const(check.problems)) {
        if (!problem.isError())
            qCWarning(lcServer).noquote() << problem.text();
    }
    if (check.hasErrors())
        return makeError(ErrorCode::BadRequest, check.errorText());
    return std::move(check.config);
}

} // namespace Banter::Server
