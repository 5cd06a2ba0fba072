// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The storage thread: group commit (jobs queued together share one transaction), a failing
// or throwing job rolls back alone, finish only after commit, results on the caller's
// thread, a clean stop that drains the queue, and gapless seqs with many submitting threads.
#include "storage/sqlconnection.h"
#include "storage/storagefactory.h"
#include "storagetest.h"
#include "testdatabase.h"

#include <QMutex>
#include <QTest>
#include <QThread>

#include <atomic>
#include <stdexcept>

using namespace Banter;
using namespace Banter::Server;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
// What a job's finish was told: written on the storage thread, read on the test thread.
struct Finished
{
    std::atomic<int> state = -1; // -1: not yet; 0: not committed; 1: committed
    bool done() const { return state.load() >= 0; }
    bool committed() const { return state.load() == 1; }
};
using FinishedPtr = std::shared_ptr<Finished>;

// A job that creates a user; `finished`, if given, receives what finish was told.
StorageJob createUser(const QString &name, FinishedPtr finished = {})
{
    StorageJob job;
    job.work = [name](Repositories &r) { return r.users.create(name, {}, u"h"_s, 1).ok(); };
    job.finish = [finished](bool committed) {
        if (finished)
            finished->state = committed ? 1 : 0;
    };
    return job;
}
} // namespace

class TestStorageExecutor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void jobsQueuedTogetherShareABatch();
    void batchesAreBounded();
    void failingJobRollsBackAlone();
    void ignoredStatementFailureIsReportedTruthfully();
    void rerunBatchWritesEachJobOnce();
    void cachesForgetRolledBackWrites();
    void finishRunsAfterCommit();
    void resultsArriveOnTheCallerThread();
    void stopDrainsTheQueueAndDataSurvives();
    void submitAfterStopFailsTheJob();
    void concurrentSubmittersKeepSeqsGapless();
    void badDatabasesAreRefused();
    void sqliteStorageCreatesItsDirectory();

private:
    bool userExists(const QString &name);

    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<SqlStorageExecutor> m_storage;
    QObject m_context;
};

void TestStorageExecutor::init()
{
    m_database = std::make_unique<TestDatabase>();
    QVERIFY2(m_database->isValid(), qPrintable(m_database->error()));
    auto storage = openStorage(m_database->url());
    QVERIFY2(storage, storage ? "" : qPrintable(storage.error().message));
    m_storage = std::move(storage).value();
}

void TestStorageExecutor::cleanup()
{
    m_storage.reset();
    m_database.reset();
}

bool TestStorageExecutor::userExists(const QString &name)
{
    auto found = runNow<std::optional<User>>(
        *m_storage, &m_context, [name](Repositories &r) { return r.users.findByUsername(name); });
    return found && found->has_value();
}

void TestStorageExecutor::jobsQueuedTogetherShareABatch()
{
    const quint64 batches = m_storage->batchCount();
    const quint64 jobs = m_storage->jobCount();
    std::vector<FinishedPtr> finished;
    {
        StorageGate gate(*m_storage);
        for (int i = 0; i < 300; ++i) {
            finished.push_back(std::make_shared<Finished>());
            m_storage->submit(createUser(u"batch%1"_s.arg(i), finished.back()));
        }
    }
    QTRY_VERIFY(finished.back()->done());
    // One batch for the gate, one for all 300 queued behind it.
    QCOMPARE(m_storage->batchCount() - batches, 2u);
    QCOMPARE(m_storage->jobCount() - jobs, 301u);
    QCOMPARE(m_storage->failedBatchCount(), 0u);
    for (const FinishedPtr &f : finished)
        QVERIFY(f->committed());
    QVERIFY(userExists(u"batch0"_s) && userExists(u"batch299"_s));
}

void TestStorageExecutor::batchesAreBounded()
{
    const quint64 batches = m_storage->batchCount();
    const int count = SqlStorageExecutor::MaxJobsPerBatch + 10;
    auto last = std::make_shared<Finished>();
    {
        StorageGate gate(*m_storage);
        for (int i = 0; i < count; ++i)
            m_storage->submit(createUser(u"b%1"_s.arg(i), i + 1 == count ? last : nullptr));
    }
    QTRY_VERIFY(last->done());
    QCOMPARE(m_storage->batchCount() - batches, 3u);
}

