// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// banterd's settings as operators write them: the [tls] section of the config file and
// the --tls, --tls-cert and --tls-key options, with clear errors for values that make no
// sense; and the validator behind every setting (type, range, unknown keys), which stops a
// bad value with a message naming its key instead of truncating it.
#include "config/commandline.h"
#include "config/configvalidator.h"
#include <banter/client/channel.h>
#include <banter/client/clientsession.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Banter;
using namespace Banter::Server;
using namespace Qt::StringLiterals;

using Mode = TlsConfig::Mode;

class TestServerConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void tlsIsOnByDefault();
    void configFile_data();
    void configFile();
    void commandLine_data();
    void commandLine();
    void commandLineOverridesConfigFile();
    void badValuesNameTheirKey_data();
    void badValuesNameTheirKey();
    void everyProblemIsReported();
    void unknownKeysAreSuggested();
    void valuesAreApplied();
    void knownKeysAreUnique();
    void keyDistance();
    void sampleFileNamesEveryKey();
    void clientWaitsLongerThanTheServer();
    void lanMode();

private:
    QString writeConfig(const QByteArray &text);
    Result<ServerConfig> parse(const QStringList &arguments);

    QTemporaryDir m_dir;
    int m_files = 0;
};

QString TestServerConfig::writeConfig(const QByteArray &text)
{
    const QString path = m_dir.filePath(u"banterd-%1.conf"_s.arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return {};
    return path;
}

Result<ServerConfig> TestServerConfig::parse(const QStringList &arguments)
{
    CommandLine commandLine;
    if (!commandLine.parser().parse(QStringList{u"banterd"_s} + arguments))
        return makeError(ErrorCode::BadRequest, commandLine.parser().errorText());
    return commandLine.config();
}

void TestServerConfig::tlsIsOnByDefault()
{
    const Result<ServerConfig> config = parse({});
    QVERIFY(config);
    QCOMPARE(config->tls.mode, Mode::On);
    QVERIFY(!config->tls.hasOwnFiles());
    QVERIFY(config->tls.handshakeTimeoutMs > 0);
}

void TestServerConfig::configFile_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("errorMentions");
    QTest::newRow("no section") << "[server]\nport=1\n"_ba << true << int(Mode::On) << QString()
                                << QString();
    QTest::newRow("off") << "[tls]\nmode=off\n"_ba << true << int(Mode::Off) << QString()
                         << QString();
    QTest::newRow("own files")
        << "[tls]\nmode=on\ncertificate=/etc/banter/cert.pem\nkey=/etc/banter/key.pem\n"_ba << true
        << int(Mode::On) << u"/etc/banter/cert.pem"_s << QString();
    QTest::newRow("bad mode") << "[tls]\nmode=yes\n"_ba << false << 0 << QString() << u"tls/mode"_s;
    QTest::newRow("certificate only") << "[tls]\ncertificate=/etc/banter/cert.pem\n"_ba << false
                                      << 0 << QString() << u"both certificate and key"_s;
    QTest::newRow("key only") << "[tls]\nkey=/etc/banter/key.pem\n"_ba << false << 0 << QString()
                              << u"both certificate and key"_s;
    QTest::newRow("empty names") << "[tls]\ncertificate=\nkey=\n"_ba << false << 0 << QString()
                                 << u"tls/certificate"_s;
    QTest::newRow("trusted proxies") << "[server]\ntrusted_proxies=127.0.0.1, 10.0.0.0/8, ::1\n"_ba
                                     << true << int(Mode::On) << QString() << QString();
    QTest::newRow("bad proxy") << "[server]\ntrusted_proxies=10.0.0.0/99\n"_ba << false << 0
                               << QString() << u"trusted_proxies"_s;
    QTest::newRow("no account delay") << "[limits]\nlogin_account_delay_max_seconds=0\n"_ba << false
                                      << 0 << QString() << u"login_account_delay_max_seconds"_s;
    QTest::newRow("no sessions") << "[limits]\nmax_sessions_per_user=0\n"_ba << false << 0
                                 << QString() << u"max_sessions_per_user"_s;
    QTest::newRow("no check places") << "[limits]\npassword_checks_per_address=0\n"_ba << false << 0
                                     << QString() << u"password_checks_per_address"_s;
}

