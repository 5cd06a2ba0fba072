// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 15's observability against a banterd process: /metrics scraped over real HTTP after
// real traffic over real sockets (every sample parsed as Prometheus text, the counters
// checked to have moved, unknown request types kept to one label), /healthz 200 and then 503
// with the database gone (SQLite: its write lock held by this test; PostgreSQL: the cluster
// stopped), the log as JSON or with journald priorities, and SIGHUP reloading the config.
#include "banterdprocess.h"
#include "rawclient.h"
#include "waiting.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>
#include <QWebSocket>

#include <algorithm>
#include <csignal>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
const QByteArray MetricsOn = "[server]\nmetrics=on\nmetrics_port=0\n";

struct HttpAnswer
{
    int status = 0; // 0: no answer
    QByteArray body;
};

HttpAnswer httpGet(quint16 port, const QString &path)
{
    QNetworkAccessManager network;
    QNetworkReply *reply =
        network.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1%2"_s.arg(port).arg(path))));
    HttpAnswer answer;
    if (!waitFor([reply] { return reply->isFinished(); }, 15'000, "an HTTP answer")) {
        reply->abort();
    } else {
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
    }
    reply->deleteLater();
    return answer;
}

// Every sample of a Prometheus text page, by "name{labels}" as written. A line that is
// neither a comment nor a valid sample is returned in `bad`.
QHash<QString, double> parseMetrics(const QByteArray &page, QStringList *bad)
{
    static const QRegularExpression sample(
        uR"(^([a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"(,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*")*\})?) (?<value>[-+]?[0-9.]+(?:e[-+]?[0-9]+)?|\+Inf|-Inf|NaN)$)"_s);
    static const QRegularExpression comment(u"^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$"_s);
    QHash<QString, double> samples;
    for (const QString &line : QString::fromUtf8(page).split(u'\n', Qt::SkipEmptyParts)) {
        if (comment.match(line).hasMatch())
            continue;
        const auto match = sample.match(line);
        if (!match.hasMatch()) {
            bad->append(line);
            continue;
        }
        samples.insert(match.captured(1), match.captured(u"value"_s).toDouble());
    }
    return samples;
}

QHash<QString, double> scrape(quint16 port)
{
    const HttpAnswer answer = httpGet(port, u"/metrics"_s);
    QStringList bad;
    QHash<QString, double> samples = parseMetrics(answer.body, &bad);
    if (answer.status != 200 || !bad.isEmpty()) {
        qWarning("bad /metrics answer %d: %s", answer.status, qPrintable(bad.join(u'\n')));
        return {};
    }
    return samples;
}

qint64 createGroup(RawClient &client)
{
    const auto group =
        client.request(u"create_group"_s, {{u"name"_s, u"ops"_s}, {u"member_ids"_s, QJsonArray{}}});
    return succeeded(group)
        ? group->data.value(u"conversation"_s).toObject().value(u"id"_s).toInteger()
        : 0;
}

bool sendMessage(RawClient &client, qint64 conversation, const QString &text)
{
    return succeeded(client.request(u"message"_s,
                                    {{u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                     {u"conversation_id"_s, conversation},
                                     {u"type"_s, u"text"_s},
                                     {u"content"_s, text}}));
}

// Runs the PostgreSQL test cluster script; its stdout in `output`.
bool cluster(const QStringList &arguments, QString *output = nullptr)
{
    QProcess process;
    process.start(u"bash"_s,
                  QStringList{QStringLiteral(BANTER_SOURCE_DIR) + u"/scripts/pg-test-cluster.sh"_s}
                      + arguments);
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

// Another process's writer on banterd's SQLite file: BEGIN IMMEDIATE, held until release()
// or destruction, so no storage batch can commit meanwhile.
class SqliteWriteLock
{
public:
    explicit SqliteWriteLock(const BanterdProcess &server)
    {
        const QString file =
            QFileInfo(server.configPath()).absoluteDir().filePath(u"data/banter.db"_s);
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, Name);
        db.setDatabaseName(file);
        m_held = QFile::exists(file) && db.open() && QSqlQuery(db).exec(u"BEGIN IMMEDIATE"_s);
    }
    ~SqliteWriteLock()
    {
        release();
        QSqlDatabase::removeDatabase(Name);
    }
    bool isHeld() const { return m_held; }
    bool release()
    {
        if (!std::exchange(m_held, false))
            return false;
        QSqlDatabase db = QSqlDatabase::database(Name, false);
        const bool rolledBack = QSqlQuery(db).exec(u"ROLLBACK"_s);
        db.close();
        return rolledBack;
    }

private:
    static inline const QString Name = QStringLiteral("writelock");
    bool m_held = false;
};

// A raw TCP connection to the metrics port from `source` (any 127.x.y.z: Linux routes all of
// 127/8 to loopback, so each is another peer address to the server).
std::unique_ptr<QTcpSocket> connectFrom(const QString &source, quint16 port)
{
    auto socket = std::make_unique<QTcpSocket>();
    if (!socket->bind(QHostAddress(source)))
        return nullptr;
    socket->connectToHost(QHostAddress::LocalHost, port);
    if (!socket->waitForConnected(5'000))
        return nullptr;
    return socket;
}

// True when the server closes `socket` within `ms`.
bool closedByServer(QTcpSocket &socket, int ms)
{
    return waitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; }, ms,
                   "the server to close a connection");
}

// One GET over a raw connection; the status line of the answer, or empty.
QByteArray rawGet(QTcpSocket &socket, const QByteArray &path)
{
    socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray answer;
    if (!waitFor(
            [&] {
                answer += socket.readAll();
                return answer.contains("\r\n");
            },
            10'000, "an HTTP status line"))
        return {};
    return answer.left(answer.indexOf("\r\n"));
}
} // namespace

class TestObservability : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void metricsOffByDefault();
    void metricsCountRealTraffic();
    void unknownTypesStayOneLabel();
    void healthzFailsWhileDatabaseIsLocked();
    void healthzFailsWhenPostgresqlStops();
    void healthzNeverHoldsUpChat();
    void operatorConnectionsAreBounded();
    void jsonLogIsOneObjectPerLine();
    void journaldLogHasPriorities();
    void hangupReloadsWhatItCan();
    void hangupWithBrokenConfigChangesNothing();
};

void TestObservability::metricsOffByDefault()
{
    BanterdProcess server(QStringLiteral(BANTERD_PATH));
    QVERIFY(server.start());
    QCOMPARE(server.metricsPort(), quint16(0));
}

void TestObservability::metricsCountRealTraffic()
{
    BanterdProcess server(QStringLiteral(BANTERD_PATH));
    server.setExtraConfig(MetricsOn);
    QVERIFY(server.start());
    QVERIFY(server.metricsPort() != 0);
    const QHash<QString, double> before = scrape(server.metricsPort());
    QVERIFY(!before.isEmpty());

    RawClient alice;
    QVERIFY(alice.open(server.url()));
    QVERIFY(alice.registerUser(u"alice"_s));
    const qint64 conversation = createGroup(alice);
    QVERIFY(conversation > 0);
    constexpr int Messages = 5;
    for (int i = 0; i < Messages; ++i)
        QVERIFY(sendMessage(alice, conversation, u"hello %1"_s.arg(i)));
    QVERIFY(succeeded(alice.request(u"sync"_s, {{u"positions"_s, QJsonObject{}}})));
    QVERIFY(succeeded(
        alice.request(u"history"_s, {{u"conversation_id"_s, conversation}, {u"limit"_s, 10}})));
    QCOMPARE(refusal(alice.request(u"no_such_request"_s)), ErrorCode::UnknownType);
    RawClient mallory; // stays connected without signing in
    QVERIFY(mallory.open(server.url()));
    QCOMPARE(refusal(mallory.request(u"login"_s,
                                     {{u"username"_s, u"alice"_s},
                                      {u"password"_s, u"wrong password"_s},
                                      {u"device"_s, u"test"_s}})),
             ErrorCode::InvalidCredentials);

    const QHash<QString, double> after = scrape(server.metricsPort());
    QVERIFY(!after.isEmpty());
    const auto moved = [&](const QString &name) { return after.value(name) - before.value(name); };
    QCOMPARE(moved(u"banter_requests_total{type=\"message\"}"_s), double(Messages));
    QCOMPARE(moved(u"banter_messages_total"_s), double(Messages));
    QCOMPARE(moved(u"banter_requests_total{type=\"create_group\"}"_s), 1.0);
    QCOMPARE(moved(u"banter_requests_total{type=\"other\"}"_s), 1.0);
    QCOMPARE(moved(u"banter_errors_total{code=\"unknown_type\"}"_s), 1.0);
    QCOMPARE(moved(u"banter_errors_total{code=\"invalid_credentials\"}"_s), 1.0);
    QCOMPARE(moved(u"banter_login_failures_total"_s), 1.0);
    QCOMPARE(moved(u"banter_sync_seconds_count"_s), 1.0);
    QCOMPARE(moved(u"banter_history_seconds_count"_s), 1.0);
    QVERIFY(after.value(u"banter_sync_seconds_sum"_s) > 0);
    QVERIFY(moved(u"banter_storage_batch_jobs_count"_s) >= Messages);
    QVERIFY(moved(u"banter_storage_batch_seconds_count"_s) >= Messages);
    QCOMPARE(after.value(u"banter_storage_batch_seconds_bucket{le=\"+Inf\"}"_s),
             after.value(u"banter_storage_batch_seconds_count"_s));
    QCOMPARE(after.value(u"banter_connections{kind=\"chat\"}"_s), 1.0);
    QCOMPARE(after.value(u"banter_connections{kind=\"unauthenticated\"}"_s), 1.0);
    QCOMPARE(after.value(u"banter_users_online"_s), 1.0);
    QVERIFY(after.value(u"process_resident_memory_bytes"_s) > 1024 * 1024);
    QVERIFY(after.value(u"process_open_fds"_s) >= 5); // stdio, listeners, database, sockets
    qInfo("banterd after the traffic: %.1f MiB resident, %.0f descriptors, %.0f storage batches",
          after.value(u"process_resident_memory_bytes"_s) / 1024 / 1024,
          after.value(u"process_open_fds"_s), after.value(u"banter_storage_batch_jobs_count"_s));

    // Gauges follow the connections down again.
    alice.close();
    QVERIFY(waitFor(
        [&] { return scrape(server.metricsPort()).value(u"banter_users_online"_s, -1) == 0; },
        10'000, "users_online to drop"));
    QCOMPARE(httpGet(server.metricsPort(), u"/nothing-here"_s).status, 404);
}

void TestObservability::unknownTypesStayOneLabel()
{
    BanterdProcess server(QStringLiteral(BANTERD_PATH));
    server.setExtraConfig(MetricsOn);
    QVERIFY(server.start());
    const qsizetype labelsBefore = scrape(server.metricsPort()).size();
    RawClient client;
    QVERIFY(client.open(server.url()));
    constexpr int Types = 40;
    for (int i = 0; i < Types; ++i)
        QCOMPARE(refusal(client.request(u"invented_%1"_s.arg(i))), ErrorCode::UnknownType);
    const QHash<QString, double> after = scrape(server.metricsPort());
    QCOMPARE(after.size(), labelsBefore);
    QCOMPARE(after.value(u"banter_requests_total{type=\"other\"}"_s), double(Types));
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        QVERIFY2(!it.key().contains(u"invented"_s), qPrintable(it.key()));
}

void TestObservability::healthzFailsWhileDatabaseIsLocked()
{
    if (TestDatabase::backend() != "sqlite"_L1)
        QSKIP("SQLite's write lock; the PostgreSQL variant stops its cluster instead");
    BanterdProcess server(QStringLiteral(BANTERD_PATH));
    server.setExtraConfig(MetricsOn + "sqlite_busy_timeout_ms=100\n");
    QVERIFY(server.start());
    HttpAnswer health = httpGet(server.metricsPort(), u"/healthz"_s);
    QCOMPARE(health.status, 200);
    QCOMPARE(health.body, QByteArray("ok\n"));

    // Another process's writer holding the lock past the busy timeout: no batch can commit.
    {
        SqliteWriteLock lock(server);
        QVERIFY(lock.isHeld());
        health = httpGet(server.metricsPort(), u"/healthz"_s);
        QCOMPARE(health.status, 503);
        QVERIFY2(health.body.contains("did not commit"), health.body.constData());
        QVERIFY(lock.release());
    }
    QVERIFY(waitFor([&] { return httpGet(server.metricsPort(), u"/healthz"_s).status == 200; },
                    10'000, "healthz to recover"));
}

void TestObservability::healthzFailsWhenPostgresqlStops()
{
    if (TestDatabase::backend() != "postgresql"_L1)
        QSKIP("PostgreSQL only: stops a private cluster under the server");
    // Directly under the system temp dir: the cluster runs as another user.
    const QString dir =
        QDir::temp().filePath(u"banter-health-"_s + QUuid::createUuid().toString(QUuid::Id128));
    QString maintenance;
    QVERIFY(cluster({u"start"_s, dir}, &maintenance));
    auto stopCluster = qScopeGuard([&] { cluster({u"stop"_s, dir}); });
    QUrl url(maintenance);
    url.setPath(u"/postgres"_s);

    BanterdProcess server(QStringLiteral(BANTERD_PATH));
    server.setExtraConfig(MetricsOn);
    server.setDatabaseUrl(url.toString());
    QVERIFY(server.start());
    QCOMPARE(httpGet(server.metricsPort(), u"/healthz"_s).status, 200);

    QVERIFY(cluster({u"pause"_s, dir}));
    const HttpAnswer down = httpGet(server.metricsPort(), u"/healthz"_s);
    QCOMPARE(down.status, 503);
    QVERIFY2(!down.body.isEmpty(), "a 503 says why");
    QVERIFY(server.isRunning());

    QVERIFY(cluster({u"restart"_s, dir}));
    QVERIFY(waitFor([&] { return httpGet(server.metricsPort(), u"/healthz"_s).status == 200; },
                    30'000, "healthz to recover"));
}

void TestObservability::healthzNeverHoldsUpChat()
{
    if (TestDatabase::backend() != "sqlite"_L1)
        QSKIP("SQLite's write lock holds the storage thread; the answer path is the same");
    BanterdProcess server(QStringLiteral(BANTERD_PATH));
    // The storage thread waits up to 8 s for the lock: longer than the health deadline.
    server.setExtraConfig(MetricsOn + "sqlite_busy_timeout_ms=8000\n");
    QVERIFY(server.start());
    QWebSocket chat;
    chat.open(server.url());
    QVERIFY(waitFor([&] { return chat.state() == QAbstractSocket::ConnectedState; }, 10'000,
                    "the chat connection"));

    SqliteWriteLock lock(server);
    QVERIFY(lock.isHeld());

    // Five checks at once, each on its own connection. The old endpoint waited for storage
    // on the server's thread: one after another, 2 s each, nothing else served meanwhile.
    QNetworkAccessManager network;
    QElapsedTimer clock;
    clock.start();
    QList<QNetworkReply *> checks;
    for (int i = 0; i < 5; ++i) {
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/healthz"_s.arg(server.metricsPort())));
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        checks << network.get(request);
    }
    QTest::qWait(200); // the checks are in the server
    qint64 pongAfter = -1;
    QElapsedTimer pingClock;
    connect(&chat, &QWebSocket::pong, this, [&] { pongAfter = pingClock.elapsed(); });
    pingClock.start();
    chat.ping();
    QVERIFY(waitFor([&] { return pongAfter >= 0; }, 15'000, "the pong"));
    qInfo("chat ping answered after %lld ms while five health checks waited", pongAfter);
    QVERIFY2(pongAfter < 1'000, qPrintable(QString::number(pongAfter)));

    QVERIFY(waitFor(
        [&] {
            return std::all_of(checks.cbegin(), checks.cend(),
                               [](auto *r) { return r->isFinished(); });
        },
        15'000, "every health check to be answered"));
    const qint64 allAnswered = clock.elapsed();
    qInfo("five health checks answered after %lld ms", allAnswered);
    // One shared check, given the deadline: all five end together, not 5 x 2 s.
    QVERIFY2(allAnswered < 5'000, qPrintable(QString::number(allAnswered)));
    for (QNetworkReply *reply : std::as_const(checks)) {
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 503);
        const QByteArray body = reply->readAll();
        QVERIFY2(body.contains("within 2000 ms"), body.constData());
        reply->deleteLater();
    }
    QVERIFY(lock.release());
    QVERIFY(waitFor([&] { return httpGet(server.metricsPort(), u"/healthz"_s).status == 200; },
                    15'000, "healthz to recover"));
}

void TestObservability::operatorConnectionsAreBounded()
{
    BanterdProcess server(QStringLiteral(BANTERD_PATH));
    server.setExtraConfig(MetricsOn);
    QVERIFY(server.start());
    const quint16 port = server.metricsPort();

    // The limits of OperatorListener, as docs/OPERATIONS.md states them.
    constexpr int PerAddress = 8;
    constexpr int InAll = 32;
    // One address holds at most 8 connections; the ninth is closed at once.
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < PerAddress; ++i) {
        idle.push_back(connectFrom(u"127.0.0.1"_s, port));
        QVERIFY(idle.back());
    }
    auto oneTooMany = connectFrom(u"127.0.0.1"_s, port);
    QVERIFY(oneTooMany);
    QVERIFY(closedByServer(*oneTooMany, 5'000));

    // Another address is still served while the first is at its limit.
    auto other = connectFrom(u"127.0.0.2"_s, port);
    QVERIFY(other);
    QCOMPARE(rawGet(*other, "/metrics"), QByteArray("HTTP/1.1 200 OK"));
    other.reset();

    // 32 in all: three more addresses with eight each fill the server; the next is refused.
    QTest::qWait(100); // the closed connection above is counted out
    for (int address = 2; address <= InAll / PerAddress; ++address) {
        for (int i = 0; i < PerAddress; ++i) {
            idle.push_back(connectFrom(u"127.0.0.%1"_s.arg(address), port));
            QVERIFY(idle.back());
        }
    }
    QTest::qWait(200);
    for (const auto &socket : idle)
        QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
    QCOMPARE(int(idle.size()), InAll);
    auto over = connectFrom(u"127.0.0.9"_s, port);
    QVERIFY(over);
    QVERIFY(closedByServer(*over, 5'000));

    // A request that never ends (1 MiB of one header) is closed with the rest and costs the
    // server nothing it cannot bear (its 16 KiB bound is not observable from here).
    idle.front()->write(QByteArray("GET /metrics HTTP/1.1\r\nX-Padding: ")
                        + QByteArray(1024 * 1024, 'a'));

    // Every connection ends within its lifetime (10 s) and the grace after it.
    QVERIFY(waitFor(
        [&] {
            return std::all_of(idle.cbegin(), idle.cend(), [](const auto &socket) {
                return socket->state() == QAbstractSocket::UnconnectedState;
            });
        },
        15'000, "the server to close every idle connection"));
    QVERIFY(server.isRunning());
    auto again = connectFrom(u"127.0.0.1"_s, port);
    QVERIFY(again);
    QCOMPARE(rawGet(*again, "/metrics"), QByteArray("HTTP/1.1 200 OK"));
}

void TestObservability::jsonLogIsOneObjectPerLine()
{
    BanterdProcess server(QStringLiteral(BANTERD_PATH));
    server.setExtraConfig("[server]\nlog_format=json\n");
    QVERIFY(server.start());
    server.signal(SIGTERM);
    QVERIFY(server.waitForExit(15'000));
    const QStringList lines = server.errors().split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(lines.size() >= 2); // at least "listening" and "stopped"
    bool sawListening = false;
    for (const QString &line : lines) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError && document.isObject(), qPrintable(line));
        const QJsonObject object = document.object();
        for (const char *field : {"time", "level", "category", "message"})
            QVERIFY2(object.value(QLatin1String(field)).isString(), qPrintable(line));
        QVERIFY(
            QDateTime::fromString(object.value(u"time"_s).toString(), Qt::ISODateWithMs).isValid());
        sawListening = sawListening
            || (object.value(u"category"_s) == u"banter.net"_s
                && object.value(u"message"_s).toString().startsWith(u"listening on"_s));
    }
    QVERIFY(sawListening);
}

void TestObservability::journaldLogHasPriorities()
{
    qputenv("JOURNAL_STREAM", "8:12345"); // inherited by the process, as systemd sets it
    auto unset = qScopeGuard([] { qunsetenv("JOURNAL_STREAM"); });
    // An unknown key gives a warning at start: a <4> line next to the <6> ones.
    BanterdProcess server(QStringLiteral(BANTERD_PATH));
    server.setExtraConfig("[server]\nno_such_key=1\n");
    QVERIFY(server.start());
    server.signal(SIGTERM);
    QVERIFY(server.waitForExit(15'000));
    const QStringList lines = server.errors().split(u'\n', Qt::SkipEmptyParts);
    static const QRegularExpression prefixed(u"^<[0-7]>banter\\.[a-z]+: .+"_s);
    static const QRegularExpression timestamp(u"\\d{4}-\\d\\d-\\d\\dT\\d\\d:"_s);
    for (const QString &line : lines) {
        QVERIFY2(prefixed.match(line).hasMatch(), qPrintable(line));
        QVERIFY2(!timestamp.match(line).hasMatch(), qPrintable(line)); // journald stamps
    }
    QVERIFY(lines.filter(u"<4>banter.server: server/no_such_key"_s).size() == 1);
    QVERIFY(!lines.filter(u"<6>banter.net: listening on"_s).isEmpty());
}

void TestObservability::hangupReloadsWhatItCan()
{
    BanterdProcess server(QStringLiteral(BANTERD_PATH),
                          "message_burst=2\nmessages_per_second=0.01\n");
    QVERIFY(server.start());
    RawClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(client.registerUser(u"carol"_s));
    const qint64 conversation = createGroup(client);
    QVERIFY(conversation > 0);
    // The burst of 2 is spent: the third message in a row is refused.
    QVERIFY(sendMessage(client, conversation, u"1"_s));
    QVERIFY(sendMessage(client, conversation, u"2"_s));
    QVERIFY(!sendMessage(client, conversation, u"3"_s));

    // A bigger burst and a new port (which needs a restart), then SIGHUP.
    QFile config(server.configPath());
    QVERIFY(config.open(QIODevice::ReadOnly));
    QByteArray text = config.readAll();
    config.close();
    text.replace("message_burst=2\n", "message_burst=50\n");
    text += "[server]\nlog_level=debug\nlisten=127.0.0.2\n";
    QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write(text);
    config.close();
    server.signal(SIGHUP);
    QVERIFY(waitFor([&] { return server.errors().contains(u"reload: applied"_s); }, 10'000,
                    "the reload"));
    const QString log = server.errors();
    QVERIFY2(log.contains(u"reload: applied: limits/message_burst, server/log_level"_s),
             qPrintable(log));
    QVERIFY2(log.contains(u"take effect at the next restart: server/listen"_s), qPrintable(log));
    QVERIFY(server.isRunning());
    // The new burst is in effect: a user who starts sending now gets five in a row. (A rate
    // bucket keeps the limits it was made with; carol's still has burst 2.)
    RawClient erin;
    QVERIFY(erin.open(server.url()));
    QVERIFY(erin.registerUser(u"erin"_s));
    const qint64 erinsGroup = createGroup(erin);
    QVERIFY(erinsGroup > 0);
    for (int i = 0; i < 5; ++i)
        QVERIFY(sendMessage(erin, erinsGroup, u"after %1"_s.arg(i)));
    // Debug messages are written now.
    RawClient other;
    QVERIFY(other.open(server.url()));
    QVERIFY(waitFor([&] { return server.errors().contains(u"debug banter.net: connection"_s); },
                    10'000, "a debug line"));
}

void TestObservability::hangupWithBrokenConfigChangesNothing()
{
    BanterdProcess server(QStringLiteral(BANTERD_PATH));
    QVERIFY(server.start());
    QFile config(server.configPath());
    QVERIFY(config.open(QIODevice::Append));
    config.write("[limits]\nmax_group_size=1\n"); // out of range
    config.close();
    server.signal(SIGHUP);
    QVERIFY(waitFor([&] { return server.errors().contains(u"reload refused"_s); }, 10'000,
                    "the refused reload"));
    QVERIFY(server.errors().contains(u"limits/max_group_size"_s));
    QVERIFY(server.isRunning());
    RawClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(client.registerUser(u"dave"_s));
}

QTEST_GUILESS_MAIN(TestObservability)
#include "tst_observability.moc"
