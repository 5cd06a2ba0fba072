// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The storage layer on a real SQLite file (or the database in BANTER_TEST_DATABASE):
// migrations, group commit with per-job savepoints, gapless seqs, idempotent appends,
// monotonic receipts, unread counts, contacts and sessions.
#include "service/storageexecutor.h"
#include "storage/sqlsession.h"
#include "storage/storagefactory.h"
#include "testdatabase.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Banter;
using namespace Banter::Server;
using namespace Qt::StringLiterals;

namespace {
// Runs one job and waits for its committed result on this thread.
template<typename R, typename Work>
Result<R> runNow(StorageExecutor &storage, QObject *context, Work work)
{
    std::optional<Result<R>> result;
    runInStorage<R>(storage, context, std::move(work),
                    [&result](Result<R> r) { result = std::move(r); });
    QDeadlineTimer deadline(10'000);
    while (!result && !deadline.hasExpired())
        QTest::qWait(1);
    if (!result)
        return makeError(ErrorCode::Unavailable, u"storage did not answer"_s);
    return *result;
}

Participant member(UserId id, ParticipantRole role = ParticipantRole::Member)
{
    return Participant{id, role, {}, {}, 1, 0, 0};
}

Message text(ConversationId c, UserId sender, const QString &content,
             QUuid id = QUuid::createUuid())
{
    Message m;
    m.id = id;
    m.conversationId = c;
    m.senderId = sender;
    m.content = content;
    m.createdAtMs = 1000;
    return m;
}
} // namespace

class TestSqlStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void reopenIsIdempotentAndKeepsData();
    void newerSchemaRefused();
    void halfMigratedRefused();
    void unsupportedUrlRefused();
    void failingJobRollsBackAlone();
    void jobsAreBatched();
    void seqIsGaplessUnderConcurrency();
    void appendIsIdempotent();
    void historyPaging();
    void receiptsAreMonotonic();
    void summariesCountUnread();
    void privatePairIsUnique();
    void contactsAndBlocking();
    void sessionsRotateAndRevoke();
    void usernameConflict();

private:
    QString url() const;
    void makeUsers(int count);

    std::unique_ptr<Banter::Test::TestDatabase> m_database;
    std::unique_ptr<SqlStorageExecutor> m_storage;
    QObject m_context;
    QList<UserId> m_users;
};

QString TestSqlStorage::url() const
{
    return m_database->url();
}

// Runs raw SQL on the test database, as an old binary or a crashed tool would have.
static void tamper(const QString &url, const QString &sql)
{
    const auto spec = connectionSpecFromUrl(url);
    QVERIFY(spec);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(spec->driver, u"fixture"_s);
        db.setDatabaseName(spec->databaseName);
        db.setHostName(spec->host);
        if (spec->port > 0)
            db.setPort(spec->port);
        db.setUserName(spec->user);
        db.setPassword(spec->password);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(sql));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"fixture"_s);
}

void TestSqlStorage::init()
{
    m_storage.reset();
    m_database = std::make_unique<Banter::Test::TestDatabase>();
    QVERIFY2(m_database->isValid(), qPrintable(m_database->error()));
    auto storage = openStorage(url());
    QVERIFY2(storage, storage ? "" : qPrintable(storage.error().message));
    m_storage = std::move(storage).value();
    m_users.clear();
}

void TestSqlStorage::cleanup()
{
    m_storage.reset();
    m_database.reset();
}

void TestSqlStorage::makeUsers(int count)
{
    for (int i = 0; i < count; ++i) {
        const QString name =
            u"user%1x%2"_s.arg(i).arg(QDateTime::currentMSecsSinceEpoch() % 100000);
        auto user = runNow<User>(*m_storage, &m_context, [name](Repositories &r) {
            return r.users.create(name, name.toUpper(), u"hash"_s, 1);
        });
        QVERIFY(user);
        m_users.append(user->id);
    }
}

