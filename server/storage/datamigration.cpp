// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/datamigration.h"

#include "storage/sqlmigrator.h"
#include "storage/storagefactory.h"

#include <QCryptographicHash>
#include <QSqlRecord>
#include <QUrl>

#include <algorithm>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
struct Table
{
    const char *name;
    const char *order; // a total order that sorts the same way on every backend (integers)
    const char *serial; // the id column whose sequence must continue after the copy, or null
};

// In foreign-key order. The columns are not listed: every column the schema has is copied
// (both ends are migrated to the same version first), so a schema step that adds a column
// cannot be forgotten here. A table that is not listed stops the copy (unlistedTables).
constexpr Table Tables[] = {
    {"users", "id", "id"},
    {"sessions", "id", "id"},
    {"refresh_token_history", "id", "id"},
    {"conversations", "id", "id"},
    {"participants", "conversation_id, user_id", nullptr},
    {"messages", "conversation_id, seq", nullptr},
    {"contacts", "owner_id, contact_id", nullptr},
    {"files", "created_at, id", nullptr},
    {"uploads", "created_at, id", nullptr},
    {"shared_files", "file_id, conversation_id", nullptr},
    {"avatars", "user_id", nullptr},
    {"reactions", "message_id, emoji, user_id", nullptr},
    {"mentions", "user_id, conversation_id, seq", nullptr},
    {"session_revocations", "id", "id"},
    {"invitations", "id", "id"},
};

// Tables that are not data: the migrator's own, and SQLite's full-text index over messages
// (its triggers fill it on the target as the messages arrive).
bool isDerivedTable(const QString &name)
{
    return name == "schema_version"_L1 || name.startsWith("messages_search"_L1);
}

constexpr int RowsPerTransaction = 5000;

// One side of the copy: its own connection on this thread, migrated to the current schema.
class Endpoint
{
public:
    ~Endpoint()
    {
        if (m_session)
            m_session->close();
        m_session.reset();
        if (!m_name.isEmpty())
            QSqlDatabase::removeDatabase(m_name);
    }

    Status open(const QString &url)
    {
        Result<SqlConnectionSpec> spec = connectionSpecFromUrl(url);
        if (!spec)
            return spec.error();
        m_spec = *spec;
        m_name = uniqueConnectionName(u"migrate-data"_s);
        m_session = std::make_unique<SqlSession>(addSqlConnection(m_spec, m_name), m_spec.dialect);
        if (Status opened = openSqlConnection(*m_session, m_spec.settings); !opened)
            return makeError(
                opened.error().code,
                u"%1: %2"_s.arg(QUrl(url).toString(QUrl::RemovePassword), opened.error().message));
        SqlMigrator migrator(*m_session);
        return migrator.migrate();
    }

    SqlSession &session() { return *m_session; }
    bool isPostgres() const { return m_spec.dialect.name == "postgresql"_L1; }

private:
    SqlConnectionSpec m_spec;
    QString m_name;
    std::unique_ptr<SqlSession> m_session;
};

// The table's columns as the (migrated) source has them, in its order.
Result<QStringList> columnsOf(SqlSession &session, const Table &t)
{
    Result<SqlCursor> q =
        session.exec(u"SELECT * FROM %1 WHERE 1 = 0"_s.arg(QLatin1String(t.name)));
    if (!q)
        return q.error();
    const QSqlRecord record = q->record();
    QStringList columns;
    for (int i = 0; i < record.count(); ++i)
        columns.append(record.fieldName(i));
    return columns;
}

// Columns one backend keeps for itself (PostgreSQL's search order; it fills it on insert).
bool isBackendColumn(const QString &column)
{
    return column == "search_id"_L1;
}

// The columns to copy: every column both ends have. One that only one end has, and that is
// not a backend's own, means the schemas differ: nothing is copied.
Result<QStringList> sharedColumns(SqlSession &from, SqlSession &to, const Table &t)
{
    Result<QStringList> source = columnsOf(from, t);
    if (!source)
        return source.error();
    Result<QStringList> target = columnsOf(to, t);
    if (!target)
        return target.error();
    QStringList shared;
    for (const QString &column : *source) {
        if (target->contains(column))
            shared.append(column);
        else if (!isBackendColumn(column))
            return makeError(
                ErrorCode::Internal,
                u"%1.%2 exists in the source only"_s.arg(QLatin1String(t.name), column));
    }
    for (const QString &column : *target) {
        if (!source->contains(column) && !isBackendColumn(column))
            return makeError(
                ErrorCode::Internal,
                u"%1.%2 exists in the target only"_s.arg(QLatin1String(t.name), column));
    }
    return shared;
}

QString selectAll(const Table &t, const QStringList &columns)
{
    return u"SELECT %1 FROM %2 ORDER BY %3"_s.arg(columns.join(u", "_s), QLatin1String(t.name),
                                                  QLatin1String(t.order));
}

