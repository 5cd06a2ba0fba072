// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The search scenario: search latency over a million stored messages (docs/PERFORMANCE.md).
// The rows are written straight into the database (the protocol would take an hour), with
// the search index built once in bulk the way migration 003 backfills it; then a banterd on
// that database answers a mix of searches from a member of a tenth of the conversations.
#include "benchclient.h"
#include "latencies.h"
#include "scenarios.h"
#include "seeddatabase.h"
#include <banter/domain/messageid.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <map>

using namespace Qt::StringLiterals;

namespace {
constexpr int Conversations = 100;
constexpr int MineEvery = 10; // the searching user is in every tenth conversation
constexpr qint64 Deadline = 15 * 60 * 1000; // seeding and indexing, at most

// What the searches look for, and how often each kind is in the data.
struct Kind
{
    QString name;
    QStringList queries;
};

QList<Kind> kinds()
{
    return {
        {u"rare"_s, {u"needle7"_s, u"needle3"_s}}, // each in 1 of 10,000 messages
        {u"common"_s, {u"karito"_s, u"sennemu"_s}}, // frequent words of the vocabulary
        {u"chinese4"_s, {u"天气很好"_s, u"明天见面"_s}},
        {u"chinese2"_s, {u"你好"_s, u"世界"_s}}, // two characters: the unindexed path
        {u"none"_s, {u"zzqxjv"_s}},
    };
}

// Deterministic text: words of two or three syllables, a quarter of messages in Chinese.
class Writer
{
public:
    QString message(qint64 i)
    {
        static const QStringList syllables{u"ka"_s, u"ri"_s,  u"to"_s, u"mu"_s,  u"sen"_s,
                                           u"ne"_s, u"lo"_s,  u"pa"_s, u"vi"_s,  u"dor"_s,
                                           u"me"_s, u"shu"_s, u"an"_s, u"tel"_s, u"bo"_s};
        static const QStringList chinese{u"你好"_s, u"世界"_s, u"天气很好"_s, u"明天见面"_s,
                                         u"我们"_s, u"今天"_s, u"工作"_s,     u"会议"_s,
                                         u"时间"_s, u"问题"_s, u"谢谢"_s,     u"朋友"_s};
        QString text;
        const bool inChinese = m_random.bounded(4) == 0;
        const int words = 4 + int(m_random.bounded(12));
        for (int w = 0; w < words; ++w) {
            if (inChinese) {
                // Zipf-like: the first entries are the most frequent.
                text += chinese.at(int(m_random.bounded(1 + m_random.bounded(chinese.size()))));
                continue;
            }
            if (!text.isEmpty())
                text += u' ';
            const int parts = 2 + int(m_random.bounded(2));
            for (int p = 0; p < parts; ++p)
                text += syllables.at(int(m_random.bounded(1 + m_random.bounded(syllables.size()))));
        }
        // About 1 in 10,000 each, spread over the conversations (prime strides).
        if (i % 9973 == 0)
            text += u" needle7"_s;
        if (i % 10'007 == 3)
            text += u" needle3"_s;
        return text;
    }

private:
    QRandomGenerator m_random{20261207};
};

QSqlDatabase openDatabase(const QString &url, const QString &sqlitePath)
{
    QSqlDatabase db = Banter::Bench::openSeedDatabase(url, sqlitePath);
    if (!db.isOpen())
        qFatal("cannot open the database to seed it: %s", qPrintable(db.lastError().text()));
    return db;
}

void exec(QSqlQuery &q, const QString &sql)
{
    if (!q.exec(sql))
        qFatal("seeding: %s: %s", qPrintable(sql.left(80)), qPrintable(q.lastError().text()));
}

QString scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    exec(q, sql);
    return q.next() ? q.value(0).toString() : QString();
}

struct SeedTimes
{
    double rowsSeconds = 0;
    double indexSeconds = 0;
};

// Rows in one transaction without the index, then the index in one pass (as the migration
// builds it for an existing database), then the index's upkeep put back as it was.
SeedTimes seed(const QString &url, const QString &sqlitePath, const QList<qint64> &conversations,
               qint64 sender, qint64 count)
{
    QSqlDatabase db = openDatabase(url, sqlitePath);
    const bool sqlite = url.isEmpty();
    QSqlQuery q(db);
    QElapsedTimer timer;
    timer.start();
    const QString upkeep = sqlite
        ? scalar(db, u"SELECT sql FROM sqlite_master WHERE name = 'messages_search_insert'"_s)
        : scalar(db,
                 u"SELECT indexdef FROM pg_indexes WHERE indexname = "
                 "'messages_content_trgm'"_s);
    if (upkeep.isEmpty())
        qFatal("seeding: this banterd has no search index");
    exec(q,
         sqlite ? u"DROP TRIGGER messages_search_insert"_s : u"DROP INDEX messages_content_trgm"_s);
    if (sqlite)
        exec(q, u"PRAGMA synchronous = OFF"_s);
    db.transaction();
    Writer writer;
    QList<qint64> seqs(conversations.size(), 0); // after what creating the group stored
    for (int c = 0; c < conversations.size(); ++c)
        seqs[c] =
            scalar(db,
                   u"SELECT last_seq FROM conversations WHERE id = %1"_s.arg(conversations.at(c)))
                .toLongLong();
    const int batch = sqlite ? 1 : 500; // PostgreSQL: many rows a statement, fewer round trips
    QString sql = u"INSERT INTO messages (id, conversation_id, seq, sender_id, type, content, "
                  "created_at) VALUES "_s;
    for (int r = 0; r < batch; ++r)
        sql += (r ? u", "_s : QString()) + u"(?, ?, ?, ?, 'text', ?, ?)"_s;
    QSqlQuery insert(db);
    insert.prepare(sql);
    // After the groups were made: a member sees what was sent since joining.
    const qint64 start = QDateTime::currentMSecsSinceEpoch() + 1000;
    for (qint64 i = 0; i < count; i += batch) {
        for (int r = 0; r < batch; ++r) {
            const qint64 n = qMin(i + r, count - 1); // a short last batch repeats nothing new
            const int c = int(n % conversations.size());
            const qint64 seq = (i + r < count) ? ++seqs[c] : 0;
            insert.addBindValue(Banter::newMessageId().toString(QUuid::WithoutBraces));
            insert.addBindValue(conversations.at(c));
            insert.addBindValue(seq > 0 ? seq : -(i + r)); // filler rows deleted below
            insert.addBindValue(sender);
            insert.addBindValue(writer.message(n));
            insert.addBindValue(start + n * 10);
        }
        if (!insert.exec())
            qFatal("seeding failed: %s", qPrintable(insert.lastError().text()));
        if (timer.elapsed() > Deadline)
            qFatal("seeding took longer than %lld s", Deadline / 1000);
    }
    exec(q, u"DELETE FROM messages WHERE seq <= 0"_s);
    for (int c = 0; c < conversations.size(); ++c)
        exec(q,
             u"UPDATE conversations SET last_seq = %1, last_activity = %2 WHERE id = %3"_s
                 .arg(seqs.at(c))
                 .arg(start + count * 10)
                 .arg(conversations.at(c)));
    db.commit();
    SeedTimes times;
    times.rowsSeconds = double(timer.restart()) / 1000.0;
    if (sqlite) {
        exec(q, u"INSERT INTO messages_search(messages_search) VALUES ('rebuild')"_s);
        exec(q, upkeep);
    } else {
        exec(q, upkeep);
        exec(q, u"ANALYZE messages"_s);
    }
    times.indexSeconds = double(timer.elapsed()) / 1000.0;
    q = QSqlQuery();
    insert = QSqlQuery();
    db.close();
    return times;
}

struct Banterd
{
    QTemporaryDir dir;
    ServerProcess process;

