// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// PostgreSQL goes away under a running banterd and comes back: requests fail with
// unavailable (never a crash or a hang), and service resumes by itself. Uses a private
// cluster so the other suites are not disturbed.
#include "rawclient.h"
#include "testserver.h"
#include "waiting.h"

#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
QString clusterScript()
{
    return QStringLiteral(BANTER_SOURCE_DIR) + u"/scripts/pg-test-cluster.sh"_s;
}

bool cluster(const QStringList &arguments, QString *output = nullptr)
{
    QProcess process;
    process.start(u"bash"_s, QStringList{clusterScript()} + arguments);
    if (!process.waitForFinished(120'000) || process.exitCode() != 0) {
        qWarning("%s", process.readAllStandardError().constData());
        return false;
    }
    if (output)
        *output = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    return true;
}
} // namespace

class TestDatabaseOutage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestsFailCleanlyAndServiceResumes();
    void unreachableDatabaseAtStart();

private:
    QTemporaryDir m_dir;
};

void TestDatabaseOutage::requestsFailCleanlyAndServiceResumes()
{
    // Directly under the system temp dir: the cluster runs as another user, who cannot enter
    // a private QTemporaryDir.
    const QString dir =
        QDir::temp().filePath(u"banter-outage-"_s + QUuid::createUuid().toString(QUuid::Id128));
    QString maintenance;
    QVERIFY(cluster({u"start"_s, dir}, &maintenance));
    auto stopCluster = qScopeGuard([&] { cluster({u"stop"_s, dir}); });
    QUrl url(maintenance);
    url.setPath(u"/postgres"_s);

    Server::ServerConfig config = TestServer::defaultConfig();
    config.databaseUrl = url.toString();
    TestServer server(config);
    QVERIFY(server.start());
    RawClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(client.registerUser(u"alice"_s));
    QVERIFY(client.request(u"conversations"_s)->success);

    QVERIFY(cluster({u"pause"_s, dir}));
    const auto during = client.request(u"conversations"_s, {}, 15'000);
    QVERIFY(during);
    QVERIFY(!during->success);
    QVERIFY2(during->error.code == ErrorCode::Unavailable
                 || during->error.code == ErrorCode::Internal,
             qPrintable(errorCodeName(during->error.code)));
    QVERIFY(client.isConnected()); // the connection and the server survive

    QVERIFY(cluster({u"restart"_s, dir}));
    // The server reconnects to the cluster on its own; ask until it answers again.
    QVERIFY(waitFor(
        [&] {
            const auto after = client.request(u"conversations"_s, {}, 15'000);
            return after && after->success;
        },
        30'000, "the server to serve requests again"));
    QVERIFY(
        client
            .request(u"create_group"_s, {{u"name"_s, u"after"_s}, {u"member_ids"_s, QJsonArray{}}})
            ->success);
}

void TestDatabaseOutage::unreachableDatabaseAtStart()
{
    Server::ServerConfig config = TestServer::defaultConfig();
    config.databaseUrl = u"postgresql://banter@127.0.0.1:1/nothing"_s;
    Server::BanterServer server(config = [&] {
        config.dataDir = m_dir.filePath(u"unreachable"_s);
        return config;
    }());
    const Status started = server.start();
    QVERIFY(!started);
    QCOMPARE(started.error().code, ErrorCode::Unavailable);
    QVERIFY2(started.error().message.contains(u"cannot open"_s),
             qPrintable(started.error().message));
}

QTEST_GUILESS_MAIN(TestDatabaseOutage)
#include "tst_databaseoutage.moc"
