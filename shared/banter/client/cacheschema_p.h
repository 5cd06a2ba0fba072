// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/client/clientcache.h>

#include <QSqlDatabase>
#include <QString>

namespace Banter::CacheSchema {

// Bumped whenever the tables change; a file of another version is rebuilt (it is only a
// cache: the server has everything, and the outbox lives in its own file).
inline constexpr int Version = 1;

// Reads every page of the file (PRAGMA quick_check): garbage, a truncated file or a torn
// write shows here. Returns why the file cannot be used, or an empty string.
QString checkIntegrity(QSqlDatabase &db);

// Sets the connection up (WAL, no fsync) and makes sure the file is a cache of
// this schema for `identity`, creating the tables in an empty file. Returns why the file
// cannot be used, or an empty string. Does not read every page: checkIntegrity() does.
QString prepare(QSqlDatabase &db, const CacheIdentity &identity);

} // namespace Banter::CacheSchema
