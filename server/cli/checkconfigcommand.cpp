// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/checkconfigcommand.h"

#include "cli/configfindings.h"
#include "cli/servercommand.h"
#include "config/storeoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStandardPaths>

#include <algorithm>
#include <cstdio>

namespace Banter::Server {

using namespace Qt::StringLiterals;

int runCheckConfigCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "banterd",
        "Checks a configuration and what banterd would meet starting with it: unknown keys, "
        "values out of range, ports taken, permissions of the data directory and key files, "
        "the TLS certificate, the database and its schema version, free disk space. Prints "
        "one line per finding and exits 0 only when all is well. Changes nothing."));
    parser.addHelpOption();
    addStoreOptions(parser);
    parser.addOption(
        {u"min-free-mib"_s,
         QCoreApplication::translate("banterd",
                                     "Warn when the data directory's disk has less free (default "
                                     "%1).")
             .arg(DefaultMinimumFreeMiB),
         u"mib"_s});
    parser.process(arguments);
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "banterd: check-config takes no arguments besides its options\n");
        return ExitCode::Usage;
    }
    qint64 minimumFreeMiB = DefaultMinimumFreeMiB;
    if (parser.isSet(u"min-free-mib"_s)) {
        bool ok = false;
        minimumFreeMiB = parser.value(u"min-free-mib"_s).toLongLong(&ok);
        if (!ok || minimumFreeMiB < 0) {
            std::fprintf(stderr, "banterd: --min-free-mib needs a whole number of MiB\n");
            return ExitCode::Usage;
        }
    }

    // The file is read with the same validator as a start, but every problem is reported
    // rather than the first error stopping the check.
    QList<ConfigFinding> findings;
    ServerConfig config;
    if (parser.isSet(u"config"_s)) {
        const QString path = parser.value(u"config"_s);
        const ConfigCheck check = checkConfigFile(path);
        findings += configFileFindings(path, check);
        config = check.config;
    } else {
        findings.append({ConfigFinding::Level::Ok, u"config file"_s,
                         u"none given (--config): checking the defaults"_s});
    }
    if (parser.isSet(u"data-dir"_s))
        config.dataDir = parser.value(u"data-dir"_s);
    if (parser.isSet(u"database"_s))
        config.databaseUrl = parser.value(u"database"_s);
    if (config.dataDir.isEmpty())
        config.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);

    findings += portFindings(config);
    findings += permissionFindings(config);
    findings += certificateFindings(config);
    findings += databaseFindings(config);
    findings += diskFindings(config, minimumFreeMiB);

    for (const ConfigFinding &finding : findings)
        std::printf("%s\n", qPrintable(finding.line()));
    const auto count = [&findings](ConfigFinding::Level level) {
        return std::ranges::count(findings, level, &ConfigFinding::level);
    };
    const auto errors = count(ConfigFinding::Level::Error);
    const auto warnings = count(ConfigFinding::Level::Warning);
    if (errors + warnings == 0) {
        std::printf("check-config: all is well\n");
        return ExitCode::Ok;
    }
    std::printf("check-config: %lld errors, %lld warnings (see docs/OPERATIONS.md, "
                "\"Troubleshooting\")\n",
                static_cast<long long>(errors), static_cast<long long>(warnings));
    return ExitCode::Failed;
}

} // namespace Banter::Server
