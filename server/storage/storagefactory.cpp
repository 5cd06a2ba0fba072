// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/storagefactory.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
SqlConnectionSpec sqliteSpec(const QString &path)
{
    SqlConnectionSpec spec;
    spec.dialect = {u"sqlite"_s, u"BEGIN IMMEDIATE"_s};
    spec.driver = u"QSQLITE"_s;
    spec.databaseName = path;
    // WAL lets readers run beside the writer; FULL makes a commit survive power loss, which
    // is what an ack promises. Group commit pays for it once per batch.
    spec.setupStatements = {u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = FULL"_s,
                            u"PRAGMA foreign_keys = ON"_s, u"PRAGMA busy_timeout = 5000"_s};
    return spec;
}
} // namespace

Result<SqlConnectionSpec> connectionSpecFromUrl(const QString &url)
{
    if (url.startsWith("sqlite://"_L1) || !url.contains("://"_L1)) {
        const QString path = url.startsWith("sqlite://"_L1) ? url.mid(9) : url;
        if (path.isEmpty())
            return makeError(ErrorCode::BadRequest, u"the SQLite URL names no file"_s);
        const QFileInfo info(path);
        if (!QDir().mkpath(info.absolutePath()))
            return makeError(ErrorCode::Unavailable,
                             u"cannot create the directory %1"_s.arg(info.absolutePath()));
        return sqliteSpec(info.absoluteFilePath());
    }
    const QUrl parsed(url, QUrl::StrictMode);
    if (parsed.isValid()
        && (parsed.scheme() == "postgresql"_L1 || parsed.scheme() == "postgres"_L1)) {
        SqlConnectionSpec spec;
        spec.dialect = {u"postgresql"_s, u"BEGIN"_s};
        spec.driver = u"QPSQL"_s;
        spec.databaseName = parsed.path().mid(1);
        spec.host = parsed.host();
        spec.port = parsed.port(5432);
        spec.user = parsed.userName();
        spec.password = parsed.password();
        if (spec.databaseName.isEmpty() || spec.host.isEmpty())
            return makeError(ErrorCode::BadRequest,
                             u"a PostgreSQL URL needs a host and a database name"_s);
        spec.setupStatements = {u"SET client_min_messages TO WARNING"_s};
        return spec;
    }
    return makeError(
        ErrorCode::BadRequest,
        u"unsupported database URL '%1': use sqlite:///path or postgresql://user@host/db"_s.arg(
            url));
}

Result<std::unique_ptr<SqlStorageExecutor>> openStorage(const QString &url)
{
    Result<SqlConnectionSpec> spec = connectionSpecFromUrl(url);
    if (!spec)
        return spec.error();
    return SqlStorageExecutor::open(*spec);
}

} // namespace Banter::Server
