// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/serverconfig.h"

#include <QCommandLineParser>

namespace Banter::Server {

// The options that say which server's data a command works on: --config, --data-dir and
// --database. banterd itself and every admin command (user, backup, check-config, ...) take
// them with the same meaning, so a command acts on the same database the daemon serves.
void addStoreOptions(QCommandLineParser &parser);

// Defaults, then the --config file, then --data-dir and --database; the data directory
// falls back to the standard app-data location. Options the parser does not define are
// left alone, so callers may add their own on top.
Result<ServerConfig> configFromStoreOptions(const QCommandLineParser &parser);

} // namespace Banter::Server
