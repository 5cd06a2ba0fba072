// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/result.h>

#include <QList>
#include <QString>

namespace Banter::Server {

// Copies every table of one Banter database into another (typically SQLite → PostgreSQL)
// with ids kept, then verifies row counts and content checksums table by table. Rows already
// in the target are left alone, so an interrupted copy can simply be run again.
class DataMigration
{
public:
    struct TableReport
    {
        QString table;
        qint64 sourceRows = 0;
        qint64 targetRows = 0;
        qint64 copied = 0;
        QByteArray sourceChecksum;
        QByteArray targetChecksum;
        bool matches() const
        {
            return sourceRows == targetRows && sourceChecksum == targetChecksum;
        }
    };

    // Runs on the calling thread; blocks until done.
    static Result<QList<TableReport>> run(const QString &fromUrl, const QString &toUrl);
};

} // namespace Banter::Server
