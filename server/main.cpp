// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// banterd: parses the command line and runs the server until SIGINT or SIGTERM: the first
// starts the graceful stop (answers, close 1001, exit 0), a second one exits at once. SIGHUP
// re-reads the config file and applies what can change without a restart.
#include "app/banterserver.h"
#include "cli/servercommand.h"
#include "config/commandline.h"
#include "config/configvalidator.h"
#include "net/lanaddresses.h"
#include "serverlogging.h"
#include "serverlogoutput.h"
#include <banter/protocol/certificatefingerprint.h>

#include <QCoreApplication>
#include <QSocketNotifier>

#include <atomic>
#include <csignal>
#include <cstdio>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
int signalPipe[2] = {-1, -1};
int reloadPipe[2] = {-1, -1};
std::atomic<int> signalsReceived{0}; // lock-free, so safe to use in the handler
static_assert(std::atomic<int>::is_always_lock_free);

void onSignal(int signal)
{
    // A second signal means "now": the operator gave up waiting for the drain. _exit() is
    // async-signal-safe; what was committed stays committed, unanswered requests are not.
    if (signalsReceived.fetch_add(1) > 0)
        ::_exit(128 + signal);
    const char byte = 1;
    // write() is async-signal-safe; the event loop picks the byte up and drains.
    [[maybe_unused]] auto written = ::write(signalPipe[1], &byte, 1);
}

void drainOnTerminationSignals(QCoreApplication &app, Banter::Server::BanterServer &server)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    QObject::connect(&server, &Banter::Server::BanterServer::drained, &app,
                     &QCoreApplication::quit);
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &server, [&server] {
        char byte = 0;
        [[maybe_unused]] auto bytes = ::read(signalPipe[0], &byte, 1);
        server.shutdown();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}
void onReloadSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] auto written = ::write(reloadPipe[1], &byte, 1);
}

// SIGHUP: the config file is read again, checked as at start (a file with errors changes
// nothing), and what the running server can apply is applied; the log says which keys
// changed and which of them wait for a restart.
void reloadOnHangup(QCoreApplication &app, Banter::Server::BanterServer &server,
                    const Banter::Server::CommandLine &commandLine, QString configPath)
{
    using namespace Banter::Server;
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, reloadPipe) != 0)
        return;
    auto running = std::make_shared<QHash<QString, QString>>(configFileValues(configPath));
    auto *notifier = new QSocketNotifier(reloadPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(
        notifier, &QSocketNotifier::activated, &server,
        [&server, &commandLine, configPath, running] {
            char byte = 0;
            [[maybe_unused]] auto bytes = ::read(reloadPipe[0], &byte, 1);
            Banter::Result<ServerConfig> next = commandLine.config();
            if (!next) {
                qCWarning(lcServer).noquote()
                    << "reload refused, nothing changed:" << next.error().message;
                return;
            }
            const QHash<QString, QString> now = configFileValues(configPath);
            const ReloadReport report = server.reload(*next, changedConfigKeys(*running, now));
            setServerLogLevel(next->log.level);
            // What waits for a restart stays "changed" until then.
            for (const QString &key : report.applied) {
                if (now.contains(key))
                    running->insert(key, now.value(key));
                else
                    running->remove(key);
            }
            qCInfo(lcServer).noquote()
                << "reload: applied:"
                << (report.applied.isEmpty() ? u"nothing"_s : report.applied.join(u", "_s));
            if (!report.needRestart.isEmpty())
                qCWarning(lcServer).noquote() << "reload: these take effect at the next restart:"
                                              << report.needRestart.join(u", "_s);
            if (!report.tlsChange.isEmpty())
                qCInfo(lcServer).noquote() << "reload: TLS:" << report.tlsChange;
        });
    struct sigaction action = {};
    action.sa_handler = onReloadSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGHUP, &action, nullptr);
}

