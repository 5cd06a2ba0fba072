// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/backupcommand.h"

#include "backup/onlinebackup.h"
#include "cli/servercommand.h"
#include "config/storeoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace Banter::Server {

using namespace Qt::StringLiterals;

int runBackupCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "banterd",
        "Writes an online backup of the configured server (database snapshot, token key, TLS "
        "files, file contents, manifest with SHA-256 checksums) to one tar archive, while "
        "banterd may keep serving. The archive is created owner-only and appears only when "
        "complete."));
    parser.addHelpOption();
    addStoreOptions(parser);
    parser.addOption(
        {u"to"_s,
         QCoreApplication::translate("banterd", "The archive to write; it must not exist."),
         u"file"_s});
    parser.process(arguments);
    const QString to = parser.value(u"to"_s);
    if (to.isEmpty() || !parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "banterd: backup needs --to FILE, and nothing else\n");
        return ExitCode::Usage;
    }
    Result<ServerConfig> config = configFromStoreOptions(parser);
    if (!config) {
        std::fprintf(stderr, "banterd: %s\n", qPrintable(config.error().message));
        return ExitCode::Usage;
    }
    const Result<BackupReport> report = createBackup(*config, to);
    if (!report) {
        std::fprintf(stderr, "banterd: backup failed, nothing was written: %s\n",
                     qPrintable(report.error().message));
        return archiveExitCode(report.error().code);
    }
    std::printf("backup: wrote %s (%lld bytes) in %lld ms: %s database (schema %d, %lld bytes), "
                "%d files (%lld bytes)\n",
                qPrintable(report->archive), report->archiveBytes, report->elapsedMs,
                qPrintable(report->databaseKind), report->schemaVersion, report->databaseBytes,
                report->blobs, report->blobBytes);
    return ExitCode::Ok;
}

} // namespace Banter::Server