void TestSqlStorage::reopenIsIdempotentAndKeepsData()
{
    makeUsers(1);
    m_storage.reset();
    auto reopened = openStorage(url());
    QVERIFY(reopened);
    m_storage = std::move(reopened).value();
    auto user =
        runNow<std::optional<User>>(*m_storage, &m_context, [id = m_users[0]](Repositories &r) {
            return r.users.findById(id);
        });
    QVERIFY(user && user->has_value());
}

void TestSqlStorage::newerSchemaRefused()
{
    m_storage.reset();
    tamper(url(),
           u"INSERT INTO schema_version (version, applied_at, complete) VALUES (99, 0, 1)"_s);
    auto refused = openStorage(url());
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(u"newer"_s), qPrintable(refused.error().message));
}

void TestSqlStorage::halfMigratedRefused()
{
    m_storage.reset();
    tamper(url(), u"UPDATE schema_version SET complete = 0 WHERE version = 1"_s);
    auto refused = openStorage(url());
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(u"half-migrated"_s),
             qPrintable(refused.error().message));
}

void TestSqlStorage::unsupportedUrlRefused()
{
    QVERIFY(!connectionSpecFromUrl(u"mysql://x/y"_s));
    QVERIFY(!connectionSpecFromUrl(u"postgresql://hostonly"_s));
    QVERIFY(connectionSpecFromUrl(u"postgresql://banter:pw@127.0.0.1:5433/banter"_s));
}

void TestSqlStorage::failingJobRollsBackAlone()
{
    std::optional<Result<User>> kept;
    std::optional<Result<User>> dropped;
    // Both jobs are queued before either runs, so they share one batch transaction.
    runInStorage<User>(
        *m_storage, &m_context,
        [](Repositories &r) { return r.users.create(u"keeper"_s, {}, u"h"_s, 1); },
        [&](Result<User> u) { kept = u; });
    runInStorage<User>(
        *m_storage, &m_context,
        [](Repositories &r) -> Result<User> {
            Result<User> u = r.users.create(u"ghost"_s, {}, u"h"_s, 1);
            if (!u)
                return u;
            return makeError(ErrorCode::Conflict, u"changed my mind"_s);
        },
        [&](Result<User> u) { dropped = u; });
    QTRY_VERIFY(kept && dropped);
    QVERIFY(*kept);
    QVERIFY(!*dropped);
    auto ghost = runNow<std::optional<User>>(
        *m_storage, &m_context, [](Repositories &r) { return r.users.findByUsername(u"ghost"_s); });
    QVERIFY(ghost && !ghost->has_value());
    auto keeper = runNow<std::optional<User>>(*m_storage, &m_context, [](Repositories &r) {
        return r.users.findByUsername(u"keeper"_s);
    });
    QVERIFY(keeper && keeper->has_value());
}

void TestSqlStorage::jobsAreBatched()
{
    const quint64 before = m_storage->batchCount();
    int done = 0;
    for (int i = 0; i < 200; ++i) {
        runInStorage<Done>(
            *m_storage, &m_context,
            [i](Repositories &r) -> Result<Done> {
                Result<User> u = r.users.create(u"batch%1"_s.arg(i), {}, u"h"_s, 1);
                if (!u)
                    return u.error();
                return Done{};
            },
            [&done](Result<Done> r) { done += r.ok() ? 1 : 0; });
    }
    QTRY_COMPARE(done, 200);
    const quint64 batches = m_storage->batchCount() - before;
    QVERIFY2(batches < 200, qPrintable(u"%1 batches for 200 jobs"_s.arg(batches)));
}

