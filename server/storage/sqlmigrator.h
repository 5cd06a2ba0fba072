// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/sqlsession.h"

namespace Banter::Server {

// Brings a database to the newest schema this binary knows. Migrations are the resource
// files :/sql/<backend>/NNN_name.sql; each runs in its own transaction together with the
// row that records it, so a failure leaves the previous version intact. A database whose
// schema is newer than the binary, or that a crashed foreign tool left half-migrated, is
// refused rather than touched.
class SqlMigrator
{
public:
    explicit SqlMigrator(SqlSession &session);

    Status migrate();
    Result<int> currentVersion();
    int latestVersion() const;

private:
    struct Step
    {
        int version = 0;
        QString path;
    };
    QList<Step> steps() const;
    Status ensureVersionTable();

    SqlSession &m_session;
};

} // namespace Banter::Server
