// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlstorageexecutor.h"

#include "serverlogging.h"
#include "storage/sqlcontactrepository.h"
#include "storage/sqlconversationrepository.h"
#include "storage/sqlmessagerepository.h"
#include "storage/sqlmigrator.h"
#include "storage/sqlsessionrepository.h"
#include "storage/sqluserrepository.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QUuid>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
constexpr int MaxJobsPerBatch = 512;
}

// Lives on the storage thread. Owns the connection and the repositories over it.
class SqlStorageExecutor::Worker : public QObject
{
public:
    explicit Worker(SqlConnectionSpec spec)
        : m_spec(std::move(spec))
    { }

    Status openDatabase()
    {
        m_connectionName =
            u"banter-storage-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QSqlDatabase db = QSqlDatabase::addDatabase(m_spec.driver, m_connectionName);
        if (!db.isValid())
            return makeError(ErrorCode::Unavailable,
                             u"the Qt SQL driver %1 is not installed"_s.arg(m_spec.driver));
        db.setDatabaseName(m_spec.databaseName);
        if (!m_spec.host.isEmpty())
            db.setHostName(m_spec.host);
        if (m_spec.port > 0)
            db.setPort(m_spec.port);
        if (!m_spec.user.isEmpty())
            db.setUserName(m_spec.user);
        if (!m_spec.password.isEmpty())
            db.setPassword(m_spec.password);
        m_session = std::make_unique<SqlSession>(db, m_spec.dialect);
        if (Status connected = connectDatabase(); !connected)
            return connected;
        SqlMigrator migrator(*m_session);
        if (Status migrated = migrator.migrate(); !migrated)
            return migrated;
        m_users = std::make_unique<SqlUserRepository>(*m_session);
        m_sessions = std::make_unique<SqlSessionRepository>(*m_session);
        m_conversations = std::make_unique<SqlConversationRepository>(*m_session);
        m_messages = std::make_unique<SqlMessageRepository>(*m_session);
        m_contacts = std::make_unique<SqlContactRepository>(*m_session);
        return success();
    }

    // Opens the connection and applies the session settings (pragmas, SET ...).
    Status connectDatabase()
    {
        QSqlDatabase &db = m_session->database();
        m_session->resetStatements();
        if (!db.open())
            return makeError(ErrorCode::Unavailable,
                             u"cannot open the %1 database: %2"_s.arg(m_spec.dialect.name,
                                                                      db.lastError().text()));
        for (const QString &statement : std::as_const(m_spec.setupStatements)) {
            if (Status s = m_session->run(statement); !s)
                return s;
        }
        return success();
    }

    // After a failed BEGIN the connection is usually gone (a database restart, a network
    // cut): open it again so service resumes as soon as the database is back.
    bool beginWithReconnect()
    {
        if (m_session->run(m_spec.dialect.beginTransaction))
            return true;
        qCWarning(lcStorage) << "the database connection failed; reconnecting";
        m_session->database().close();
        if (!connectDatabase())
            return false;
        return bool(m_session->run(m_spec.dialect.beginTransaction));
    }

    void closeDatabase()
    {
        m_users.reset();
        m_sessions.reset();
        m_conversations.reset();
        m_messages.reset();
        m_contacts.reset();
        if (m_session) {
            m_session->database().close();
            m_session.reset();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }

    void enqueue(StorageJob job)
    {
        bool wake = false;
        {
            QMutexLocker lock(&m_mutex);
            m_queue.push_back(std::move(job));
            wake = !m_scheduled;
            m_scheduled = true;
        }
        if (wake)
            QMetaObject::invokeMethod(
                this, [this] { drain(); }, Qt::QueuedConnection);
    }

    // Runs batches until the queue is empty.
    void drain()
    {
        for (;;) {
            std::vector<StorageJob> batch;
            {
                QMutexLocker lock(&m_mutex);
                while (!m_queue.empty() && batch.size() < MaxJobsPerBatch) {
                    batch.push_back(std::move(m_queue.front()));
                    m_queue.pop_front();
                }
                if (batch.empty()) {
                    m_scheduled = false;
                    return;
                }
            }
            runBatch(batch);
        }
    }

    QAtomicInteger<quint64> batches = 0;
    QAtomicInteger<quint64> jobs = 0;

private:
    void runBatch(std::vector<StorageJob> &batch)
    {
        bool committed = false;
        if (m_session && beginWithReconnect()) {
            Repositories repos{*m_users, *m_sessions, *m_conversations, *m_messages, *m_contacts};
            for (StorageJob &job : batch)
                runJob(job, repos);
            m_session->finishAll();
            committed = bool(m_session->run(u"COMMIT"_s));
            if (!committed)
                m_session->run(u"ROLLBACK"_s);
        }
        ++batches;
        jobs += batch.size();
        for (StorageJob &job : batch) {
            if (job.finish)
                job.finish(committed);
        }
    }

    void runJob(StorageJob &job, Repositories &repos)
    {
        // SQLite refuses savepoint changes while a statement still holds a result.
        m_session->finishAll();
        if (!m_session->run(u"SAVEPOINT job"_s))
            return;
        bool ok = false;
        try {
            ok = job.work(repos);
        } catch (const std::exception &e) {
            qCWarning(lcStorage) << "storage job threw:" << e.what();
        } catch (...) {
            qCWarning(lcStorage) << "storage job threw";
        }
        m_session->finishAll();
        if (!ok)
            m_session->run(u"ROLLBACK TO SAVEPOINT job"_s);
        m_session->run(u"RELEASE SAVEPOINT job"_s);
    }

    SqlConnectionSpec m_spec;
    QString m_connectionName;
    std::unique_ptr<SqlSession> m_session;
    std::unique_ptr<SqlUserRepository> m_users;
    std::unique_ptr<SqlSessionRepository> m_sessions;
    std::unique_ptr<SqlConversationRepository> m_conversations;
    std::unique_ptr<SqlMessageRepository> m_messages;
    std::unique_ptr<SqlContactRepository> m_contacts;
    QMutex m_mutex;
    std::deque<StorageJob> m_queue;
    bool m_scheduled = false;
};

Result<std::unique_ptr<SqlStorageExecutor>> SqlStorageExecutor::open(const SqlConnectionSpec &spec)
{
    std::unique_ptr<SqlStorageExecutor> executor(new SqlStorageExecutor);
    executor->m_thread.setObjectName(u"banter-storage"_s);
    executor->m_worker = new Worker(spec);
    executor->m_worker->moveToThread(&executor->m_thread);
    executor->m_thread.start();
    Status opened = makeError(ErrorCode::Internal, u"storage thread did not start"_s);
    QMetaObject::invokeMethod(
        executor->m_worker, [&] { opened = executor->m_worker->openDatabase(); },
        Qt::BlockingQueuedConnection);
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
    if (!m_worker)
        return;
    if (m_thread.isRunning()) {
        Worker *worker = m_worker;
        QMetaObject::invokeMethod(
            worker,
            [worker] {
                worker->drain();
                worker->closeDatabase();
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    delete m_worker;
    m_worker = nullptr;
}

quint64 SqlStorageExecutor::batchCount() const
{
    return m_worker ? m_worker->batches.loadRelaxed() : 0;
}

quint64 SqlStorageExecutor::jobCount() const
{
    return m_worker ? m_worker->jobs.loadRelaxed() : 0;
}

} // namespace Banter::Server
