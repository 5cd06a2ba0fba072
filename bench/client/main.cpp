// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// banter-clientbench: the desktop client as a person experiences it, against a real banterd on
// loopback holding a real history. Each start of the client runs in a process of its own (so
// its start-up and memory are its own), with real widgets on the offscreen platform:
//   cold     first sign-in: conversation list shown, newest messages shown, a message sent
//   warm     the remembered account, the server up: window with content, caught up; then the
//            big conversation opened and paged to its first message, and every other
//            conversation visited and paged to its start (RSS after)
//   offline  the remembered account, the server down: window with what is kept
//   week     a week away: the server got --week new messages, the client starts and catches up
// Usage: banter-clientbench --banterd build/release/server/banterd [--conversations 50]
//        [--messages 10000] [--big 20000] [--week 50000] [--keep-data DIR] [--timeout 600]
//        [--tls on|off] [--check]
// Loopback only; every wait is bounded; the server is started and stopped by its PID.
#include "benchserver.h"
#include "clientrun.h"
#include "filler.h"
#include "wireclient.h"
#include <banter/client/certificatepin.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

struct Options
{
    QString banterd;
    int conversations = 50;
    int messages = 10'000;
    int big = 20'000;
    int week = 50'000;
    QString keepData;
    qint64 timeoutMs = 600'000;
    bool tls = true;
    int scrollIntervalMs = 0;
    int requestRate = 0; // requests a second a connection may make (0: the server's default)
    bool check = false;
    bool verbose = false;
};

// What the filled server holds; a kept data directory is reused when it matches.
struct Fill
{
    static constexpr int Version = 2; // 2: everything filled is read by me
    int version = 0;
    int conversations = 0;
    int messages = 0;
    int big = 0;
    bool tls = true;
    quint16 port = 0;
    Filler::Accounts accounts;
    qint64 bigConversation = 0;
    QList<qint64> conversationIds;

    QJsonObject toJson() const
    {
        QJsonArray ids;
        for (qint64 id : conversationIds)
            ids.append(id);
        return {{u"version"_s, Version},
                {u"conversations"_s, conversations},
                {u"messages"_s, messages},
                {u"big"_s, big},
                {u"tls"_s, tls},
                {u"port"_s, port},
                {u"me"_s, accounts.me},
                {u"peer"_s, accounts.peer},
                {u"password"_s, accounts.password},
                {u"me_id"_s, accounts.meId},
                {u"peer_id"_s, accounts.peerId},
                {u"big_conversation"_s, bigConversation},
                {u"conversation_ids"_s, ids}};
    }
    static Fill fromJson(const QJsonObject &o)
    {
        Fill f;
        f.version = o[u"version"_s].toInt();
        f.conversations = o[u"conversations"_s].toInt();
        f.messages = o[u"messages"_s].toInt();
        f.big = o[u"big"_s].toInt();
        f.tls = o[u"tls"_s].toBool();
        f.port = quint16(o[u"port"_s].toInt());
        f.accounts = {o[u"me"_s].toString(), o[u"peer"_s].toString(), o[u"password"_s].toString(),
                      qint64(o[u"me_id"_s].toDouble()), qint64(o[u"peer_id"_s].toDouble())};
        f.bigConversation = qint64(o[u"big_conversation"_s].toDouble());
        for (const QJsonValue &id : o[u"conversation_ids"_s].toArray())
            f.conversationIds.append(qint64(id.toDouble()));
        return f;
    }
};

