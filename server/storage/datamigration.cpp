// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/datamigration.h"

#include "storage/sqlmigrator.h"
#include "storage/storagefactory.h"

#include <QCryptographicHash>
#include <QSqlRecord>
#include <QUrl>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
struct Table
{
    const char *name;
    const char *columns;
    const char *order; // a total order that sorts the same way on every backend (integers)
    const char *serial; // the id column whose sequence must continue after the copy, or null
};

// In foreign-key order.
constexpr Table Tables[] = {
    {"users", "id, username, display_name, password_hash, created_at, last_seen, avatar_version",
     "id", "id"},
    {"sessions",
     "id, user_id, device, refresh_hash, previous_refresh_hash, created_at, last_used_at, "
     "expires_at, revoked",
     "id", "id"},
    {"refresh_token_history", "id, hash, session_id, superseded_at", "id", "id"},
    {"conversations",
     "id, type, name, created_at, last_seq, last_activity, private_key, retention_message_days, "
     "retention_file_days, pruned_seq",
     "id", "id"},
    {"participants", "conversation_id, user_id, role, joined_at, read_seq, delivered_seq",
     "conversation_id, user_id", nullptr},
    {"messages",
     "id, conversation_id, seq, sender_id, type, content, attachment, event, created_at",
     "conversation_id, seq", nullptr},
    {"contacts", "owner_id, contact_id, blocked, added_at", "owner_id, contact_id", nullptr},
    {"files", "id, owner_id, name, size, mime_type, sha256, created_at", "created_at, id", nullptr},
    {"uploads", "id, owner_id, name, size, sha256, created_at, updated_at", "created_at, id",
     nullptr},
    {"shared_files", "file_id, conversation_id", "file_id, conversation_id", nullptr},
    {"avatars", "user_id, version, data, updated_at", "user_id", nullptr},
};

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

QString selectAll(const Table &t)
{
    return u"SELECT %1 FROM %2 ORDER BY %3"_s.arg(QLatin1String(t.columns), QLatin1String(t.name),
                                                  QLatin1String(t.order));
}

// Count and SHA-256 over every row in a backend-independent text form.
Status checksum(SqlSession &session, const Table &t, qint64 *rows, QByteArray *digest)
{
    Result<SqlCursor> q = session.exec(selectAll(t));
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

Result<qint64> copyTable(SqlSession &from, SqlSession &to, const Table &t)
{
    const QStringList columns = QString::fromLatin1(t.columns).split(u", "_s);
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks.append(u"?"_s);
    const QString insert = u"INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT DO NOTHING"_s.arg(
        QLatin1String(t.name), QLatin1String(t.columns), marks.join(u", "_s));
    Result<SqlCursor> rows = from.exec(selectAll(t));
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

    QList<TableReport> reports;
    for (const Table &t : Tables) {
        TableReport report;
        report.table = QString::fromLatin1(t.name);
        Result<qint64> copied = copyTable(from.session(), to.session(), t);
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
        if (Status s = checksum(from.session(), t, &report.sourceRows, &report.sourceChecksum); !s)
            return s.error();
        if (Status s = checksum(to.session(), t, &report.targetRows, &report.targetChecksum); !s)
            return s.error();
        reports.append(report);
    }
    return reports;
}

} // namespace Banter::Server