void TestServerConfig::configFile()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(int, mode);
    QFETCH(QString, certificate);
    QFETCH(QString, errorMentions);
    const QString path = writeConfig(text);
    QVERIFY(!path.isEmpty());
    const Result<ServerConfig> config = loadConfigFile(path);
    QCOMPARE(config.ok(), valid);
    if (!valid) {
        QVERIFY2(config.error().message.contains(errorMentions),
                 qPrintable(config.error().message));
        return;
    }
    QCOMPARE(int(config->tls.mode), mode);
    if (text.contains("trusted_proxies")) {
        QCOMPARE(config->trustedProxies.size(), 3);
        QCOMPARE(config->trustedProxies.at(0).second, 32);
        QCOMPARE(config->trustedProxies.at(1).second, 8);
        QCOMPARE(config->trustedProxies.at(2).second, 128);
    }
    QCOMPARE(config->tls.certificateFile, certificate);
    QCOMPARE(config->tls.keyFile.isEmpty(), certificate.isEmpty());
}

void TestServerConfig::commandLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("errorMentions");
    QTest::newRow("on") << QStringList{u"--tls"_s, u"on"_s} << true << int(Mode::On) << QString()
                        << QString();
    QTest::newRow("off") << QStringList{u"--tls"_s, u"off"_s} << true << int(Mode::Off) << QString()
                         << QString();
    QTest::newRow("own files") << QStringList{u"--tls-cert"_s, u"c.pem"_s, u"--tls-key"_s,
                                              u"k.pem"_s}
                               << true << int(Mode::On) << u"c.pem"_s << QString();
    QTest::newRow("bad mode") << QStringList{u"--tls"_s, u"ON"_s} << false << 0 << QString()
                              << u"--tls"_s;
    QTest::newRow("empty mode") << QStringList{u"--tls"_s, QString()} << false << 0 << QString()
                                << u"--tls"_s;
    QTest::newRow("certificate only")
        << QStringList{u"--tls-cert"_s, u"c.pem"_s} << false << 0 << QString() << u"--tls-key"_s;
    QTest::newRow("key only") << QStringList{u"--tls-key"_s, u"k.pem"_s} << false << 0 << QString()
                              << u"--tls-cert"_s;
    QTest::newRow("empty names") << QStringList{u"--tls-cert"_s, QString(), u"--tls-key"_s,
                                                QString()}
                                 << false << 0 << QString() << u"file names"_s;
}

void TestServerConfig::commandLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, valid);
    QFETCH(int, mode);
    QFETCH(QString, certificate);
    QFETCH(QString, errorMentions);
    const Result<ServerConfig> config = parse(arguments);
    QCOMPARE(config.ok(), valid);
    if (!valid) {
        QVERIFY2(config.error().message.contains(errorMentions),
                 qPrintable(config.error().message));
        return;
    }
    QCOMPARE(int(config->tls.mode), mode);
    QCOMPARE(config->tls.certificateFile, certificate);
}

void TestServerConfig::commandLineOverridesConfigFile()
{
    const QString path = writeConfig("[tls]\nmode=on\ncertificate=/a.pem\nkey=/a.key\n");
    Result<ServerConfig> config =
        parse({u"--config"_s, path, u"--tls-cert"_s, u"/b.pem"_s, u"--tls-key"_s, u"/b.key"_s});
    QVERIFY(config);
    QCOMPARE(config->tls.certificateFile, u"/b.pem"_s);
    QCOMPARE(config->tls.keyFile, u"/b.key"_s);
    config = parse({u"--config"_s, path, u"--tls"_s, u"off"_s});
    QVERIFY(config);
    QCOMPARE(config->tls.mode, Mode::Off);
}

