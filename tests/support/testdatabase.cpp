// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "testdatabase.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

namespace Banter::Test {

using namespace Qt::StringLiterals;

namespace {
// Runs one statement on the cluster's maintenance database.
QString onCluster(const QString &maintenanceUrl, const QString &sql)
{
    const QUrl url(maintenanceUrl);
    const QString connection =
        u"banter-test-admin-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        if (!db.open()) {
            error = u"cannot reach the test PostgreSQL cluster at %1: %2"_s.arg(
                maintenanceUrl, db.lastError().text());
        } else {
            QSqlQuery query(db);
            if (!query.exec(sql))
                error = query.lastError().text();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return error;
}
} // namespace

QString TestDatabase::backend()
{
    const QString backend = qEnvironmentVariable("BANTER_TEST_BACKEND");
    return backend.isEmpty() ? u"sqlite"_s : backend;
}

TestDatabase::TestDatabase()
{
    if (backend() == "sqlite"_L1) {
        m_url = u"sqlite://"_s + m_dir.filePath(u"banter.db"_s);
        return;
    }
    if (backend() != "postgresql"_L1) {
        m_error = u"unknown BANTER_TEST_BACKEND '%1'"_s.arg(backend());
        return;
    }
    const QString cluster = qEnvironmentVariable("BANTER_TEST_POSTGRES_URL");
    if (cluster.isEmpty()) {
        m_error =
            u"BANTER_TEST_BACKEND=postgresql needs BANTER_TEST_POSTGRES_URL (scripts/test.sh starts a cluster)"_s;
        return;
    }
    m_name = u"banter_t_"_s + QUuid::createUuid().toString(QUuid::Id128);
    m_error = onCluster(cluster, u"CREATE DATABASE "_s + m_name);
    QUrl url(cluster);
    url.setPath(u"/"_s + m_name);
    m_url = url.toString();
}

TestDatabase::~TestDatabase()
{
    if (!m_name.isEmpty())
        onCluster(qEnvironmentVariable("BANTER_TEST_POSTGRES_URL"),
                  u"DROP DATABASE IF EXISTS "_s + m_name + u" WITH (FORCE)"_s);
}

} // namespace Banter::Test
