// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

namespace Banter::Server {

// The differences between backends that the shared SQL code has to know about.
struct SqlDialect
{
    QString name; // "sqlite" or "postgresql": also the SQL resource folder
    QString beginTransaction; // SQLite takes the write lock up front: BEGIN IMMEDIATE
};

// A QSqlDatabase connection plus checked execution: every failure becomes an Error that
// names the statement, never a silently empty result. Used on the storage thread only.
class SqlSession
{
public:
    SqlSession(QSqlDatabase database, SqlDialect dialect);

    QSqlDatabase &database() { return m_database; }
    const SqlDialect &dialect() const { return m_dialect; }

    Result<QSqlQuery> exec(const QString &sql, const QVariantList &binds = {});
    Status run(const QString &sql, const QVariantList &binds = {});
    // Runs a script of statements separated by ";" at line ends (migrations).
    Status runScript(const QString &script);

private:
    QSqlDatabase m_database;
    SqlDialect m_dialect;
};

// Maps a database failure to the protocol: a lost connection is "unavailable", anything else
// "internal". The message is for logs; clients get a generic text.
Error databaseError(const QString &what, const QString &driverText, bool connectionLost);

} // namespace Banter::Server