void TestServerConfig::badValuesNameTheirKey_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("key");
    // The case: 0.5 used to be truncated to 0, and every token expired when issued.
    QTest::newRow("fraction of a whole")
        << "[auth]\naccess_token_minutes=0.5\n"_ba << u"auth/access_token_minutes"_s;
    QTest::newRow("zero token life")
        << "[auth]\naccess_token_minutes=0\n"_ba << u"auth/access_token_minutes"_s;
    QTest::newRow("port too high") << "[server]\nport=70000\n"_ba << u"server/port"_s;
    QTest::newRow("not a number") << "[limits]\nmax_group_size=many\n"_ba
                                  << u"limits/max_group_size"_s;
    // A bigger group would no longer fit one frame (ConversationRules::MaxGroupSizeAllowed).
    QTest::newRow("group past the frame bound")
        << "[limits]\nmax_group_size=801\n"_ba << u"limits/max_group_size"_s;
    QTest::newRow("negative rate")
        << "[limits]\nmessages_per_second=-1\n"_ba << u"limits/messages_per_second"_s;
    QTest::newRow("infinite") << "[limits]\nrequest_burst=inf\n"_ba << u"limits/request_burst"_s;
    QTest::newRow("no iterations")
        << "[auth]\npassword_iterations=0\n"_ba << u"auth/password_iterations"_s;
    QTest::newRow("bad registration")
        << "[server]\nregistration=maybe\n"_ba << u"server/registration"_s;
    QTest::newRow("bad listen") << "[server]\nlisten=everywhere\n"_ba << u"server/listen"_s;
    QTest::newRow("busy wait too long")
        << "[server]\nsqlite_busy_timeout_ms=60000\n"_ba << u"server/sqlite_busy_timeout_ms"_s;
    QTest::newRow("stall wait too short") << "[server]\npostgresql_stall_timeout_ms=10\n"_ba
                                          << u"server/postgresql_stall_timeout_ms"_s;
    QTest::newRow("edit window fraction")
        << "[limits]\nedit_window_seconds=1.5\n"_ba << u"limits/edit_window_seconds"_s;
    QTest::newRow("tiny abandoned")
        << "[files]\nabandoned_upload_hours=0.001\n"_ba << u"files/abandoned_upload_hours"_s;
    QTest::newRow("heartbeat past idle")
        << "[limits]\nheartbeat_seconds=100\nidle_timeout_seconds=90\n"_ba
        << u"limits/heartbeat_seconds"_s;
    QTest::newRow("lan neither on nor off") << "[server]\nlan=maybe\n"_ba << u"server/lan"_s;
    QTest::newRow("discovery neither on nor off")
        << "[server]\ndiscovery=2\n"_ba << u"server/discovery"_s;
    QTest::newRow("discovery port too high")
        << "[server]\ndiscovery_port=65536\n"_ba << u"server/discovery_port"_s;
    QTest::newRow("name too long") << "[server]\nname="_ba + QByteArray(101, 'x') + "\n"
                                   << u"server/name"_s;
    QTest::newRow("unfinished below concurrent")
        << "[files]\nmax_concurrent_uploads=5\nmax_unfinished_uploads=4\n"_ba
        << u"files/max_unfinished_uploads"_s;
}

void TestServerConfig::badValuesNameTheirKey()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, key);
    const QString path = writeConfig(text);
    const Result<ServerConfig> config = loadConfigFile(path);
    QVERIFY2(!config, "a bad value was accepted");
    QCOMPARE(config.error().code, ErrorCode::BadRequest);
    QVERIFY2(config.error().message.startsWith(key + u": "_s), qPrintable(config.error().message));
    // banterd's start goes through the same check: the command line refuses it too.
    const Result<ServerConfig> started = parse({u"--config"_s, path});
    QVERIFY(!started);
    QVERIFY2(started.error().message.contains(key), qPrintable(started.error().message));
}

void TestServerConfig::everyProblemIsReported()
{
    const QString path = writeConfig("[auth]\naccess_token_minutes=0.5\nrefresh_token_days=-3\n"
                                     "[limits]\nmax_group_size=x\n[tls]\nmode=maybe\n");
    const ConfigCheck check = checkConfigFile(path);
    QVERIFY(check.hasErrors());
    QStringList keys;
    for (const ConfigProblem &problem : check.problems) {
        QVERIFY(problem.isError());
        keys.append(problem.key);
    }
    keys.sort();
    QCOMPARE(keys,
             (QStringList{u"auth/access_token_minutes"_s, u"auth/refresh_token_days"_s,
                          u"limits/max_group_size"_s, u"tls/mode"_s}));
    QCOMPARE(check.errorText().count(u'\n'), 3);
    QVERIFY(checkConfigFile(m_dir.filePath(u"missing.conf"_s)).hasErrors());
}