void TestStorageExecutor::failingJobRollsBackAlone()
{
    const quint64 batches = m_storage->batchCount();
    auto keeper = std::make_shared<Finished>();
    auto thrower = std::make_shared<Finished>();
    auto after = std::make_shared<Finished>();
    std::optional<Result<User>> dropped;
    {
        StorageGate gate(*m_storage);
        m_storage->submit(createUser(u"keeper"_s, keeper));
        runInStorage<User>(
            *m_storage, &m_context,
            [](Repositories &r) -> Result<User> {
                Result<User> u = r.users.create(u"ghost"_s, {}, u"h"_s, 1);
                if (!u)
                    return u;
                return makeError(ErrorCode::Conflict, u"changed my mind"_s);
            },
            [&](Result<User> u) { dropped = u; });
        StorageJob throwing = createUser(u"thrower"_s, thrower);
        throwing.work = [](Repositories &r) -> bool {
            r.users.create(u"thrower"_s, {}, u"h"_s, 1);
            throw std::runtime_error("boom");
        };
        m_storage->submit(std::move(throwing));
        m_storage->submit(createUser(u"after"_s, after));
    }
    QTRY_VERIFY(dropped.has_value() && after->done());
    QCOMPARE(m_storage->batchCount() - batches, 2u); // all four shared one transaction
    QCOMPARE(m_storage->failedBatchCount(), 0u);
    QCOMPARE(dropped->error().code, ErrorCode::Conflict); // its own error, not "unavailable"
    QVERIFY(keeper->committed());
    QVERIFY(after->committed());
    QVERIFY(thrower->done()); // the thread survived and still reported
    QVERIFY(userExists(u"keeper"_s));
    QVERIFY(userExists(u"after"_s));
    QVERIFY(!userExists(u"ghost"_s));
    QVERIFY(!userExists(u"thrower"_s));
}

// A job that ignores a failed statement and reports success: on PostgreSQL the statement
// aborts the transaction and the job's savepoint cannot be released; on SQLite only the
// statement is undone. Either way the other jobs commit, and what finish says is the truth.
void TestStorageExecutor::ignoredStatementFailureIsReportedTruthfully()
{
    auto user = runNow<User>(*m_storage, &m_context, [](Repositories &r) {
        return r.users.create(u"owner"_s, {}, u"h"_s, 1);
    });
    QVERIFY(user);
    auto before = std::make_shared<Finished>();
    auto careless = std::make_shared<Finished>();
    auto after = std::make_shared<Finished>();
    {
        StorageGate gate(*m_storage);
        m_storage->submit(createUser(u"before"_s, before));
        StorageJob job;
        job.work = [owner = user->id](Repositories &r) {
            r.users.create(u"careless"_s, {}, u"h"_s, 1);
            r.contacts.add(owner, 999'999, 1); // no such user: a foreign key violation
            return true;
        };
        job.finish = [careless](bool committed) { careless->state = committed ? 1 : 0; };
        m_storage->submit(std::move(job));
        m_storage->submit(createUser(u"after"_s, after));
    }
    QTRY_VERIFY(after->done());
    QVERIFY(before->committed());
    QVERIFY(after->committed());
    QVERIFY(userExists(u"before"_s));
    QVERIFY(userExists(u"after"_s));
    QVERIFY(careless->done());
    QCOMPARE(careless->committed(), userExists(u"careless"_s));
}

// A failing job makes its batch run again (with savepoints); the jobs that succeeded the
// first time must then be stored once, not twice, and their results be those of the run
// that committed.
void TestStorageExecutor::rerunBatchWritesEachJobOnce()
{
    auto users = runNow<QList<User>>(*m_storage, &m_context, [](Repositories &r) {
        Result<User> a = r.users.create(u"ra"_s, {}, u"h"_s, 1);
        Result<User> b = r.users.create(u"rb"_s, {}, u"h"_s, 1);
        if (!a || !b)
            return Result<QList<User>>(makeError(ErrorCode::Internal, u"setup"_s));
        return Result<QList<User>>(QList<User>{*a, *b});
    });
    QVERIFY(users);
    auto conversation = runNow<Conversation>(*m_storage, &m_context, [&](Repositories &r) {
        return r.conversations.create(ConversationType::Group, u"g"_s,
                                      {member(users->at(0).id), member(users->at(1).id)}, 1);
    });
    QVERIFY(conversation);
    std::vector<std::optional<Result<AppendedMessage>>> sent(3);
    std::optional<Result<Done>> failed;
    {
        StorageGate gate(*m_storage);
        for (int i = 0; i < 3; ++i) {
            if (i == 1) {
                runInStorage<Done>(
                    *m_storage, &m_context,
                    [](Repositories &) -> Result<Done> {
                        return makeError(ErrorCode::BadRequest, u"no"_s);
                    },
                    [&](Result<Done> r) { failed = r; });
            }
            runInStorage<AppendedMessage>(
                *m_storage, &m_context,
                [c = conversation->id, s = users->at(0).id, i](Repositories &r) {
                    return r.messages.append(textMessage(c, s, u"m%1"_s.arg(i)));
                },
                [&sent, i](Result<AppendedMessage> r) { sent[size_t(i)] = r; });
        }
    }
    QTRY_VERIFY(failed.has_value() && sent[2].has_value());
    QCOMPARE(failed->error().code, ErrorCode::BadRequest);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(*sent[size_t(i)]);
        QCOMPARE(sent[size_t(i)]->value().message.seq, Seq(i + 1));
        QVERIFY(!sent[size_t(i)]->value().duplicate);
    }
    auto stored =
        runNow<QList<Message>>(*m_storage, &m_context, [c = conversation->id](Repositories &r) {
            return r.messages.after(c, 0, 100);
        });
    QVERIFY(stored);
    QCOMPARE(stored->size(), 3);
    QCOMPARE(stored->last().seq, Seq(3));
}

