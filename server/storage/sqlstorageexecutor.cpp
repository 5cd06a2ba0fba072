// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlstorageexecutor.h"

#include "metrics/servermetrics.h"
#include "serverlogging.h"
#include "storage/sqlbatchrunner.h"

#include <QAtomicInteger>
#include <QElapsedTimer>
#include <QMutex>
#include <QWaitCondition>

#include <atomic>
#include <deque>

namespace Banter::Server {

using namespace Qt::StringLiterals;

// The queue, and the runner on the storage thread that drains it batch by batch.
class SqlStorageExecutor::Worker : public QObject
{
public:
    explicit Worker(SqlConnectionSpec spec)
        : m_stallTimeoutMs(spec.stallTimeoutMs)
        , m_runner(std::move(spec))
    {
        m_clock.start();
    }

    Status open() { return m_runner.open(); }

    // Any thread. Wakes the storage thread only when no drain is pending already.
    void enqueue(StorageJob job)
    {
        bool wake = false;
        bool refused = false;
        {
            QMutexLocker lock(&m_mutex);
            refused = m_stopping;
            if (!refused) {
                m_queue.push_back(std::move(job));
                wake = !m_scheduled;
                m_scheduled = true;
            }
        }
        if (refused) {
            qCWarning(lcStorage) << "a storage job arrived after stop(); not run";
            // Moved from only when not refused: still whole here.
            if (job.finish) // NOLINT(bugprone-use-after-move)
                job.finish(false); // NOLINT(bugprone-use-after-move)
            return;
        }
        if (wake)
            QMetaObject::invokeMethod(this, &Worker::drain, Qt::QueuedConnection);
    }

    // Storage thread: whatever is queued still runs, then the connection closes.
    void shutDown()
    {
        {
            QMutexLocker lock(&m_mutex);
            m_stopping = true;
        }
        drain(); // still watched: a batch stuck on a silent database is cut, not waited for
        // Under the watch mutex, so no cut is under way or can follow: the connection is ours.
        stopWatching();
        m_runner.close();
    }

    QAtomicInteger<quint64> batches = 0;
    QAtomicInteger<quint64> failedBatches = 0;
    QAtomicInteger<quint64> jobs = 0;
    QAtomicInteger<quint64> replays = 0;
    QAtomicInteger<quint64> cacheResets = 0;
    QAtomicInteger<quint64> stallCuts = 0;

    // The watchdog thread: wakes twice a second until stopWatching(); a batch that has waited
    // longer than the stall timeout gets its connection cut (SqlSession::cutSocket), once
    // per timeout, so a database behind a silent network costs a bounded wait, not a hang.
    void watch()
    {
        QMutexLocker lock(&m_watchMutex);
        while (!m_watchStopped) {
            m_watchWake.wait(&m_watchMutex, QDeadlineTimer(WatchIntervalMs));
            qint64 since = m_batchSince.load();
            const qint64 now = m_clock.elapsed();
            if (since < 0 || now - since < m_stallTimeoutMs)
                continue;
            // Re-armed from now: a reconnect in the same batch that stalls again is cut too.
            if (!m_batchSince.compare_exchange_strong(since, now))
                continue;
            if (m_runner.cutConnection()) {
                ++stallCuts;
                qCWarning(lcStorage) << "the database did not answer for" << m_stallTimeoutMs
                                     << "ms; the connection was cut";
            }
        }
    }
    void stopWatching()
    {
        QMutexLocker lock(&m_watchMutex);
        m_watchStopped = true;
        m_watchWake.wakeAll();
    }
    bool needsWatchdog() const { return m_stallTimeoutMs > 0; }

private:
    static constexpr int WatchIntervalMs = 500;

