// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What differs between backends at connection time, as data: storagefactory.cpp fills it
// per backend, everything else opens connections through the two functions below.

#include "storage/sqlsession.h"

#include <QElapsedTimer>
#include <QStringList>

namespace Banter::Server {

// One statement run right after connecting. When `expect` is set, the first column of its
// first row must equal it (case-insensitively): a pragma SQLite cannot honour, such as WAL
// on a file system without shared memory, answers with what it did instead of failing.
struct SqlSetting
{
    QString statement;
    QString expect;
};

struct SqlConnectionSpec
{
    SqlDialect dialect;
    QString driver; // "QSQLITE" or "QPSQL"
    QString databaseName; // SQLite file path, or PostgreSQL database name
    QString host;
    int port = -1;
    QString user;
    QString password;
    QList<SqlSetting> settings; // pragmas, session settings
    QString connectOptions; // QSqlDatabase::setConnectOptions: libpq timeouts and keepalives
    // A batch that has waited this long on the database (PostgreSQL behind a network that
    // went silent: no error, no answer) has its connection cut, so its requests are answered
    // "unavailable" instead of hanging. 0: never (SQLite waits only for its busy timeout).
    int stallTimeoutMs = 0;
};

// Registers a connection named `connectionName` on the calling thread; not opened yet. The
// caller removes it with QSqlDatabase::removeDatabase once every handle is gone.
QSqlDatabase addSqlConnection(const SqlConnectionSpec &spec, const QString &connectionName);

// Opens the session's connection and applies the spec's settings, checking each.
Status openSqlConnection(SqlSession &session, const QList<SqlSetting> &settings);

// Reopens a lost connection no more often than a doubling delay allows (from 0 to
// MaxDelayMs): while the database is gone each batch fails at once with "unavailable" instead
// of waiting for a connection attempt of its own, and a database that comes back is found
// within the delay. Storage thread only.
class SqlReconnector
{
public:
    static constexpr int FirstDelayMs = 100;
    static constexpr int MaxDelayMs = 5000;

    explicit SqlReconnector(QList<SqlSetting> settings)
        : m_settings(std::move(settings))
    { }

    bool isLost() const { return m_lost; }
    // The connection failed in a way a reconnect may cure.
    void lost();
    // Reopens the connection unless the delay since the last attempt has not passed; true
    // when it is open again (the delay then starts over).
    bool reconnect(SqlSession &session);
    int attempts() const { return m_attempts; } // since the connection was last lost

private:
    QList<SqlSetting> m_settings;
    QElapsedTimer m_sinceAttempt;
    int m_delayMs = 0;
    int m_attempts = 0;
    bool m_lost = false;
};

// A connection name no other one in the process has.
QString uniqueConnectionName(const QString &purpose);

} // namespace Banter::Server
