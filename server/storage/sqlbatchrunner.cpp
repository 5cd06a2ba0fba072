// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlbatchrunner.h"

#include "serverlogging.h"
#include "storage/sqlcontactrepository.h"
#include "storage/sqlconversationrepository.h"
#include "storage/sqlfilerepository.h"
#include "storage/sqlinvitationrepository.h"
#include "storage/sqlmessagerepository.h"
#include "storage/sqlmigrator.h"
#include "storage/sqlretentionrepository.h"
#include "storage/sqlsearchrepository.h"
#include "storage/sqlsessionrepository.h"
#include "storage/sqluserrepository.h"

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
// Exceptions are not part of the storage contract, but one escaping here would take the
// storage thread, and every later acknowledgement, down with it.
template<typename F>
bool guarded(const char *what, F &&f)
{
    try {
        return f();
    } catch (const std::exception &e) {
        qCWarning(lcStorage) << what << "threw:" << e.what();
    } catch (...) {
        qCWarning(lcStorage) << what << "threw";
    }
    return false;
}
} // namespace

SqlBatchRunner::SqlBatchRunner(SqlConnectionSpec spec)
    : m_spec(std::move(spec))
    , m_reconnector(m_spec.settings)
{ }

SqlBatchRunner::~SqlBatchRunner()
{
    close();
}

Status SqlBatchRunner::open()
{
    m_connectionName = uniqueConnectionName(u"storage"_s);
    m_session =
        std::make_unique<SqlSession>(addSqlConnection(m_spec, m_connectionName), m_spec.dialect);
    if (Status connected = openSqlConnection(*m_session, m_spec.settings); !connected)
        return connected;
    SqlMigrator migrator(*m_session);
    if (Status migrated = migrator.migrate(); !migrated)
        return migrated;
    m_users = std::make_unique<SqlUserRepository>(*m_session);
    m_sessions = std::make_unique<SqlSessionRepository>(*m_session);
    m_conversations = std::make_unique<SqlConversationRepository>(*m_session);
    m_messages = std::make_unique<SqlMessageRepository>(*m_session);
    m_contacts = std::make_unique<SqlContactRepository>(*m_session);
    m_files = std::make_unique<SqlFileRepository>(*m_session);
    m_search = std::make_unique<SqlSearchRepository>(*m_session);
    m_invitations = std::make_unique<SqlInvitationRepository>(*m_session);
    m_retention = std::make_unique<SqlRetentionRepository>(*m_session);
    return success();
}

void SqlBatchRunner::close()
{
    m_users.reset();
    m_sessions.reset();
    m_conversations.reset();
    m_messages.reset();
    m_contacts.reset();
    m_files.reset();
    m_search.reset();
    m_invitations.reset();
    m_retention.reset();
    if (m_session) {
        m_session->close();
        m_session.reset(); // the last handle: only now may the connection be removed
    }
    if (!m_connectionName.isEmpty()) {
        QSqlDatabase::removeDatabase(m_connectionName);
        m_connectionName.clear();
    }
}

// After a failed BEGIN the connection is usually gone (a database restart, a network cut):
// open it again, with backoff, so service resumes as soon as the database is back. A busy
// SQLite file is not a lost connection: BEGIN IMMEDIATE already waited the busy timeout, and
// a reopen would only wait again.
bool SqlBatchRunner::begin()
{
    if (!m_reconnector.isLost()) {
        if (m_session->run(m_spec.dialect.beginTransaction))
            return true;
        if (m_session->lastFailureWasBusy())
            return false;
        // Lets the connection go: libpq may have closed its end already.
        m_session->forgetSocket();
        m_reconnector.lost();
    }
    if (!m_reconnector.reconnect(*m_session))
        return false;
    if (m_session->run(m_spec.dialect.beginTransaction))
        return true;
    m_reconnector.lost();
    return false;
}

bool SqlBatchRunner::commit(bool intact)
{
    // SQLite refuses to commit while a statement still holds a result set.
    m_session->finishAll();
    if (intact && m_session->run(u"COMMIT"_s))
        return true;
    m_session->run(u"ROLLBACK"_s);
    return false;
}

