// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/servercommand.h"

#include "cli/backupcommand.h"
#include "cli/checkconfigcommand.h"
#include "cli/invitecommand.h"
#include "cli/migratedatacommand.h"
#include "cli/restorecommand.h"
#include "cli/sessioncommand.h"
#include "cli/usercommand.h"

#include <QCoreApplication>

namespace Banter::Server {

using namespace Qt::StringLiterals;

const QList<ServerCommand> &serverCommands()
{
    // One line per command; each lives in its own file under server/cli/.
    static const QList<ServerCommand> commands = {
        {u"migrate-data"_s,
         QCoreApplication::translate("banterd",
                                     "Copy every table of one database into another and verify."),
         runMigrateDataCommand},
        {u"user"_s,
         QCoreApplication::translate("banterd",
                                     "Add, list, disable, delete accounts; reset passwords."),
         runUserCommand},
        {u"session"_s,
         QCoreApplication::translate("banterd", "List or end the sign-in sessions of an account."),
         runSessionCommand},
        {u"invite"_s,
         QCoreApplication::translate("banterd",
                                     "Make, list or revoke invitations (banter:// links)."),
         runInviteCommand},
        {u"check-config"_s,
         QCoreApplication::translate("banterd", "Check the configuration and what a start needs."),
         runCheckConfigCommand},
        {u"backup"_s,
         QCoreApplication::translate(
             "banterd", "Write an online backup (database, keys, files) to one archive."),
         runBackupCommand},
        {u"restore"_s,
         QCoreApplication::translate(
             "banterd", "Restore a backup into an empty data directory and verify it."),
         runRestoreCommand},
    };
    return commands;
}

int archiveExitCode(ErrorCode code)
{
    switch (code) {
    case ErrorCode::NotFound:
        return ExitCode::NotFound;
    case ErrorCode::Unavailable:
        return ExitCode::Unreachable;
    case ErrorCode::Conflict:
        return ExitCode::Usage;
    default:
        return ExitCode::Failed;
    }
}

const ServerCommand *findServerCommand(const QString &name)
{
    for (const ServerCommand &command : serverCommands()) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

QString serverCommandsHelp()
{
    QString help = QCoreApplication::translate(
        "banterd", "Optional; without one banterd serves. `banterd COMMAND --help` tells more.");
    for (const ServerCommand &command : serverCommands())
        help += u"\n  "_s + command.name.leftJustified(14) + command.summary;
    return help;
}

} // namespace Banter::Server
