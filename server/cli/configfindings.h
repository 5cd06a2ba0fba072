// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The checks of `banterd check-config` beyond the config file's own keys: what a start would
// run into (a port taken, a data directory or key others may read, a certificate expired or
// about to, a database out of reach or at another schema, a disk nearly full), found without
// changing anything.

#include "config/configvalidator.h"

#include <QList>
#include <QString>

namespace Banter::Server {

struct ConfigFinding
{
    enum class Level { Ok, Warning, Error };
    Level level = Level::Ok;
    QString subject; // "server/port", "data directory", "database", ...
    QString message;

    // "error: server/port: 127.0.0.1:7654 is taken ..."
    QString line() const;
};

// A certificate expiring within this many days is a warning.
inline constexpr int CertificateWarningDays = 30;
// Free space on the data directory's file system below this is a warning (by default).
inline constexpr qint64 DefaultMinimumFreeMiB = 1024;

// Every problem of the config file itself (unknown keys with their suggestion, types, ranges).
QList<ConfigFinding> configFileFindings(const QString &path, const ConfigCheck &check);

// Whether the chat port (and the metrics port, when metrics are on) can be bound now.
QList<ConfigFinding> portFindings(const ServerConfig &config);
// Modes of the data directory, its database file and the key files.
QList<ConfigFinding> permissionFindings(const ServerConfig &config);
// The certificate banterd would present: readable, matching its key, valid now, not about
// to expire.
QList<ConfigFinding> certificateFindings(const ServerConfig &config);
// The database: reachable, and its schema version against this binary's.
QList<ConfigFinding> databaseFindings(const ServerConfig &config);
// Free space where the data directory lives.
QList<ConfigFinding> diskFindings(const ServerConfig &config, qint64 minimumFreeMiB);

} // namespace Banter::Server