    bool start(const BenchOptions &o)
    {
        const QString config = dir.filePath(u"bench.conf"_s);
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        // The search limit is lifted: the scenario measures latency, one request at a time.
        file.write("[auth]\npassword_memory_kib=8\npassword_iterations=1\n"
                   "[limits]\nmessages_per_second=1000000\nmessage_burst=1000000\n"
                   "requests_per_second=1000000\nrequest_burst=1000000\n"
                   "search_per_second=1000000\nsearch_burst=1000000\n");
        file.close();
        QStringList args{u"--port"_s,   u"0"_s, u"--data-dir"_s, dir.path(),
                         u"--config"_s, config, u"--tls"_s,      u"off"_s};
        if (!o.database.isEmpty())
            args << u"--database"_s << o.database;
        return process.start(o.banterd, args);
    }
};

struct Person
{
    qint64 id = 0;
    QString token;
};

Person signUp(BenchClient &client, const QString &name)
{
    const QJsonObject reply = client.call(
        u"register"_s,
        {{u"username"_s, name}, {u"password"_s, u"bench password"_s}, {u"device"_s, u"bench"_s}});
    if (!reply.value(u"success"_s).toBool())
        qFatal("register failed: %s", QJsonDocument(reply).toJson().constData());
    const QJsonObject data = reply.value(u"data"_s).toObject();
    return {qint64(data.value(u"user"_s).toObject().value(u"id"_s).toDouble()),
            data.value(u"access_token"_s).toString()};
}
} // namespace

