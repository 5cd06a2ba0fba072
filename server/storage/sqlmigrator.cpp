// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlmigrator.h"

#include "serverlogging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
// Portable; created inside the first step's transaction, so a failed first step leaves an
// empty database behind, not a versioned one.
const QString VersionTable =
    QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                   "applied_at BIGINT NOT NULL, complete INTEGER NOT NULL DEFAULT 1)");

Error refused(const QString &why)
{
    return makeError(ErrorCode::Internal, why);
}
} // namespace

SqlMigrator::SqlMigrator(SqlSession &session, QString directory)
    : m_session(session)
    , m_directory(directory.isEmpty() ? u":/sql/%1/migrations"_s.arg(session.dialect().name)
                                      : std::move(directory))
{ }

Result<QList<SqlMigrator::Step>> SqlMigrator::steps() const
{
    QList<Step> result;
    const QDir dir(m_directory);
    const QStringList files = dir.entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        bool ok = false;
        const int version = file.section(u'_', 0, 0).toInt(&ok);
        // A gap or a duplicate number is a packaging mistake; never guess an order.
        if (!ok || version != result.size() + 1)
            return refused(u"the migrations in %1 are not numbered 001, 002, … (at %2)"_s.arg(
                m_directory, file));
        result.append({version, dir.filePath(file)});
    }
    if (result.isEmpty())
        return refused(u"this build has no migrations in %1"_s.arg(m_directory));
    return result;
}

Result<int> SqlMigrator::latestVersion() const
{
    Result<QList<Step>> all = steps();
    if (!all)
        return all.error();
    return all->constLast().version;
}

Result<int> SqlMigrator::currentVersion()
{
    Result<int> latest = latestVersion();
    if (!latest)
        return latest.error();
    Result<QString> tablesSql = m_session.dialectSql(u"queries/tables.sql"_s);
    if (!tablesSql)
        return tablesSql.error();
    Result<SqlCursor> tables = m_session.exec(*tablesSql);
    if (!tables)
        return tables.error();
    QStringList names;
    while (tables->next())
        names.append(tables->value(0).toString());
    names.sort();
    const Error foreign = refused(
        u"the database holds tables (%1) but no recorded schema version: it is not a Banter "
        "database, or creating it failed half-way; refusing to touch it"_s.arg(
            names.join(u", "_s)));
    // What is left besides schema_version must be ours, and versioned.
    if (!names.removeOne(u"schema_version"_s))
        return names.isEmpty() ? Result<int>(0) : Result<int>(foreign);
    Result<SqlCursor> rows =
        m_session.exec(u"SELECT version, complete FROM schema_version ORDER BY version"_s);
    if (!rows)
        return rows.error();
    QList<std::pair<int, bool>> recorded;
    while (rows->next())
        recorded.append({rows->value(0).toInt(), rows->value(1).toInt() != 0});
    if (recorded.isEmpty() && !names.isEmpty())
        return foreign;
    if (!recorded.isEmpty() && recorded.constLast().first > *latest)
        return refused(u"the database schema (version %1) is newer than this banterd knows (%2); "
                       "upgrade banterd"_s.arg(recorded.constLast().first)
                           .arg(*latest));
    for (qsizetype i = 0; i < recorded.size(); ++i) {
        const auto [version, complete] = recorded.at(i);
        if (!complete || version != i + 1)
            return refused(
                u"the database is half-migrated (step %1 is %2); restore a backup"_s.arg(i + 1).arg(
                    complete ? u"missing"_s : u"unfinished"_s));
    }
    return int(recorded.size());
}

Status SqlMigrator::migrate(int target)
{
    Result<QList<Step>> all = steps();
    if (!all)
        return all.error();
    Result<int> current = currentVersion();
    if (!current)
        return current.error();
    for (const Step &step : std::as_const(*all)) {
        if (step.version <= *current || (target >= 0 && step.version > target))
            continue;
        if (Status applied = apply(step); !applied)
            return applied;
    }
    return success();
}

Status SqlMigrator::apply(const Step &step)
{
    QFile file(step.path);
    if (!file.open(QIODevice::ReadOnly))
        return refused(u"cannot read the migration %1"_s.arg(step.path));
    const QString script = QString::fromUtf8(file.readAll());
    qCInfo(lcStorage) << "migrating the" << m_session.dialect().name << "database to version"
                      << step.version;
    if (Status begin = m_session.run(m_session.dialect().beginTransaction); !begin)
        return begin;
    Status applied = applyInTransaction(step, script);
    m_session.finishAll();
    if (applied)
        applied = m_session.run(u"COMMIT"_s);
    if (!applied) {
        m_session.run(u"ROLLBACK"_s);
        return refused(
            u"migration to version %1 (%2) failed and was rolled back: %3"_s.arg(step.version)
                .arg(QFileInfo(step.path).fileName(), applied.error().message));
    }
    return success();
}

Status SqlMigrator::applyInTransaction(const Step &step, const QString &script)
{
    Result<QString> lock = m_session.dialectSql(u"queries/lock_migrations.sql"_s);
    if (!lock)
        return lock.error();
    if (Status locked = m_session.runScript(*lock); !locked)
        return locked;
    if (Status table = m_session.run(VersionTable); !table)
        return table;
    // Another server may have applied the step while this one waited for the lock.
    Result<SqlCursor> done =
        m_session.exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_version"_s);
    if (!done)
        return done.error();
    const bool alreadyApplied = done->next() && done->value(0).toInt() >= step.version;
    done->finish();
    if (alreadyApplied)
        return success();
    if (Status ran = m_session.runScript(script); !ran)
        return ran;
    return m_session.run(
        u"INSERT INTO schema_version (version, applied_at, complete) VALUES (?, ?, 1)"_s,
        {step.version, QDateTime::currentMSecsSinceEpoch()});
}

} // namespace Banter::Server
