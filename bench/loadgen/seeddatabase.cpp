// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "seeddatabase.h"

#include <QUrl>

namespace Banter::Bench {

using namespace Qt::StringLiterals;

QSqlDatabase openSeedDatabase(const QString &url, const QString &sqlitePath)
{
    QSqlDatabase db = url.isEmpty() ? QSqlDatabase::addDatabase(u"QSQLITE"_s, u"seed"_s)
                                    : QSqlDatabase::addDatabase(u"QPSQL"_s, u"seed"_s);
    if (url.isEmpty()) {
        db.setDatabaseName(sqlitePath);
    } else {
        const QUrl u(url);
        db.setHostName(u.host());
        db.setPort(u.port(5432));
        db.setUserName(u.userName());
        db.setPassword(u.password());
        db.setDatabaseName(u.path().mid(1));
    }
    db.open();
    return db;
}

} // namespace Banter::Bench