void TestSqlStorage::seqIsGaplessUnderConcurrency()
{
    makeUsers(2);
    auto c = runNow<Conversation>(*m_storage, &m_context, [this](Repositories &r) {
        return r.conversations.create(ConversationType::Group, u"g"_s,
                                      {member(m_users[0]), member(m_users[1])}, 1);
    });
    QVERIFY(c);
    // Submitted from several threads at once.
    QList<Seq> seqs;
    QMutex mutex;
    QList<QThread *> threads;
    for (int t = 0; t < 4; ++t) {
        threads.append(QThread::create([&, t] {
            for (int i = 0; i < 50; ++i) {
                StorageJob job;
                auto seq = std::make_shared<Seq>(0);
                job.work = [&, seq, t, i, id = c->id](Repositories &r) {
                    auto appended =
                        r.messages.append(text(id, m_users[t % 2], u"m%1-%2"_s.arg(t).arg(i)));
                    if (appended)
                        *seq = appended->message.seq;
                    return appended.ok();
                };
                job.finish = [&, seq](bool committed) {
                    if (committed) {
                        QMutexLocker lock(&mutex);
                        seqs.append(*seq);
                    }
                };
                m_storage->submit(std::move(job));
            }
        }));
        threads.last()->start();
    }
    for (QThread *t : threads) {
        t->wait();
        delete t;
    }
    QTRY_COMPARE(seqs.size(), 200);
    std::sort(seqs.begin(), seqs.end());
    for (int i = 0; i < 200; ++i)
        QCOMPARE(seqs.at(i), Seq(i + 1));
}

void TestSqlStorage::appendIsIdempotent()
{
    makeUsers(2);
    auto c = runNow<Conversation>(*m_storage, &m_context, [this](Repositories &r) {
        return r.conversations.create(ConversationType::Private, {},
                                      {member(m_users[0]), member(m_users[1])}, 1);
    });
    const QUuid id = QUuid::createUuid();
    auto first = runNow<AppendedMessage>(*m_storage, &m_context, [&](Repositories &r) {
        return r.messages.append(text(c->id, m_users[0], u"hi"_s, id));
    });
    auto again = runNow<AppendedMessage>(*m_storage, &m_context, [&](Repositories &r) {
        return r.messages.append(text(c->id, m_users[0], u"hi"_s, id));
    });
    QVERIFY(first && again);
    QVERIFY(!first->duplicate);
    QVERIFY(again->duplicate);
    QCOMPARE(again->message.seq, first->message.seq);
    auto clash = runNow<AppendedMessage>(*m_storage, &m_context, [&](Repositories &r) {
        return r.messages.append(text(c->id, m_users[0], u"other"_s, id));
    });
    QCOMPARE(clash.error().code, ErrorCode::Conflict);
    auto next = runNow<AppendedMessage>(*m_storage, &m_context, [&](Repositories &r) {
        return r.messages.append(text(c->id, m_users[1], u"next"_s));
    });
    QCOMPARE(next->message.seq, 2); // the duplicate consumed no seq
}

void TestSqlStorage::historyPaging()
{
    makeUsers(2);
    auto c = runNow<Conversation>(*m_storage, &m_context, [this](Repositories &r) {
        return r.conversations.create(ConversationType::Group, u"g"_s,
                                      {member(m_users[0]), member(m_users[1])}, 1);
    });
    for (int i = 0; i < 10; ++i)
        QVERIFY(runNow<AppendedMessage>(*m_storage, &m_context, [&](Repositories &r) {
            return r.messages.append(text(c->id, m_users[0], u"%1"_s.arg(i)));
        }));
    auto before = runNow<QList<Message>>(
        *m_storage, &m_context, [&](Repositories &r) { return r.messages.before(c->id, 8, 3); });
    QCOMPARE(before->size(), 3);
    QCOMPARE(before->at(0).seq, 5);
    QCOMPARE(before->at(2).seq, 7);
    auto after = runNow<QList<Message>>(
        *m_storage, &m_context, [&](Repositories &r) { return r.messages.after(c->id, 8, 5); });
    QCOMPARE(after->size(), 2);
    QCOMPARE(after->at(0).seq, 9);
}