// Storage keeps members and blocks in memory (every send reads them). A job that changes them
// and is then rolled back must not leave its changes behind in those caches.
void TestStorageExecutor::cachesForgetRolledBackWrites()
{
    auto users = runNow<QList<User>>(*m_storage, &m_context, [](Repositories &r) {
        QList<User> created;
        for (const QString &name : {u"ca"_s, u"cb"_s, u"cc"_s}) {
            Result<User> u = r.users.create(name, {}, u"h"_s, 1);
            if (!u)
                return Result<QList<User>>(u.error());
            created.append(*u);
        }
        return Result<QList<User>>(created);
    });
    QVERIFY(users);
    const UserId a = users->at(0).id, b = users->at(1).id, c = users->at(2).id;
    auto conversation = runNow<Conversation>(*m_storage, &m_context, [&](Repositories &r) {
        return r.conversations.create(ConversationType::Group, u"g"_s, {member(a), member(b)}, 1);
    });
    QVERIFY(conversation);
    const ConversationId id = conversation->id;
    // Warm the caches, then change both and read them back inside a job that fails.
    auto warm = runNow<bool>(*m_storage, &m_context, [id, a, b](Repositories &r) -> Result<bool> {
        Result<std::optional<ConversationMembers>> m = r.conversations.members(id);
        Result<bool> blocked = r.contacts.isBlocked(a, b);
        if (!m || !blocked)
            return makeError(ErrorCode::Internal, u"warm-up failed"_s);
        return *blocked;
    });
    QVERIFY(warm);
    QVERIFY(!*warm);
    std::optional<Result<Done>> rolledBack;
    runInStorage<Done>(
        *m_storage, &m_context,
        [id, a, b, c](Repositories &r) -> Result<Done> {
            if (!r.conversations.addParticipants(id, {member(c)})
                || !r.contacts.setBlocked(a, b, true, 1))
                return makeError(ErrorCode::Internal, u"setup failed"_s);
            Result<std::optional<ConversationMembers>> m = r.conversations.members(id);
            Result<bool> blocked = r.contacts.isBlocked(a, b);
            if (!m || !m->has_value() || !(*m)->members.contains(c) || !blocked || !*blocked)
                return makeError(ErrorCode::Internal, u"the job did not see its own writes"_s);
            return makeError(ErrorCode::Conflict, u"and now roll it all back"_s);
        },
        [&](Result<Done> r) { rolledBack = r; });
    QTRY_VERIFY(rolledBack.has_value());
    QCOMPARE(rolledBack->error().code, ErrorCode::Conflict);
    auto after = runNow<std::optional<ConversationMembers>>(
        *m_storage, &m_context, [id](Repositories &r) { return r.conversations.members(id); });
    QVERIFY(after && after->has_value());
    QVERIFY(!(*after)->members.contains(c));
    QCOMPARE((*after)->members.size(), 2);
    auto blocked = runNow<bool>(*m_storage, &m_context,
                                [a, b](Repositories &r) { return r.contacts.isBlocked(a, b); });
    QVERIFY(blocked);
    QVERIFY(!*blocked);
    // And a committed change is seen at once.
    QVERIFY(runNow<Done>(*m_storage, &m_context, [a, b](Repositories &r) -> Result<Done> {
        if (Status s = r.contacts.setBlocked(a, b, true, 1); !s)
            return s.error();
        return Done{};
    }));
    blocked = runNow<bool>(*m_storage, &m_context,
                           [a, b](Repositories &r) { return r.contacts.isBlocked(a, b); });
    QVERIFY(blocked && *blocked);
}