    // Storage thread: runs batches until the queue is empty.
    void drain()
    {
        for (;;) {
            std::vector<StorageJob> batch;
            {
                QMutexLocker lock(&m_mutex);
                while (!m_queue.empty() && batch.size() < size_t(MaxJobsPerBatch)) {
                    batch.push_back(std::move(m_queue.front()));
                    m_queue.pop_front();
                }
                if (batch.empty()) {
                    m_scheduled = false;
                    return;
                }
            }
            const qint64 startedNs = m_clock.nsecsElapsed();
            m_batchSince = m_clock.elapsed();
            const SqlBatchRunner::Outcome outcome = m_runner.run(batch);
            m_batchSince = -1;
            ServerMetrics::instance().storageBatch(int(batch.size()),
                                                   double(m_clock.nsecsElapsed() - startedNs) / 1e9,
                                                   outcome.committed);
            // Counted before anyone hears of the batch, so an observer never sees it missing.
            ++batches;
            failedBatches += outcome.committed ? 0 : 1;
            jobs += batch.size();
            replays.storeRelaxed(m_runner.replayCount());
            cacheResets.storeRelaxed(m_runner.cacheResetCount());
            SqlBatchRunner::finish(batch, outcome);
        }
    }

    const int m_stallTimeoutMs;
    SqlBatchRunner m_runner;
    QMutex m_mutex;
    std::deque<StorageJob> m_queue;
    bool m_scheduled = false; // a drain is queued or running
    bool m_stopping = false;
    QElapsedTimer m_clock;
    std::atomic<qint64> m_batchSince = -1; // m_clock time the running batch began; -1: idle
    QMutex m_watchMutex;
    QWaitCondition m_watchWake;
    bool m_watchStopped = false;
};

Result<std::unique_ptr<SqlStorageExecutor>> SqlStorageExecutor::open(const SqlConnectionSpec &spec)
{
    std::unique_ptr<SqlStorageExecutor> executor(new SqlStorageExecutor);
    executor->m_thread.setObjectName(u"banter-storage"_s);
    executor->m_worker = std::make_unique<Worker>(spec);
    executor->m_worker->moveToThread(&executor->m_thread);
    executor->m_thread.start();
    // Opened on the storage thread: a QSqlDatabase works only on the thread that opened it.
    Status opened = makeError(ErrorCode::Internal, u"the storage thread did not start"_s);
    Worker *worker = executor->m_worker.get();
    QMetaObject::invokeMethod(
        worker, [worker, &opened] { opened = worker->open(); }, Qt::BlockingQueuedConnection);
    if (!opened) {
        executor->stop();
        return opened.error();
    }
    if (worker->needsWatchdog()) {
        executor->m_watchdog.reset(QThread::create([worker] { worker->watch(); }));
        executor->m_watchdog->setObjectName(u"banter-storage-watchdog"_s);
        executor->m_watchdog->start();
    }
    return executor;
}

SqlStorageExecutor::~SqlStorageExecutor()
{
    stop();
}

void SqlStorageExecutor::submit(StorageJob job)
{
    m_worker->enqueue(std::move(job));
}

void SqlStorageExecutor::stop()
{
    if (!m_thread.isRunning())
        return;
    Worker *worker = m_worker.get();
    QMetaObject::invokeMethod(
        worker, [worker] { worker->shutDown(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    if (m_watchdog) { // shutDown() stopped it
        m_watchdog->wait();
        m_watchdog.reset();
    }
}

quint64 SqlStorageExecutor::batchCount() const
{
    return m_worker->batches.loadRelaxed();
}

quint64 SqlStorageExecutor::failedBatchCount() const
{
    return m_worker->failedBatches.loadRelaxed();
}

quint64 SqlStorageExecutor::jobCount() const
{
    return m_worker->jobs.loadRelaxed();
}

quint64 SqlStorageExecutor::replayedBatchCount() const
{
    return m_worker->replays.loadRelaxed();
}

quint64 SqlStorageExecutor::stallCutCount() const
{
    return m_worker->stallCuts.loadRelaxed();
}

quint64 SqlStorageExecutor::cacheResetCount() const
{
    return m_worker->cacheResets.loadRelaxed();
}

} // namespace Banter::Server
