// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/commandline.h"

#include "config/storeoptions.h"

#include <QCoreApplication>

namespace Banter::Server {

using namespace Qt::StringLiterals;

CommandLine::CommandLine()
{
    m_parser.setApplicationDescription(QCoreApplication::translate(
        "banterd", "Banter chat server: WebSocket, JSON protocol, SQLite or PostgreSQL storage."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    addStoreOptions(m_parser);
    m_parser.addOptions({
        {u"listen"_s,
         QCoreApplication::translate(
             "banterd",
             "Address to listen on (default 127.0.0.1, or every interface with --lan; 0.0.0.0 "
             "for every interface)."),
         u"address"_s},
        {u"lan"_s,
         QCoreApplication::translate(
             "banterd",
             "LAN mode: listen on every interface (unless --listen is given) and let clients on "
             "the network find this server (UDP discovery on port %1 and mDNS, unless "
             "discovery = off in the config).")
             .arg(LanConfig::DefaultDiscoveryPort)},
        {u"name"_s,
         QCoreApplication::translate(
             "banterd", "Server name clients list on the network (default: the host name)."),
         u"name"_s},
        {u"port"_s,
         QCoreApplication::translate("banterd",
                                     "TCP port to listen on (default %1; 0 picks a free one).")
             .arg(ServerConfig::DefaultPort),
         u"port"_s},
        {u"registration"_s,
         QCoreApplication::translate(
             "banterd",
             "Who may register: open (anyone; the default), closed (nobody) or invite (whoever "
             "holds an invitation from banterd invite)."),
         u"mode"_s},
        {u"tls"_s,
         QCoreApplication::translate(
             "banterd",
             "TLS on the port: on (default; wss://) or off (ws://, e.g. behind a reverse proxy "
             "that does TLS). Without --tls-cert/--tls-key a self-signed certificate is made in "
             "DATA_DIR/tls on first start and kept."),
         u"on|off"_s},
        {u"tls-cert"_s,
         QCoreApplication::translate("banterd",
                                     "TLS certificate to use instead of the generated one (PEM; "
                                     "the server's certificate first, then any chain). Needs "
                                     "--tls-key."),
         u"file"_s},
        {u"tls-key"_s,
         QCoreApplication::translate(
             "banterd", "Private key of --tls-cert (PEM, unencrypted). Needs --tls-cert."),
         u"file"_s},
    });
}

Result<ServerConfig> CommandLine::config() const
{
    Result<ServerConfig> stored = configFromStoreOptions(m_parser);
    if (!stored)
        return stored.error();
    ServerConfig config = std::move(stored).value();
    if (m_parser.isSet(u"listen"_s)) {
        const QHostAddress address(m_parser.value(u"listen"_s));
        if (address.isNull())
            return makeError(
                ErrorCode::BadRequest,
                u"--listen needs an IP address, not '%1'"_s.arg(m_parser.value(u"listen"_s)));
        config.listenAddress = address;
        config.listenGiven = true;
    }
    if (m_parser.isSet(u"lan"_s))
        config.lan.enabled = true;
    if (m_parser.isSet(u"name"_s)) {
        config.lan.serverName = m_parser.value(u"name"_s).trimmed();
        if (config.lan.serverName.toUtf8().size() > 100)
            return makeError(ErrorCode::BadRequest, u"--name is longer than 100 bytes"_s);
    }
    if (m_parser.isSet(u"port"_s)) {
        bool ok = false;
        const uint port = m_parser.value(u"port"_s).toUInt(&ok);
        if (!ok || port > 65535)
            return makeError(ErrorCode::BadRequest, u"--port needs a number from 0 to 65535"_s);
        config.port = quint16(port);
    }
    if (m_parser.isSet(u"registration"_s)) {
        const std::optional<RegistrationMode> mode =
            parseRegistrationMode(m_parser.value(u"registration"_s));
        if (!mode)
            return makeError(ErrorCode::BadRequest,
                             u"--registration must be open, closed or invite"_s);
        config.registration = *mode;
    }
    if (Status tls = applyTlsOptions(config.tls); !tls)
        return tls.error();
    return config;
}

Status CommandLine::applyTlsOptions(TlsConfig &tls) const
{
    if (m_parser.isSet(u"tls"_s)) {
        Result<TlsConfig::Mode> mode = parseTlsMode(m_parser.value(u"tls"_s));
        if (!mode)
            return makeError(ErrorCode::BadRequest, u"--tls: "_s + mode.error().message);
        tls.mode = *mode;
    }
    const bool hasCertificate = m_parser.isSet(u"tls-cert"_s);
    if (hasCertificate != m_parser.isSet(u"tls-key"_s))
        return makeError(ErrorCode::BadRequest, u"--tls-cert and --tls-key go together"_s);
    if (hasCertificate) {
        tls.certificateFile = m_parser.value(u"tls-cert"_s);
        tls.keyFile = m_parser.value(u"tls-key"_s);
        if (tls.certificateFile.isEmpty() || tls.keyFile.isEmpty())
            return makeError(ErrorCode::BadRequest, u"--tls-cert and --tls-key need file names"_s);
    }
    return success();
}

} // namespace Banter::Server
