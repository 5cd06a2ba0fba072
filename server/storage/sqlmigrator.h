// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/sqlsession.h"

namespace Banter::Server {

// Brings a database to the newest schema this binary knows. The steps are the files
// NNN_name.sql of :/sql/<backend>/migrations, numbered 001, 002, … without gaps; each runs in
// its own transaction together with the schema_version row that records it, so a failure
// leaves the previous version intact. A database is refused rather than touched when its
// schema is newer than the binary, when a step is recorded as unfinished or missing, or when
// it holds tables but no schema_version at all.
class SqlMigrator
{
public:
    // `directory` replaces the dialect's own steps (tests use fixtures).
    explicit SqlMigrator(SqlSession &session, QString directory = {});

    // Applies the missing steps up to `target` (all of them by default).
    Status migrate(int target = -1);
    // 0 for an empty database; an error for one this binary must not touch.
    Result<int> currentVersion();
    Result<int> latestVersion() const;

private:
    struct Step
    {
        int version = 0;
        QString path;
    };
    Result<QList<Step>> steps() const;
    Status apply(const Step &step);
    Status applyInTransaction(const Step &step, const QString &script);

    SqlSession &m_session;
    QString m_directory;
};

} // namespace Banter::Server
