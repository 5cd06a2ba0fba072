// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlstorageexecutor.h"

#include "serverlogging.h"
#include "storage/sqlbatchrunner.h"

#include <QAtomicInteger>
#include <QMutex>

#include <deque>

namespace Banter::Server {

using namespace Qt::StringLiterals;

// The queue, and the runner on the storage thread that drains it batch by batch.
class SqlStorageExecutor::Worker : public QObject
{
public:
    explicit Worker(SqlConnectionSpec spec)
        : m_runner(std::move(spec))
    { }

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
        drain();
        m_runner.close();
    }

    QAtomicInteger<quint64> batches = 0;
    QAtomicInteger<quint64> failedBatches = 0;
    QAtomicInteger<quint64> jobs = 0;
    QAtomicInteger<quint64> replays = 0;
    QAtomicInteger<quint64> cacheResets = 0;

private:
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
            const SqlBatchRunner::Outcome outcome = m_runner.run(batch);
            // Counted before anyone hears of the batch, so an observer never sees it missing.
            ++batches;
            failedBatches += outcome.committed ? 0 : 1;
            jobs += batch.size();
            replays.storeRelaxed(m_runner.replayCount());
            cacheResets.storeRelaxed(m_runner.cacheResetCount());
            SqlBatchRunner::finish(batch, outcome);
        }
    }

    SqlBatchRunner m_runner;
    QMutex m_mutex;
    std::deque<StorageJob> m_queue;
    bool m_scheduled = false; // a drain is queued or running
    bool m_stopping = false;
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

quint64 SqlStorageExecutor::cacheResetCount() const
{
    return m_worker->cacheResets.loadRelaxed();
}

} // namespace Banter::Server
