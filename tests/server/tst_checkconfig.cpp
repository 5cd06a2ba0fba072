// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// `banterd check-config` as an operator runs it: the real binary against real files, ports,
// certificates and databases, each finding provoked for real (a port held by this test, a
// directory chmodded, a certificate made expired by openssl, a database migrated only part
// of the way, a PostgreSQL address nobody listens on).
#include "storage/sqlconnection.h"
#include "storage/sqlmigrator.h"
#include "storage/storagefactory.h"
#include "testdatabase.h"
#include "waiting.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
struct Run
{
    int exitCode = -1;
    QStringList lines;

    // The line reporting on `subject` at `level` ("ok", "warning", "error") that contains
    // `text`, or empty.
    QString find(const QString &level, const QString &subject, const QString &text = {}) const
    {
        for (const QString &line : lines) {
            if (line.startsWith(level + u": "_s + subject + u": "_s) && line.contains(text))
                return line;
        }
        return {};
    }
    QString all() const { return lines.join(u'\n'); }
};
} // namespace

class TestCheckConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void goodConfigIsAllWell();
    void unknownKeyGetsSuggestion();
    void valueOutOfRangeIsError();
    void takenPortIsError();
    void sharedDataDirectoryIsError();
    void readableKeyFileIsError();
    void expiredCertificateIsError();
    void expiringCertificateIsWarning();
    void mismatchedKeyIsError();
    void olderSchemaIsWarning();
    void unreachableDatabaseIsError();
    void lowDiskSpaceIsWarning();
    void unreadableConfigIsError();
    void badOptionIsUsageError();

private:
    // Writes the config (a [server] section naming the data directory is added first).
    QString writeConfig(const QByteArray &text);
    Run checkConfig(const QString &config, const QStringList &extra = {});
    bool makeCertificate(const QString &name, int days, const QString &keyName = u"key.pem"_s);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestDatabase> m_database;
    QString m_dataDir;
};

void TestCheckConfig::initTestCase()
{
    // As banterd does: what this test creates for it (a database, keys) is its owner's alone,
    // so that only the files a test loosens on purpose are reported.
    ::umask(077);
}

