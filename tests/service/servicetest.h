// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the service suites share: a StorageExecutor that runs each job at once on the test
// thread against the real SQL repositories (one job, one transaction), a PushSink that
// records what it is given, and a fixture that builds a ServiceContext from them.

#include "service/pushsink.h"
#include "service/servicecontext.h"
#include "service/storageexecutor.h"
#include "testdatabase.h"

#include <QCoreApplication>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QTest>

#include <memory>

namespace Banter::Server {
class PresenceStore;
class SqlBatchRunner;
} // namespace Banter::Server

namespace Banter::Test {

using namespace Banter::Server;

// Runs every submitted job at once, in its own batch, through SqlBatchRunner: the same
// transactions, savepoints and repositories as banterd's storage thread, without the
// thread. failNextBatches(n) makes the next n batches fail as a whole (a lost database).
class InlineStorageExecutor : public StorageExecutor
{
public:
    InlineStorageExecutor();
    ~InlineStorageExecutor() override;

    Status open(const QString &url);
    void submit(StorageJob job) override;

    void failNextBatches(int count) { m_failBatches = count; }
    int jobCount() const { return m_jobs; }

private:
    std::unique_ptr<SqlBatchRunner> m_runner;
    int m_failBatches = 0;
    int m_jobs = 0;
};

struct RecordedPush
{
    QList<UserId> users;
    QString type;
    QJsonObject data;
    ConnectionId except = 0;
};

class RecordingPushSink : public PushSink
{
public:
    void push(const QList<UserId> &users, QLatin1String type, const QJsonObject &data,
              ConnectionId except = 0) override;
    // Records both forms, the current one first, as two pushes to the same users.
    void pushEither(const QList<UserId> &users, ClientFeature feature, const Form &current,
                    const Form &legacy) override;

    QList<RecordedPush> pushes;
    // The pushes of one type, in order.
    QList<RecordedPush> ofType(QLatin1String type) const;
};

// A service future's result. With InlineStorageExecutor it has finished already; the
// deadline only turns a missing answer into a failure instead of a hang. Work the service
// queued behind its answer (pushes after the reply) runs before this returns.
template<typename T>
Result<T> wait(QFuture<Result<T>> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 10000) || future.isCanceled())
        return makeError(ErrorCode::Internal, QStringLiteral("the service never answered"));
    QCoreApplication::sendPostedEvents();
    return future.result();
}

// One database, executor, push sink and presence store per test; a clock the test moves.
class ServiceFixture
{
public:
    ServiceFixture();
    ~ServiceFixture();

    // QVERIFY this: false (with error()) when the database could not be opened.
    bool open();
    QString error() const { return m_error; }
    ServiceContext context();

    // Storage set-up and checks, run as a job of their own.
    template<typename R, typename Work>
    Result<R> inStorage(Work work)
    {
        return wait(runInStorage<R>(storage, std::move(work)));
    }
    User createUser(const QString &name);
    Conversation createGroup(UserId admin, const QList<UserId> &members,
                             const QString &name = QStringLiteral("team"));

    InlineStorageExecutor storage;
    RecordingPushSink pushes;
    std::unique_ptr<PresenceStore> presence;
    ServerLimits limits;
    qint64 now = 1'700'000'000'000;

private:
    TestDatabase m_database;
    QString m_error;
};

QString describe(const Error &error);

} // namespace Banter::Test