// Acknowledged means durable: when finish runs, another connection already sees the data.
void TestStorageExecutor::finishRunsAfterCommit()
{
    const QString url = m_database->url();
    std::optional<QVariant> seenByOthers;
    std::optional<bool> committed;
    QMutex mutex;
    StorageJob job;
    job.work = [](Repositories &r) { return r.users.create(u"durable"_s, {}, u"h"_s, 1).ok(); };
    job.finish = [&, url](bool ok) {
        RawConnection other(url); // on the storage thread, a connection of its own
        const QVariant count =
            other.scalar(u"SELECT COUNT(*) FROM users WHERE username = 'durable'"_s);
        QMutexLocker lock(&mutex);
        committed = ok;
        seenByOthers = count;
    };
    m_storage->submit(std::move(job));
    QTRY_VERIFY([&] {
        QMutexLocker lock(&mutex);
        return seenByOthers.has_value();
    }());
    QMutexLocker lock(&mutex);
    QCOMPARE(*committed, true);
    QCOMPARE(seenByOthers->toInt(), 1);
}

void TestStorageExecutor::resultsArriveOnTheCallerThread()
{
    QThread *workThread = nullptr;
    QThread *doneThread = nullptr;
    runInStorage<Done>(
        *m_storage, &m_context,
        [&workThread](Repositories &) -> Result<Done> {
            workThread = QThread::currentThread();
            return Done{};
        },
        [&doneThread](Result<Done>) { doneThread = QThread::currentThread(); });
    QTRY_VERIFY(doneThread != nullptr);
    QCOMPARE(doneThread, QThread::currentThread());
    QVERIFY(workThread != nullptr);
    QVERIFY(workThread != QThread::currentThread());
}

void TestStorageExecutor::stopDrainsTheQueueAndDataSurvives()
{
    std::vector<FinishedPtr> finished;
    for (int i = 0; i < 200; ++i) {
        finished.push_back(std::make_shared<Finished>());
        m_storage->submit(createUser(u"queued%1"_s.arg(i), finished.back()));
    }
    m_storage->stop(); // returns once every queued job has finished
    for (const FinishedPtr &f : finished)
        QVERIFY(f->committed());
    m_storage->stop(); // idempotent
    m_storage.reset();

    auto reopened = openStorage(m_database->url());
    QVERIFY2(reopened, reopened ? "" : qPrintable(reopened.error().message));
    m_storage = std::move(reopened).value();
    QVERIFY(userExists(u"queued0"_s));
    QVERIFY(userExists(u"queued199"_s));
}

void TestStorageExecutor::submitAfterStopFailsTheJob()
{
    m_storage->stop();
    bool ran = false;
    std::optional<bool> committed;
    StorageJob job;
    job.work = [&ran](Repositories &) { return ran = true; };
    job.finish = [&committed](bool ok) { committed = ok; };
    m_storage->submit(std::move(job));
    QCOMPARE(committed, std::optional<bool>(false));
    QVERIFY(!ran);
}

