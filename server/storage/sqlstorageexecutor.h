// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/storageexecutor.h"
#include "storage/sqlsession.h"

#include <QMutex>
#include <QThread>

#include <deque>
#include <memory>

namespace Banter::Server {

// How to open the database; runs on the storage thread, which then owns the connection.
struct SqlConnectionSpec
{
    SqlDialect dialect;
    QString driver; // "QSQLITE" or "QPSQL"
    QString databaseName; // SQLite file path, or PostgreSQL database name
    QString host;
    int port = -1;
    QString user;
    QString password;
    QStringList setupStatements; // run after opening (pragmas, session settings)
};

// StorageExecutor over QtSql on a dedicated thread with group commit: every job queued while
// a batch runs goes into the next batch, under one transaction, each job in a savepoint.
class SqlStorageExecutor : public StorageExecutor
{
public:
    ~SqlStorageExecutor() override;

    // Starts the thread, opens and migrates the database there; fails with a clear error.
    static Result<std::unique_ptr<SqlStorageExecutor>> open(const SqlConnectionSpec &spec);

    void submit(StorageJob job) override;
    // Runs what is queued, then closes the database and stops the thread. Idempotent.
    void stop();

    quint64 batchCount() const;
    quint64 jobCount() const;

private:
    class Worker;
    SqlStorageExecutor() = default;

    QThread m_thread;
    Worker *m_worker = nullptr;
};

} // namespace Banter::Server
