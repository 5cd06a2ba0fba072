// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/storageexecutor.h"
#include "storage/sqlconnection.h"

#include <memory>
#include <vector>

namespace Banter::Server {

class SqlContactRepository;
class SqlFileRepository;
class SqlInvitationRepository;
class SqlConversationRepository;
class SqlMessageRepository;
class SqlSearchRepository;
class SqlRetentionRepository;
class SqlSessionRepository;
class SqlUserRepository;

// Runs batches of storage jobs over one connection: one transaction per batch (group
// commit). A job that fails without having written (a validation, a membership check, a
// read that found nothing) is simply not counted; one that fails after writing rolls back
// alone: the batch is then run again with a savepoint per job (the common batch pays for no
// savepoints, and a trickle of bad requests does not double everyone's storage work). Owns the
// connection and the repositories over it; used only on the thread that opened it.
class SqlBatchRunner
{
public:
    explicit SqlBatchRunner(SqlConnectionSpec spec);
    ~SqlBatchRunner();

    // Connects and brings the schema up to date.
    Status open();
    void close();

    struct Outcome
    {
        bool committed = false; // the batch as a whole
        std::vector<bool> reports; // what each job's finish is to be told
    };
    // Runs every job's work and commits. A job is reported committed only if the batch
    // committed and nothing of its own went wrong after its work succeeded.
    Outcome run(std::vector<StorageJob> &batch);
    // Calls every job's finish with its report (after the caller has counted the batch).
    static void finish(std::vector<StorageJob> &batch, const Outcome &outcome);

    // Batches rolled back and run again with savepoints, and times a cache had to be
    // dropped after a rollback: both should stay near zero (the hardening tests read them).
    quint64 replayCount() const { return m_replays; }
    quint64 cacheResetCount() const { return m_cacheResets; }
    // Any thread, between open() and close(): cuts the connection under a batch that waits
    // on a silent database (SqlSession::cutSocket).
    bool cutConnection() { return m_session && m_session->cutSocket(); }

private:
    enum class JobOutcome {
        Kept, // work succeeded and its savepoint was released
        Discarded, // work failed (or threw) and its savepoint was rolled back
        Lost, // work succeeded but its savepoint could not be released: rolled back
        Broken, // a savepoint statement failed: the transaction cannot be trusted
    };
    bool runWithoutSavepoints(std::vector<StorageJob> &batch);
    Outcome runWithSavepoints(std::vector<StorageJob> &batch);
    JobOutcome runJob(StorageJob &job, Repositories &repos);
    Repositories repositories();
    void forgetUncommittedState();
    void transactionEnded();
    bool begin();
    bool commit(bool intact);

    SqlConnectionSpec m_spec;
    SqlReconnector m_reconnector;
    QString m_connectionName;
    std::unique_ptr<SqlSession> m_session;
    std::unique_ptr<SqlUserRepository> m_users;
    std::unique_ptr<SqlSessionRepository> m_sessions;
    std::unique_ptr<SqlConversationRepository> m_conversations;
    std::unique_ptr<SqlMessageRepository> m_messages;
    std::unique_ptr<SqlContactRepository> m_contacts;
    std::unique_ptr<SqlFileRepository> m_files;
    quint64 m_replays = 0;
    quint64 m_cacheResets = 0;
    std::unique_ptr<SqlSearchRepository> m_search;
    std::unique_ptr<SqlInvitationRepository> m_invitations;
    std::unique_ptr<SqlRetentionRepository> m_retention;
};

} // namespace Banter::Server
