// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// LAN mode between two machines (issue 14), played by two network namespaces joined by a veth
// pair: banterd --lan runs in the server's, landiscoverer (ServerBrowser, raw datagrams and a
// real sign-in) and landialog (the desktop sign-in dialog, offscreen) in the client's. Real
// broadcast and multicast, never outside this machine. Covered: the server found by broadcast with
// what it printed on start, hostile datagrams and a flood leaving it responsive with no answer
// larger than a query, a loopback-only server never answering, and the mDNS announcement through an
// avahi-daemon of the server's namespace (with a private D-Bus), read by another avahi-daemon in
// the client's and by the client's ServerBrowser (alone, and merged with the UDP answer into one
// entry); the sign-in dialog listing the server and filling in its address.
//
// Root only (CI runs as root; scripts/test.sh then sets BANTER_TEST_REQUIRE_NETNS, and a
// missing tool fails instead of skipping). Everything is torn down, also on failure.
#include "waiting.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <csignal>
#include <memory>
#include <unistd.h>

using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
QString tool(const QString &name)
{
    const QString found = QStandardPaths::findExecutable(name);
    return found.isEmpty() ? QStandardPaths::findExecutable(name, {u"/usr/sbin"_s, u"/sbin"_s})
                           : found;
}

// Runs a command to its end with the event loop running; its output, or nullopt on failure.
std::optional<QString>
run(const QString &program, const QStringList &arguments, bool quiet = false,
    int timeoutMs = 30'000,
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!waitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs, "a command")
        || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (!quiet)
            qWarning("%s %s failed: %s", qPrintable(program), qPrintable(arguments.join(u' ')),
                     process.readAllStandardError().constData());
        process.kill();
        process.waitForFinished(1000);
        return std::nullopt;
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

// A long-running program inside a namespace, stopped by its own PID when this goes.
class Daemon
{
public:
    Daemon() { m_process.setProcessChannelMode(QProcess::SeparateChannels); }
    ~Daemon() { stop(); }
    void start(const QString &ns, const QStringList &command,
               const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        m_process.setProcessEnvironment(environment);
        m_process.start(tool(u"ip"_s), QStringList{u"netns"_s, u"exec"_s, ns} + command);
    }
    // Waits until standard output or error (as chosen) has a line matching `pattern`.
    bool waitForLine(const QRegularExpression &pattern, bool onError = false)
    {
        return waitFor(
                   [&] {
                       read();
                       return pattern.match(onError ? m_errors : m_output).hasMatch()
                           || m_process.state() == QProcess::NotRunning;
                   },
                   20'000, qPrintable(pattern.pattern()))
            && pattern.match(onError ? m_errors : m_output).hasMatch();
    }
    QString output()
    {
        read();
        return m_output;
    }
    QString errors()
    {
        read();
        return m_errors;
    }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        if (m_process.processId() > 0)
            ::kill(pid_t(m_process.processId()), SIGTERM);
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(2000);
    }

private:
    void read()
    {
        m_output += QString::fromUtf8(m_process.readAllStandardOutput());
        m_errors += QString::fromUtf8(m_process.readAllStandardError());
    }
    QProcess m_process;
    QString m_output;
    QString m_errors;
};

// Two namespaces and the veth pair between them, on a /24 picked at random in 10.214/16.
class LanNetwork
{
public:
    LanNetwork()
    {
        const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
        serverNs = u"banter-lans-"_s + tag;
        clientNs = u"banter-lanc-"_s + tag;
        m_serverLink = u"bls"_s + tag;
        m_clientLink = u"blc"_s + tag;
        const quint32 random = QUuid::createUuid().data1;
        m_prefix = u"10.214.%1."_s.arg(random & 0xff);
        m_secondPrefix = u"10.215.%1."_s.arg(random & 0xff);
        m_tag = tag;
    }
    ~LanNetwork() { tearDown(); }
    LanNetwork(const LanNetwork &) = delete;
    LanNetwork &operator=(const LanNetwork &) = delete;

    static QString unavailable()
    {
        if (::geteuid() != 0)
            return u"needs root for network namespaces"_s;
        if (tool(u"ip"_s).isEmpty())
            return u"ip is not installed (scripts/install-deps.sh --test)"_s;
        return {};
    }

