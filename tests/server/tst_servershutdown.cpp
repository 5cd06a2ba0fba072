// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 16, the graceful stop, against a banterd process and its signals: with requests in
// flight from several clients at SIGTERM, every request gets exactly one answer (its result
// or `unavailable`), every client sees close 1001, banterd exits 0 within its drain time,
// and after a restart every acknowledged message is there. A second signal stops at once.
#include "banterdprocess.h"
#include "rawclient.h"
#include "rawupgrade.h"
#include "waiting.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

#include <csignal>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
constexpr int Runs = 10;
constexpr int Clients = 4;
constexpr int RequestsPerClient = 20; // 80 in flight at the signal
constexpr int DrainMs = 3000;
// Beyond the drain: storage finishing its last batch and the process tearing down.
constexpr int ExitSlackMs = 2000;

QByteArray drainLimits(int drainMs)
{
    return "shutdown_drain_seconds=" + QByteArray::number(drainMs / 1000.0) + '\n';
}

struct Sent
{
    QString rid;
    QString messageId;
};

QJsonObject historyOf(RawClient &client, qint64 conversation)
{
    const auto reply =
        client.request(u"history"_s, {{u"conversation_id"_s, conversation}, {u"limit"_s, 100}});
    return reply && reply->success ? reply->data : QJsonObject();
}
} // namespace

class TestServerShutdown : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRequestInFlightIsAnsweredAndClosed();
    void secondSignalStopsAtOnce();
    void requestDuringTheDrainIsRefusedUnchanged();
    void requestOutOfTimeMayHaveBeenCarriedOut();

private:
    // A banterd whose password checks take seconds, with `patient` registered; hashMs is how
    // long that registration's check took.
    static bool startSlowHashing(BanterdProcess &server, qint64 &hashMs);
    // Sends a sign-in of `patient` on `client` as rid "slow" and returns once its password
    // check burns CPU: it is in progress on the server.
    static bool signInInProgress(BanterdProcess &server, RawClient &client);
    // Every answer `client` received to `rid`.
    static QList<Protocol::ServerFrame> answersTo(const RawClient &client, const QString &rid);
};

namespace {
// Argon2id with 64 MiB and 100 passes: a check takes seconds on any machine this runs on.
constexpr const char *SlowHashing = "password_memory_kib=65536\npassword_iterations=100\n";
// How long a test waits for one such check to be answered.
constexpr int SlowCheckTimeoutMs = 60'000;
} // namespace

bool TestServerShutdown::startSlowHashing(BanterdProcess &server, qint64 &hashMs)
{
    if (!server.start())
        return false;
    RawClient client;
    if (!client.open(server.url()))
        return false;
    QElapsedTimer hashing;
    hashing.start();
    // Generous: the check takes seconds, more on a machine busy with other work.
    const bool registered =
        bool(client.registerUser(u"patient"_s, u"correct horse"_s, SlowCheckTimeoutMs));
    hashMs = hashing.elapsed();
    return registered;
}

bool TestServerShutdown::signInInProgress(BanterdProcess &server, RawClient &client)
{
    const double cpuBefore = server.cpuSeconds();
    client.sendText(
        R"({"type":"login","rid":"slow","data":{"username":"patient","password":"correct horse","device":"t"}})");
    client.socket().flush();
    return waitFor([&] { return server.cpuSeconds() > cpuBefore + 0.1; }, 5000,
                   "the password check to start");
}

QList<Protocol::ServerFrame> TestServerShutdown::answersTo(const RawClient &client,
                                                           const QString &rid)
{
    QList<Protocol::ServerFrame> answers;
    for (const Protocol::ServerFrame &frame : client.responses) {
        if (frame.rid == rid)
            answers.append(frame);
    }
    return answers;
}