// Generous message limits for filling only; the measured runs use the server's defaults.
QString writeFillConfig(const QString &dir)
{
    const QString path = QDir(dir).filePath(u"fill.conf"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("[limits]\nmax_connections_per_user=1000\nmessages_per_second=1000000\n"
               "message_burst=1000000\nrequests_per_second=1000000\nrequest_burst=1000000\n"
               "membership_changes_per_minute=1000000\nmembership_change_burst=1000000\n"
               "group_adds_per_pair_per_hour=1000000\ngroup_add_people_per_hour=1000000\n");
    return path;
}

// Directories owner-only, as banterd makes them (it refuses a data directory others may read).
bool makeOwnerOnlyPath(const QString &path)
{
    return QDir().mkpath(path)
        && QFile::setPermissions(
               path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

bool copyTree(const QString &from, const QString &to)
{
    makeOwnerOnlyPath(to);
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(source));
        if (it.fileInfo().isDir()) {
            makeOwnerOnlyPath(target);
        } else if (!QFile::copy(source, target)) {
            return false;
        }
    }
    return true;
}

QList<Filler::Target> spread(const QList<qint64> &ids, qint64 bigId, int messages, int big)
{
    QList<Filler::Target> targets;
    for (qint64 id : ids)
        targets.append({id, id == bigId ? big : messages});
    return targets;
}

bool fill(const Options &o, const QString &root, Fill &f)
{
    const QString serverDir = QDir(root).filePath(u"server"_s);
    QDir(serverDir).removeRecursively();
    f = {};
    f.version = Fill::Version;
    f.conversations = o.conversations;
    f.messages = o.messages;
    f.big = o.big;
    f.tls = o.tls;
    f.port = BenchServer::freePort();
    f.accounts = {u"myself"_s, u"colleague"_s, u"clientbench password"_s, 0, 0};
    BenchServer server;
    if (!server.start(o.banterd, serverDir, f.port, o.tls, writeFillConfig(root)))
        return false;
    QElapsedTimer clock;
    clock.start();
    Filler filler(server.url(), server.certificate());
    QStringList names{u"Big room"_s};
    for (int i = 0; i < o.conversations; ++i)
        names.append(u"Topic %1"_s.arg(i + 1));
    if (!filler.registerAccounts(f.accounts)
        || (f.conversationIds = filler.createConversations(f.accounts, names)).isEmpty()) {
        qWarning("fill: %s", qPrintable(filler.error()));
        return false;
    }
    f.bigConversation = f.conversationIds.first();
    if (!filler.send(f.accounts, spread(f.conversationIds, f.bigConversation, o.messages, o.big),
                     3'600'000)) {
        qWarning("%s", qPrintable(filler.error()));
        return false;
    }
    if (!filler.markAllRead(f.accounts)) {
        qWarning("%s", qPrintable(filler.error()));
        return false;
    }
    const qint64 total = qint64(o.conversations) * o.messages + o.big;
    std::fprintf(stderr, "fill: %lld messages in %.1f s (%.0f/s)\n", total,
                 double(clock.elapsed()) / 1000.0,
                 double(total) * 1000.0 / double(qMax<qint64>(1, clock.elapsed())));
    server.stop();
    QFile meta(QDir(root).filePath(u"fill.json"_s));
    if (!meta.open(QIODevice::WriteOnly))
        return false;
    meta.write(QJsonDocument(f.toJson()).toJson());
    return true;
}

// Runs one client phase in a child process, bounded by the time limit, and gathers its
// figures.
QJsonObject runPhase(const Options &o, const QString &phase, const QString &work, const Fill &f,
                     const QUrl &url, const QByteArray &pin,
                     const QList<QPair<qint64, qint64>> &lastSeqs, bool explore, bool &ok)
{
    QJsonArray seqs;
    for (const auto &[id, seq] : lastSeqs)
        seqs.append(QJsonArray{id, seq});
    const QString planPath = QDir(work).filePath(phase + u".plan.json"_s);
    {
        QFile plan(planPath);
        if (!plan.open(QIODevice::WriteOnly))
            return {};
        plan.write(QJsonDocument(QJsonObject{{u"phase"_s, phase},
                                             {u"url"_s, url.toString()},
                                             {u"pin"_s, QString::fromLatin1(pin.toHex())},
                                             {u"user"_s, f.accounts.me},
                                             {u"password"_s, f.accounts.password},
                                             {u"big"_s, f.bigConversation},
                                             {u"last_seqs"_s, seqs},
                                             {u"explore"_s, explore},
                                             {u"check"_s, o.check},
                                             {u"scroll_interval_ms"_s, o.scrollIntervalMs},
                                             {u"timeout_ms"_s, o.timeoutMs}})
                       .toJson());
    }
    const QString state = QDir(work).filePath(u"client"_s);
    QDir().mkpath(state);
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    // The client's own files (settings, cache) live in the benchmark's directory.
    env.insert(u"XDG_DATA_HOME"_s, QDir(state).filePath(u"data"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, QDir(state).filePath(u"config"_s));
    env.insert(u"XDG_CACHE_HOME"_s, QDir(state).filePath(u"cache"_s));
    child.setProcessEnvironment(env);
    child.setStandardErrorFile(QDir(work).filePath(phase + u".log"_s));
    std::fprintf(stderr, "== %s\n", qPrintable(phase));
    QJsonObject figures;
    QByteArray buffer;
    const auto take = [&] {
        buffer += child.readAllStandardOutput();
        qsizetype end;
        while ((end = buffer.indexOf('\n')) >= 0) {
            const QJsonObject line = QJsonDocument::fromJson(buffer.left(end)).object();
            buffer.remove(0, end + 1);
            if (line.isEmpty())
                continue;
            const QString key = line[u"key"_s].toString();
            if (key == "failed"_L1 || key == "scroll_problem"_L1) {
                QJsonArray all = figures.value(key).toArray();
                all.append(line[u"value"_s]);
                figures.insert(key, all);
            } else {
                figures.insert(key, line[u"value"_s]);
            }
            if (o.verbose)
                std::fprintf(stderr, "  %s\n",
                             QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
        }
    };
    QObject::connect(&child, &QProcess::readyReadStandardOutput, &child, take);
    child.start(QCoreApplication::applicationFilePath(),
                {u"--phase"_s, phase, u"--plan"_s, planPath, u"--state-dir"_s, state});
    const bool finished = child.waitForStarted(10'000)
        && spinUntil([&] { return child.state() == QProcess::NotRunning; }, o.timeoutMs + 15'000);
    if (!finished) {
        child.kill(); // this child only, by its PID
        child.waitForFinished(5'000);
        figures.insert(u"did_not_finish_within_s"_s, double(o.timeoutMs) / 1000.0);
        ok = false;
    }
    take();
    if (finished && (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)) {
        figures.insert(u"exit_code"_s, child.exitCode());
        ok = false;
    }
    if (!ok || o.verbose) {
        QFile log(QDir(work).filePath(phase + u".log"_s));
        if (log.open(QIODevice::ReadOnly))
            std::fprintf(stderr, "%s", log.readAll().right(3000).constData());
    }
    std::fprintf(stderr, "%s: %s\n", qPrintable(phase),
                 QJsonDocument(figures).toJson(QJsonDocument::Compact).constData());
    return figures;
}

int runBenchmark(const Options &o)
{
    QTemporaryDir temporary;
    const QString root = o.keepData.isEmpty() ? temporary.path() : o.keepData;
    QDir().mkpath(root);
    Fill f;
    QFile meta(QDir(root).filePath(u"fill.json"_s));
    if (meta.open(QIODevice::ReadOnly))
        f = Fill::fromJson(QJsonDocument::fromJson(meta.readAll()).object());
    meta.close();
    QElapsedTimer fillClock;
    fillClock.start();
    const bool reuse = f.conversations == o.conversations && f.messages == o.messages
        && f.big == o.big && f.tls == o.tls && f.port != 0 && f.version == Fill::Version;
    if (reuse) {
        std::fprintf(stderr, "reusing the filled server in %s\n", qPrintable(root));
    } else if (!fill(o, root, f)) {
        std::fprintf(stderr, "filling the server failed\n");
        return 2;
    }
    const double fillSeconds = reuse ? 0.0 : double(fillClock.elapsed()) / 1000.0;

    // Every run works on a copy, so a kept directory stays as filled. With --keep-data the
    // copy, the client's files and its logs stay in DIR/last-run until the next run.
    QTemporaryDir scratch;
    const QString workPath =
        o.keepData.isEmpty() ? scratch.path() : QDir(root).filePath(u"last-run"_s);
    QDir(workPath).removeRecursively();
    QDir().mkpath(workPath);
    const QDir work(workPath);
    const QString serverDir = work.filePath(u"server"_s);
    if (!copyTree(QDir(root).filePath(u"server"_s), serverDir)) {
        std::fprintf(stderr, "cannot copy the server's data\n");
        return 2;
    }
    bool ok = true;
    QJsonObject result{{u"conversations"_s, o.conversations},
                       {u"messages"_s, o.messages},
                       {u"big"_s, o.big},
                       {u"week"_s, o.week},
                       {u"tls"_s, o.tls},
                       {u"request_rate"_s, o.requestRate},
                       {u"fill_s"_s, fillSeconds}};
    QString measureConfig;
    if (o.requestRate > 0) {
        measureConfig = work.filePath(u"measure.conf"_s);
        QFile file(measureConfig);
        if (!file.open(QIODevice::WriteOnly))
            return 2;
        file.write(QByteArrayLiteral("[limits]\nrequests_per_second=")
                   + QByteArray::number(o.requestRate)
                   + "\nrequest_burst=" + QByteArray::number(2 * o.requestRate) + "\n");
    }
    BenchServer server;
    const auto startServer = [&](const QString &config) {
        if (server.start(o.banterd, serverDir, f.port, o.tls, config))
            return true;
        std::fprintf(stderr, "banterd did not start\n");
        return false;
    };
    if (!startServer(measureConfig))
        return 2;
    const QUrl url = server.url();
    // The client meets this server as someone who trusted it before: its certificate pinned.
    const QByteArray pin = Banter::CertificatePin::fingerprint(server.certificate());
    const auto lastSeqs = [&] { return Filler(url, server.certificate()).lastSeqs(f.accounts); };
    result.insert(u"cold"_s, runPhase(o, u"cold"_s, workPath, f, url, pin, lastSeqs(), false, ok));
    result.insert(u"warm"_s, runPhase(o, u"warm"_s, workPath, f, url, pin, lastSeqs(), true, ok));
    const auto known = lastSeqs();
    result.insert(u"server_rss_mib"_s, double(server.rssBytes()) / 1024.0 / 1024.0);
    server.stop();
    result.insert(u"offline"_s, runPhase(o, u"offline"_s, workPath, f, url, pin, known, false, ok));

    // A week away: the server receives new messages across all conversations meanwhile.
    if (o.week > 0) {
        if (!startServer(writeFillConfig(workPath)))
            return 2;
        Filler filler(url, server.certificate());
        QList<Filler::Target> targets;
        for (qint64 id : f.conversationIds)
            targets.append({id, o.week / int(f.conversationIds.size())});
        targets.first().messages += o.week % int(f.conversationIds.size());
        if (!filler.send(f.accounts, targets, 600'000)) {
            std::fprintf(stderr, "%s\n", qPrintable(filler.error()));
            return 2;
        }
        server.stop();
        if (!startServer(measureConfig))
            return 2;
        result.insert(u"week_offline"_s,
                      runPhase(o, u"week"_s, workPath, f, url, pin, lastSeqs(), false, ok));
        server.stop();
    }
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    std::fprintf(stderr, "%s\n",
                 ok ? "clientbench: every phase finished"
                    : "clientbench: a phase failed or did not finish");
    return ok || !o.check ? 0 : 1;
}

int runChild(const QString &planPath, const QString &stateDir, const QElapsedTimer &sinceStart)
{
    QFile file(planPath);
    if (!file.open(QIODevice::ReadOnly))
        return 2;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    ClientPlan plan;
    const QString phase = o[u"phase"_s].toString();
    plan.phase = phase == "cold"_L1 ? ClientPlan::Phase::Cold
        : phase == "warm"_L1        ? ClientPlan::Phase::Warm
        : phase == "offline"_L1     ? ClientPlan::Phase::Offline
                                    : ClientPlan::Phase::CatchUp;
    plan.url = QUrl(o[u"url"_s].toString());
    plan.pinnedSha256 = QByteArray::fromHex(o[u"pin"_s].toString().toLatin1());
    plan.user = o[u"user"_s].toString();
    plan.password = o[u"password"_s].toString();
    plan.stateDir = stateDir;
    plan.bigConversation = qint64(o[u"big"_s].toDouble());
    for (const QJsonValue &pair : o[u"last_seqs"_s].toArray())
        plan.lastSeqs.append({qint64(pair[0].toDouble()), qint64(pair[1].toDouble())});
    plan.explore = o[u"explore"_s].toBool();
    plan.check = o[u"check"_s].toBool();
    plan.scrollIntervalMs = o[u"scroll_interval_ms"_s].toInt();
    plan.timeoutMs = qint64(o[u"timeout_ms"_s].toDouble());
    return runClient(plan, sinceStart);
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    bool child = false;
    for (int i = 1; i < argc; ++i)
        child = child || qstrcmp(argv[i], "--phase") == 0;
    if (child) {
        // A client start: the application as the desktop client sets it up.
        QApplication app(argc, argv);
        QApplication::setApplicationName(u"banter"_s);
        QApplication::setOrganizationName(u"Banter"_s);
        QCommandLineParser parser;
        parser.addOptions({{u"phase"_s, {}, u"name"_s},
                           {u"plan"_s, {}, u"file"_s},
                           {u"state-dir"_s, {}, u"dir"_s}});
        parser.process(app);
        return runChild(parser.value(u"plan"_s), parser.value(u"state-dir"_s), sinceStart);
    }

    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"The desktop client against a real banterd holding a real history (docs/PERFORMANCE.md)."_s);
    parser.addHelpOption();
    const QString defaultServer =
        QDir(QCoreApplication::applicationDirPath()).filePath(u"../../server/banterd"_s);
    parser.addOptions({
        {u"banterd"_s, u"banterd binary."_s, u"path"_s, defaultServer},
        {u"conversations"_s, u"Conversations of --messages each."_s, u"n"_s, u"50"_s},
        {u"messages"_s, u"Messages in each of those."_s, u"n"_s, u"10000"_s},
        {u"big"_s, u"Messages in the one big conversation."_s, u"n"_s, u"20000"_s},
        {u"week"_s, u"New messages while the client is away a week (0: skip)."_s, u"n"_s,
         u"50000"_s},
        {u"keep-data"_s, u"Keep the filled server here and reuse it next time."_s, u"dir"_s},
        {u"timeout"_s, u"Time limit of each client start, in seconds."_s, u"s"_s, u"600"_s},
        {u"tls"_s, u"TLS on the server (on or off)."_s, u"on|off"_s, u"on"_s},
        {u"scroll-interval"_s,
         u"Milliseconds between page steps when scrolling up (0: as soon as a step settles)."_s,
         u"ms"_s, u"0"_s},
        {u"request-rate"_s,
         u"Requests a second the server allows a connection (default: its own default)."_s, u"n"_s},
        {u"check"_s, u"Exit non-zero unless every phase finished with no gap or duplicate."_s},
        {u"verbose"_s, u"Print every figure and the client's log."_s},
    });
    parser.process(app);
    Options o;
    o.banterd = parser.value(u"banterd"_s);
    o.conversations = qMax(1, parser.value(u"conversations"_s).toInt());
    o.messages = qMax(1, parser.value(u"messages"_s).toInt());
    o.big = qMax(1, parser.value(u"big"_s).toInt());
    o.week = qMax(0, parser.value(u"week"_s).toInt());
    o.keepData = parser.value(u"keep-data"_s);
    o.timeoutMs = qMax(10, parser.value(u"timeout"_s).toInt()) * qint64(1000);
    o.tls = parser.value(u"tls"_s) != "off"_L1;
    o.scrollIntervalMs = qMax(0, parser.value(u"scroll-interval"_s).toInt());
    o.requestRate = qMax(0, parser.value(u"request-rate"_s).toInt());
    o.check = parser.isSet(u"check"_s);
    o.verbose = parser.isSet(u"verbose"_s);
    return runBenchmark(o);
}
