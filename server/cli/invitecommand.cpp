// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/invitecommand.h"

#include "auth/invitationtoken.h"
#include "cli/commandstore.h"
#include "cli/invitehost.h"
#include "cli/servercommand.h"
#include "cli/terminalqr.h"
#include "config/storeoptions.h"
#include "net/tlscredentials.h"
#include "service/repositories.h"
#include <banter/client/invitationlink.h>
#include <banter/protocol/certificatefingerprint.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cstdio>
#include <unistd.h>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
constexpr int MaxUses = 10'000;
constexpr qint64 MinuteMs = 60'000;
constexpr qint64 MaxLifetimeMs = 365 * 24 * 60 * MinuteMs;
constexpr int ListLimit = 1000;

QString tr(const char *text)
{
    return QCoreApplication::translate("banterd", text);
}

void printError(const QString &message)
{
    std::fprintf(stderr, "banterd invite: %s\n", qPrintable(message));
}

// "30m", "12h", "7d", "2w": how long the invitation stays valid; 0 for anything else.
qint64 parseLifetime(const QString &text)
{
    static const QRegularExpression pattern(u"^([1-9][0-9]{0,5})([mhdw])$"_s);
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return 0;
    const qint64 count = match.captured(1).toLongLong();
    const QChar unit = match.captured(2).front();
    const qint64 unitMs = unit == u'm' ? MinuteMs
        : unit == u'h'                 ? 60 * MinuteMs
        : unit == u'd'                 ? 24 * 60 * MinuteMs
                                       : 7 * 24 * 60 * MinuteMs;
    const qint64 lifetime = count * unitMs;
    return lifetime <= MaxLifetimeMs ? lifetime : 0;
}

QString utcTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-dd HH:mm 'UTC'"_s);
}

QString stateOf(const Invitation &invitation, qint64 nowMs)
{
    if (invitation.revokedAtMs != 0)
        return u"revoked"_s;
    if (nowMs >= invitation.expiresAtMs)
        return u"expired"_s;
    if (invitation.usesLeft <= 0)
        return u"used"_s;
    return u"active"_s;
}

QJsonObject toJson(const Invitation &invitation, qint64 nowMs)
{
    return {{u"id"_s, invitation.id},
            {u"name"_s, invitation.name},
            {u"max_uses"_s, invitation.maxUses},
            {u"uses_left"_s, invitation.usesLeft},
            {u"created_at"_s, invitation.createdAtMs},
            {u"expires_at"_s, invitation.expiresAtMs},
            {u"state"_s, stateOf(invitation, nowMs)}};
}

int list(CommandStore &store, bool json)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Result<QList<Invitation>> invitations = store.run<QList<Invitation>>(
        [](Repositories &repos) { return repos.invitations.list(ListLimit); });
    if (!invitations) {
        printError(invitations.error().message);
        return ExitCode::Failed;
    }
    if (json) {
        QJsonArray rows;
        for (const Invitation &invitation : std::as_const(*invitations))
            rows.append(toJson(invitation, now));
        std::printf("%s\n", QJsonDocument(rows).toJson(QJsonDocument::Compact).constData());
        return ExitCode::Ok;
    }
    std::printf("%6s  %-8s  %9s  %-20s  %s\n", "id", "state", "uses left", "expires", "name");
    for (const Invitation &invitation : std::as_const(*invitations)) {
        std::printf("%6lld  %-8s  %4d / %-2d  %-20s  %s\n", invitation.id,
                    qPrintable(stateOf(invitation, now)), invitation.usesLeft, invitation.maxUses,
                    qPrintable(utcTime(invitation.expiresAtMs)), qPrintable(invitation.name));
    }
    return ExitCode::Ok;
}

int revoke(CommandStore &store, const QString &idText)
{
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    if (!ok || id <= 0) {
        printError(tr("--revoke needs an invitation id (see --list)"));
        return ExitCode::Usage;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Status revoked = store.run<Done>(
        [id, now](Repositories &repos) { return repos.invitations.revoke(id, now); });
    if (!revoked) {
        printError(revoked.error().message);
        return revoked.error().code == ErrorCode::NotFound ? ExitCode::NotFound : ExitCode::Failed;
    }
    std::printf("invitation %lld revoked: it can no longer be used to register\n", id);
    return ExitCode::Ok;
}
} // namespace

int runInviteCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("banterd invite: makes an invitation to this server and prints its banter:// link, "
           "which carries the server's address, its certificate fingerprint and a token that "
           "lets one person (or --uses N people) register when registration = invite. Opening "
           "the link in Banter pins the certificate, so nobody has to compare fingerprints."));
    parser.addHelpOption();
    addStoreOptions(parser);
    parser.addOptions({
        {u"uses"_s, tr("How many accounts the invitation can make (default 1, at most 10000)."),
         u"n"_s, u"1"_s},
        {u"expires"_s, tr("How long it stays valid: 30m, 12h, 7d, 2w (default 7d, at most 365d)."),
         u"time"_s, u"7d"_s},
        {u"name"_s,
         tr("What the link calls the server, and the invitation in --list (default: "
            "the name in the configuration, else this machine's host name)."),
         u"text"_s},
        {u"host"_s,
         tr("Address or host name the link points to (default: the address banterd "
            "listens on, or this machine's first LAN address when it listens on "
            "every interface)."),
         u"host"_s},
        {u"port"_s,
         tr("Port the link names (default: the configured port; another one when "
            "a router forwards a different port to banterd)."),
         u"port"_s},
        {u"json"_s, tr("Print JSON instead of text.")},
        {u"qr"_s, tr("Print the QR code even when the output is not a terminal.")},
        {u"list"_s, tr("List the invitations (newest first) instead of making one.")},
        {u"revoke"_s, tr("Withdraw the invitation with this id."), u"id"_s},
    });
    parser.process(arguments);
    if (!parser.positionalArguments().isEmpty()) {
        printError(tr("unexpected argument '%1'").arg(parser.positionalArguments().first()));
        return ExitCode::Usage;
    }
    Result<ServerConfig> config = configFromStoreOptions(parser);
    if (!config) {
        printError(config.error().message);
        return ExitCode::Usage;
    }
    const bool json = parser.isSet(u"json"_s);

    if (parser.isSet(u"list"_s) || parser.isSet(u"revoke"_s)) {
        Result<CommandStore> store = CommandStore::open(*config);
        if (!store) {
            printError(store.error().message);
            return ExitCode::Unreachable;
        }
        return parser.isSet(u"list"_s) ? list(*store, json)
                                       : revoke(*store, parser.value(u"revoke"_s));
    }

    bool usesOk = false;
    const int uses = parser.value(u"uses"_s).toInt(&usesOk);
    if (!usesOk || uses < 1 || uses > MaxUses) {
        printError(tr("--uses needs a number from 1 to %1").arg(MaxUses));
        return ExitCode::Usage;
    }
    const qint64 lifetime = parseLifetime(parser.value(u"expires"_s));
    if (lifetime == 0) {
        printError(tr("--expires needs a time like 30m, 12h, 7d or 2w (at most 365d)"));
        return ExitCode::Usage;
    }
    InvitationLink link;
    link.serverName = parser.isSet(u"name"_s) ? parser.value(u"name"_s).trimmed()
        : !config->lan.serverName.isEmpty()   ? config->lan.serverName
                                              : defaultServerName();
    if (Status name = UserRules::validateDisplayName(link.serverName);
        !name || link.serverName.size() > InvitationLink::MaxServerNameChars) {
        printError(tr("--name must be at most %1 characters of plain text")
                       .arg(InvitationLink::MaxServerNameChars));
        return ExitCode::Usage;
    }
    if (parser.isSet(u"port"_s)) {
        bool portOk = false;
        const uint port = parser.value(u"port"_s).toUInt(&portOk);
        if (!portOk || port < 1 || port > 65535) {
            printError(tr("--port needs a number from 1 to 65535"));
            return ExitCode::Usage;
        }
        config->port = quint16(port);
    }
    Result<QUrl> server = inviteServerUrl(*config, parser.value(u"host"_s));
    if (!server) {
        printError(server.error().message);
        return ExitCode::Usage;
    }
    if (isLoopbackHost(server->host()))
        printError(tr("warning: banterd listens on %1 only, so nobody else can use this link; "
                      "start it with --lan or --listen, or pass --host")
                       .arg(server->host()));
    link.serverUrl = *server;
    if (config->tls.enabled()) {
        // The certificate banterd presents: the operator's, or the one it made (made now if
        // banterd has never started, and kept for it).
        Result<TlsCredentials> tls = loadTlsCredentials(config->tls, config->dataDir);
        if (!tls) {
            printError(tls.error().message);
            return ExitCode::Failed;
        }
        link.fingerprint = certificateFingerprint(tls->certificate());
    }

    Result<CommandStore> store = CommandStore::open(*config);
    if (!store) {
        printError(store.error().message);
        return ExitCode::Unreachable;
    }
    link.token = InvitationToken::generate();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Result<Invitation> made =
        store->run<Invitation>([hash = InvitationToken::hash(link.token), name = link.serverName,
                                uses, now, expires = now + lifetime](Repositories &repos) {
            return repos.invitations.create(hash, name, uses, now, expires);
        });
    if (!made) {
        printError(made.error().message);
        return ExitCode::Failed;
    }
    const QString text = link.toString();
    if (json) {
        QJsonObject object = toJson(*made, now);
        object.insert(u"link"_s, text);
        std::printf("%s\n", QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
    } else {
        std::printf("invitation %lld for \"%s\": %d use(s), valid until %s\n%s\n", made->id,
                    qPrintable(made->name), made->maxUses, qPrintable(utcTime(made->expiresAtMs)),
                    qPrintable(text));
        if (parser.isSet(u"qr"_s) || ::isatty(STDOUT_FILENO) == 1)
            std::printf("\n%s", qPrintable(terminalQrCode(text.toUtf8())));
    }
    if (config->registration != RegistrationMode::Invitation)
        printError(tr("note: registration is not 'invite' in this configuration; with 'open' "
                      "anyone can register anyway, with 'closed' nobody can"));
    return ExitCode::Ok;
}

} // namespace Banter::Server
