// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// PostgreSQL goes away under a running banterd and comes back: requests fail with
// unavailable (never a crash or a hang), and service resumes by itself. Uses a private
// cluster so the other suites are not disturbed.
//
// Issue 16 adds two harder cases: the cluster stopped in the middle of a burst of sends from
// several clients, and a network that goes silent for longer than the server's stall timeout.
// Neither may cost an acknowledged message, acknowledge one that was not committed, or make a
// duplicate when the client resends what got no success.
//
// The silent network is a TCP proxy inside the test that stops forwarding (no iptables or nft
// in the containers CI uses, and no CAP_NET_ADMIN to use them): the kernel still acknowledges
// what the server sends, so only the server's own stall watchdog can notice, which is the
// hardest case. A firewall that drops packets is also caught by libpq's tcp_user_timeout.
#include "rawclient.h"
#include "testserver.h"
#include "waiting.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <map>
#include <memory>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
QString clusterScript()
{
    return QStringLiteral(BANTER_SOURCE_DIR) + u"/scripts/pg-test-cluster.sh"_s;
}

// Runs the cluster script with the event loop running: the in-process server keeps serving
// (and answering) while PostgreSQL stops.
bool cluster(const QStringList &arguments, QString *output = nullptr)
{
    QProcess process;
    process.start(u"bash"_s, QStringList{clusterScript()} + arguments);
    if (!waitFor([&] { return process.state() == QProcess::NotRunning; }, 120'000,
                 "the cluster script")
        || process.exitCode() != 0) {
        qWarning("%s", process.readAllStandardError().constData());
        return false;
    }
    if (output)
        *output = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    return true;
}
// A loopback TCP proxy that the test can make go silent: while stalled it reads nothing and
// forwards nothing, on connections old and new, as a network that lost its route would. It
// runs on a thread of its own (ProxyThread): the server's start blocks the test's thread
// until its database connection is open.
class StallingProxy : public QObject
{
public:
    explicit StallingProxy(quint16 target)
        : m_server(new QTcpServer(this))
        , m_target(target)
    {
        connect(m_server, &QTcpServer::newConnection, this, &StallingProxy::accept);
    }
    bool listen() { return m_server->listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server->serverPort(); }
    void setStalled(bool stalled)
    {
        m_stalled = stalled;
        if (!stalled) {
            for (const auto &[from, to] : m_pairs)
                pump(from, to);
        }
    }

private:
    void accept()
    {
        while (QTcpSocket *client = m_server->nextPendingConnection()) {
            auto *upstream = new QTcpSocket(client);
            m_pairs.emplace(client, upstream);
            m_pairs.emplace(upstream, client);
            connect(client, &QTcpSocket::readyRead, this, [this, client] { forward(client); });
            connect(upstream, &QTcpSocket::readyRead, this,
                    [this, upstream] { forward(upstream); });
            connect(client, &QTcpSocket::disconnected, this, [this, client, upstream] {
                m_pairs.erase(client);
                m_pairs.erase(upstream);
                upstream->disconnectFromHost();
                client->deleteLater();
            });
            connect(upstream, &QTcpSocket::disconnected, client,
                    [client] { client->disconnectFromHost(); });
            upstream->connectToHost(QHostAddress::LocalHost, m_target);
        }
    }
    void forward(QTcpSocket *from)
    {
        const auto it = m_pairs.find(from);
        if (!m_stalled && it != m_pairs.end())
            pump(from, it->second);
    }
    static void pump(QTcpSocket *from, QTcpSocket *to)
    {
        if (to->state() == QAbstractSocket::ConnectedState
            || to->state() == QAbstractSocket::ConnectingState)
            to->write(from->readAll());
    }

    QTcpServer *m_server;
    quint16 m_target;
    std::map<QTcpSocket *, QTcpSocket *> m_pairs;
    bool m_stalled = false;
};

class ProxyThread
{
public:
    explicit ProxyThread(quint16 target)
        : m_proxy(new StallingProxy(target))
    {
        m_proxy->moveToThread(&m_thread);
        m_thread.start();
    }
    ~ProxyThread()
    {
        QMetaObject::invokeMethod(m_proxy, &QObject::deleteLater);
        m_thread.quit();
        m_thread.wait();
    }
    quint16 listen()
    {
        quint16 port = 0;
        QMetaObject::invokeMethod(
            m_proxy, [&] { port = m_proxy->listen() ? m_proxy->port() : 0; },
            Qt::BlockingQueuedConnection);
        return port;
    }
    void setStalled(bool stalled)
    {
        QMetaObject::invokeMethod(
            m_proxy, [this, stalled] { m_proxy->setStalled(stalled); },
            Qt::BlockingQueuedConnection);
    }

private:
    QThread m_thread;
    StallingProxy *m_proxy;
};

