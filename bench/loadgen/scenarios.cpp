// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenarios.h"

#include "benchclient.h"
#include "latencies.h"
#include "seeddatabase.h"
#include <banter/domain/messageid.h>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {
QElapsedTimer &clock()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer;
}

qint64 nowMicros()
{
    return clock().nsecsElapsed() / 1000;
}

// A banterd for one scenario: fresh data dir, limits opened up so the scenario measures the
// server rather than its abuse protection, cheap password hashing unless asked otherwise.
struct Server
{
    QTemporaryDir dir;
    ServerProcess process;

    bool start(const BenchOptions &o, bool realPasswordCost = false)
    {
        const QString config = dir.filePath(u"bench.conf"_s);
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write("[auth]\n");
        if (!realPasswordCost)
            file.write("password_memory_kib=8\npassword_iterations=1\n");
        file.write(
            "[limits]\nmax_connections=100000\nmax_connections_per_user=100000\nmax_group_size="
            "800\n"
            "messages_per_second=1000000\nmessage_burst=1000000\nrequests_per_second=1000000\n"
            "request_burst=1000000\nlogin_failures_per_address=1000000\nsync_gap_limit=1000000\n"
            "registrations_per_address_per_hour=1000000\npassword_checks_per_account=1000000\n"
            "password_checks_per_address=1000000\nmax_sessions_per_user=1000000\n"
            "max_connections_per_address=1000000\nmax_pending_handshakes=100000\n");
        file.close();
        // Without TLS: the figures compare with the plain ceiling relay.
        QStringList args{u"--port"_s,   u"0"_s, u"--data-dir"_s, dir.path(),
                         u"--config"_s, config, u"--tls"_s,      u"off"_s};
        if (!o.database.isEmpty())
            args << u"--database"_s << o.database;
        return process.start(o.banterd, args);
    }
};

struct Account
{
    std::unique_ptr<BenchClient> client;
    qint64 id = 0;
    QString token;
};

Account signUp(const QUrl &url, const QString &name)
{
    Account a;
    a.client = std::make_unique<BenchClient>();
    if (!a.client->open(url))
        qFatal("cannot connect to %s", qPrintable(url.toString()));
    const QJsonObject reply = a.client->call(
        u"register"_s,
        {{u"username"_s, name}, {u"password"_s, u"bench password"_s}, {u"device"_s, u"loadgen"_s}});
    if (!reply.value(u"success"_s).toBool())
        qFatal("register %s failed: %s", qPrintable(name),
               QJsonDocument(reply).toJson().constData());
    const QJsonObject data = reply.value(u"data"_s).toObject();
    a.id = qint64(data.value(u"user"_s).toObject().value(u"id"_s).toDouble());
    a.token = data.value(u"access_token"_s).toString();
    return a;
}

QString uniqueName(const QString &prefix, int i)
{
    return u"%1%2x%3"_s.arg(prefix).arg(i).arg(QUuid::createUuid().toString(QUuid::Id128).left(6));
}

qint64 conversationId(const QJsonObject &reply)
{
    return qint64(reply.value(u"data"_s)
                      .toObject()
                      .value(u"conversation"_s)
                      .toObject()
                      .value(u"id"_s)
                      .toDouble());
}

QString messageFrame(qint64 conversation, const QString &content, const QString &rid)
{
    return uR"({"type":"message","rid":"%1","data":{"id":"%2","conversation_id":%3,"content":"%4"}})"_s
        .arg(rid, Banter::newMessageId().toString(QUuid::WithoutBraces),
             QString::number(conversation), content);
}

QJsonObject cpuFigures(const ServerProcess &server, double serverCpu0, double selfCpu0,
                       double seconds)
{
    return {{u"server_cpu_pct"_s, 100.0 * (server.cpuSeconds() - serverCpu0) / seconds},
            {u"loadgen_cpu_pct"_s, 100.0 * (selfCpuSeconds() - selfCpu0) / seconds}};
}

void merge(QJsonObject &into, const QJsonObject &from)
{
    for (auto it = from.begin(); it != from.end(); ++it)
        into.insert(it.key(), it.value());
}
} // namespace

