// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/databasesnapshot.h"

#include "backup/postgresqltools.h"
#include "storage/sqlmigrator.h"
#include "storage/storagefactory.h"

#include <QDir>
#include <QFileInfo>

#include <memory>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
// A connection of this command's own on the calling thread, closed and removed with it.
class ScopedSession
{
public:
    ~ScopedSession()
    {
        if (m_session)
            m_session->close();
        m_session.reset();
        if (!m_name.isEmpty())
            QSqlDatabase::removeDatabase(m_name);
    }

    Status open(const SqlConnectionSpec &spec, const QList<SqlSetting> &settings)
    {
        m_name = uniqueConnectionName(u"backup"_s);
        m_session = std::make_unique<SqlSession>(addSqlConnection(spec, m_name), spec.dialect);
        Status opened = openSqlConnection(*m_session, settings);
        if (!opened)
            return makeError(ErrorCode::Unavailable,
                             u"cannot open the database: %1"_s.arg(opened.error().message));
        return success();
    }

    SqlSession &operator*() { return *m_session; }
    SqlSession *operator->() { return m_session.get(); }

private:
    QString m_name;
    std::unique_ptr<SqlSession> m_session;
};

Result<QStringList> referencedBlobs(SqlSession &session)
{
    Result<SqlCursor> rows = session.exec(u"SELECT DISTINCT sha256 FROM files ORDER BY sha256"_s);
    if (!rows)
        return rows.error();
    QStringList blobs;
    while (rows->next())
        blobs.append(rows->value(0).toString());
    return blobs;
}

// Version and blobs of the snapshot, read from a session that sees exactly it.
Status describe(SqlSession &session, DatabaseSnapshot &snapshot)
{
    Result<int> version = SqlMigrator(session).currentVersion();
    if (!version)
        return version.error();
    if (*version == 0)
        return makeError(ErrorCode::NotFound, u"the database is empty: nothing to back up"_s);
    Result<QStringList> blobs = referencedBlobs(session);
    if (!blobs)
        return blobs.error();
    snapshot.schemaVersion = *version;
    snapshot.blobs = *blobs;
    return success();
}

Result<DatabaseSnapshot> sqliteSnapshot(const SqlConnectionSpec &live, const QString &directory)
{
    if (!QFileInfo(live.databaseName).isFile())
        return makeError(ErrorCode::NotFound,
                         u"there is no database at %1"_s.arg(live.databaseName));
    DatabaseSnapshot snapshot{u"sqlite"_s, QDir(directory).filePath(u"banter.db"_s), 0, {}};
    {
        ScopedSession session;
        if (Status opened = session.open(live, live.settings); !opened)
            return opened.error();
        if (Status copied = session->run(u"VACUUM INTO ?"_s, {snapshot.file}); !copied)
            return copied.error();
    }
    SqlConnectionSpec copy = live;
    copy.databaseName = snapshot.file;
    ScopedSession session;
    if (Status opened = session.open(copy, {}); !opened)
        return opened.error();
    if (Status described = describe(*session, snapshot); !described)
        return described.error();
    return snapshot;
}

Result<DatabaseSnapshot> postgresqlSnapshot(const SqlConnectionSpec &live, const QString &directory)
{
    DatabaseSnapshot snapshot{u"postgresql"_s, QDir(directory).filePath(u"banter.pgdump"_s), 0, {}};
    ScopedSession session;
    // Not the daemon's settings: its idle-in-transaction timeout would end the transaction
    // that holds the exported snapshot while pg_dump reads it.
    if (Status opened = session.open(live,
                                     {{u"SET client_min_messages TO WARNING"_s, {}},
                                      {u"SET idle_in_transaction_session_timeout = 0"_s, {}}});
        !opened)
        return opened.error();
    if (Status begun = session->run(u"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"_s); !begun)
        return begun.error();
    Result<SqlCursor> exported = session->exec(u"SELECT pg_export_snapshot()"_s);
    if (!exported || !exported->next())
        return makeError(ErrorCode::Internal, u"cannot export a snapshot of the database"_s);
    const QString id = exported->value(0).toString();
    exported->finish();
    if (Status described = describe(*session, snapshot); !described)
        return described.error();
    if (Status dumped =
            runPostgresqlTool(u"pg_dump"_s, live,
                              {u"--format=custom"_s, u"--snapshot="_s + id,
                               u"--file="_s + snapshot.file, u"--dbname"_s, live.databaseName});
        !dumped)
        return dumped.error();
    session->run(u"COMMIT"_s);
    return snapshot;
}
} // namespace

Result<DatabaseSnapshot> takeDatabaseSnapshot(const QString &databaseUrl, const QString &directory)
{
    Result<SqlConnectionSpec> spec = connectionSpecFromUrl(databaseUrl);
    if (!spec)
        return spec.error();
    return spec->driver == "QSQLITE"_L1 ? sqliteSnapshot(*spec, directory)
                                        : postgresqlSnapshot(*spec, directory);
}

Result<int> checkRestoredDatabase(const QString &databaseUrl)
{
    Result<SqlConnectionSpec> spec = connectionSpecFromUrl(databaseUrl);
    if (!spec)
        return spec.error();
    ScopedSession session;
    if (Status opened = session.open(*spec, {}); !opened)
        return opened.error();
    if (spec->driver == "QSQLITE"_L1) {
        Result<SqlCursor> check = session->exec(u"PRAGMA integrity_check"_s);
        if (!check)
            return check.error();
        const QString verdict = check->next() ? check->value(0).toString() : QString();
        if (verdict != "ok"_L1)
            return makeError(ErrorCode::Internal,
                             u"the restored database fails its integrity check: %1"_s.arg(verdict));
    }
    return SqlMigrator(*session).currentVersion();
}

Result<bool> isEmptyPostgresqlDatabase(const QString &databaseUrl)
{
    Result<SqlConnectionSpec> spec = connectionSpecFromUrl(databaseUrl);
    if (!spec)
        return spec.error();
    ScopedSession session;
    if (Status opened = session.open(*spec, {}); !opened)
        return opened.error();
    Result<SqlCursor> tables =
        session->exec(u"SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', "
                      "'information_schema')"_s);
    if (!tables || !tables->next())
        return makeError(ErrorCode::Unavailable, u"cannot list the database's tables"_s);
    return tables->value(0).toLongLong() == 0;
}

} // namespace Banter::Server
