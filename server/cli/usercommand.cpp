// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/usercommand.h"

#include "auth/onetimepassword.h"
#include "cli/admincommandcontext.h"
#include "cli/servercommand.h"
#include "config/storeoptions.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <optional>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("banterd", text);
}

// How many positional arguments each action takes, after the action itself.
int argumentCount(const QString &action)
{
    static const QHash<QString, int> counts{
        {u"add"_s, 1},    {u"list"_s, 0},           {u"disable"_s, 1},   {u"enable"_s, 1},
        {u"delete"_s, 1}, {u"reset-password"_s, 1}, {u"set-admin"_s, 2},
    };
    return counts.value(action, -1);
}

QString when(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toUTC().toString(Qt::ISODate) : u"-"_s;
}

QJsonObject accountJson(const AccountRecord &a)
{
    return {{u"id"_s, a.user.id},
            {u"username"_s, a.user.username},
            {u"display_name"_s, a.user.displayName},
            {u"admin"_s, a.admin},
            {u"disabled"_s, a.disabled},
            {u"created_at"_s, a.user.createdAtMs},
            {u"disabled_at"_s, a.disabledAtMs},
            {u"last_seen"_s, a.lastSeenMs}};
}

int listUsers(AdminCommandContext &context, bool json, const QString &query)
{
    QJsonArray all;
    if (!json)
        std::printf("%-32s %-5s %-8s %-20s %s\n", "username", "admin", "disabled", "created",
                    "last seen");
    QString after;
    for (;;) {
        Result<AccountPage> page = context.wait(context.admin().listUsers(
            AdminActor::operatorOnMachine(), after, AdminService::MaxPageSize, query));
        if (!page)
            return reportAdminError("user list", page.error());
        for (const AccountRecord &a : page->accounts) {
            if (json)
                all.append(accountJson(a));
            else
                std::printf("%-32s %-5s %-8s %-20s %s\n", qPrintable(a.user.username),
                            a.admin ? "yes" : "no", a.disabled ? "yes" : "no",
                            qPrintable(when(a.user.createdAtMs)), qPrintable(when(a.lastSeenMs)));
        }
        if (!page->hasMore || page->accounts.isEmpty())
            break;
        after = page->accounts.last().user.username;
    }
    if (json)
        std::printf("%s\n", QJsonDocument(all).toJson(QJsonDocument::Indented).constData());
    return ExitCode::Ok;
}

// The password given on standard input (--password-stdin), or one generated here.
std::optional<QString> passwordArgument(const QCommandLineParser &parser, bool *generated)
{
    *generated = !parser.isSet(u"password-stdin"_s);
    if (*generated)
        return OneTimePassword::generate();
    const QString password = readPasswordFromStdin();
    if (password.isEmpty()) {
        std::fprintf(stderr, "banterd: --password-stdin read no password\n");
        return std::nullopt;
    }
    return password;
}

int addUser(AdminCommandContext &context, const QCommandLineParser &parser, const QString &name)
{
    bool generated = false;
    const std::optional<QString> password = passwordArgument(parser, &generated);
    if (!password)
        return ExitCode::Usage;
    Result<AccountRecord> added = context.wait(context.admin().addUser(
        AdminActor::operatorOnMachine(), name, *password, parser.isSet(u"admin"_s)));
    if (!added)
        return reportAdminError("user add", added.error());
    std::printf("added user %s%s\n", qPrintable(added->user.username),
                added->admin ? " (server admin)" : "");
    if (generated)
        std::printf("one-time password: %s\n", qPrintable(*password));
    return ExitCode::Ok;
}

int resetPassword(AdminCommandContext &context, const QCommandLineParser &parser,
                  const QString &name)
{
    bool generated = false;
    const std::optional<QString> password = passwordArgument(parser, &generated);
    if (!password)
        return ExitCode::Usage;
    Result<QString> set = context.wait(
        context.admin().resetPassword(AdminActor::operatorOnMachine(), name, *password));
    if (!set)
        return reportAdminError("user reset-password", set.error());
    context.notifyDaemon();
    std::printf("password of %s set; its sessions ended\n", qPrintable(name.toLower()));
    if (generated)
        std::printf("one-time password: %s\n", qPrintable(*set));
    return ExitCode::Ok;
}
} // namespace

int runUserCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Manages accounts on the configured database, whether or not banterd runs; a running "
        "banterd closes the connections of disabled, deleted or reset accounts within seconds.\n"
        "\n"
        "  add NAME [--password-stdin] [--admin]  make an account (without --password-stdin a\n"
        "                                         one-time password is generated and printed)\n"
        "  list [--json] [--query TEXT]           every account with its state (with --query,\n"
        "                                         those whose username or display name\n"
        "                                         starts with TEXT, in any case)\n"
        "  disable NAME | enable NAME             refuse or allow sign-ins; disabling ends every\n"
        "                                         session\n"
        "  delete NAME --yes                      delete the account: its messages stay, shown\n"
        "                                         as from a deleted account; the name is freed\n"
        "  reset-password NAME [--password-stdin] set a new password (generated and printed\n"
        "                                         without --password-stdin); sessions end\n"
        "  set-admin NAME on|off                  grant or take server admin rights\n"
        "\n"
        "Exit codes: 0 done, 1 failed (nothing changed), 2 bad arguments, 3 no such user,\n"
        "4 another admin command is running, 5 the database cannot be reached."));
    parser.addHelpOption();
    addStoreOptions(parser);
    parser.addOptions({
        {u"password-stdin"_s, tr("Read the password from the first line of standard input.")},
        {u"admin"_s, tr("add: make the account a server admin.")},
        {u"json"_s, tr("list: print JSON instead of a table.")},
        {u"query"_s, tr("list: only accounts whose username or display name starts with <text>."),
         u"text"_s},
        {u"yes"_s, tr("delete: confirm that the account is to be deleted.")},
    });
    parser.addPositionalArgument(u"action"_s,
                                 tr("add, list, disable, enable, delete, "
                                    "reset-password or set-admin."));
    parser.addPositionalArgument(u"name"_s, tr("The account's username."), u"[NAME]"_s);
    parser.process(arguments);
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const int count = argumentCount(action);
    if (count < 0 || positional.size() != count + 1) {
        std::fprintf(stderr,
                     "banterd: user needs an action and its arguments (see banterd user "
                     "--help)\n");
        return ExitCode::Usage;
    }
    const QString name = positional.value(1);
    bool admin = false;
    if (action == "set-admin"_L1) {
        const QString value = positional.value(2);
        if (value != "on"_L1 && value != "off"_L1) {
            std::fprintf(stderr, "banterd: user set-admin NAME takes on or off\n");
            return ExitCode::Usage;
        }
        admin = value == "on"_L1;
    }
    if (action == "delete"_L1 && !parser.isSet(u"yes"_s)) {
        std::fprintf(stderr, "banterd: user delete removes %s for good: add --yes to confirm\n",
                     qPrintable(name));
        return ExitCode::Usage;
    }

    int code = ExitCode::Ok;
    std::unique_ptr<AdminCommandContext> context = AdminCommandContext::open(parser, &code);
    if (!context)
        return code;
    AdminService &service = context->admin();
    const AdminActor me = AdminActor::operatorOnMachine();
    if (action == "list"_L1)
        return listUsers(*context, parser.isSet(u"json"_s), parser.value(u"query"_s));
    if (action == "add"_L1)
        return addUser(*context, parser, name);
    if (action == "disable"_L1 || action == "enable"_L1) {
        const bool disable = action == "disable"_L1;
        Result<AccountRecord> done = context->wait(service.setDisabled(me, name, disable));
        if (!done)
            return reportAdminError(disable ? "user disable" : "user enable", done.error());
        context->notifyDaemon();
        std::printf("%s %s\n", disable ? "disabled" : "enabled", qPrintable(done->user.username));
        return ExitCode::Ok;
    }
    if (action == "delete"_L1) {
        Result<Done> done = context->wait(service.deleteUser(me, name));
        if (!done)
            return reportAdminError("user delete", done.error());
        context->notifyDaemon();
        std::printf("deleted %s\n", qPrintable(name.toLower()));
        return ExitCode::Ok;
    }
    if (action == "reset-password"_L1)
        return resetPassword(*context, parser, name);
    // set-admin
    Result<AccountRecord> done = context->wait(service.setAdmin(me, name, admin));
    if (!done)
        return reportAdminError("user set-admin", done.error());
    std::printf("%s is %s\n", qPrintable(done->user.username),
                admin ? "a server admin" : "no longer a server admin");
    return ExitCode::Ok;
}

} // namespace Banter::Server