    bool setUp()
    {
        const QString ip = tool(u"ip"_s);
        m_created = run(ip, {u"netns"_s, u"add"_s, serverNs}).has_value();
        m_created = run(ip, {u"netns"_s, u"add"_s, clientNs}).has_value() && m_created;
        if (!m_created)
            return false;
        const QList<QStringList> steps{
            {u"link"_s, u"add"_s, m_serverLink, u"type"_s, u"veth"_s, u"peer"_s, u"name"_s,
             m_clientLink},
            {u"link"_s, u"set"_s, m_serverLink, u"netns"_s, serverNs},
            {u"link"_s, u"set"_s, m_clientLink, u"netns"_s, clientNs},
            {u"-n"_s, serverNs, u"link"_s, u"set"_s, u"lo"_s, u"up"_s},
            {u"-n"_s, clientNs, u"link"_s, u"set"_s, u"lo"_s, u"up"_s},
            {u"-n"_s, serverNs, u"addr"_s, u"add"_s, serverAddress() + u"/24"_s, u"broadcast"_s,
             m_prefix + u"255"_s, u"dev"_s, m_serverLink},
            {u"-n"_s, clientNs, u"addr"_s, u"add"_s, clientAddress() + u"/24"_s, u"broadcast"_s,
             m_prefix + u"255"_s, u"dev"_s, m_clientLink},
            {u"-n"_s, serverNs, u"link"_s, u"set"_s, m_serverLink, u"up"_s},
            {u"-n"_s, clientNs, u"link"_s, u"set"_s, m_clientLink, u"up"_s},
        };
        for (const QStringList &step : steps) {
            if (!run(ip, step))
                return false;
        }
        return true;
    }
    // A second veth pair between the namespaces, on another subnet: the server's end of it
    // does not hold the address of the first.
    bool addSecondLink()
    {
        const QString ip = tool(u"ip"_s);
        const QString server = u"bls2"_s + m_tag;
        const QString client = u"blc2"_s + m_tag;
        const QList<QStringList> steps{
            {u"link"_s, u"add"_s, server, u"type"_s, u"veth"_s, u"peer"_s, u"name"_s, client},
            {u"link"_s, u"set"_s, server, u"netns"_s, serverNs},
            {u"link"_s, u"set"_s, client, u"netns"_s, clientNs},
            {u"-n"_s, serverNs, u"addr"_s, u"add"_s, secondServerAddress() + u"/24"_s,
             u"broadcast"_s, m_secondPrefix + u"255"_s, u"dev"_s, server},
            {u"-n"_s, clientNs, u"addr"_s, u"add"_s, m_secondPrefix + u"2/24"_s, u"broadcast"_s,
             m_secondPrefix + u"255"_s, u"dev"_s, client},
            {u"-n"_s, serverNs, u"link"_s, u"set"_s, server, u"up"_s},
            {u"-n"_s, clientNs, u"link"_s, u"set"_s, client, u"up"_s},
        };
        for (const QStringList &step : steps) {
            if (!run(ip, step))
                return false;
        }
        return true;
    }
    QString secondServerAddress() const { return m_secondPrefix + u"1"_s; }

    void tearDown()
    {
        if (!m_created)
            return;
        const QString ip = tool(u"ip"_s);
        run(ip, {u"link"_s, u"del"_s, m_serverLink}, true); // if it never moved
        run(ip, {u"link"_s, u"del"_s, u"bls2"_s + m_tag}, true);
        run(ip, {u"netns"_s, u"del"_s, serverNs}, true); // takes the veth pair along
        run(ip, {u"netns"_s, u"del"_s, clientNs}, true);
        m_created = false;
    }
    QString serverAddress() const { return m_prefix + u"1"_s; }
    QString clientAddress() const { return m_prefix + u"2"_s; }
    QString serverLink() const { return m_serverLink; }
    QString clientLink() const { return m_clientLink; }

    QString serverNs;
    QString clientNs;

private:
    QString m_serverLink;
    QString m_clientLink;
    QString m_prefix;
    QString m_secondPrefix;
    QString m_tag;
    bool m_created = false;
};