void TestServerConfig::unknownKeysAreSuggested()
{
    const QString path = writeConfig("[auth]\naccess_token_minute=20\n"
                                     "[server]\nrefresh_token_days=3\n[limits]\nzzz_qqq=1\n");
    const ConfigCheck check = checkConfigFile(path);
    QVERIFY2(!check.hasErrors(), qPrintable(check.errorText())); // unknown keys only warn
    QHash<QString, QString> suggestions;
    for (const ConfigProblem &problem : check.problems) {
        QCOMPARE(problem.severity, ConfigProblem::Severity::Warning);
        suggestions.insert(problem.key, problem.suggestion);
    }
    QCOMPARE(suggestions.size(), 3);
    QCOMPARE(suggestions.value(u"auth/access_token_minute"_s), u"auth/access_token_minutes"_s);
    // The right name in the wrong section.
    QCOMPARE(suggestions.value(u"server/refresh_token_days"_s), u"auth/refresh_token_days"_s);
    QCOMPARE(suggestions.value(u"limits/zzz_qqq"_s), QString());
    QVERIFY(loadConfigFile(path)); // the server starts, logging them
}

void TestServerConfig::valuesAreApplied()
{
    const QString path = writeConfig(
        "[server]\nport=0\nsqlite_busy_timeout_ms=250\npostgresql_stall_timeout_ms=3000\n"
        "allowed_origins=https://a.example, https://b.example\nregistration=closed\n"
        "[auth]\naccess_token_minutes=60\n[limits]\nmessages_per_second=0.5\n"
        "[files]\nmax_file_mib=1.5\nabandoned_upload_hours=0.5\n");
    const Result<ServerConfig> config = loadConfigFile(path);
    QVERIFY2(config, config ? "" : qPrintable(config.error().message));
    QCOMPARE(config->port, quint16(0));
    QCOMPARE(config->sqliteBusyTimeoutMs, 250);
    QCOMPARE(config->postgresqlStallTimeoutMs, 3000);
    QCOMPARE(config->allowedOrigins, (QStringList{u"https://a.example"_s, u"https://b.example"_s}));
    QCOMPARE(config->registration, RegistrationMode::Closed);
    QCOMPARE(config->accessTokenMinutes, 60);
    QCOMPARE(config->limits.messagesPerSecond, 0.5);
    QCOMPARE(config->files.maxFileBytes, qint64(1.5 * 1024 * 1024));
    QCOMPARE(config->files.abandonedUploadSeconds, 1800);
}

// The table names each key once, and a file of default values loads without a warning and
// gives the defaults back.
void TestServerConfig::knownKeysAreUnique()
{
    const QStringList keys = knownConfigKeys();
    QVERIFY(keys.size() >= 45);
    QVERIFY(keys.contains(u"server/sqlite_busy_timeout_ms"_s));
    QCOMPARE(QSet<QString>(keys.begin(), keys.end()).size(), keys.size());
    QByteArray text = "[limits]\nmax_group_size=500\nmax_connections=10000\n"
                      "[auth]\naccess_token_minutes=15\n";
    const ConfigCheck check = checkConfigFile(writeConfig(text));
    QVERIFY(check.problems.isEmpty());
    const ServerConfig defaults;
    QCOMPARE(check.config.limits.maxGroupSize, defaults.limits.maxGroupSize);
    QCOMPARE(check.config.accessTokenMinutes, defaults.accessTokenMinutes);
}