void TestSqlStorage::receiptsAreMonotonic()
{
    makeUsers(2);
    auto c = runNow<Conversation>(*m_storage, &m_context, [this](Repositories &r) {
        return r.conversations.create(ConversationType::Group, u"g"_s,
                                      {member(m_users[0]), member(m_users[1])}, 1);
    });
    auto raise = [&](Seq seq) {
        return runNow<bool>(*m_storage, &m_context, [&, seq](Repositories &r) {
            return r.conversations.raiseReadSeq(c->id, m_users[1], seq);
        });
    };
    QCOMPARE(*raise(5), true);
    QCOMPARE(*raise(3), false);
    QCOMPARE(*raise(5), false);
    QCOMPARE(*raise(6), true);
    auto found = runNow<std::optional<Conversation>>(
        *m_storage, &m_context, [&](Repositories &r) { return r.conversations.find(c->id); });
    QCOMPARE((*found)->participant(m_users[1])->readSeq, 6);
}

void TestSqlStorage::summariesCountUnread()
{
    makeUsers(2);
    auto c = runNow<Conversation>(*m_storage, &m_context, [this](Repositories &r) {
        return r.conversations.create(ConversationType::Group, u"g"_s,
                                      {member(m_users[0]), member(m_users[1])}, 1);
    });
    for (int i = 0; i < 4; ++i)
        runNow<AppendedMessage>(*m_storage, &m_context, [&](Repositories &r) {
            return r.messages.append(text(c->id, m_users[0], u"x%1"_s.arg(i)));
        });
    runNow<AppendedMessage>(*m_storage, &m_context, [&](Repositories &r) {
        return r.messages.append(text(c->id, m_users[1], u"mine"_s));
    });
    runNow<bool>(*m_storage, &m_context, [&](Repositories &r) {
        return r.conversations.raiseReadSeq(c->id, m_users[1], 1);
    });
    auto list = runNow<QList<ConversationSummary>>(*m_storage, &m_context, [&](Repositories &r) {
        return r.conversations.listForUser(m_users[1]);
    });
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().unreadCount, 3); // 2..4 from the other member; own message not counted
    QCOMPARE(list->first().lastMessage->content, u"mine"_s);
    QCOMPARE(list->first().conversation.participants.size(), 2);
}

void TestSqlStorage::privatePairIsUnique()
{
    makeUsers(2);
    auto first = runNow<Conversation>(*m_storage, &m_context, [this](Repositories &r) {
        return r.conversations.create(ConversationType::Private, {},
                                      {member(m_users[0]), member(m_users[1])}, 1);
    });
    QVERIFY(first);
    auto second = runNow<Conversation>(*m_storage, &m_context, [this](Repositories &r) {
        return r.conversations.create(ConversationType::Private, {},
                                      {member(m_users[1]), member(m_users[0])}, 1);
    });
    QCOMPARE(second.error().code, ErrorCode::Conflict);
    auto found =
        runNow<std::optional<ConversationId>>(*m_storage, &m_context, [this](Repositories &r) {
            return r.conversations.findPrivate(m_users[1], m_users[0]);
        });
    QCOMPARE(**found, first->id);
}