// One client's sends, by message id: the answer each got (success, or the error code).
struct Sends
{
    RawClient *client = nullptr;
    std::map<QString, QString> ridToId; // rids of frames still unanswered
    std::map<QString, std::optional<ErrorCode>> answers; // id → nullopt: acknowledged
    std::map<QString, qint64> ackedSeq; // as first acknowledged

    void send(qint64 conversation, const QString &id)
    {
        const QString rid = u"m-"_s + id;
        ridToId[rid] = id;
        client->sendText(Protocol::encodeRequest(
            u"message"_s, rid,
            {{u"id"_s, id}, {u"conversation_id"_s, conversation}, {u"content"_s, id}}));
    }
    // Takes the answers that arrived; true when every send has one.
    bool collect()
    {
        while (!client->responses.isEmpty()) {
            const Protocol::ServerFrame frame = client->responses.takeFirst();
            const auto it = ridToId.find(frame.rid);
            if (it == ridToId.end())
                continue;
            if (frame.success) {
                answers[it->second] = std::nullopt;
                // The first acknowledgement's seq: a resend must give the same one back.
                ackedSeq.try_emplace(
                    it->second,
                    frame.data.value(u"message"_s).toObject().value(u"seq"_s).toInteger());
            } else {
                answers[it->second] = frame.error.code;
            }
            ridToId.erase(it);
        }
        return ridToId.empty();
    }
};

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
} // namespace

class TestDatabaseOutage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestsFailCleanlyAndServiceResumes();
    void unreachableDatabaseAtStart();
    void stopMidBurstLosesNothingAcknowledged();
    void silentNetworkIsCutAndServiceResumes();
    void sqliteBusyWaitIsTheSetting();

private:
    // A private cluster for one test; its maintenance URL pointed at database "postgres".
    bool startCluster(QString *dir, QUrl *url);
    // Every message of the conversation, by id → seq, read once the database is back.
    static std::map<QString, qint64> storedMessages(RawClient &client, qint64 conversation);

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

bool TestDatabaseOutage::startCluster(QString *dir, QUrl *url)
{
    *dir = QDir::temp().filePath(u"banter-outage-"_s + QUuid::createUuid().toString(QUuid::Id128));
    QString maintenance;
    if (!cluster({u"start"_s, *dir}, &maintenance))
        return false;
    *url = QUrl(maintenance);
    url->setPath(u"/postgres"_s);
    return true;
}

