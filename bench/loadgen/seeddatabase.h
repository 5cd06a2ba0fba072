// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace Banter::Bench {

// A connection named "seed" to the server's database, for writing rows straight into it
// (far faster than through the protocol): PostgreSQL at `url`, or the SQLite file at
// `sqlitePath` when `url` is empty. Check isOpen(); lastError() says why not.
QSqlDatabase openSeedDatabase(const QString &url, const QString &sqlitePath);

} // namespace Banter::Bench
