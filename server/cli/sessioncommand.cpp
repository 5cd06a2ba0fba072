// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/sessioncommand.h"

#include "cli/admincommandcontext.h"
#include "cli/servercommand.h"
#include "config/storeoptions.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("banterd", text);
}

QString when(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toUTC().toString(Qt::ISODate);
}

int listSessions(AdminCommandContext &context, const QString &name, bool json)
{
    Result<QList<StoredSession>> sessions =
        context.wait(context.admin().sessions(AdminActor::operatorOnMachine(), name));
    if (!sessions)
        return reportAdminError("session list", sessions.error());
    if (json) {
        QJsonArray list;
        for (const StoredSession &s : *sessions)
            list.append(QJsonObject{{u"id"_s, s.id},
                                    {u"device"_s, s.device},
                                    {u"created_at"_s, s.createdAtMs},
                                    {u"last_used_at"_s, s.lastUsedAtMs},
                                    {u"expires_at"_s, s.expiresAtMs}});
        std::printf("%s\n", QJsonDocument(list).toJson(QJsonDocument::Indented).constData());
        return ExitCode::Ok;
    }
    std::printf("%-10s %-24s %-20s %s\n", "id", "device", "created", "last used");
    for (const StoredSession &s : *sessions)
        std::printf("%-10lld %-24s %-20s %s\n", qlonglong(s.id), qPrintable(s.device),
                    qPrintable(when(s.createdAtMs)), qPrintable(when(s.lastUsedAtMs)));
    return ExitCode::Ok;
}
} // namespace

int runSessionCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Lists and ends the sign-in sessions of an account on the configured database, whether "
           "or not banterd runs; a running banterd closes an ended session's connections within "
           "seconds.\n"
           "\n"
           "  list NAME [--json]    the account's live sessions (id, device, times)\n"
           "  revoke ID             end one session\n"
           "  revoke --all NAME     end every session of the account\n"
           "\n"
           "Exit codes: 0 done, 1 failed (nothing changed), 2 bad arguments, 3 no such user or\n"
           "session, 4 another admin command is running, 5 the database cannot be reached."));
    parser.addHelpOption();
    addStoreOptions(parser);
    parser.addOptions({
        {u"json"_s, tr("list: print JSON instead of a table.")},
        {u"all"_s, tr("revoke: end every session of the account NAME.")},
    });
    parser.addPositionalArgument(u"action"_s, tr("list or revoke."));
    parser.addPositionalArgument(u"target"_s, tr("A username, or a session id."), u"NAME|ID"_s);
    parser.process(arguments);
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if ((action != "list"_L1 && action != "revoke"_L1) || positional.size() != 2) {
        std::fprintf(stderr,
                     "banterd: session needs list NAME, revoke ID or revoke --all NAME "
                     "(see banterd session --help)\n");
        return ExitCode::Usage;
    }
    const QString target = positional.at(1);
    const bool all = parser.isSet(u"all"_s);
    bool isId = false;
    const SessionId id = target.toLongLong(&isId);
    if (action == "revoke"_L1 && !all && (!isId || id <= 0)) {
        std::fprintf(stderr, "banterd: session revoke takes a session id (or --all NAME)\n");
        return ExitCode::Usage;
    }

    int code = ExitCode::Ok;
    std::unique_ptr<AdminCommandContext> context = AdminCommandContext::open(parser, &code);
    if (!context)
        return code;
    if (action == "list"_L1)
        return listSessions(*context, target, parser.isSet(u"json"_s));
    const AdminActor me = AdminActor::operatorOnMachine();
    if (all) {
        Result<int> ended = context->wait(context->admin().revokeAllSessions(me, target));
        if (!ended)
            return reportAdminError("session revoke", ended.error());
        context->notifyDaemon();
        std::printf("ended %d sessions of %s\n", *ended, qPrintable(target.toLower()));
        return ExitCode::Ok;
    }
    Result<Done> ended = context->wait(context->admin().revokeSession(me, id));
    if (!ended)
        return reportAdminError("session revoke", ended.error());
    context->notifyDaemon();
    std::printf("ended session %lld\n", qlonglong(id));
    return ExitCode::Ok;
}

} // namespace Banter::Server