void TestCheckConfig::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_database = std::make_unique<TestDatabase>();
    QVERIFY2(m_database->isValid(), qPrintable(m_database->error()));
    m_dataDir = m_dir->filePath(u"data"_s);
    QVERIFY(QDir().mkdir(m_dataDir));
    QVERIFY(QFile::setPermissions(
        m_dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
}

QString TestCheckConfig::writeConfig(const QByteArray &text)
{
    const QString path = m_dir->filePath(u"banterd.conf"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    // A database URL in the file, so that the PostgreSQL variant checks PostgreSQL.
    QByteArray server = "[server]\nport=0\ndata_dir=" + m_dataDir.toUtf8() + "\n";
    if (TestDatabase::backend() == "postgresql"_L1)
        server += "database=" + m_database->url().toUtf8() + "\n";
    file.write(server + text);
    return path;
}

Run TestCheckConfig::checkConfig(const QString &config, const QStringList &extra)
{
    QProcess process;
    process.start(QStringLiteral(BANTERD_PATH),
                  QStringList{u"check-config"_s, u"--config"_s, config} + extra);
    Run run;
    if (!process.waitForStarted()
        || !waitFor([&] { return process.state() == QProcess::NotRunning; }, 30'000,
                    "check-config to finish"))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.lines = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    const QByteArray errors = process.readAllStandardError();
    if (!errors.isEmpty())
        run.lines.append(u"stderr: "_s + QString::fromUtf8(errors));
    return run;
}

bool TestCheckConfig::makeCertificate(const QString &name, int days, const QString &keyName)
{
    const QString key = m_dir->filePath(keyName);
    QProcess process;
    if (!QFile::exists(key)) {
        process.start(u"openssl"_s,
                      {u"genpkey"_s, u"-algorithm"_s, u"EC"_s, u"-pkeyopt"_s,
                       u"ec_paramgen_curve:P-256"_s, u"-out"_s, key});
        if (!process.waitForFinished(30'000) || process.exitCode() != 0)
            return false;
        QFile::setPermissions(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    // x509 -req takes any number of days, so a negative one makes a certificate that has
    // already expired.
    const QString request = m_dir->filePath(name + u".csr"_s);
    process.start(
        u"openssl"_s,
        {u"req"_s, u"-new"_s, u"-key"_s, key, u"-subj"_s, u"/CN=localhost"_s, u"-out"_s, request});
    if (!process.waitForFinished(30'000) || process.exitCode() != 0)
        return false;
    process.start(u"openssl"_s,
                  {u"x509"_s, u"-req"_s, u"-in"_s, request, u"-signkey"_s, key, u"-days"_s,
                   QString::number(days), u"-out"_s, m_dir->filePath(name)});
    return process.waitForFinished(30'000) && process.exitCode() == 0;
}

void TestCheckConfig::goodConfigIsAllWell()
{
    // A database at the current schema: migrated by the real storage, then closed.
    {
        const QString url = TestDatabase::backend() == "postgresql"_L1
            ? m_database->url()
            : u"sqlite://"_s + QDir(m_dataDir).filePath(u"banter.db"_s);
        auto storage = Server::openStorage(url);
        QVERIFY2(storage, storage ? "" : qPrintable(storage.error().message));
        (*storage)->stop();
    }
    QVERIFY(makeCertificate(u"good.pem"_s, 365));
    const QString config =
        writeConfig("[tls]\ncertificate=" + m_dir->filePath(u"good.pem"_s).toUtf8()
                    + "\nkey=" + m_dir->filePath(u"key.pem"_s).toUtf8() + "\n");
    const Run run = checkConfig(config, {u"--min-free-mib"_s, u"1"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
    for (const QString &line : run.lines)
        QVERIFY2(line.startsWith(u"ok: "_s) || line.startsWith(u"check-config: "_s),
                 qPrintable(line));
    QVERIFY2(!run.find(u"ok"_s, u"database"_s, u"(current)"_s).isEmpty(), qPrintable(run.all()));
    QVERIFY2(!run.find(u"ok"_s, u"tls certificate"_s, u"valid until"_s).isEmpty(),
             qPrintable(run.all()));
    QVERIFY(run.lines.last().contains(u"all is well"_s));
}

void TestCheckConfig::unknownKeyGetsSuggestion()
{
    const Run run = checkConfig(writeConfig("[limits]\nmax_conections=5\n"));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(!run.find(u"warning"_s, u"limits/max_conections"_s,
                       u"did you mean limits/max_connections?"_s)
                  .isEmpty(),
             qPrintable(run.all()));
}

void TestCheckConfig::valueOutOfRangeIsError()
{
    const Run run =
        checkConfig(writeConfig("[limits]\nmax_connections=0\n[server]\nmetrics=maybe\n"));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(!run.find(u"error"_s, u"limits/max_connections"_s, u"'0'"_s).isEmpty(),
             qPrintable(run.all()));
    QVERIFY2(!run.find(u"error"_s, u"server/metrics"_s, u"not on or off"_s).isEmpty(),
             qPrintable(run.all()));
}

void TestCheckConfig::takenPortIsError()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    const QByteArray port = QByteArray::number(holder.serverPort());
    // The metrics port too, when metrics are on.
    QTcpServer metricsHolder;
    QVERIFY(metricsHolder.listen(QHostAddress::LocalHost, 0));
    const QByteArray metricsPort = QByteArray::number(metricsHolder.serverPort());
    QString config = writeConfig("");
    QFile file(config);
    QVERIFY(file.open(QIODevice::Append));
    file.write("[server]\nport=" + port + "\nmetrics=on\nmetrics_port=" + metricsPort + "\n");
    file.close();
    // A duplicate [server] section: QSettings takes the later value.
    Run run = checkConfig(config);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(!run.find(u"error"_s, u"server/port"_s, QString::fromLatin1(port)).isEmpty(),
             qPrintable(run.all()));
    QVERIFY2(
        !run.find(u"error"_s, u"server/metrics_port"_s, QString::fromLatin1(metricsPort)).isEmpty(),
        qPrintable(run.all()));
    // Once the port is free again the same file passes that check.
    holder.close();
    run = checkConfig(config);
    QVERIFY2(!run.find(u"ok"_s, u"server/port"_s, u"is free"_s).isEmpty(), qPrintable(run.all()));
}

void TestCheckConfig::sharedDataDirectoryIsError()
{
    QVERIFY(QFile::setPermissions(m_dataDir,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                      | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                      | QFileDevice::ExeOther));
    const Run run = checkConfig(writeConfig(""));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(!run.find(u"error"_s, u"data directory"_s, u"chmod 700"_s).isEmpty(),
             qPrintable(run.all()));
}

void TestCheckConfig::readableKeyFileIsError()
{
    QFile key(QDir(m_dataDir).filePath(u"token.key"_s));
    QVERIFY(key.open(QIODevice::WriteOnly));
    key.write(QByteArray(32, 'k'));
    key.close();
    QVERIFY(key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                               | QFileDevice::ReadGroup));
    const Run run = checkConfig(writeConfig(""));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(!run.find(u"error"_s, u"key file"_s, u"token.key"_s).isEmpty(), qPrintable(run.all()));
    QVERIFY(run.find(u"error"_s, u"key file"_s, u"chmod 600"_s).contains(u"token.key"_s));
}

void TestCheckConfig::expiredCertificateIsError()
{
    QVERIFY(makeCertificate(u"expired.pem"_s, -1));
    const Run run =
        checkConfig(writeConfig("[tls]\ncertificate=" + m_dir->filePath(u"expired.pem"_s).toUtf8()
                                + "\nkey=" + m_dir->filePath(u"key.pem"_s).toUtf8() + "\n"));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(!run.find(u"error"_s, u"tls certificate"_s, u"expired on"_s).isEmpty(),
             qPrintable(run.all()));
}

void TestCheckConfig::expiringCertificateIsWarning()
{
    QVERIFY(makeCertificate(u"soon.pem"_s, 10));
    const Run run =
        checkConfig(writeConfig("[tls]\ncertificate=" + m_dir->filePath(u"soon.pem"_s).toUtf8()
                                + "\nkey=" + m_dir->filePath(u"key.pem"_s).toUtf8() + "\n"));
    QCOMPARE(run.exitCode, 1);
    const QString line = run.find(u"warning"_s, u"tls certificate"_s, u"expires on"_s);
    QVERIFY2(!line.isEmpty(), qPrintable(run.all()));
    QVERIFY2(line.contains(u"in 9 days"_s) || line.contains(u"in 10 days"_s), qPrintable(line));
}

void TestCheckConfig::mismatchedKeyIsError()
{
    QVERIFY(makeCertificate(u"one.pem"_s, 365));
    QVERIFY(makeCertificate(u"other.pem"_s, 365, u"otherkey.pem"_s));
    const Run run =
        checkConfig(writeConfig("[tls]\ncertificate=" + m_dir->filePath(u"one.pem"_s).toUtf8()
                                + "\nkey=" + m_dir->filePath(u"otherkey.pem"_s).toUtf8() + "\n"));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(!run.find(u"error"_s, u"tls certificate"_s).isEmpty(), qPrintable(run.all()));
}

void TestCheckConfig::olderSchemaIsWarning()
{
    // Migrated by the real migrator up to version 2 only, as an older banterd left it.
    const QString url = TestDatabase::backend() == "postgresql"_L1
        ? m_database->url()
        : u"sqlite://"_s + QDir(m_dataDir).filePath(u"banter.db"_s);
    {
        Result<Server::SqlConnectionSpec> spec = Server::connectionSpecFromUrl(url);
        QVERIFY(spec);
        const QString name = u"older-schema"_s;
        {
            Server::SqlSession session(Server::addSqlConnection(*spec, name), spec->dialect);
            QVERIFY(Server::openSqlConnection(session, spec->settings));
            Server::SqlMigrator migrator(session);
            QVERIFY(migrator.migrate(2));
            session.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    const Run run = checkConfig(writeConfig(""));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(!run.find(u"warning"_s, u"database"_s, u"schema version 2"_s).isEmpty(),
             qPrintable(run.all()));
    // Nothing was migrated: a second run says the same.
    QVERIFY(
        !checkConfig(writeConfig("")).find(u"warning"_s, u"database"_s, u"version 2"_s).isEmpty());
}

void TestCheckConfig::unreachableDatabaseIsError()
{
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const Run run =
        checkConfig(writeConfig("[server]\ndatabase=postgresql://banter@127.0.0.1:1/banter\n"));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(!run.find(u"error"_s, u"database"_s, u"127.0.0.1:1"_s).isEmpty(),
             qPrintable(run.all()));
}

void TestCheckConfig::lowDiskSpaceIsWarning()
{
    // A bound above any disk this test runs on: the real free space is below it.
    const Run run = checkConfig(writeConfig(""), {u"--min-free-mib"_s, u"1000000000000"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(!run.find(u"warning"_s, u"disk space"_s, u"below 1000000000000 MiB"_s).isEmpty(),
             qPrintable(run.all()));
}

void TestCheckConfig::unreadableConfigIsError()
{
    const Run run = checkConfig(m_dir->filePath(u"missing.conf"_s));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(!run.find(u"error"_s, u"config file"_s, u"cannot read"_s).isEmpty(),
             qPrintable(run.all()));
}

void TestCheckConfig::badOptionIsUsageError()
{
    const Run run = checkConfig(writeConfig(""), {u"--min-free-mib"_s, u"lots"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.all().contains(u"--min-free-mib"_s));
}

QTEST_GUILESS_MAIN(TestCheckConfig)
#include "tst_checkconfig.moc"