SqlBatchRunner::Outcome SqlBatchRunner::run(std::vector<StorageJob> &batch)
{
    Outcome outcome;
    if (m_users && begin()) {
        // Nearly every batch commits every write it made, and a savepoint costs two
        // statements per job (two round trips on PostgreSQL), so first run the batch without
        // them. Only when a job fails after writing is the batch rolled back and run again
        // with a savepoint per job. Work is pure storage (its captures are values it does not
        // consume), so running it twice is the same as running it once.
        if (runWithoutSavepoints(batch)) {
            outcome.committed = commit(true);
            outcome.reports.assign(batch.size(), outcome.committed);
        } else {
            m_session->finishAll();
            m_session->run(u"ROLLBACK"_s);
            forgetUncommittedState();
            transactionEnded();
            ++m_replays;
            if (begin())
                outcome = runWithSavepoints(batch);
        }
    }
    if (!outcome.committed) {
        qCWarning(lcStorage) << "a batch of" << batch.size() << "jobs did not commit";
        forgetUncommittedState();
        outcome.reports.assign(batch.size(), false);
    }
    transactionEnded();
    return outcome;
}

bool SqlBatchRunner::runWithoutSavepoints(std::vector<StorageJob> &batch)
{
    Repositories repos = repositories();
    const quint64 failuresBefore = m_session->failureCount();
    for (StorageJob &job : batch) {
        if (!job.work)
            continue;
        const quint64 writesBefore = m_session->writeCount();
        if (!guarded("a storage job", [&] { return job.work(repos); })
            && m_session->writeCount() != writesBefore)
            return false;
        // A statement that failed while its job carried on, or a failed read: on PostgreSQL
        // the transaction is already lost, so let the careful pass find out which job it was.
        if (m_session->failureCount() != failuresBefore)
            return false;
    }
    return true;
}

SqlBatchRunner::Outcome SqlBatchRunner::runWithSavepoints(std::vector<StorageJob> &batch)
{
    std::vector<JobOutcome> jobs(batch.size(), JobOutcome::Broken);
    Repositories repos = repositories();
    bool intact = true;
    for (size_t i = 0; i < batch.size() && intact; ++i) {
        jobs[i] = runJob(batch[i], repos);
        intact = jobs[i] != JobOutcome::Broken;
    }
    Outcome outcome;
    outcome.committed = commit(intact);
    for (JobOutcome job : jobs)
        outcome.reports.push_back(outcome.committed && job != JobOutcome::Lost);
    return outcome;
}

Repositories SqlBatchRunner::repositories()
{
    return Repositories{*m_users, *m_sessions, *m_conversations, *m_messages, *m_contacts,
                        *m_files, *m_search,   *m_invitations,   *m_retention};
}

// The repositories cache what every send reads (members, blocks); what a rolled-back
// transaction wrote must not survive in them. They drop their cache only when the
// transaction changed what it holds.
void SqlBatchRunner::forgetUncommittedState()
{
    bool dropped = false;
    if (m_conversations)
        dropped = m_conversations->forgetUncommittedState() || dropped;
    if (m_contacts)
        dropped = m_contacts->forgetUncommittedState() || dropped;
    m_cacheResets += dropped ? 1 : 0;
}

void SqlBatchRunner::transactionEnded()
{
    if (m_conversations)
        m_conversations->transactionEnded();
    if (m_contacts)
        m_contacts->transactionEnded();
}

void SqlBatchRunner::finish(std::vector<StorageJob> &batch, const Outcome &outcome)
{
    for (size_t i = 0; i < batch.size(); ++i) {
        if (!batch[i].finish)
            continue;
        guarded("a storage job's finish", [&] {
            batch[i].finish(outcome.reports.at(i));
            return true;
        });
    }
}

SqlBatchRunner::JobOutcome SqlBatchRunner::runJob(StorageJob &job, Repositories &repos)
{
    // SQLite refuses savepoint changes while a statement still holds a result set.
    m_session->finishAll();
    if (!m_session->run(u"SAVEPOINT job"_s))
        return JobOutcome::Broken;
    const bool worked = job.work && guarded("a storage job", [&] { return job.work(repos); });
    m_session->finishAll();
    if (worked) {
        if (m_session->run(u"RELEASE SAVEPOINT job"_s))
            return JobOutcome::Kept;
        // PostgreSQL: a statement failed inside the job and the job carried on regardless.
        qCWarning(lcStorage) << "a storage job succeeded but its savepoint did not release";
    }
    forgetUncommittedState();
    if (!m_session->run(u"ROLLBACK TO SAVEPOINT job"_s)
        || !m_session->run(u"RELEASE SAVEPOINT job"_s))
        return JobOutcome::Broken;
    return worked ? JobOutcome::Lost : JobOutcome::Discarded;
}

} // namespace Banter::Server
