// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/result.h>

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariantList>

#include <memory>

namespace Banter::Server {

// The result of one statement: a cached prepared query (borrowed from the session) or a
// one-off query it owns. Read it before running the same statement again.
class SqlCursor
{
public:
    explicit SqlCursor(QSqlQuery *borrowed)
        : m_query(borrowed)
    { }
    explicit SqlCursor(std::unique_ptr<QSqlQuery> owned)
        : m_owned(std::move(owned))
        , m_query(m_owned.get())
    { }

    bool next() { return m_query->next(); }
    QVariant value(int index) const { return m_query->value(index); }
    int numRowsAffected() const { return m_query->numRowsAffected(); }
    QSqlRecord record() const { return m_query->record(); }
    void finish() { m_query->finish(); }

private:
    std::unique_ptr<QSqlQuery> m_owned;
    QSqlQuery *m_query;
};

// The differences between backends that the shared SQL code has to know about.
struct SqlDialect
{
    QString name; // "sqlite" or "postgresql": also the SQL resource folder
    QString beginTransaction; // SQLite takes the write lock up front: BEGIN IMMEDIATE
    // Whether a failure means the database cannot be used right now (worth a retry:
    // "unavailable") rather than a failed statement ("internal"). Drivers disagree on error
    // types (QSQLITE calls every failed step a connection error), so each backend decides.
    bool (*isUnavailable)(const QSqlError &error) = nullptr;
    // Whether a WITH clause may hold an UPDATE (PostgreSQL): then a send takes its seq and
    // stores the message in one statement, one round trip instead of two.
    bool writableCte = false;
    // Whether a failure means another connection holds the lock for longer than the busy
    // timeout (SQLite): the connection itself is fine, so reopening it would only wait again.
    bool (*isBusy)(const QSqlError &error) = nullptr;
};

// A QSqlDatabase connection plus checked execution: every failure becomes an Error that
// names the statement, never a silently empty result. Used on the storage thread only.
class SqlSession
{
public:
    SqlSession(QSqlDatabase database, SqlDialect dialect);

    QSqlDatabase &database() { return m_database; }
    const SqlDialect &dialect() const { return m_dialect; }

    Result<SqlCursor> exec(const QString &sql, const QVariantList &binds = {});
    Status run(const QString &sql, const QVariantList &binds = {});
    // Runs a script of statements separated by ";" at line ends (migrations). Whole-line
    // "--" comments are dropped; a statement with ";" at a line end inside it (a trigger
    // body) would be cut there, so migrations avoid that.
    Status runScript(const QString &script);
    // The text of one of this dialect's SQL resources: "queries/tables.sql" is
    // :/sql/<dialect>/queries/tables.sql.
    Result<QString> dialectSql(const QString &relativePath) const;
    // Releases the result sets of cached statements (before COMMIT).
    void finishAll();
    // Statements that failed on this connection so far. A job may ignore a failed statement
    // and still succeed; on PostgreSQL that silently aborts the whole transaction (COMMIT
    // then rolls back without an error), so batches compare this before committing.
    quint64 failureCount() const { return m_failures; }
    // Statements run so far that may have changed something: all but SELECTs. A job that
    // failed without one (a validation, a membership check) left the transaction as it found
    // it, so the batch goes on without a rollback.
    quint64 writeCount() const { return m_writes; }
    // Whether the last failed statement failed on a lock held elsewhere (SqlDialect::isBusy).
    bool lastFailureWasBusy() const { return m_lastFailureBusy; }
    // Forgets cached statements (after the connection was reopened).
    void resetStatements() { m_prepared.clear(); }
    // Drops the cached statements while the connection can still free them, then closes it.
    void close()
    {
        m_prepared.clear();
        forgetSocket();
        m_database.close();
    }

    // The connection's socket, kept so that another thread can cut it (cutSocket) while this
    // one waits on a database that went silent. PostgreSQL only; SQLite has none. Storage
    // thread, right after opening and before closing.
    void publishSocket();
    void forgetSocket();
    // From any thread: shuts the socket down, so the statement waiting on it fails at once
    // (a lost connection: "unavailable"). False when there is no socket to cut.
    bool cutSocket();

private:
    bool isUnavailable(const QSqlError &error) const;

    QSqlDatabase m_database;
    SqlDialect m_dialect;
    // Prepared once per connection and reused: PostgreSQL otherwise pays a PREPARE and a
    // DEALLOCATE round trip for every statement, SQLite a parse.
    QHash<QString, std::shared_ptr<QSqlQuery>> m_prepared;
    quint64 m_failures = 0;
    quint64 m_writes = 0;
    bool m_lastFailureBusy = false;
    QMutex m_socketMutex; // the socket is never cut after it was closed (its number reused)
    int m_socket = -1;
};

// Maps a database failure to the protocol: a lost connection is "unavailable", anything else
// "internal". The message is for logs; clients get a generic text.
Error databaseError(const QString &what, const QString &driverText, bool connectionLost);

} // namespace Banter::Server
