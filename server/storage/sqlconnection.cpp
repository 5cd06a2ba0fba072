// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlconnection.h"

#include "serverlogging.h"

#include <QSqlError>
#include <QUuid>

namespace Banter::Server {

using namespace Qt::StringLiterals;

QSqlDatabase addSqlConnection(const SqlConnectionSpec &spec, const QString &connectionName)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(spec.driver, connectionName);
    db.setDatabaseName(spec.databaseName);
    if (!spec.host.isEmpty())
        db.setHostName(spec.host);
    if (spec.port > 0)
        db.setPort(spec.port);
    if (!spec.user.isEmpty())
        db.setUserName(spec.user);
    if (!spec.password.isEmpty())
        db.setPassword(spec.password);
    if (!spec.connectOptions.isEmpty())
        db.setConnectOptions(spec.connectOptions);
    return db;
}

Status openSqlConnection(SqlSession &session, const QList<SqlSetting> &settings)
{
    QSqlDatabase &db = session.database();
    const QString backend = session.dialect().name;
    if (!db.isValid())
        return makeError(ErrorCode::Unavailable,
                         u"the Qt SQL driver for %1 is not installed"_s.arg(backend));
    session.resetStatements();
    if (!db.open()) {
        session.forgetSocket();
        return makeError(ErrorCode::Unavailable,
                         u"cannot open the %1 database: %2"_s.arg(backend, db.lastError().text()));
    }
    session.publishSocket();
    for (const SqlSetting &setting : settings) {
        Result<SqlCursor> q = session.exec(setting.statement);
        if (!q)
            return q.error();
        if (setting.expect.isEmpty())
            continue;
        const QString got = q->next() ? q->value(0).toString() : QString();
        if (got.compare(setting.expect, Qt::CaseInsensitive) != 0)
            return makeError(
                ErrorCode::Unavailable,
                u"the %1 database did not accept \"%2\" (it answered '%3', not '%4')"_s.arg(
                    backend, setting.statement, got, setting.expect));
    }
    return success();
}

void SqlReconnector::lost()
{
    if (!m_lost)
        qCWarning(lcStorage) << "the database connection failed; reconnecting";
    m_lost = true;
}

bool SqlReconnector::reconnect(SqlSession &session)
{
    if (m_attempts > 0 && m_sinceAttempt.isValid() && m_sinceAttempt.elapsed() < m_delayMs)
        return false;
    ++m_attempts;
    m_sinceAttempt.start();
    m_delayMs = m_delayMs == 0 ? FirstDelayMs : std::min(m_delayMs * 2, MaxDelayMs);
    session.close();
    if (Status opened = openSqlConnection(session, m_settings); !opened) {
        // The delay counts from the attempt's end: against a silent network every attempt
        // lasts connect_timeout, and the batches in between must still fail at once.
        m_sinceAttempt.start();
        qCWarning(lcStorage).noquote() << "reconnect attempt" << m_attempts << "failed; next in"
                                       << m_delayMs << "ms:" << opened.error().message;
        return false;
    }
    qCInfo(lcStorage) << "the database connection is back after" << m_attempts << "attempts";
    m_lost = false;
    m_attempts = 0;
    m_delayMs = 0;
    return true;
}

QString uniqueConnectionName(const QString &purpose)
{
    return u"banter-"_s + purpose + u'-' + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace Banter::Server