// A private D-Bus "system bus" and an avahi-daemon on it, in one namespace. avahi-daemon
// keeps its PID file and socket in /run/avahi-daemon and refuses to start when another one's
// PID file is there, so it gets a /run of its own (a mount namespace); its host name is set,
// as the two daemons of the test share the machine's.
class PrivateAvahi
{
public:
    static QString unavailable()
    {
        for (const QString &name :
             {u"avahi-daemon"_s, u"avahi-browse"_s, u"dbus-daemon"_s, u"unshare"_s}) {
            if (tool(name).isEmpty())
                return name + u" is not installed (scripts/install-deps.sh --test)"_s;
        }
        return {};
    }

    bool start(const QString &ns, const QString &interface, const QString &hostName,
               const QString &dir)
    {
        QDir().mkpath(dir);
        m_bus = u"unix:path="_s + dir + u"/system_bus"_s;
        const QString busConfig = dir + u"/bus.conf"_s;
        const QString avahiConfig = dir + u"/avahi-daemon.conf"_s;
        QFile bus(busConfig);
        QFile avahi(avahiConfig);
        if (!bus.open(QIODevice::WriteOnly) || !avahi.open(QIODevice::WriteOnly))
            return false;
        bus.write(u"<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-BUS Bus Configuration "
                  "1.0//EN\" \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                  "<busconfig><type>system</type><listen>%1</listen>"
                  "<auth>EXTERNAL</auth><policy context=\"default\">"
                  "<allow user=\"*\"/><allow own=\"*\"/><allow send_destination=\"*\"/>"
                  "<allow receive_sender=\"*\"/></policy></busconfig>\n"_s.arg(m_bus)
                      .toUtf8());
        avahi.write(u"[server]\nhost-name=%1\nuse-ipv4=yes\nuse-ipv6=no\n"
                    "allow-interfaces=%2\nenable-dbus=yes\n[publish]\npublish-hinfo=no\n"
                    "publish-workstation=no\n"_s.arg(hostName, interface)
                        .toUtf8());
        bus.close();
        avahi.close();
        m_dbus.start(ns,
                     {tool(u"dbus-daemon"_s), u"--config-file="_s + busConfig, u"--nofork"_s,
                      u"--nopidfile"_s, u"--print-address"_s});
        if (!m_dbus.waitForLine(QRegularExpression(u"unix:path"_s)))
            return false;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"DBUS_SYSTEM_BUS_ADDRESS"_s, m_bus);
        m_avahi.start(ns,
                      {tool(u"unshare"_s), u"--mount"_s, u"sh"_s, u"-c"_s,
                       u"mount -t tmpfs tmpfs /run && exec %1 -f %2 --no-drop-root --no-chroot "
                       "--no-rlimits"_s.arg(tool(u"avahi-daemon"_s), avahiConfig)},
                      environment);
        return m_avahi.waitForLine(QRegularExpression(u"Server startup complete"_s), true);
    }
    QString bus() const { return m_bus; }
    QString log() { return m_avahi.errors(); }

private:
    QString m_bus;
    Daemon m_dbus;
    Daemon m_avahi;
};

QList<QJsonObject> jsonLines(const QString &output)
{
    QList<QJsonObject> lines;
    for (const QString &line : output.split(u'\n', Qt::SkipEmptyParts))
        lines.append(QJsonDocument::fromJson(line.toUtf8()).object());
    return lines;
}

// The fingerprint banterd printed, as lower-case hex without colons.
QString printedFingerprint(const QString &output)
{
    static const QRegularExpression line(u"certificate SHA-256[^\\n]*\\n\\s*([0-9A-F:]{95})"_s);
    return line.match(output).captured(1).remove(u':').toLower();
}
} // namespace