void TestStorageExecutor::concurrentSubmittersKeepSeqsGapless()
{
    constexpr int Threads = 4;
    constexpr int PerThread = 50;
    auto users = runNow<QList<UserId>>(*m_storage, &m_context, [](Repositories &r) {
        QList<UserId> ids;
        for (const QString &name : {u"t0"_s, u"t1"_s}) {
            Result<User> u = r.users.create(name, {}, u"h"_s, 1);
            if (!u)
                return Result<QList<UserId>>(u.error());
            ids.append(u->id);
        }
        return Result<QList<UserId>>(ids);
    });
    QVERIFY(users);
    auto c = runNow<Conversation>(*m_storage, &m_context, [&](Repositories &r) {
        return r.conversations.create(ConversationType::Group, u"g"_s,
                                      {member(users->at(0)), member(users->at(1))}, 1);
    });
    QVERIFY(c);
    QMutex mutex;
    QList<QList<Seq>> perThread(Threads);
    QList<QThread *> threads;
    for (int t = 0; t < Threads; ++t) {
        threads.append(QThread::create([&, t] {
            for (int i = 0; i < PerThread; ++i) {
                auto seq = std::make_shared<Seq>(0);
                StorageJob job;
                job.work = [seq, sender = users->at(t % 2), id = c->id, t, i](Repositories &r) {
                    auto appended =
                        r.messages.append(textMessage(id, sender, u"%1-%2"_s.arg(t).arg(i)));
                    if (appended)
                        *seq = appended->message.seq;
                    return appended.ok();
                };
                job.finish = [&, seq, t](bool committed) {
                    QMutexLocker lock(&mutex);
                    perThread[t].append(committed ? *seq : -1);
                };
                m_storage->submit(std::move(job));
            }
        }));
        threads.last()->start();
    }
    for (QThread *thread : threads) {
        thread->wait();
        delete thread;
    }
    const auto finished = [&] {
        QMutexLocker lock(&mutex);
        qsizetype n = 0;
        for (const QList<Seq> &seqs : perThread)
            n += seqs.size();
        return n;
    };
    QTRY_COMPARE(finished(), Threads * PerThread);
    QList<Seq> all;
    for (const QList<Seq> &seqs : perThread) {
        // Each submitter's jobs run in the order it submitted them.
        QVERIFY(std::is_sorted(seqs.begin(), seqs.end()));
        all += seqs;
    }
    std::sort(all.begin(), all.end());
    for (int i = 0; i < all.size(); ++i)
        QCOMPARE(all.at(i), Seq(i + 1));
    auto stored = runNow<QList<Message>>(
        *m_storage, &m_context, [&](Repositories &r) { return r.messages.after(c->id, 0, 1000); });
    QCOMPARE(stored->size(), Threads * PerThread);
    QCOMPARE(stored->last().seq, Seq(Threads * PerThread));
}

void TestStorageExecutor::badDatabasesAreRefused()
{
    QCOMPARE(connectionSpecFromUrl(u"mysql://x/y"_s).error().code, ErrorCode::BadRequest);
    QVERIFY(!connectionSpecFromUrl(u"postgresql://hostonly"_s));
    QVERIFY(!connectionSpecFromUrl(u"sqlite://"_s));
    QVERIFY(connectionSpecFromUrl(u"postgresql://banter:pw@127.0.0.1:5433/banter"_s));
    // Port 1 on loopback: refused at once, no waiting on a timeout.
    auto unreachable = openStorage(u"postgresql://banter@127.0.0.1:1/banter"_s);
    QVERIFY(!unreachable);
    QCOMPARE(unreachable.error().code, ErrorCode::Unavailable);
    QVERIFY2(unreachable.error().message.contains(u"cannot open"_s),
             qPrintable(unreachable.error().message));
}

void TestStorageExecutor::sqliteStorageCreatesItsDirectory()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"nested/deeper/banter.db"_s);
    {
        auto storage = openSqliteStorage(path);
        QVERIFY2(storage, storage ? "" : qPrintable(storage.error().message));
        QVERIFY(runNow<User>(**storage, &m_context, [](Repositories &r) {
            return r.users.create(u"filed"_s, {}, u"h"_s, 1);
        }));
    }
    QVERIFY(QFileInfo::exists(path));
    RawConnection raw(u"sqlite://"_s + path);
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM users"_s).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestStorageExecutor)
#include "tst_storageexecutor.moc"