QJsonObject runSearch(const BenchOptions &o)
{
    Banterd banter;
    if (!banter.start(o))
        qFatal("server did not start");
    QList<qint64> conversations;
    Person me, other;
    {
        BenchClient a, b;
        if (!a.open(banter.process.url()) || !b.open(banter.process.url()))
            qFatal("cannot connect");
        const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(6);
        me = signUp(a, u"me"_s + tag);
        other = signUp(b, u"other"_s + tag);
        for (int c = 0; c < Conversations; ++c) {
            QJsonArray members;
            if (c % MineEvery == 0)
                members.append(me.id);
            const QJsonObject reply = b.call(
                u"create_group"_s, {{u"name"_s, u"g%1"_s.arg(c)}, {u"member_ids"_s, members}});
            conversations.append(qint64(reply.value(u"data"_s)
                                            .toObject()
                                            .value(u"conversation"_s)
                                            .toObject()
                                            .value(u"id"_s)
                                            .toDouble()));
            if (conversations.last() <= 0)
                qFatal("create_group failed");
        }
    }
    banter.process.stop();
    const SeedTimes seeded = seed(o.database, banter.dir.filePath(u"banter.db"_s), conversations,
                                  other.id, o.searchMessages);
    if (!banter.start(o))
        qFatal("server did not restart");
    BenchClient client;
    client.open(banter.process.url());
    client.call(u"auth"_s, {{u"token"_s, me.token}});

    const QList<Kind> all = kinds();
    Latencies overall;
    std::map<QString, Latencies> byKind;
    std::map<QString, qint64> hitsByKind;
    int searches = 0;
    QElapsedTimer elapsed;
    elapsed.start();
    QElapsedTimer one;
    while (searches < 5000 && elapsed.elapsed() < qint64(o.seconds * 1000)) {
        const Kind &kind = all.at(searches % all.size());
        const QString query = kind.queries.at((searches / all.size()) % kind.queries.size());
        one.start();
        const QJsonObject reply = client.call(u"search"_s, {{u"query"_s, query}, {u"limit"_s, 20}});
        const qint64 micros = one.nsecsElapsed() / 1000;
        if (!reply.value(u"success"_s).toBool())
            qFatal("search failed: %s", QJsonDocument(reply).toJson().constData());
        overall.add(micros);
        byKind[kind.name].add(micros);
        hitsByKind[kind.name] +=
            reply.value(u"data"_s).toObject().value(u"hits"_s).toArray().size();
        ++searches;
    }
    QJsonObject result{{u"scenario"_s, u"search"_s},
                       {u"backend"_s, o.database.isEmpty() ? u"sqlite"_s : u"postgresql"_s},
                       {u"stored_messages"_s, o.searchMessages},
                       {u"seed_rows_seconds"_s, seeded.rowsSeconds},
                       {u"seed_index_seconds"_s, seeded.indexSeconds},
                       {u"searches"_s, searches}};
    const QJsonObject total = overall.toJson(u"search"_s);
    for (auto it = total.begin(); it != total.end(); ++it)
        result.insert(it.key(), it.value());
    for (auto &[name, latency] : byKind) {
        const QJsonObject part = latency.toJson(name);
        for (auto it = part.begin(); it != part.end(); ++it)
            result.insert(it.key(), it.value());
        result.insert(name + u"_hits_per_page"_s,
                      double(hitsByKind[name]) / double(std::max<size_t>(1, latency.count())));
    }
    return result;
}
