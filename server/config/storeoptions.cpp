// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/storeoptions.h"

#include <QCoreApplication>
#include <QStandardPaths>

namespace Banter::Server {

using namespace Qt::StringLiterals;

void addStoreOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"config"_s,
         QCoreApplication::translate("banterd",
                                     "INI configuration file; command-line options override it."),
         u"file"_s},
        {u"data-dir"_s,
         QCoreApplication::translate("banterd",
                                     "Directory for the database, keys and files (default: the "
                                     "standard app-data directory)."),
         u"dir"_s},
        {u"database"_s,
         QCoreApplication::translate("banterd",
                                     "Database URL: sqlite:///path/to/banter.db or "
                                     "postgresql://user:password@host:port/dbname (default: SQLite "
                                     "in the data directory)."),
         u"url"_s},
    });
}

Result<ServerConfig> configFromStoreOptions(const QCommandLineParser &parser)
{
    // optionNames() lists what was given; isSet() on an option the parser lacks would warn.
    const QStringList given = parser.optionNames();
    ServerConfig config;
    if (given.contains(u"config"_s)) {
        Result<ServerConfig> loaded = loadConfigFile(parser.value(u"config"_s), config);
        if (!loaded)
            return loaded.error();
        config = *loaded;
    }
    if (given.contains(u"data-dir"_s))
        config.dataDir = parser.value(u"data-dir"_s);
    if (given.contains(u"database"_s))
        config.databaseUrl = parser.value(u"database"_s);
    if (config.dataDir.isEmpty())
        config.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return config;
}

} // namespace Banter::Server