QJsonObject runPairs(const BenchOptions &o)
{
    const bool relay = o.target == "relay"_L1;
    Server banter;
    ServerProcess relayProcess;
    const bool started = relay ? relayProcess.start(o.relay, {}) : banter.start(o);
    if (!started)
        qFatal("server did not start");
    ServerProcess &server = relay ? relayProcess : banter.process;
    const QUrl url = server.url();

    struct Pair
    {
        Account a, b;
        qint64 conversation = 0;
        int inFlight = 0;
    };
    std::vector<Pair> pairs(size_t(o.pairs));
    // Message number → send time, once for the delivery and once for the acknowledgement:
    // either may arrive first (the server may push to the recipient before it answers the
    // sender), so neither may consume the other's.
    QHash<qint64, qint64> sentAt, ackDue;
    qint64 counter = 0, acks = 0, deliveries = 0;
    Latencies ackLatency, deliveryLatency;
    bool running = true;

    for (int i = 0; i < o.pairs; ++i) {
        Pair &p = pairs[size_t(i)];
        if (relay) {
            for (Account *acc : {&p.a, &p.b}) {
                acc->client = std::make_unique<BenchClient>();
                acc->client->open(url);
            }
            p.a.client->sendText(u"I a%1"_s.arg(i));
            p.b.client->sendText(u"I b%1"_s.arg(i));
        } else {
            p.a = signUp(url, uniqueName(u"a"_s, i));
            p.b = signUp(url, uniqueName(u"b"_s, i));
            p.conversation =
                conversationId(p.a.client->call(u"create_private"_s, {{u"user_id"_s, p.b.id}}));
        }
    }
    if (relay)
        spinUntil([] { return false; }, 300); // let the registrations land

    std::function<void(Pair &, int)> sendOne = [&](Pair &p, int index) {
        const qint64 n = ++counter;
        const qint64 now = nowMicros();
        sentAt.insert(n, now);
        if (!relay)
            ackDue.insert(n, now);
        ++p.inFlight;
        if (relay) {
            p.a.client->sendText(u"T b%1 %2"_s.arg(index).arg(n));
            return;
        }
        p.a.client->request(u"message"_s,
                            {{u"id"_s, Banter::newMessageId().toString(QUuid::WithoutBraces)},
                             {u"conversation_id"_s, p.conversation},
                             {u"content"_s, QString::number(n)}},
                            [&, n, index](const QJsonObject &) {
                                ackLatency.add(nowMicros() - ackDue.take(n));
                                ++acks;
                                Pair &pair = pairs[size_t(index)];
                                --pair.inFlight;
                                if (running)
                                    sendOne(pair, index);
                            });
    };
    for (int i = 0; i < o.pairs; ++i) {
        Pair &p = pairs[size_t(i)];
        if (relay) {
            p.b.client->onRawText = [&, i](const QString &frame) {
                const qint64 n = frame.section(u' ', 2).toLongLong();
                deliveryLatency.add(nowMicros() - sentAt.take(n));
                ++deliveries;
                Pair &pair = pairs[size_t(i)];
                --pair.inFlight;
                if (running)
                    sendOne(pair, i);
            };
        } else {
            p.b.client->onPush = [&](const QJsonObject &frame) {
                if (frame.value(u"type"_s).toString() != "new_message"_L1)
                    return;
                const qint64 n = frame.value(u"data"_s)
                                     .toObject()
                                     .value(u"message"_s)
                                     .toObject()
                                     .value(u"content"_s)
                                     .toString()
                                     .toLongLong();
                deliveryLatency.add(nowMicros() - sentAt.take(n));
                ++deliveries;
            };
        }
    }

    const double serverCpu0 = server.cpuSeconds();
    const double selfCpu0 = selfCpuSeconds();
    QElapsedTimer elapsed;
    elapsed.start();
    for (int i = 0; i < o.pairs; ++i)
        for (int k = 0; k < o.window; ++k)
            sendOne(pairs[size_t(i)], i);
    spinUntil([&] { return elapsed.elapsed() >= qint64(o.seconds * 1000); },
              int(o.seconds * 1000) + 1000);
    const double seconds = double(elapsed.elapsed()) / 1000.0;
    const qint64 deliveredInWindow = deliveries;
    running = false;
    QJsonObject cpu = cpuFigures(server, serverCpu0, selfCpu0, seconds);
    // drain, outside the measurement
    spinUntil([&] { return sentAt.isEmpty() && ackDue.isEmpty(); }, 5000);

    QJsonObject result{
        {u"scenario"_s, u"pairs"_s},
        {u"target"_s, relay ? u"relay"_s : u"banter"_s},
        {u"backend"_s, relay ? u"none"_s : (o.database.isEmpty() ? u"sqlite"_s : u"postgresql"_s)},
        {u"pairs"_s, o.pairs},
        {u"window"_s, o.window},
        {u"seconds"_s, seconds},
        {u"delivered"_s, deliveredInWindow},
        {u"msgs_per_s"_s, double(deliveredInWindow) / seconds},
        {u"lost"_s, qint64(sentAt.size())}};
    merge(result, cpu);
    if (!relay)
        merge(result, ackLatency.toJson(u"ack"_s));
    merge(result, deliveryLatency.toJson(u"delivery"_s));
    return result;
}