// resources/banterd.conf documents every setting (set or commented out), and as shipped it
// loads without a problem: a key added to the validator and not to the sample fails here.
void TestServerConfig::sampleFileNamesEveryKey()
{
    const QString path = QStringLiteral(BANTER_SOURCE_DIR) + u"/resources/banterd.conf"_s;
    const ConfigCheck check = checkConfigFile(path);
    for (const ConfigProblem &problem : check.problems)
        QFAIL(qPrintable(problem.text()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString section;
    QSet<QString> named;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (QString line : lines) {
        line = line.trimmed();
        if (line.startsWith(u'['))
            section = line.mid(1, line.indexOf(u']') - 1);
        if (line.startsWith(u';'))
            line = line.mid(1).trimmed();
        const qsizetype equals = line.indexOf(u'=');
        if (equals > 0 && !line.left(equals).contains(u' '))
            named.insert(section + u'/' + line.left(equals));
    }
    for (const QString &key : knownConfigKeys())
        QVERIFY2(named.contains(key), qPrintable(key + u" is not in resources/banterd.conf"_s));
}

void TestServerConfig::keyDistance()
{
    QCOMPARE(Server::keyDistance(u"kitten", u"sitting"), 3);
    QCOMPARE(Server::keyDistance(u"", u"abc"), 3);
    QCOMPARE(Server::keyDistance(u"same", u"same"), 0);
}

// The client library gives up on a request only after the server's longest wait on a busy
// or silent database: otherwise a write the server later acknowledges looks failed to the
// user. SQLite: a request queued behind a waiting batch waits for both (twice the busy
// timeout). PostgreSQL: a stalled batch, then the reconnect of the next (5 s connect_timeout).
void TestServerConfig::clientWaitsLongerThanTheServer()
{
    const int margin = 5000;
    const int clientTimeout = Channel::Options{}.requestTimeoutMs;
    QCOMPARE(ClientSession::Options{}.requestTimeoutMs, clientTimeout);
    QVERIFY(clientTimeout > 2 * ServerConfig::MaxSqliteBusyTimeoutMs + margin);
    QVERIFY(clientTimeout > ServerConfig::MaxPostgresqlStallTimeoutMs + 5000);
    const ServerConfig defaults;
    QVERIFY(defaults.sqliteBusyTimeoutMs <= ServerConfig::MaxSqliteBusyTimeoutMs);
    QVERIFY(defaults.postgresqlStallTimeoutMs <= ServerConfig::MaxPostgresqlStallTimeoutMs);
}

// LAN mode (issue 14): off by default; on, it listens on every interface unless listen is
// given, from the config file or the command line; --name and discovery settings apply.
void TestServerConfig::lanMode()
{
    const Result<ServerConfig> plain = parse({});
    QVERIFY(plain);
    QVERIFY(!plain->lan.enabled);
    QCOMPARE(plain->effectiveListenAddress(), QHostAddress(QHostAddress::LocalHost));

    const Result<ServerConfig> lan = parse({u"--lan"_s, u"--name"_s, u"Physics lab"_s});
    QVERIFY(lan);
    QVERIFY(lan->lan.enabled);
    QVERIFY(lan->lan.discovery);
    QCOMPARE(lan->lan.discoveryPort, quint16(7655));
    QCOMPARE(lan->lan.serverName, u"Physics lab"_s);
    QCOMPARE(lan->effectiveListenAddress(), QHostAddress(QHostAddress::Any));

    const Result<ServerConfig> narrowed = parse({u"--lan"_s, u"--listen"_s, u"10.1.2.3"_s});
    QVERIFY(narrowed);
    QCOMPARE(narrowed->effectiveListenAddress(), QHostAddress(u"10.1.2.3"_s));

    const QString path =
        writeConfig("[server]\nlan=on\nlisten=127.0.0.1\ndiscovery=off\ndiscovery_port=9000\n");
    const Result<ServerConfig> file = parse({u"--config"_s, path});
    QVERIFY(file);
    QVERIFY(file->lan.enabled);
    QVERIFY(!file->lan.discovery);
    QCOMPARE(file->lan.discoveryPort, quint16(9000));
    QCOMPARE(file->effectiveListenAddress(), QHostAddress(QHostAddress::LocalHost));

    const Result<ServerConfig> longName = parse({u"--name"_s, QString(101, u'x')});
    QVERIFY(!longName);
}

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
