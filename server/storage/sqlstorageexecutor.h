// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/storageexecutor.h"
#include "storage/sqlconnection.h"

#include <QThread>

#include <memory>

namespace Banter::Server {

// StorageExecutor over QtSql on a dedicated thread with group commit: every job queued while
// a batch runs goes into the next batch, under one transaction (SqlBatchRunner says how a
// failing job rolls back alone). The connection is opened on that thread and never touched from
// another.
class SqlStorageExecutor : public StorageExecutor
{
public:
    // More jobs than this wait for the next batch, so one commit never grows unbounded.
    static constexpr int MaxJobsPerBatch = 512;

    ~SqlStorageExecutor() override;

    // Starts the thread, opens and migrates the database there; fails with a clear error.
    static Result<std::unique_ptr<SqlStorageExecutor>> open(const SqlConnectionSpec &spec);

    // From any thread. After stop() the job is not run: its finish(false) is called at once.
    void submit(StorageJob job) override;
    // Runs what is queued, then closes the database and stops the thread. Idempotent; call
    // it from the thread that opened the executor, never from inside a job.
    void stop();

    quint64 batchCount() const; // batches run, committed or not
    quint64 failedBatchCount() const; // batches that did not commit
    quint64 jobCount() const; // jobs that went through a batch
    // Batches rolled back and run again with a savepoint per job (a job failed after
    // writing), and rollbacks after which the member or block cache had to be dropped.
    quint64 replayedBatchCount() const;
    quint64 cacheResetCount() const;
    // Connections cut because a batch waited longer than the spec's stallTimeoutMs.
    quint64 stallCutCount() const;

private:
    class Worker;
    SqlStorageExecutor() = default;

    QThread m_thread;
    std::unique_ptr<Worker> m_worker;
    std::unique_ptr<QThread> m_watchdog; // only with a stall timeout (PostgreSQL)
};

} // namespace Banter::Server
