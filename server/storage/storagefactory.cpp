// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/storagefactory.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
// Busy, locked, I/O error, disk full, cannot open: the file, not the statement, is at fault.
// The low byte is the primary result code of an extended one.
bool sqliteUnavailable(const QSqlError &error)
{
    const int code = error.nativeErrorCode().toInt() & 0xff;
    return code == 5 || code == 6 || code == 10 || code == 13 || code == 14;
}

// No SQLSTATE: libpq lost the server before it answered. Class 08: connection exception;
// 57P: the server is shutting down or starting up; 53: it is out of resources.
bool postgresqlUnavailable(const QSqlError &error)
{
    const QString state = error.nativeErrorCode();
    return state.isEmpty() || error.type() == QSqlError::ConnectionError
        || state.startsWith("08"_L1) || state.startsWith("57P"_L1) || state.startsWith("53"_L1);
}

// SQLITE_BUSY and SQLITE_LOCKED: another connection holds the lock.
bool sqliteBusy(const QSqlError &error)
{
    const int code = error.nativeErrorCode().toInt() & 0xff;
    return code == 5 || code == 6;
}

Result<SqlConnectionSpec> sqliteSpec(const QString &path, const StorageOptions &options = {})
{
    if (path.isEmpty())
        return makeError(ErrorCode::BadRequest, u"the SQLite database names no file"_s);
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return makeError(ErrorCode::Unavailable,
                         u"cannot create the directory %1"_s.arg(info.absolutePath()));
    SqlConnectionSpec spec;
    // BEGIN IMMEDIATE takes the write lock up front, so a batch never fails half-way on a
    // lock another process took after it started reading.
    spec.dialect = {u"sqlite"_s, u"BEGIN IMMEDIATE"_s, &sqliteUnavailable, false, &sqliteBusy};
    spec.driver = u"QSQLITE"_s;
    spec.databaseName = info.absoluteFilePath();
    // WAL lets readers run beside the writer; FULL makes a commit survive power loss, which
    // is what an ack promises. Group commit pays for it once per batch. The read-backs catch
    // a pragma SQLite ignored instead of refusing.
    spec.settings = {
        {u"PRAGMA journal_mode = WAL"_s, u"wal"_s}, {u"PRAGMA synchronous = FULL"_s, {}},
        {u"PRAGMA synchronous"_s, u"2"_s},          {u"PRAGMA foreign_keys = ON"_s, {}},
        {u"PRAGMA foreign_keys"_s, u"1"_s},
    };
    // The longest a batch waits for a write lock another process holds; then "unavailable".
    const QString busy = QString::number(options.sqliteBusyTimeoutMs);
    spec.settings.append({u"PRAGMA busy_timeout = "_s + busy, busy});
    return spec;
}

Result<SqlConnectionSpec> postgresqlSpec(const QUrl &url, const StorageOptions &options)
{
    SqlConnectionSpec spec;
    spec.dialect = {u"postgresql"_s, u"BEGIN"_s, &postgresqlUnavailable, true};
    spec.driver = u"QPSQL"_s;
    spec.databaseName = url.path().mid(1);
    spec.host = url.host();
    spec.port = url.port(5432);
    spec.user = url.userName();
    spec.password = url.password();
    if (spec.databaseName.isEmpty() || spec.host.isEmpty())
        return makeError(ErrorCode::BadRequest,
                         u"a PostgreSQL URL needs a host and a database name"_s);
    spec.settings = {{u"SET client_min_messages TO WARNING"_s, {}}};
    // The other end of a cut connection: a backend whose banterd went silent still holds the
    // locks of its open transaction (a conversation's seq row), and the reconnected banterd
    // would wait on them until PostgreSQL's own keepalives notice, two hours by default. So
    // the backend gives up too: on a transaction idle for longer than the stall timeout (a
    // batch never pauses between statements) and on a write its peer has not acknowledged
    // for 15 s. Both are settable per session; they need PostgreSQL 12 or newer.
    if (options.postgresqlStallTimeoutMs > 0)
        spec.settings.append({u"SET idle_in_transaction_session_timeout = "_s
                                  + QString::number(options.postgresqlStallTimeoutMs),
                              {}});
    spec.settings.append({u"SET tcp_user_timeout = 15000"_s, {}});
    // A server that does not answer fails the connection instead of hanging the storage
    // thread: connecting gives up after 5 s, a write unacknowledged by the peer's kernel for
    // 15 s (a firewall dropping packets) and a silent peer (keepalives) end it. A database
    // that acknowledges but never answers is cut by the executor's stall watchdog.
    spec.connectOptions = u"connect_timeout=5;keepalives=1;keepalives_idle=10;"
                          "keepalives_interval=5;keepalives_count=3;tcp_user_timeout=15000"_s;
    spec.stallTimeoutMs = options.postgresqlStallTimeoutMs;
    return spec;
}
} // namespace

Result<SqlConnectionSpec> connectionSpecFromUrl(const QString &url, const StorageOptions &options)
{
    if (url.startsWith("sqlite://"_L1))
        return sqliteSpec(url.mid(9), options);
    if (!url.contains("://"_L1))
        return sqliteSpec(url, options);
    const QUrl parsed(url, QUrl::StrictMode);
    if (parsed.isValid()
        && (parsed.scheme() == "postgresql"_L1 || parsed.scheme() == "postgres"_L1))
        return postgresqlSpec(parsed, options);
    return makeError(
        ErrorCode::BadRequest,
        u"unsupported database URL '%1': use sqlite:///path or postgresql://user@host/db"_s.arg(
            url));
}

QString sqliteFileFromUrl(const QString &url)
{
    if (url.startsWith("sqlite://"_L1))
        return QFileInfo(url.mid(9)).absoluteFilePath();
    if (!url.isEmpty() && !url.contains("://"_L1))
        return QFileInfo(url).absoluteFilePath();
    return {};
}

Result<std::unique_ptr<SqlStorageExecutor>> openStorage(const QString &url,
                                                        const StorageOptions &options)
{
    Result<SqlConnectionSpec> spec = connectionSpecFromUrl(url, options);
    if (!spec)
        return spec.error();
    return SqlStorageExecutor::open(*spec);
}

Result<std::unique_ptr<SqlStorageExecutor>> openSqliteStorage(const QString &path)
{
    Result<SqlConnectionSpec> spec = sqliteSpec(path);
    if (!spec)
        return spec.error();
    return SqlStorageExecutor::open(*spec);
}

} // namespace Banter::Server