void TestServerShutdown::everyRequestInFlightIsAnsweredAndClosed()
{
    int acknowledgedTotal = 0;
    int unavailableTotal = 0;
    qint64 slowestExitMs = 0;
    for (int run = 0; run < Runs; ++run) {
        BanterdProcess server(QStringLiteral(BANTERD_PATH), drainLimits(DrainMs));
        QVERIFY(server.start());
        std::vector<std::unique_ptr<RawClient>> clients;
        QJsonArray members;
        for (int i = 0; i < Clients; ++i) {
            clients.push_back(std::make_unique<RawClient>());
            QVERIFY(clients.back()->open(server.url()));
            const auto grant = clients.back()->registerUser(u"user%1"_s.arg(i));
            QVERIFY(grant);
            if (i > 0)
                members.append(grant->value(u"user"_s).toObject().value(u"id"_s));
        }
        const auto group = clients.front()->request(
            u"create_group"_s, {{u"name"_s, u"run %1"_s.arg(run)}, {u"member_ids"_s, members}});
        QVERIFY(succeeded(group));
        const qint64 conversation =
            group->data.value(u"conversation"_s).toObject().value(u"id"_s).toInteger();

        // Every request is on the server's side of the socket before the signal.
        std::vector<QList<Sent>> sent(Clients);
        for (int i = 0; i < Clients; ++i) {
            for (int n = 0; n < RequestsPerClient; ++n) {
                const Sent s{u"r%1-%2"_s.arg(i).arg(n),
                             QUuid::createUuid().toString(QUuid::WithoutBraces)};
                const QJsonObject request{
                    {u"type"_s, u"message"_s},
                    {u"rid"_s, s.rid},
                    {u"data"_s,
                     QJsonObject{
                         {u"id"_s, s.messageId},
                         {u"conversation_id"_s, conversation},
                         {u"type"_s, u"text"_s},
                         {u"content"_s, u"run %1 client %2 #%3"_s.arg(run).arg(i).arg(n)}}}};
                clients[i]->sendText(QJsonDocument(request).toJson(QJsonDocument::Compact));
                sent[i].append(s);
            }
            clients[i]->socket().flush();
        }
        QElapsedTimer sinceSignal;
        sinceSignal.start();
        server.signal(SIGTERM);

        QVERIFY(waitFor(
            [&] {
                return std::all_of(clients.cbegin(), clients.cend(),
                                   [](const auto &c) { return !c->isConnected(); });
            },
            DrainMs + ExitSlackMs, "every client to be closed"));
        QVERIFY2(server.waitForExit(DrainMs + ExitSlackMs), qPrintable(server.errors()));
        const qint64 exitMs = sinceSignal.elapsed();
        slowestExitMs = qMax(slowestExitMs, exitMs);
        QCOMPARE(server.exitCode(), 0);
        QVERIFY2(exitMs <= DrainMs + ExitSlackMs, qPrintable(u"exit after %1 ms"_s.arg(exitMs)));

        QStringList acknowledged;
        QStringList refusedUnchanged; // `unavailable`, nothing was changed
        for (int i = 0; i < Clients; ++i) {
            RawClient &client = *clients[i];
            QCOMPARE(client.socket().closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
            for (const Sent &s : std::as_const(sent[i])) {
                QList<Protocol::ServerFrame> answers;
                for (const Protocol::ServerFrame &frame : std::as_const(client.responses)) {
                    if (frame.rid == s.rid)
                        answers.append(frame);
                }
                QVERIFY2(
                    answers.size() == 1,
                    qPrintable(
                        u"run %1: %2 answers to %3"_s.arg(run).arg(answers.size()).arg(s.rid)));
                if (answers.front().success) {
                    acknowledged.append(s.messageId);
                } else {
                    QCOMPARE(answers.front().error.code, ErrorCode::Unavailable);
                    QVERIFY(answers.front().error.retryAfterMs > 0);
                    if (answers.front().error.message.contains("nothing was changed"_L1))
                        refusedUnchanged.append(s.messageId);
                }
            }
        }
        acknowledgedTotal += int(acknowledged.size());
        unavailableTotal += Clients * RequestsPerClient - int(acknowledged.size());

        // Nothing acknowledged is lost, nothing refused as unchanged was stored.
        QVERIFY(server.start());
        RawClient reader;
        QVERIFY(reader.open(server.url()));
        QVERIFY(reader.login(u"user0"_s));
        const QJsonArray messages = historyOf(reader, conversation).value(u"messages"_s).toArray();
        QStringList stored;
        for (const QJsonValue &m : messages)
            stored.append(m.toObject().value(u"id"_s).toString());
        for (const QString &id : std::as_const(acknowledged))
            QVERIFY2(stored.contains(id), qPrintable(u"run %1 lost %2"_s.arg(run).arg(id)));
        for (const QString &id : std::as_const(refusedUnchanged))
            QVERIFY2(!stored.contains(id), qPrintable(u"run %1 stored %2"_s.arg(run).arg(id)));
        server.signal(SIGTERM);
        QVERIFY(server.waitForExit(DrainMs + ExitSlackMs));
        QCOMPARE(server.exitCode(), 0);
    }
    qInfo("%d runs of %d requests in flight at SIGTERM: %d acknowledged, %d unavailable; "
          "slowest exit %lld ms after the signal (drain time %d ms)",
          Runs, Clients * RequestsPerClient, acknowledgedTotal, unavailableTotal, slowestExitMs,
          DrainMs);
}

// A sign-in whose password check takes seconds (an expensive Argon2id setting) keeps the
// first stop waiting for its answer, within a long drain time; a second SIGTERM ends banterd
// at once, with 128 + the signal.
void TestServerShutdown::secondSignalStopsAtOnce()
{
    constexpr int LongDrainMs = 60'000;
    BanterdProcess server(QStringLiteral(BANTERD_PATH), drainLimits(LongDrainMs),
                          "password_memory_kib=65536\npassword_iterations=100\n");
    QVERIFY(server.start());
    RawClient client;
    QVERIFY(client.open(server.url()));
    QElapsedTimer hashing;
    hashing.start();
    QVERIFY(client.registerUser(u"patient"_s, u"correct horse"_s, SlowCheckTimeoutMs));
    const qint64 hashMs = hashing.elapsed();
    RawClient signingIn;
    QVERIFY(signingIn.open(server.url()));
    const double cpuBefore = server.cpuSeconds();
    signingIn.sendText(
        R"({"type":"login","rid":"slow","data":{"username":"patient","password":"correct horse","device":"t"}})");
    signingIn.socket().flush();
    // The check is running (it burns CPU) before the signal, so the stop has to wait for it.
    QVERIFY(waitFor([&] { return server.cpuSeconds() > cpuBefore + 0.1; }, 5000,
                    "the password check to start"));

    server.signal(SIGTERM);
    QVERIFY(waitFor([&] { return server.errors().contains("stopping:"_L1); }, 5000,
                    "banterd to start its stop"));
    // Still waiting for the sign-in's answer.
    QVERIFY2(!server.waitForExit(int(qMin<qint64>(1000, hashMs / 2))),
             qPrintable(u"exit code %1: %2"_s.arg(server.exitCode()).arg(server.errors())));
    QElapsedTimer sinceSecond;
    sinceSecond.start();
    server.signal(SIGTERM);
    QVERIFY(server.waitForExit(5000));
    QCOMPARE(server.exitCode(), 128 + SIGTERM);
    qInfo("second SIGTERM during a %lld ms password check: exit after %lld ms", hashMs,
          sinceSecond.elapsed());
}

// A request that arrives after the stop began, on a connection kept open by a sign-in still
// in progress, is answered `unavailable` with the retry hint and changes nothing; the sign-in
// still gets its own answer, then the connection closes with 1001.
void TestServerShutdown::requestDuringTheDrainIsRefusedUnchanged()
{
    constexpr int LongDrainMs = 60'000;
    BanterdProcess server(QStringLiteral(BANTERD_PATH), drainLimits(LongDrainMs), SlowHashing);
    qint64 hashMs = 0;
    QVERIFY(startSlowHashing(server, hashMs));
    RawClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(signInInProgress(server, client));

    server.signal(SIGTERM);
    QVERIFY(waitFor([&] { return server.errors().contains("stopping:"_L1); }, 5000,
                    "banterd to start its stop"));
    // The stop has begun (the line is logged as it starts); the sign-in keeps the socket open.
    QVERIFY(client.isConnected());
    client.sendText(
        R"({"type":"register","rid":"late","data":{"username":"latecomer","password":"correct horse","device":"t"}})");
    client.socket().flush();
    QVERIFY(waitFor([&] { return !answersTo(client, u"late"_s).isEmpty(); }, 5000,
                    "the late request's answer"));
    const Protocol::ServerFrame late = answersTo(client, u"late"_s).constFirst();
    QCOMPARE(late.type, u"register"_s);
    QVERIFY(!late.success);
    QCOMPARE(late.error.code, ErrorCode::Unavailable);
    // Come back once a restart could have happened: the drain time, at least a second.
    QCOMPARE(late.error.retryAfterMs, qint64(LongDrainMs));
    QVERIFY2(late.error.message.contains("nothing was changed"_L1), qPrintable(late.error.message));

    QVERIFY(waitFor([&] { return !client.isConnected(); }, int(hashMs) + 10'000,
                    "the connection to close after the sign-in's answer"));
    QCOMPARE(client.socket().closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    const QList<Protocol::ServerFrame> slow = answersTo(client, u"slow"_s);
    QCOMPARE(slow.size(), 1);
    QVERIFY(slow.constFirst().success);
    QCOMPARE(answersTo(client, u"late"_s).size(), 1);
    QVERIFY2(server.waitForExit(10'000), qPrintable(server.errors()));
    QCOMPARE(server.exitCode(), 0);

    // Nothing was changed: the account the late request asked for does not exist.
    QVERIFY(server.start());
    RawClient checker;
    QVERIFY(checker.open(server.url()));
    const auto login = checker.request(u"login"_s,
                                       {{u"username"_s, u"latecomer"_s},
                                        {u"password"_s, u"correct horse"_s},
                                        {u"device"_s, u"t"_s}},
                                       SlowCheckTimeoutMs);
    QCOMPARE(refusal(login), ErrorCode::InvalidCredentials);
    server.signal(SIGTERM);
    QVERIFY(server.waitForExit(10'000));
    QCOMPARE(server.exitCode(), 0);
}

// A stop that runs out of time answers what is still in progress `unavailable`, saying it
// may have been carried out (PROTOCOL.md: resend with the same id), with the retry hint;
// the late result is never sent as a second answer.
void TestServerShutdown::requestOutOfTimeMayHaveBeenCarriedOut()
{
    constexpr int ShortDrainMs = 500; // requests are given up at three quarters of it
    BanterdProcess server(QStringLiteral(BANTERD_PATH), drainLimits(ShortDrainMs), SlowHashing);
    qint64 hashMs = 0;
    QVERIFY(startSlowHashing(server, hashMs));
    // The check must outlast the drain for the stop to run out of time.
    QVERIFY2(hashMs > 2 * ShortDrainMs, qPrintable(u"a check took only %1 ms"_s.arg(hashMs)));
    RawClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(signInInProgress(server, client));

    QElapsedTimer sinceSignal;
    sinceSignal.start();
    server.signal(SIGTERM);
    QVERIFY(waitFor([&] { return !answersTo(client, u"slow"_s).isEmpty(); },
                    ShortDrainMs + ExitSlackMs, "the sign-in's answer"));
    const qint64 answeredMs = sinceSignal.elapsed();
    const Protocol::ServerFrame answer = answersTo(client, u"slow"_s).constFirst();
    QVERIFY(!answer.success);
    QCOMPARE(answer.error.code, ErrorCode::Unavailable);
    QCOMPARE(answer.error.retryAfterMs, qint64(1000)); // at least a second
    QVERIFY2(answer.error.message.contains("may or may not have been carried out"_L1),
             qPrintable(answer.error.message));
    QVERIFY(waitFor([&] { return !client.isConnected(); }, ExitSlackMs, "the close"));
    QCOMPARE(client.socket().closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    QVERIFY2(server.waitForExit(int(hashMs) + 10'000), qPrintable(server.errors()));
    QCOMPARE(server.exitCode(), 0);
    QCOMPARE(answersTo(client, u"slow"_s).size(), 1);
    qInfo("a %lld ms sign-in at a %d ms stop: answered unavailable after %lld ms", hashMs,
          ShortDrainMs, answeredMs);
}

QTEST_GUILESS_MAIN(TestServerShutdown)
#include "tst_servershutdown.moc"
