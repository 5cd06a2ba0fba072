// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/migratedatacommand.h"

#include "cli/servercommand.h"
#include "storage/datamigration.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace Banter::Server {

using namespace Qt::StringLiterals;

int runMigrateDataCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "banterd",
        "Copies every table of one Banter database into another (for example SQLite "
        "to PostgreSQL), then compares row counts and checksums."));
    parser.addHelpOption();
    parser.addOptions({
        {u"from"_s,
         QCoreApplication::translate("banterd", "The database to copy from (URL or SQLite file)."),
         u"url"_s},
        {u"to"_s, QCoreApplication::translate("banterd", "The database to copy into (URL)."),
         u"url"_s},
    });
    parser.process(arguments);
    const QString from = parser.value(u"from"_s);
    const QString to = parser.value(u"to"_s);
    if (from.isEmpty() || to.isEmpty() || !parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "banterd: migrate-data needs --from and --to, and nothing else\n");
        return ExitCode::Usage;
    }
    const auto reports = DataMigration::run(from, to);
    if (!reports) {
        std::fprintf(stderr, "banterd: migrate-data failed: %s\n",
                     qPrintable(reports.error().message));
        return ExitCode::Failed;
    }
    bool allMatch = true;
    std::printf("%-14s %10s %10s %10s  %s\n", "table", "source", "target", "copied", "checksum");
    for (const auto &r : *reports) {
        std::printf("%-14s %10lld %10lld %10lld  %s\n", qPrintable(r.table), r.sourceRows,
                    r.targetRows, r.copied, r.matches() ? "ok" : "MISMATCH");
        allMatch = allMatch && r.matches();
    }
    std::printf(allMatch ? "migrate-data: every table matches\n"
                         : "migrate-data: the target differs from the source\n");
    return allMatch ? ExitCode::Ok : ExitCode::Failed;
}

} // namespace Banter::Server
