// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/restorecommand.h"

#include "backup/backuprestore.h"
#include "cli/servercommand.h"
#include "config/storeoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace Banter::Server {

using namespace Qt::StringLiterals;

int runRestoreCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "banterd",
        "Restores a backup written by `banterd backup` into an empty data directory (and, for "
        "a PostgreSQL backup, an empty database given by --database). Every checksum is "
        "verified before anything is written and again afterwards; on any failure what was "
        "written is removed."));
    parser.addHelpOption();
    addStoreOptions(parser);
    parser.addOption(
        {u"from"_s, QCoreApplication::translate("banterd", "The archive to restore."), u"file"_s});
    parser.process(arguments);
    const QString from = parser.value(u"from"_s);
    if (from.isEmpty() || !parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "banterd: restore needs --from FILE, and nothing else\n");
        return ExitCode::Usage;
    }
    if (!parser.isSet(u"data-dir"_s) && !parser.isSet(u"config"_s)) {
        std::fprintf(stderr, "banterd: restore needs --data-dir DIR (or a --config naming one)\n");
        return ExitCode::Usage;
    }
    Result<ServerConfig> config = configFromStoreOptions(parser);
    if (!config) {
        std::fprintf(stderr, "banterd: %s\n", qPrintable(config.error().message));
        return ExitCode::Usage;
    }
    const Result<RestoreReport> report = restoreBackup(from, *config);
    if (!report) {
        std::fprintf(stderr, "banterd: restore refused (anything it wrote is removed): %s\n",
                     qPrintable(report.error().message));
        return archiveExitCode(report.error().code);
    }
    std::printf("restore: %d files (%lld bytes) of the backup taken %s verified and written to "
                "%s; %s database at schema %d\n",
                report->members, report->bytes, qPrintable(report->createdAt),
                qPrintable(report->dataDir), qPrintable(report->databaseKind),
                report->schemaVersion);
    if (!report->externalCertificate.isEmpty())
        std::printf("restore: the configuration named TLS files outside the data directory (%s, "
                    "%s); their copies are in %s/external-tls: put them back or point [tls] "
                    "certificate and key at the copies\n",
                    qPrintable(report->externalCertificate), qPrintable(report->externalKey),
                    qPrintable(report->dataDir));
    return ExitCode::Ok;
}

} // namespace Banter::Server
