// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/errorcode.h>

#include <QList>
#include <QString>
#include <QStringList>

namespace Banter::Server {

// How every banterd command ends, so scripts can tell "try again" from "fix the input".
namespace ExitCode {
inline constexpr int Ok = 0;
inline constexpr int Failed = 1; // the operation ran and failed (nothing half-done stays)
inline constexpr int Usage = 2; // bad arguments or options
inline constexpr int NotFound = 3; // a named user, session or file does not exist
inline constexpr int Busy = 4; // another admin command holds the lock; try again
inline constexpr int Unreachable = 5; // the database could not be opened or reached
} // namespace ExitCode

// The exit code of a failed backup or restore: NotFound (no database, data directory,
// archive or PostgreSQL tool), Unreachable, Usage for a Conflict (the target file exists, a
// target that is not empty), Failed for the rest (a damaged archive among others).
int archiveExitCode(ErrorCode code);

// One `banterd <name> ...` command. run() gets its own argument list, starting with
// "banterd <name>" (as QCommandLineParser::process() expects), builds its own parser with
// --help, and returns an ExitCode. QCoreApplication exists when it runs.
struct ServerCommand
{
    QString name;
    QString summary; // one line for `banterd --help`
    int (*run)(const QStringList &arguments) = nullptr;
};

// Every command banterd knows, in the order `banterd --help` lists them.
const QList<ServerCommand> &serverCommands();
// The command called `name`, or nullptr.
const ServerCommand *findServerCommand(const QString &name);
// The text `banterd --help` shows for the positional "command" argument.
QString serverCommandsHelp();

} // namespace Banter::Server