// Tables of the database that migrate-data does not know: copying without them would lose
// their rows silently, so the copy does not start.
Result<QStringList> unlistedTables(SqlSession &session)
{
    Result<QString> sql = session.dialectSql(u"queries/tables.sql"_s);
    if (!sql)
        return sql.error();
    Result<SqlCursor> q = session.exec(*sql);
    if (!q)
        return q.error();
    QStringList unlisted;
    while (q->next()) {
        const QString name = q->value(0).toString();
        const bool listed = std::any_of(std::begin(Tables), std::end(Tables), [&](const Table &t) {
            return name == QLatin1String(t.name);
        });
        if (!listed && !isDerivedTable(name))
            unlisted.append(name);
    }
    return unlisted;
}

// Count and SHA-256 over every row in a backend-independent text form.
Status checksum(SqlSession &session, const Table &t, const QStringList &columnNames, qint64 *rows,
                QByteArray *digest)
{
    Result<SqlCursor> q = session.exec(selectAll(t, columnNames));
    if (!q)
        return q.error();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    *rows = 0;
    const int columns = q->record().count();
    while (q->next()) {
        ++*rows;
        for (int c = 0; c < columns; ++c) {
            const QVariant v = q->value(c);
            if (v.isNull())
                hash.addData("\\N");
            else if (v.typeId() == QMetaType::QByteArray)
                hash.addData(v.toByteArray().toHex());
            else
                hash.addData(v.toString().toUtf8());
            hash.addData("\x1f");
        }
        hash.addData("\x1e");
    }
    *digest = hash.result().toHex();
    return success();
}

Result<qint64> copyTable(SqlSession &from, SqlSession &to, const Table &t,
                         const QStringList &columns)
{
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks.append(u"?"_s);
    const QString insert = u"INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT DO NOTHING"_s.arg(
        QLatin1String(t.name), columns.join(u", "_s), marks.join(u", "_s));
    Result<SqlCursor> rows = from.exec(selectAll(t, columns));
    if (!rows)
        return rows.error();
    qint64 copied = 0;
    int inTransaction = 0;
    if (Status begin = to.run(u"BEGIN"_s); !begin)
        return begin.error();
    while (rows->next()) {
        QVariantList values;
        for (qsizetype c = 0; c < columns.size(); ++c) {
            const QVariant v = rows->value(int(c));
            values.append(v.isNull() ? QVariant() : v); // an invalid QVariant binds as NULL
        }
        Result<SqlCursor> inserted = to.exec(insert, values);
        if (!inserted) {
            to.run(u"ROLLBACK"_s);
            return inserted.error();
        }
        copied += inserted->numRowsAffected() > 0 ? 1 : 0;
        if (++inTransaction >= RowsPerTransaction) {
            if (Status commit = to.run(u"COMMIT"_s); !commit)
                return commit.error();
            if (Status begin = to.run(u"BEGIN"_s); !begin)
                return begin.error();
            inTransaction = 0;
        }
    }
    if (Status commit = to.run(u"COMMIT"_s); !commit)
        return commit.error();
    return copied;
}
} // namespace

Result<QList<DataMigration::TableReport>> DataMigration::run(const QString &fromUrl,
                                                             const QString &toUrl)
{
    Endpoint from;
    if (Status opened = from.open(fromUrl); !opened)
        return opened.error();
    Endpoint to;
    if (Status opened = to.open(toUrl); !opened)
        return opened.error();

    Result<QStringList> unlisted = unlistedTables(from.session());
    if (!unlisted)
        return unlisted.error();
    if (!unlisted->isEmpty())
        return makeError(ErrorCode::Internal,
                         u"migrate-data does not know the table(s) %1; nothing was copied"_s.arg(
                             unlisted->join(u", "_s)));
    QList<TableReport> reports;
    for (const Table &t : Tables) {
        TableReport report;
        report.table = QString::fromLatin1(t.name);
        Result<QStringList> columns = sharedColumns(from.session(), to.session(), t);
        if (!columns)
            return columns.error();
        Result<qint64> copied = copyTable(from.session(), to.session(), t, *columns);
        if (!copied)
            return makeError(copied.error().code,
                             u"copying %1 failed: %2"_s.arg(report.table, copied.error().message));
        report.copied = *copied;
        if (t.serial && to.isPostgres()) {
            // Ids were copied explicitly; new rows must continue after the highest one.
            const QString sql =
                u"SELECT setval(pg_get_serial_sequence('%1', '%2'), COALESCE((SELECT MAX(%2) FROM %1), 0) + 1, false)"_s
                    .arg(QLatin1String(t.name), QLatin1String(t.serial));
            if (Status s = to.session().run(sql); !s)
                return s.error();
        }
        if (Status s =
                checksum(from.session(), t, *columns, &report.sourceRows, &report.sourceChecksum);
            !s)
            return s.error();
        if (Status s =
                checksum(to.session(), t, *columns, &report.targetRows, &report.targetChecksum);
            !s)
            return s.error();
        reports.append(report);
    }
    return reports;
}

} // namespace Banter::Server
