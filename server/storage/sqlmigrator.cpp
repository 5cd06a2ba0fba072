// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlmigrator.h"

#include "serverlogging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

namespace Banter::Server {

using namespace Qt::StringLiterals;

SqlMigrator::SqlMigrator(SqlSession &session)
    : m_session(session)
{ }

QList<SqlMigrator::Step> SqlMigrator::steps() const
{
    QList<Step> result;
    const QDir dir(u":/sql/"_s + m_session.dialect().name);
    const QStringList files = dir.entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        bool ok = false;
        const int version = file.section(u'_', 0, 0).toInt(&ok);
        if (ok && version > 0)
            result.append({version, dir.filePath(file)});
    }
    return result;
}

int SqlMigrator::latestVersion() const
{
    const QList<Step> all = steps();
    return all.isEmpty() ? 0 : all.constLast().version;
}

Status SqlMigrator::ensureVersionTable()
{
    return m_session.run(u"CREATE TABLE IF NOT EXISTS schema_version ("
                         "version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL, "
                         "complete INTEGER NOT NULL DEFAULT 1)"_s);
}

Result<int> SqlMigrator::currentVersion()
{
    if (Status table = ensureVersionTable(); !table)
        return table.error();
    Result<SqlCursor> incomplete =
        m_session.exec(u"SELECT version FROM schema_version WHERE complete = 0"_s);
    if (!incomplete)
        return incomplete.error();
    if (incomplete->next())
        return makeError(
            ErrorCode::Internal,
            u"the database is half-migrated (step %1 did not finish); restore a backup"_s.arg(
                incomplete->value(0).toInt()));
    Result<SqlCursor> query =
        m_session.exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_version"_s);
    if (!query)
        return query.error();
    query->next();
    return query->value(0).toInt();
}

Status SqlMigrator::migrate()
{
    Result<int> current = currentVersion();
    if (!current)
        return current.error();
    const int latest = latestVersion();
    if (*current > latest)
        return makeError(ErrorCode::Internal,
                         u"the database schema (version %1) is newer than this banterd knows (%2); "
                         "upgrade banterd"_s.arg(*current)
                             .arg(latest));
    for (const Step &step : steps()) {
        if (step.version <= *current)
            continue;
        QFile file(step.path);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Internal, u"missing migration %1"_s.arg(step.path));
        const QString script = QString::fromUtf8(file.readAll());
        qCInfo(lcStorage) << "migrating" << m_session.dialect().name << "database to version"
                          << step.version;
        if (Status begin = m_session.run(u"BEGIN"_s); !begin)
            return begin;
        Status applied = m_session.runScript(script);
        if (applied) {
            applied = m_session.run(
                u"INSERT INTO schema_version (version, applied_at, complete) VALUES (?, ?, 1)"_s,
                {step.version, QDateTime::currentMSecsSinceEpoch()});
        }
        if (applied)
            applied = m_session.run(u"COMMIT"_s);
        if (!applied) {
            m_session.run(u"ROLLBACK"_s);
            return makeError(
                ErrorCode::Internal,
                u"migration to version %1 failed and was rolled back: %2"_s.arg(step.version)
                    .arg(applied.error().message));
        }
    }
    return success();
}

} // namespace Banter::Server
