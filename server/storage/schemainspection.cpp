// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/schemainspection.h"

#include "storage/sqlconnection.h"
#include "storage/sqlmigrator.h"
#include "storage/storagefactory.h"

#include <QUrl>

namespace Banter::Server {

using namespace Qt::StringLiterals;

Result<SchemaState> inspectSchema(const QString &url)
{
    Result<SqlConnectionSpec> spec = connectionSpecFromUrl(url);
    if (!spec)
        return spec.error();
    const QString name = uniqueConnectionName(u"check-config"_s);
    Result<SchemaState> state = makeError(ErrorCode::Internal, u"not inspected"_s);
    {
        SqlSession session(addSqlConnection(*spec, name), spec->dialect);
        if (Status opened = openSqlConnection(session, spec->settings); !opened) {
            state = makeError(
                ErrorCode::Unavailable,
                u"%1: %2"_s.arg(QUrl(url).toString(QUrl::RemovePassword), opened.error().message));
        } else {
            SqlMigrator migrator(session);
            Result<int> current = migrator.currentVersion();
            Result<int> latest = migrator.latestVersion();
            if (!current)
                state = current.error();
            else if (!latest)
                state = latest.error();
            else
                state = SchemaState{*current, *latest};
        }
        session.close();
    }
    QSqlDatabase::removeDatabase(name);
    return state;
}

} // namespace Banter::Server