// Every storage batch allocates and frees a few hundred KiB (SQLite's statement journals, page
// cache slabs, result rows). With glibc's defaults the storage thread's arena is trimmed
// after each batch and the next batch faults the same pages back in: about a tenth of the
// storage thread's time under load went to madvise and page faults. Keep freed memory for
// reuse up to a bound instead; it is returned once more than that is free.
// LAN mode: what a colleague types (or picks from the list) and compares, on the terminal.
void printLanWelcome(const Banter::Server::BanterServer &server)
{
    const char *scheme = server.isSecure() ? "wss" : "ws";
    const QList<QHostAddress> addresses =
        Banter::Server::reachableAddresses(server.config().listenAddress);
    std::fprintf(stdout, "LAN mode: \"%s\"; clients on your network connect to:\n",
                 qPrintable(server.serverName()));
    for (const QHostAddress &address : addresses) {
        const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
            ? u"["_s + address.toString() + u"]"_s
            : address.toString();
        std::fprintf(stdout, "  %s://%s:%u\n", scheme, qPrintable(host), unsigned(server.port()));
    }
    if (addresses.isEmpty())
        std::fprintf(stdout, "  (no network interface is up yet)\n");
    if (server.isSecure())
        std::fprintf(
            stdout, "certificate SHA-256 (clients compare it on first connection):\n  %s\n",
            qPrintable(Banter::formatCertificateFingerprint(server.certificateFingerprint())));
    if (server.discoveryPort() != 0)
        std::fprintf(stdout, "answering LAN discovery on UDP port %u\n",
                     unsigned(server.discoveryPort()));
    else
        std::fprintf(stdout, "LAN discovery is off: clients need the address above\n");
}

void tuneAllocator()
{
#if defined(__GLIBC__)
    mallopt(M_TRIM_THRESHOLD, 16 * 1024 * 1024);
    mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
#endif
}
} // namespace

int main(int argc, char *argv[])
{
    // Everything banterd creates (the database, its journal, partial uploads, blobs, keys)
    // is its own account's alone, whatever umask it was started with.
    ::umask(077);
    tuneAllocator();
    QCoreApplication app(argc, argv);
    // Until the config file says otherwise: text, info and above (so its own warnings show).
    Banter::Server::installServerLogOutput(Banter::Server::LogStyle::Text, QtInfoMsg);
    QCoreApplication::setApplicationName(u"banterd"_s);
    QCoreApplication::setOrganizationName(u"Banter"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(BANTER_VERSION));

    // `banterd COMMAND ...` runs an operator command instead of the server.
    if (const QStringList arguments = QCoreApplication::arguments();
        arguments.size() > 1 && !arguments.at(1).startsWith(u'-')) {
        const Banter::Server::ServerCommand *command =
            Banter::Server::findServerCommand(arguments.at(1));
        if (!command) {
            std::fprintf(stderr, "banterd: unknown command '%s' (see banterd --help)\n",
                         qPrintable(arguments.at(1)));
            return Banter::Server::ExitCode::Usage;
        }
        return command->run(QStringList{arguments.first() + u' ' + arguments.at(1)}
                            + arguments.mid(2));
    }
    Banter::Server::CommandLine commandLine;
    commandLine.parser().addPositionalArgument(u"command"_s, Banter::Server::serverCommandsHelp(),
                                               u"[command]"_s);
    commandLine.parser().process(app); // handles --help and --version, exits on unknown options
    if (!commandLine.parser().positionalArguments().isEmpty()) {
        std::fprintf(stderr, "banterd: a command goes first: banterd COMMAND [options]\n");
        return Banter::Server::ExitCode::Usage;
    }
    Banter::Result<Banter::Server::ServerConfig> config = commandLine.config();
    if (!config) {
        std::fprintf(stderr, "banterd: %s\n", qPrintable(config.error().message));
        return 2;
    }

    Banter::Server::installServerLogOutput(config->log.format
                                                   == Banter::Server::LogConfig::Format::Json
                                               ? Banter::Server::LogStyle::Json
                                               : Banter::Server::LogStyle::Text,
                                           config->log.level);

    Banter::Server::BanterServer server(*config);
    if (Banter::Status started = server.start(); !started) {
        std::fprintf(stderr, "banterd: %s\n", qPrintable(started.error().message));
        return 1;
    }
    const QHostAddress listening = server.config().listenAddress;
    // QHostAddress::Any (both families) prints as "::"; "*" says "every interface" plainly.
    const QString host = listening == QHostAddress::Any ? u"*"_s : listening.toString();
    std::fprintf(stdout, "banterd %s listening on %s://%s:%u (data in %s)\n", BANTER_VERSION,
                 server.isSecure() ? "wss" : "ws", qPrintable(host), unsigned(server.port()),
                 qPrintable(config->dataDir));
    if (server.config().lan.enabled)
        printLanWelcome(server);
    if (server.metricsPort() != 0)
        std::fprintf(stdout, "banterd metrics on http://%s:%u/metrics\n",
                     qPrintable(config->metrics.listenAddress.toString()),
                     unsigned(server.metricsPort()));
    std::fflush(stdout);

    drainOnTerminationSignals(app, server);
    reloadOnHangup(app, server, commandLine, commandLine.parser().value(u"config"_s));
    const int status = app.exec();
    server.stop();
    return status;
}