class TestLanNetwork : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LanNetwork> m_network;
    QTemporaryDir m_dir;

    // banterd --lan in the server's namespace; `extra` options after the standard ones.
    void startServer(Daemon &server, const QStringList &extra = {},
                     const QString &systemBus = u"unix:path=/nonexistent"_s)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // Without a D-Bus system bus there is no mDNS responder to reach: the UDP answer only.
        environment.insert(u"DBUS_SYSTEM_BUS_ADDRESS"_s, systemBus);
        const QString data = m_dir.filePath(QUuid::createUuid().toString(QUuid::Id128));
        server.start(m_network->serverNs,
                     QStringList{QStringLiteral(BANTERD_PATH), u"--lan"_s, u"--data-dir"_s, data,
                                 u"--name"_s, u"Physics lab"_s}
                         + extra,
                     environment);
    }

    // landiscoverer in the client's namespace. Its mDNS browsing reaches the avahi-daemon on
    // `systemBus`; by default none (not the machine's, which sees the machine's network).
    QString discover(const QStringList &arguments, int timeoutMs = 30'000,
                     const QString &systemBus = u"unix:path=/nonexistent"_s)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"DBUS_SYSTEM_BUS_ADDRESS"_s, systemBus);
        const std::optional<QString> output =
            run(tool(u"ip"_s),
                QStringList{u"netns"_s, u"exec"_s, m_network->clientNs,
                            QStringLiteral(LANDISCOVERER_PATH)}
                    + arguments,
                false, timeoutMs, environment);
        return output.value_or(QString());
    }

    // An avahi-daemon in each namespace (skipped or failed as initTestCase says without it).
    bool startAvahis(PrivateAvahi &serverAvahi, PrivateAvahi &clientAvahi)
    {
        const QString missing = PrivateAvahi::unavailable();
        if (!missing.isEmpty()) {
            if (qEnvironmentVariableIsSet("BANTER_TEST_REQUIRE_NETNS"))
                qFatal("%s", qPrintable(missing));
            return false;
        }
        const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
        if (!serverAvahi.start(m_network->serverNs, m_network->serverLink(), u"banter-lan-server"_s,
                               m_dir.filePath(u"avahi-s-"_s + tag))) {
            qWarning("%s", qPrintable(serverAvahi.log()));
            return false;
        }
        if (!clientAvahi.start(m_network->clientNs, m_network->clientLink(), u"banter-lan-client"_s,
                               m_dir.filePath(u"avahi-c-"_s + tag))) {
            qWarning("%s", qPrintable(clientAvahi.log()));
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString missing = LanNetwork::unavailable();
        if (!missing.isEmpty()) {
            if (qEnvironmentVariableIsSet("BANTER_TEST_REQUIRE_NETNS"))
                QFAIL(qPrintable(missing));
            QSKIP(qPrintable(missing));
        }
        QVERIFY(m_dir.isValid());
    }
    void init()
    {
        m_network = std::make_unique<LanNetwork>();
        QVERIFY(m_network->setUp());
    }
    void cleanup() { m_network.reset(); }

    // Found by broadcast from the other namespace with what banterd printed on start; no
    // avahi-daemon here, which banterd says once and goes on.
    void foundAcrossTheLink()
    {
        Daemon server;
        startServer(server);
        QVERIFY(
            server.waitForLine(QRegularExpression(u"answering LAN discovery on UDP port 7655"_s)));
        const QString printed = server.output();
        QVERIFY2(printed.contains(u"wss://"_s + m_network->serverAddress() + u":7654"_s),
                 qPrintable(printed));
        const QString fingerprint = printedFingerprint(printed);
        QCOMPARE(fingerprint.size(), 64);

        const QList<QJsonObject> found =
            jsonLines(discover({u"browse"_s, u"15"_s, u"Physics lab"_s}));
        QCOMPARE(found.size(), 1);
        const QJsonObject &server0 = found.first();
        QCOMPARE(server0.value(u"name"_s).toString(), u"Physics lab"_s);
        QCOMPARE(server0.value(u"address"_s).toString(), m_network->serverAddress());
        QCOMPARE(server0.value(u"port"_s).toInt(), 7654);
        QVERIFY(server0.value(u"tls"_s).toBool());
        QCOMPARE(server0.value(u"sha256"_s).toString(), fingerprint);
        QCOMPARE(server.errors().count(u"no mDNS responder"_s), 1);
    }

    void hostileDatagramsLeaveItResponsive()
    {
        Daemon server;
        startServer(server);
        QVERIFY(server.waitForLine(QRegularExpression(u"answering LAN discovery"_s)));
        const QList<QJsonObject> summary =
            jsonLines(discover({u"hostile"_s, m_network->serverAddress()}, 60'000));
        QCOMPARE(summary.size(), 1);
        const QJsonObject &result = summary.first();
        qInfo("hostile: %s", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
        QVERIFY(result.value(u"found_after_flood"_s).toBool());
        QVERIFY(result.value(u"signed_in"_s).toBool());
        QVERIFY(result.value(u"largest_answer"_s).toInt() > 0);
        QVERIFY(result.value(u"largest_answer"_s).toInt()
                <= result.value(u"smallest_query"_s).toInt());
        // Per source: a burst of 5, then 2 a second (DiscoveryResponder::Limits).
        const double seconds = result.value(u"flood_ms"_s).toDouble() / 1000 + 1;
        QVERIFY(result.value(u"answers"_s).toDouble() <= 5 + 2 * seconds);
        QVERIFY(server.waitForLine(QRegularExpression(u"answering LAN discovery"_s)));
    }

    // --lan with --listen 127.0.0.1: nothing answers, for as long as the browser looks.
    void loopbackOnlyServerIsNotFound()
    {
        Daemon server;
        startServer(server, {u"--listen"_s, u"127.0.0.1"_s});
        QVERIFY(server.waitForLine(QRegularExpression(u"LAN discovery is off"_s)));
        QVERIFY(jsonLines(discover({u"browse"_s, u"3"_s})).isEmpty());
        // The same browse finds a LAN server, so the silence above is the server's.
        Daemon lan;
        startServer(lan, {u"--port"_s, u"7656"_s});
        QVERIFY(lan.waitForLine(QRegularExpression(u"answering LAN discovery"_s)));
        QCOMPARE(jsonLines(discover({u"browse"_s, u"15"_s, u"Physics lab"_s})).size(), 1);
    }

    // Two links between the namespaces: a server listening on every interface answers on
    // both; one listening on the first link's address only answers there alone.
    void answersFollowTheListenAddress()
    {
        QVERIFY(m_network->addSecondLink());
        const auto addresses = [this] {
            QStringList found;
            for (const QJsonObject &server : jsonLines(discover({u"browse"_s, u"4"_s})))
                found.append(server.value(u"address"_s).toString());
            found.sort();
            return found;
        };
        {
            Daemon everywhere;
            startServer(everywhere);
            QVERIFY(everywhere.waitForLine(QRegularExpression(u"answering LAN discovery"_s)));
            QStringList expected{m_network->serverAddress(), m_network->secondServerAddress()};
            expected.sort();
            QCOMPARE(addresses(), expected);
        }
        Daemon narrowed;
        startServer(narrowed, {u"--listen"_s, m_network->serverAddress()});
        QVERIFY(narrowed.waitForLine(QRegularExpression(u"answering LAN discovery"_s)));
        QCOMPARE(addresses(), QStringList{m_network->serverAddress()});
    }

    // With an avahi-daemon in the server's namespace, the client's avahi-daemon resolves
    // _banter._tcp to the server's address and port with the TXT record of PROTOCOL.md.
    void announcedOverMdns()
    {
        const QString missing = PrivateAvahi::unavailable();
        if (!missing.isEmpty()) {
            if (qEnvironmentVariableIsSet("BANTER_TEST_REQUIRE_NETNS"))
                QFAIL(qPrintable(missing));
            QSKIP(qPrintable(missing));
        }
        PrivateAvahi serverAvahi;
        PrivateAvahi clientAvahi;
        QVERIFY2(serverAvahi.start(m_network->serverNs, m_network->serverLink(),
                                   u"banter-lan-server"_s, m_dir.filePath(u"avahi-s"_s)),
                 qPrintable(serverAvahi.log()));
        QVERIFY2(clientAvahi.start(m_network->clientNs, m_network->clientLink(),
                                   u"banter-lan-client"_s, m_dir.filePath(u"avahi-c"_s)),
                 qPrintable(clientAvahi.log()));
        Daemon server;
        startServer(server, {}, serverAvahi.bus());
        QVERIFY(server.waitForLine(QRegularExpression(u"answering LAN discovery"_s)));
        QVERIFY2(server.waitForLine(QRegularExpression(u"announcing .* over mDNS"_s), true),
                 qPrintable(server.errors()));
        const QString fingerprint = printedFingerprint(server.output());

        QString resolved;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"DBUS_SYSTEM_BUS_ADDRESS"_s, clientAvahi.bus());
        QVERIFY(waitFor(
            [&] {
                QProcess browse;
                browse.setProcessEnvironment(environment);
                browse.start(tool(u"ip"_s),
                             {u"netns"_s, u"exec"_s, m_network->clientNs, tool(u"avahi-browse"_s),
                              u"--resolve"_s, u"--parsable"_s, u"--terminate"_s,
                              u"_banter._tcp"_s});
                if (!waitFor([&] { return browse.state() == QProcess::NotRunning; }, 20'000,
                             "avahi-browse"))
                    return false;
                for (const QString &line :
                     QString::fromUtf8(browse.readAllStandardOutput()).split(u'\n')) {
                    if (line.startsWith(u'='))
                        resolved = line;
                }
                return !resolved.isEmpty();
            },
            30'000, "the announcement resolved in the client's namespace"));
        qInfo("avahi-browse: %s", qPrintable(resolved));
        // =;IFACE;IPv4;NAME;_banter._tcp;local;HOST.local;ADDRESS;PORT;"TXT" "TXT" ...
        const QStringList fields = resolved.split(u';');
        QVERIFY(fields.size() >= 10);
        QCOMPARE(fields.at(3), u"Physics\\032lab"_s); // avahi-browse escapes the space
        QCOMPARE(fields.at(7), m_network->serverAddress());
        QCOMPARE(fields.at(8), u"7654"_s);
        const QString txt = fields.mid(9).join(u';');
        QVERIFY2(txt.contains(u"\"sha256="_s + fingerprint + u'"'), qPrintable(txt));
        QVERIFY(txt.contains(u"\"tls=on\""_s));
        QVERIFY(txt.contains(u"\"v=1\""_s));
        QVERIFY(txt.contains(u"\"name=Physics lab\""_s));
    }

    // The client's ServerBrowser finds the server over mDNS alone: its UDP query goes to port
    // 7655, where this server does not answer (its discovery_port is elsewhere).
    void browserFindsTheServerOverMdns()
    {
        if (!PrivateAvahi::unavailable().isEmpty()
            && !qEnvironmentVariableIsSet("BANTER_TEST_REQUIRE_NETNS"))
            QSKIP(qPrintable(PrivateAvahi::unavailable()));
        PrivateAvahi serverAvahi;
        PrivateAvahi clientAvahi;
        QVERIFY(startAvahis(serverAvahi, clientAvahi));
        const QString config = m_dir.filePath(u"mdns-only.conf"_s);
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[server]\ndiscovery_port=7659\n");
        file.close();
        Daemon server;
        startServer(server, {u"--config"_s, config}, serverAvahi.bus());
        QVERIFY(
            server.waitForLine(QRegularExpression(u"answering LAN discovery on UDP port 7659"_s)));
        QVERIFY2(server.waitForLine(QRegularExpression(u"announcing .* over mDNS"_s), true),
                 qPrintable(server.errors()));
        const QString fingerprint = printedFingerprint(server.output());

        const QList<QJsonObject> found = jsonLines(
            discover({u"browse"_s, u"20"_s, u"Physics lab"_s}, 30'000, clientAvahi.bus()));
        QCOMPARE(found.size(), 1);
        const QJsonObject &entry = found.first();
        qInfo("found over mDNS alone after %d ms", entry.value(u"ms"_s).toInt());
        QCOMPARE(entry.value(u"via"_s).toString(), u"mdns"_s);
        QCOMPARE(entry.value(u"name"_s).toString(), u"Physics lab"_s);
        QCOMPARE(entry.value(u"address"_s).toString(), m_network->serverAddress());
        QCOMPARE(entry.value(u"port"_s).toInt(), 7654);
        QVERIFY(entry.value(u"tls"_s).toBool());
        QCOMPARE(entry.value(u"sha256"_s).toString(), fingerprint);
        // Without the client's avahi-daemon the same browse finds nothing, and fails not.
        QVERIFY(jsonLines(discover({u"browse"_s, u"3"_s})).isEmpty());
    }

    // Announced over mDNS and answering UDP: one entry, not two.
    void mdnsAndUdpAreOneEntry()
    {
        if (!PrivateAvahi::unavailable().isEmpty()
            && !qEnvironmentVariableIsSet("BANTER_TEST_REQUIRE_NETNS"))
            QSKIP(qPrintable(PrivateAvahi::unavailable()));
        PrivateAvahi serverAvahi;
        PrivateAvahi clientAvahi;
        QVERIFY(startAvahis(serverAvahi, clientAvahi));
        Daemon server;
        startServer(server, {}, serverAvahi.bus());
        QVERIFY(
            server.waitForLine(QRegularExpression(u"answering LAN discovery on UDP port 7655"_s)));
        QVERIFY(server.waitForLine(QRegularExpression(u"announcing .* over mDNS"_s), true));
        // mDNS alone finds it here (so the browse below hears it both ways) ...
        const QList<QJsonObject> overMdns = jsonLines(discover(
            {u"browse"_s, u"20"_s, u"Physics lab"_s, u"--mdns-only"_s}, 30'000, clientAvahi.bus()));
        QCOMPARE(overMdns.size(), 1);
        QCOMPARE(overMdns.first().value(u"via"_s).toString(), u"mdns"_s);
        // ... and both together list it once, for as long as the browser looks.
        const QList<QJsonObject> both =
            jsonLines(discover({u"browse"_s, u"5"_s}, 30'000, clientAvahi.bus()));
        QCOMPARE(both.size(), 1);
        QCOMPARE(both.first().value(u"address"_s).toString(), m_network->serverAddress());
    }

    // The desktop client's sign-in dialog, offscreen in the client's namespace, lists the
    // server found by broadcast and, chosen with the keyboard, fills in its address.
    void signInDialogListsTheServer()
    {
#if defined(LANDIALOG_PATH)
        Daemon server;
        startServer(server);
        QVERIFY(server.waitForLine(QRegularExpression(u"answering LAN discovery"_s)));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"BANTER_DISCOVERY"_s); // CTest's loopback-only: not in here
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        environment.insert(u"DBUS_SYSTEM_BUS_ADDRESS"_s, u"unix:path=/nonexistent"_s);
        environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent"_s);
        environment.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"dialog-config"_s));
        const std::optional<QString> output =
            run(tool(u"ip"_s),
                {u"netns"_s, u"exec"_s, m_network->clientNs, QStringLiteral(LANDIALOG_PATH),
                 u"Physics lab"_s, u"15"_s},
                false, 30'000, environment);
        QVERIFY(output);
        const QList<QJsonObject> lines = jsonLines(*output);
        QCOMPARE(lines.size(), 1);
        const QJsonObject &seen = lines.first();
        qInfo("landialog: %s", QJsonDocument(seen).toJson(QJsonDocument::Compact).constData());
        QVERIFY(seen.value(u"active"_s).toBool());
        QCOMPARE(seen.value(u"before"_s).toString(), u"Searching for servers on your network…"_s);
        QVERIFY(seen.value(u"found"_s).toBool());
        QCOMPARE(seen.value(u"rows"_s).toInt(), 1);
        QCOMPARE(seen.value(u"address"_s).toString(), m_network->serverAddress() + u":7654"_s);
        QVERIFY(seen.value(u"tls"_s).toBool());
        QCOMPARE(seen.value(u"field"_s).toString(),
                 u"wss://"_s + m_network->serverAddress() + u":7654"_s);
#else
        QSKIP("built without the desktop client (BANTER_BUILD_CLIENT=OFF)");
#endif
    }
};

QTEST_GUILESS_MAIN(TestLanNetwork)
#include "tst_lannetwork.moc"
