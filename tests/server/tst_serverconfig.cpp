// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// banterd's TLS settings as operators write them: the [tls] section of the config file and
// the --tls, --tls-cert and --tls-key options, with clear errors for values that make no
// sense.
#include "config/commandline.h"

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

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
