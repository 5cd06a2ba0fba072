// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlsession.h"

#include "serverlogging.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Banter::Server {

using namespace Qt::StringLiterals;

Error databaseError(const QString &what, const QString &driverText, bool connectionLost)
{
    qCWarning(lcStorage).noquote() << what << "failed:" << driverText;
    if (connectionLost)
        return makeError(ErrorCode::Unavailable, u"the database is unavailable; try again later"_s);
    return makeError(ErrorCode::Internal, u"the server could not complete the request"_s);
}

SqlSession::SqlSession(QSqlDatabase database, SqlDialect dialect)
    : m_database(std::move(database))
    , m_dialect(std::move(dialect))
{ }

namespace {
bool isRead(const QString &sql)
{
    const QStringView text = QStringView(sql).trimmed();
    return text.startsWith(u"SELECT", Qt::CaseInsensitive);
}
} // namespace

Result<SqlCursor> SqlSession::exec(const QString &sql, const QVariantList &binds)
{
    if (!isRead(sql))
        ++m_writes;
    auto failed = [&](const QSqlQuery &query, const char *step) {
        ++m_failures;
        const QSqlError e = query.lastError();
        m_lastFailureBusy = m_dialect.isBusy && m_dialect.isBusy(e);
        return databaseError(u"%1 of \"%2\""_s.arg(QLatin1String(step), sql.simplified().left(80)),
                             e.text(), isUnavailable(e));
    };
    // Statements without parameters run directly: PostgreSQL cannot PREPARE utility
    // statements such as BEGIN, SAVEPOINT or SET.
    if (binds.isEmpty()) {
        auto query = std::make_unique<QSqlQuery>(m_database);
        query->setForwardOnly(true);
        if (!query->exec(sql))
            return failed(*query, "execution");
        return SqlCursor(std::move(query));
    }
    std::shared_ptr<QSqlQuery> &prepared = m_prepared[sql];
    if (!prepared) {
        prepared = std::make_shared<QSqlQuery>(m_database);
        prepared->setForwardOnly(true);
        if (!prepared->prepare(sql)) {
            const Error error = failed(*prepared, "prepare");
            m_prepared.remove(sql);
            return error;
        }
    }
    for (int i = 0; i < binds.size(); ++i) {
        const QVariant &bind = binds.at(i);
        // A null QString binds as SQL NULL; Banter means "empty" by it. Intentional NULLs are
        // passed as an invalid QVariant.
        if (bind.typeId() == QMetaType::QString && bind.toString().isNull())
            prepared->bindValue(i, QString(u""_s));
        else
            prepared->bindValue(i, bind);
    }
    if (!prepared->exec()) {
        const Error error = failed(*prepared, "execution");
        m_prepared.remove(sql); // a broken statement is prepared afresh next time
        return error;
    }
    return SqlCursor(prepared.get());
}

bool SqlSession::isUnavailable(const QSqlError &error) const
{
    if (!m_database.isOpen())
        return true;
    if (m_dialect.isUnavailable)
        return m_dialect.isUnavailable(error);
    return error.type() == QSqlError::ConnectionError;
}

namespace {
// PQsocket from the libpq the QPSQL driver already loaded: looked up at run time so banterd
// needs no libpq headers to build, and works unchanged when only SQLite is installed.
int postgresqlSocket(const QSqlDriver *driver)
{
    if (!driver || driver->dbmsType() != QSqlDriver::PostgreSQL)
        return -1;
    // QPSQL hands out its PGconn*; the type is registered under libpq's struct name
    // ("pg_conn*"), not the typedef: checking for "PGconn*" found no socket, so the watchdog
    // never cut anything.
    const QVariant handle = driver->handle();
    if (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0) {
        qCWarning(lcStorage) << "the PostgreSQL driver's handle is a" << handle.typeName()
                             << "; the stall watchdog cannot cut its connection";
        return -1;
    }
    void *connection = *static_cast<void *const *>(handle.constData());
    using Socket = int (*)(const void *);
    static const Socket socketOf = [] {
        void *libpq = dlopen("libpq.so.5", RTLD_NOW | RTLD_NOLOAD);
        // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast)
        return libpq ? reinterpret_cast<Socket>(dlsym(libpq, "PQsocket")) : nullptr;
    }();
    const int socket = connection && socketOf ? socketOf(connection) : -1;
    if (socket < 0)
        qCWarning(lcStorage) << "no socket found under the PostgreSQL connection: a silent"
                             << "network will wait for tcp_user_timeout, not the stall timeout";
    return socket;
}
} // namespace

// A duplicate of libpq's descriptor, ours to close: shutdown() through it acts on the same
// connection, and its number cannot be reused by another thread's socket while we hold it,
// even when libpq closed its own after an error the storage thread has not seen yet.
void SqlSession::publishSocket()
{
    const int socket = postgresqlSocket(m_database.driver());
    const int duplicate = socket >= 0 ? ::fcntl(socket, F_DUPFD_CLOEXEC, 0) : -1;
    QMutexLocker lock(&m_socketMutex);
    if (m_socket >= 0)
        ::close(m_socket);
    m_socket = duplicate;
}

// Before libpq closes its descriptor: only then does the connection really close.
void SqlSession::forgetSocket()
{
    QMutexLocker lock(&m_socketMutex);
    if (m_socket >= 0)
        ::close(m_socket);
    m_socket = -1;
}

bool SqlSession::cutSocket()
{
    QMutexLocker lock(&m_socketMutex);
    if (m_socket < 0)
        return false;
    // shutdown(), not close(): the statement waiting on libpq's descriptor fails at once,
    // and the descriptors stay open until the storage thread forgets the connection.
    return ::shutdown(m_socket, SHUT_RDWR) == 0;
}

void SqlSession::finishAll()
{
    for (const auto &query : std::as_const(m_prepared))
        query->finish();
}

Status SqlSession::run(const QString &sql, const QVariantList &binds)
{
    Result<SqlCursor> query = exec(sql, binds);
    if (!query)
        return query.error();
    return success();
}

Status SqlSession::runScript(const QString &script)
{
    static const QRegularExpression statementEnd(u";\\s*(\\n|$)"_s);
    const QStringList statements = script.split(statementEnd, Qt::SkipEmptyParts);
    for (const QString &statement : statements) {
        QString sql;
        const QStringList lines = statement.split(u'\n');
        for (const QString &line : lines) {
            if (!line.trimmed().startsWith("--"_L1))
                sql += line + u'\n';
        }
        if (sql.trimmed().isEmpty())
            continue;
        QSqlQuery query(m_database);
        if (!query.exec(sql)) {
            const QSqlError e = query.lastError();
            return databaseError(u"\"%1\""_s.arg(sql.simplified().left(80)), e.text(),
                                 isUnavailable(e));
        }
    }
    return success();
}

Result<QString> SqlSession::dialectSql(const QString &relativePath) const
{
    QFile file(u":/sql/%1/%2"_s.arg(m_dialect.name, relativePath));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Internal,
                         u"this build lacks the SQL resource %1"_s.arg(file.fileName()));
    return QString::fromUtf8(file.readAll());
}

} // namespace Banter::Server