QJsonObject runRate(const BenchOptions &o)
{
    Server banter;
    if (!banter.start(o))
        qFatal("server did not start");
    const QUrl url = banter.process.url();
    std::vector<Account> senders, receivers;
    std::vector<qint64> conversations;
    for (int i = 0; i < o.pairs; ++i) {
        senders.push_back(signUp(url, uniqueName(u"ra"_s, i)));
        receivers.push_back(signUp(url, uniqueName(u"rb"_s, i)));
        conversations.push_back(conversationId(senders.back().client->call(
            u"create_private"_s, {{u"user_id"_s, receivers.back().id}})));
    }
    QHash<qint64, qint64> sentAt;
    Latencies delivery;
    qint64 delivered = 0, sent = 0;
    for (Account &r : receivers) {
        r.client->onPush = [&](const QJsonObject &frame) {
            if (frame.value(u"type"_s).toString() != "new_message"_L1)
                return;
            const qint64 n = frame.value(u"data"_s)
                                 .toObject()
                                 .value(u"message"_s)
                                 .toObject()
                                 .value(u"content"_s)
                                 .toString()
                                 .toLongLong();
            delivery.add(nowMicros() - sentAt.take(n));
            ++delivered;
        };
    }
    const double serverCpu0 = banter.process.cpuSeconds();
    const double selfCpu0 = selfCpuSeconds();
    QElapsedTimer elapsed;
    elapsed.start();
    QTimer pacer;
    pacer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&pacer, &QTimer::timeout, &pacer, [&] {
        // Sends whatever the offered rate says is due by now: an open-loop load.
        const qint64 due = qint64(o.rate * double(elapsed.nsecsElapsed()) / 1e9);
        while (sent < due) {
            const size_t k = size_t(sent % o.pairs);
            const qint64 n = ++sent;
            sentAt.insert(n, nowMicros());
            senders[k].client->sendText(
                messageFrame(conversations[k], QString::number(n), QString::number(n)));
        }
    });
    pacer.start(1);
    spinUntil([&] { return elapsed.elapsed() >= qint64(o.seconds * 1000); },
              int(o.seconds * 1000) + 1000);
    pacer.stop();
    const double seconds = double(elapsed.elapsed()) / 1000.0;
    QJsonObject cpu = cpuFigures(banter.process, serverCpu0, selfCpu0, seconds);
    spinUntil([&] { return sentAt.isEmpty(); }, 5000);
    QJsonObject result{{u"scenario"_s, u"rate"_s},
                       {u"backend"_s, o.database.isEmpty() ? u"sqlite"_s : u"postgresql"_s},
                       {u"offered_msgs_per_s"_s, o.rate},
                       {u"achieved_msgs_per_s"_s, double(delivered) / seconds},
                       {u"sent"_s, sent},
                       {u"lost"_s, qint64(sentAt.size())}};
    merge(result, cpu);
    merge(result, delivery.toJson(u"delivery"_s));
    return result;
}

