// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What differs between backends at connection time, as data: storagefactory.cpp fills it
// per backend, everything else opens connections through the two functions below.

#include "storage/sqlsession.h"

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
};

// Registers a connection named `connectionName` on the calling thread; not opened yet. The
// caller removes it with QSqlDatabase::removeDatabase once every handle is gone.
QSqlDatabase addSqlConnection(const SqlConnectionSpec &spec, const QString &connectionName);

// Opens the session's connection and applies the spec's settings, checking each.
Status openSqlConnection(SqlSession &session, const QList<SqlSetting> &settings);

// A connection name no other one in the process has.
QString uniqueConnectionName(const QString &purpose);

} // namespace Banter::Server
