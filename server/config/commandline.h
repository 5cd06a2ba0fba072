// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/serverconfig.h"

#include <QCommandLineParser>

namespace Banter::Server {

// banterd's command line. The option names are an interface operators and scripts rely on:
// --listen, --lan, --name, --port, --data-dir, --database, --config, --registration, --tls,
// --tls-cert,
// --tls-key.
class CommandLine
{
public:
    CommandLine();
    QCommandLineParser &parser() { return m_parser; }
    // Builds the configuration: defaults, then the config file, then command-line options.
    Result<ServerConfig> config() const;

private:
    Status applyTlsOptions(TlsConfig &tls) const;

    QCommandLineParser m_parser;
};

} // namespace Banter::Server