QJsonObject runGroup(const BenchOptions &o)
{
    Server banter;
    if (!banter.start(o))
        qFatal("server did not start");
    const QUrl url = banter.process.url();
    Account sender = signUp(url, uniqueName(u"gs"_s, 0));
    std::vector<Account> members;
    QJsonArray ids;
    for (int i = 1; i < o.groupSize; ++i) {
        members.push_back(signUp(url, uniqueName(u"gm"_s, i)));
        ids.append(members.back().id);
    }
    const qint64 group = conversationId(
        sender.client->call(u"create_group"_s, {{u"name"_s, u"bench"_s}, {u"member_ids"_s, ids}}));
    spinUntil([] { return false; }, 500); // let set-up pushes settle
    qint64 deliveries = 0;
    for (Account &m : members) {
        m.client->onPush = [&](const QJsonObject &frame) {
            if (frame.value(u"type"_s).toString() == "new_message"_L1)
                ++deliveries;
        };
    }
    qint64 sent = 0;
    bool running = true;
    std::function<void()> sendOne = [&] {
        ++sent;
        sender.client->request(u"message"_s,
                               {{u"id"_s, Banter::newMessageId().toString(QUuid::WithoutBraces)},
                                {u"conversation_id"_s, group},
                                {u"content"_s, u"fan-out"_s}},
                               [&](const QJsonObject &) {
                                   if (running)
                                       sendOne();
                               });
    };
    const double serverCpu0 = banter.process.cpuSeconds();
    const double selfCpu0 = selfCpuSeconds();
    QElapsedTimer elapsed;
    elapsed.start();
    // A bounded window keeps the sender from outrunning fan-out without limit.
    for (int k = 0; k < std::max(1, o.window / 4); ++k)
        sendOne();
    spinUntil([&] { return elapsed.elapsed() >= qint64(o.seconds * 1000); },
              int(o.seconds * 1000) + 1000);
    running = false;
    const double seconds = double(elapsed.elapsed()) / 1000.0;
    const qint64 counted = deliveries;
    QJsonObject result{{u"scenario"_s, u"group"_s},
                       {u"backend"_s, o.database.isEmpty() ? u"sqlite"_s : u"postgresql"_s},
                       {u"members"_s, o.groupSize},
                       {u"messages"_s, sent},
                       {u"deliveries_per_s"_s, double(counted) / seconds}};
    merge(result, cpuFigures(banter.process, serverCpu0, selfCpu0, seconds));
    return result;
}