std::map<QString, qint64> TestDatabaseOutage::storedMessages(RawClient &client, qint64 conversation)
{
    std::map<QString, qint64> stored;
    qint64 position = 0;
    for (;;) {
        const auto page = client.request(
            u"sync"_s, {{u"positions"_s, QJsonObject{{QString::number(conversation), position}}}},
            15'000);
        if (!page || !page->success)
            return {};
        const QJsonArray messages = page->data.value(u"messages"_s).toArray();
        for (const QJsonValue &value : messages) {
            const QJsonObject message = value.toObject();
            if (message.value(u"conversation_id"_s).toInteger() != conversation)
                continue;
            const qint64 seq = message.value(u"seq"_s).toInteger();
            // Gapless: a missing seq would be a message committed and then lost.
            if (seq != position + 1)
                return {};
            position = seq;
            if (message.value(u"type"_s).toString() == "text"_L1)
                stored[message.value(u"id"_s).toString()] = seq;
        }
        if (!page->data.value(u"has_more"_s).toBool())
            return stored;
    }
}

// Three clients send a burst each; PostgreSQL stops while the first half is in flight and
// the second half is sent to a server without a database. Every request gets an answer
// (success or unavailable); once the cluster is back, resending what was not acknowledged
// stores each message exactly once, and every acknowledged one is there with its seq.
void TestDatabaseOutage::stopMidBurstLosesNothingAcknowledged()
{
    QString dir;
    QUrl url;
    QVERIFY(startCluster(&dir, &url));
    auto stopCluster = qScopeGuard([&] { cluster({u"stop"_s, dir}); });
    Server::ServerConfig config = TestServer::unthrottledConfig();
    config.databaseUrl = url.toString();
    TestServer server(config);
    QVERIFY(server.start());

    std::vector<std::unique_ptr<RawClient>> clients;
    std::vector<Sends> sends(3);
    QJsonArray members;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(std::make_unique<RawClient>());
        QVERIFY(clients.back()->open(server.url()));
        const auto grant = clients.back()->registerUser(u"user%1"_s.arg(i));
        QVERIFY(grant);
        if (i > 0)
            members.append(grant->value(u"user"_s).toObject().value(u"id"_s));
        sends[size_t(i)].client = clients.back().get();
    }
    const auto group = clients[0]->request(u"create_group"_s,
                                           {{u"name"_s, u"burst"_s}, {u"member_ids"_s, members}});
    QVERIFY(succeeded(group));
    const qint64 conversation =
        group->data.value(u"conversation"_s).toObject().value(u"id"_s).toInteger();

    constexpr int PerHalf = 40;
    for (int n = 0; n < PerHalf; ++n) {
        for (Sends &s : sends)
            s.send(conversation, newId());
    }
    QVERIFY(cluster({u"pause"_s, dir})); // pg_ctl stop -m fast, while the burst is written
    for (int n = 0; n < PerHalf; ++n) {
        for (Sends &s : sends)
            s.send(conversation, newId());
    }
    QVERIFY(waitFor([&] { return std::ranges::all_of(sends, &Sends::collect); }, 60'000,
                    "an answer to every send"));
    for (RawClient *client : {clients[0].get(), clients[1].get(), clients[2].get()})
        QVERIFY(client->isConnected());
    int refused = 0;
    for (const Sends &s : sends) {
        QCOMPARE(s.answers.size(), size_t(2 * PerHalf));
        for (const auto &[id, error] : s.answers) {
            if (!error)
                continue;
            ++refused;
            QVERIFY2(*error == ErrorCode::Unavailable, qPrintable(errorCodeName(*error)));
        }
    }
    QVERIFY2(refused >= 3 * PerHalf, "the sends after the stop were not refused");

    QVERIFY(cluster({u"restart"_s, dir}));
    QVERIFY(waitFor([&] { return succeeded(clients[0]->request(u"conversations"_s, {}, 15'000)); },
                    30'000, "the server to serve requests again"));
    // The client's duty after a refusal: send the same ids again. Acknowledged ones too (a
    // client that lost the answer cannot tell), which must come back with the same seq.
    for (Sends &s : sends) {
        for (const auto &[id, error] : std::map(s.answers))
            s.send(conversation, id);
    }
    QVERIFY(waitFor([&] { return std::ranges::all_of(sends, &Sends::collect); }, 60'000,
                    "an answer to every resend"));
    const std::map<QString, qint64> stored = storedMessages(*clients[1], conversation);
    size_t sent = 0;
    for (const Sends &s : sends) {
        for (const auto &[id, error] : s.answers) {
            ++sent;
            QVERIFY2(!error, qPrintable(errorCodeName(error.value_or(ErrorCode::Internal))));
            QVERIFY2(stored.contains(id), "a message was lost");
            QCOMPARE(s.ackedSeq.at(id), stored.at(id));
        }
    }
    QCOMPARE(stored.size(), sent); // nothing twice, nothing unknown
}

// The network to PostgreSQL goes silent (the proxy forwards nothing) for longer than the
// server's stall timeout. The send waiting on it is answered unavailable within the timeout
// (not after the client's own 30 s), later requests too; when the network is back the
// server reconnects by itself and the resent id is stored once.
void TestDatabaseOutage::silentNetworkIsCutAndServiceResumes()
{
    QString dir;
    QUrl url;
    QVERIFY(startCluster(&dir, &url));
    auto stopCluster = qScopeGuard([&] { cluster({u"stop"_s, dir}); });
    ProxyThread proxy(quint16(url.port()));
    const quint16 proxyPort = proxy.listen();
    QVERIFY(proxyPort != 0);
    url.setPort(proxyPort);
    Server::ServerConfig config = TestServer::defaultConfig();
    config.databaseUrl = url.toString();
    config.postgresqlStallTimeoutMs = 2000;
    TestServer server(config);
    QVERIFY(server.start());
    RawClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(client.registerUser(u"alice"_s));
    const auto group =
        client.request(u"create_group"_s, {{u"name"_s, u"g"_s}, {u"member_ids"_s, QJsonArray{}}});
    QVERIFY(succeeded(group));
    const qint64 conversation =
        group->data.value(u"conversation"_s).toObject().value(u"id"_s).toInteger();
    Sends sends{&client, {}, {}, {}};

    proxy.setStalled(true);
    QElapsedTimer silent;
    silent.start();
    const QString stalled = newId();
    sends.send(conversation, stalled);
    QVERIFY(waitFor([&] { return sends.collect(); }, 20'000, "an answer while stalled"));
    QCOMPARE(sends.answers.at(stalled), std::optional(ErrorCode::Unavailable));
    // The stall timeout, plus at most one reconnect attempt (connect_timeout 5 s).
    QVERIFY2(silent.elapsed() < 2000 + 5000 + 3000, qPrintable(QString::number(silent.elapsed())));
    // Still silent, for longer than the client's request timeout would allow a hang: every
    // request keeps being answered.
    while (silent.elapsed() < 12'000) {
        const auto during = client.request(u"conversations"_s, {}, 15'000);
        QCOMPARE(refusal(during), ErrorCode::Unavailable);
    }
    QVERIFY(client.isConnected());

    proxy.setStalled(false);
    QVERIFY(waitFor([&] { return succeeded(client.request(u"conversations"_s, {}, 15'000)); },
                    30'000, "the server to reconnect"));
    sends.send(conversation, stalled);
    QVERIFY(waitFor([&] { return sends.collect(); }, 15'000, "the resend's answer"));
    QVERIFY(!sends.answers.at(stalled).has_value());
    const std::map<QString, qint64> stored = storedMessages(client, conversation);
    QCOMPARE(stored.size(), size_t(1));
    QCOMPARE(stored.count(stalled), size_t(1));
}

// SQLite (no cluster needed): another connection holds the write lock. A send waits
// sqlite_busy_timeout_ms for it, once, not twice, then is answered unavailable; once the lock
// is gone the resent id is stored exactly once.
void TestDatabaseOutage::sqliteBusyWaitIsTheSetting()
{
    Server::ServerConfig config = TestServer::defaultConfig();
    config.sqliteBusyTimeoutMs = 1000;
    TestServer server(config);
    QVERIFY(server.start());
    RawClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(client.registerUser(u"alice"_s));
    const auto group =
        client.request(u"create_group"_s, {{u"name"_s, u"g"_s}, {u"member_ids"_s, QJsonArray{}}});
    QVERIFY(succeeded(group));
    const qint64 conversation =
        group->data.value(u"conversation"_s).toObject().value(u"id"_s).toInteger();

    const QString connection = u"lock-holder"_s;
    auto removeConnection = qScopeGuard([&] { QSqlDatabase::removeDatabase(connection); });
    {
        QSqlDatabase holder = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        holder.setDatabaseName(QDir(server.dataDir()).filePath(u"banter.db"_s));
        QVERIFY(holder.open());
        QSqlQuery lock(holder);
        QVERIFY(lock.exec(u"BEGIN IMMEDIATE"_s));

        Sends sends{&client, {}, {}, {}};
        const QString id = newId();
        QElapsedTimer waited;
        waited.start();
        sends.send(conversation, id);
        QVERIFY(waitFor([&] { return sends.collect(); }, 15'000, "an answer while locked"));
        QCOMPARE(sends.answers.at(id), std::optional(ErrorCode::Unavailable));
        QVERIFY2(waited.elapsed() >= 900, qPrintable(QString::number(waited.elapsed())));
        QVERIFY2(waited.elapsed() < 1900, qPrintable(QString::number(waited.elapsed())));

        QVERIFY(lock.exec(u"ROLLBACK"_s));
        holder.close();
        sends.send(conversation, id);
        QVERIFY(waitFor([&] { return sends.collect(); }, 15'000, "the resend's answer"));
        QVERIFY(!sends.answers.at(id).has_value());
        const std::map<QString, qint64> stored = storedMessages(client, conversation);
        QCOMPARE(stored.size(), size_t(1));
        QCOMPARE(stored.count(id), size_t(1));
    }
}

QTEST_GUILESS_MAIN(TestDatabaseOutage)
#include "tst_databaseoutage.moc"