void TestSqlStorage::contactsAndBlocking()
{
    makeUsers(3);
    const UserId a = m_users[0], b = m_users[1], c = m_users[2];
    QVERIFY(runNow<Done>(*m_storage, &m_context,
                         [&](Repositories &r) { return r.contacts.add(a, b, 1); }));
    QVERIFY(runNow<Done>(*m_storage, &m_context,
                         [&](Repositories &r) { return r.contacts.add(a, b, 1); })); // idempotent
    QVERIFY(runNow<Done>(*m_storage, &m_context,
                         [&](Repositories &r) { return r.contacts.setBlocked(c, b, true, 1); }));
    auto watchers = runNow<QList<UserId>>(
        *m_storage, &m_context, [&](Repositories &r) { return r.contacts.watchersOf(b); });
    QCOMPARE(*watchers, QList<UserId>{a}); // c blocked b, so c does not watch
    QVERIFY(runNow<Done>(*m_storage, &m_context,
                         [&](Repositories &r) { return r.contacts.setBlocked(b, a, true, 1); }));
    watchers = runNow<QList<UserId>>(*m_storage, &m_context,
                                     [&](Repositories &r) { return r.contacts.watchersOf(b); });
    QVERIFY(watchers->isEmpty()); // b blocked a: a no longer sees b's presence
    QVERIFY(runNow<Done>(*m_storage, &m_context,
                         [&](Repositories &r) { return r.contacts.setBlocked(b, a, false, 1); }));
    QCOMPARE(*runNow<bool>(*m_storage, &m_context,
                           [&](Repositories &r) { return r.contacts.isBlocked(c, b); }),
             true);
    QCOMPARE(*runNow<bool>(*m_storage, &m_context,
                           [&](Repositories &r) { return r.contacts.isBlocked(a, b); }),
             false);
    auto list = runNow<QList<ContactEntry>>(*m_storage, &m_context,
                                            [&](Repositories &r) { return r.contacts.list(a); });
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().user.id, b);
    QVERIFY(runNow<Done>(*m_storage, &m_context,
                         [&](Repositories &r) { return r.contacts.remove(a, b); }));
    QVERIFY(runNow<QList<ContactEntry>>(*m_storage, &m_context, [&](Repositories &r) {
                return r.contacts.list(a);
            })->isEmpty());
}

void TestSqlStorage::sessionsRotateAndRevoke()
{
    makeUsers(1);
    const UserId u = m_users[0];
    auto id = runNow<SessionId>(*m_storage, &m_context, [&](Repositories &r) {
        return r.sessions.create(u, u"laptop"_s, "h1"_ba, 1, 100);
    });
    QVERIFY(id);
    QVERIFY(runNow<Done>(*m_storage, &m_context,
                         [&](Repositories &r) { return r.sessions.rotate(*id, "h2"_ba, 2, 200); }));
    auto byOld = runNow<std::optional<StoredSession>>(*m_storage, &m_context, [&](Repositories &r) {
        return r.sessions.findByRefreshHash("h1"_ba);
    });
    QVERIFY(byOld && byOld->has_value());
    QCOMPARE((*byOld)->refreshHash, "h2"_ba);
    QCOMPARE((*byOld)->previousRefreshHash, "h1"_ba);
    auto other = runNow<SessionId>(*m_storage, &m_context, [&](Repositories &r) {
        return r.sessions.create(u, u"phone"_s, "p1"_ba, 1, 100);
    });
    auto revoked = runNow<QList<SessionId>>(*m_storage, &m_context, [&](Repositories &r) {
        return r.sessions.revokeAllForUser(u, *id);
    });
    QCOMPARE(*revoked, QList<SessionId>{*other});
    auto live = runNow<QList<StoredSession>>(
        *m_storage, &m_context, [&](Repositories &r) { return r.sessions.listForUser(u); });
    QCOMPARE(live->size(), 1);
}

void TestSqlStorage::usernameConflict()
{
    QVERIFY(runNow<User>(*m_storage, &m_context, [](Repositories &r) {
        return r.users.create(u"taken"_s, {}, u"h"_s, 1);
    }));
    auto again = runNow<User>(*m_storage, &m_context, [](Repositories &r) {
        return r.users.create(u"taken"_s, {}, u"h"_s, 1);
    });
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    auto found = runNow<QList<User>>(*m_storage, &m_context,
                                     [](Repositories &r) { return r.users.search(u"TAK"_s, 5); });
    QCOMPARE(found->size(), 1);
    auto none = runNow<QList<User>>(*m_storage, &m_context,
                                    [](Repositories &r) { return r.users.search(u"%"_s, 5); });
    QVERIFY(none->isEmpty()); // LIKE wildcards in the query are literal
}

QTEST_GUILESS_MAIN(TestSqlStorage)
#include "tst_sqlstorage.moc"