QJsonObject runIdle(const BenchOptions &o)
{
    const bool relay = o.target == "relay"_L1;
    Server banter;
    ServerProcess relayProcess;
    if (!(relay ? relayProcess.start(o.relay, {}) : banter.start(o)))
        qFatal("server did not start");
    ServerProcess &server = relay ? relayProcess : banter.process;
    const QUrl url = server.url();
    Account owner;
    if (!relay)
        owner = signUp(url, uniqueName(u"idle"_s, 0));
    spinUntil([] { return false; }, 500);
    const qint64 rssBefore = server.rssBytes();
    std::vector<std::unique_ptr<BenchClient>> clients;
    int ready = 0;
    for (int i = 0; i < o.connections; ++i) {
        auto c = std::make_unique<BenchClient>();
        if (!c->open(url))
            qFatal("connection %d failed", i);
        if (relay) {
            c->onRawText = [&ready](const QString &) { ++ready; };
            c->sendText(u"I idle%1"_s.arg(i));
        } else {
            c->request(u"auth"_s, {{u"token"_s, owner.token}}, [&ready](const QJsonObject &frame) {
                if (frame.value(u"success"_s).toBool())
                    ++ready;
            });
        }
        clients.push_back(std::move(c));
    }
    spinUntil([&] { return ready == o.connections; }, 60'000);
    spinUntil([] { return false; }, 2000); // settle: heartbeats, deferred deletes
    const qint64 rssAfter = server.rssBytes();
    return {{u"scenario"_s, u"idle"_s},
            {u"target"_s, relay ? u"relay"_s : u"banter"_s},
            {u"connections"_s, ready},
            {u"rss_before_mb"_s, double(rssBefore) / 1048576.0},
            {u"rss_after_mb"_s, double(rssAfter) / 1048576.0},
            {u"bytes_per_connection"_s, double(rssAfter - rssBefore) / std::max(1, ready)}};
}

QJsonObject runLogin(const BenchOptions &o)
{
    Server banter;
    if (!banter.start(o, true))
        qFatal("server did not start");
    const QUrl url = banter.process.url();
    const QString name = uniqueName(u"login"_s, 0);
    signUp(url, name);
    std::vector<std::unique_ptr<BenchClient>> clients;
    for (int i = 0; i < 4; ++i) {
        clients.push_back(std::make_unique<BenchClient>());
        clients.back()->open(url);
    }
    Latencies latency;
    int done = 0, started = 0;
    std::function<void(BenchClient &)> loginOnce = [&](BenchClient &c) {
        if (started >= o.logins)
            return;
        ++started;
        const qint64 t0 = nowMicros();
        c.request(u"login"_s,
                  {{u"username"_s, name},
                   {u"password"_s, u"bench password"_s},
                   {u"device"_s, u"bench"_s}},
                  [&, t0](const QJsonObject &) {
                      latency.add(nowMicros() - t0);
                      ++done;
                      loginOnce(c);
                  });
    };
    QElapsedTimer elapsed;
    elapsed.start();
    for (auto &c : clients)
        loginOnce(*c);
    spinUntil([&] { return done >= o.logins; }, 120'000);
    const double seconds = double(elapsed.elapsed()) / 1000.0;
    QJsonObject result{{u"scenario"_s, u"login"_s},
                       {u"logins"_s, done},
                       {u"logins_per_s"_s, double(done) / seconds}};
    merge(result, latency.toJson(u"login"_s));
    return result;
}

namespace {
// Writes messages straight into the database (far faster than through the protocol) to give
// the history scenario its million rows.
bool seedMessages(const QString &databaseUrl, const QString &sqlitePath, qint64 conversation,
                  qint64 sender, qint64 other, qint64 count, bool changes)
{
    QSqlDatabase db = Banter::Bench::openSeedDatabase(databaseUrl, sqlitePath);
    if (!db.isOpen())
        return false;
    QSqlQuery q(db);
    QSqlQuery reaction(db);
    db.transaction();
    // With changes, of every 10 seqs: seq 3 answers seq 2, seq 5 was edited, seq 9 has two
    // reactions (reaction_count 2) and seq 10 is a reaction_added change event naming it:
    // history pages then read the reply join, the reactions query and change events.
    // Without changes the statement names only the columns of schema 1, so the scenario
    // also seeds an older banterd's database (an A/B against the binary before a change).
    q.prepare(changes
                  ? u"INSERT INTO messages (id, conversation_id, seq, sender_id, type, content, "
                    "created_at, reply_to, edited_at, target_id, event, reaction_count) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s
                  : u"INSERT INTO messages (id, conversation_id, seq, sender_id, type, "
                    "content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    reaction.prepare(u"INSERT INTO reactions (message_id, emoji, user_id, created_at) "
                     "VALUES (?, ?, ?, ?)"_s);
    QString previous;
    for (qint64 seq = 1; seq <= count; ++seq) {
        const QString id = Banter::newMessageId().toString(QUuid::WithoutBraces);
        const int slot = int(seq % 10);
        const bool isEvent = changes && slot == 0;
        q.addBindValue(id);
        q.addBindValue(conversation);
        q.addBindValue(seq);
        q.addBindValue(sender);
        q.addBindValue(isEvent ? u"system"_s : u"text"_s);
        q.addBindValue(isEvent ? QStringLiteral("") : u"history message number %1"_s.arg(seq));
        q.addBindValue(seq);
        if (!changes) {
            if (!q.exec())
                qFatal("seeding failed: %s", qPrintable(q.lastError().text()));
            continue;
        }
        q.addBindValue(changes && slot == 3 ? QVariant(previous) : QVariant());
        q.addBindValue(changes && slot == 5 ? QVariant(seq + 1) : QVariant());
        q.addBindValue(isEvent ? QVariant(previous) : QVariant());
        q.addBindValue(
            isEvent ? QVariant(u"{\"event\":\"reaction_added\",\"message_id\":\"%1\","
                               "\"message_seq\":%2,\"emoji\":\"👍\",\"count\":2}"_s.arg(previous)
                                   .arg(seq - 1))
                    : QVariant());
        q.addBindValue(changes && slot == 9 ? 2 : 0);
        if (!q.exec())
            qFatal("seeding failed: %s", qPrintable(q.lastError().text()));
        if (changes && slot == 9) {
            for (qint64 user : {sender, other}) {
                reaction.addBindValue(id);
                reaction.addBindValue(u"👍"_s);
                reaction.addBindValue(user);
                reaction.addBindValue(seq);
                if (!reaction.exec())
                    qFatal("seeding failed: %s", qPrintable(reaction.lastError().text()));
            }
        }
        previous = id;
    }
    q.exec(u"UPDATE conversations SET last_seq = %1 WHERE id = %2"_s.arg(count).arg(conversation));
    db.commit();
    db.close();
    return true;
}
} // namespace

QJsonObject runHistory(const BenchOptions &o)
{
    Server banter;
    if (!banter.start(o))
        qFatal("server did not start");
    Account a = signUp(banter.process.url(), uniqueName(u"ha"_s, 0));
    Account b = signUp(banter.process.url(), uniqueName(u"hb"_s, 0));
    const qint64 conversation =
        conversationId(a.client->call(u"create_private"_s, {{u"user_id"_s, b.id}}));
    a.client.reset();
    b.client.reset();
    banter.process.stop();
    QElapsedTimer seedTime;
    seedTime.start();
    if (!seedMessages(o.database, banter.dir.filePath(u"banter.db"_s), conversation, a.id, b.id,
                      o.historyMessages, o.historyChanges))
        qFatal("cannot open the database to seed it");
    const double seedSeconds = double(seedTime.elapsed()) / 1000.0;
    QStringList args{u"--port"_s,       u"0"_s,        u"--data-dir"_s,
                     banter.dir.path(), u"--config"_s, banter.dir.filePath(u"bench.conf"_s),
                     u"--tls"_s,        u"off"_s};
    if (!o.database.isEmpty())
        args << u"--database"_s << o.database;
    if (!banter.process.start(o.banterd, args))
        qFatal("server did not restart");
    BenchClient client;
    client.open(banter.process.url());
    client.call(u"auth"_s, {{u"token"_s, a.token}});
    Latencies latency;
    int pages = 0;
    QElapsedTimer elapsed;
    elapsed.start();
    while (pages < 2000 && elapsed.elapsed() < qint64(o.seconds * 1000)) {
        const qint64 before =
            1 + qint64(QRandomGenerator::global()->bounded(quint64(o.historyMessages)));
        const qint64 t0 = nowMicros();
        const QJsonObject page = client.call(
            u"history"_s,
            {{u"conversation_id"_s, conversation}, {u"before_seq"_s, before}, {u"limit"_s, 50}});
        if (!page.value(u"success"_s).toBool())
            qFatal("history failed");
        latency.add(nowMicros() - t0);
        ++pages;
    }
    QJsonObject result{{u"scenario"_s, u"history"_s},
                       {u"backend"_s, o.database.isEmpty() ? u"sqlite"_s : u"postgresql"_s},
                       {u"stored_messages"_s, o.historyMessages},
                       {u"with_changes"_s, o.historyChanges},
                       {u"seed_seconds"_s, seedSeconds},
                       {u"pages"_s, pages}};
    merge(result, latency.toJson(u"page"_s));
    return result;
}

QJsonObject runSync(const BenchOptions &o)
{
    Server banter;
    if (!banter.start(o))
        qFatal("server did not start");
    const QUrl url = banter.process.url();
    Account a = signUp(url, uniqueName(u"sa"_s, 0));
    Account b = signUp(url, uniqueName(u"sb"_s, 0));
    const qint64 conversation =
        conversationId(a.client->call(u"create_private"_s, {{u"user_id"_s, b.id}}));
    b.client->close();
    // The sender fills the gap while the receiver is away, window-limited.
    int acked = 0, sent = 0;
    std::function<void()> sendOne = [&] {
        if (sent >= o.missed)
            return;
        ++sent;
        a.client->request(u"message"_s,
                          {{u"id"_s, Banter::newMessageId().toString(QUuid::WithoutBraces)},
                           {u"conversation_id"_s, conversation},
                           {u"content"_s, u"missed"_s}},
                          [&](const QJsonObject &) {
                              ++acked;
                              sendOne();
                          });
    };
    for (int k = 0; k < 64; ++k)
        sendOne();
    spinUntil([&] { return acked >= o.missed; }, 300'000);

    QElapsedTimer elapsed;
    elapsed.start();
    BenchClient back;
    back.open(url);
    back.call(u"auth"_s, {{u"token"_s, b.token}});
    qint64 received = 0, position = 0;
    int pages = 0;
    for (bool more = true; more;) {
        const QJsonObject reply =
            back.call(u"sync"_s,
                      {{u"positions"_s, QJsonObject{{QString::number(conversation), position}}},
                       {u"limit"_s, 500}});
        const QJsonObject data = reply.value(u"data"_s).toObject();
        const QJsonArray messages = data.value(u"messages"_s).toArray();
        received += messages.size();
        if (!messages.isEmpty())
            position = qint64(messages.last().toObject().value(u"seq"_s).toDouble());
        more = data.value(u"has_more"_s).toBool();
        ++pages;
    }
    const double seconds = double(elapsed.elapsed()) / 1000.0;
    return {{u"scenario"_s, u"sync"_s},
            {u"backend"_s, o.database.isEmpty() ? u"sqlite"_s : u"postgresql"_s},
            {u"missed"_s, o.missed},
            {u"received"_s, received},
            {u"pages"_s, pages},
            {u"caught_up_ms"_s, seconds * 1000.0}};
}
