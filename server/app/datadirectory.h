// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/result.h>

#include <QString>

namespace Banter::Server {

// The data directory holds every message, password hash, session and file: only the
// server's own account may enter it. A missing directory is created owner-only (0700); an
// existing one that the group or others may read, enter or write, or a database file in it
// they may read, stops the start with the chmod that fixes it. A new SQLite file is created
// owner-only. Nothing is chmodded behind the operator's back: what was open may already have
// been read.
Status prepareDataDirectory(const QString &path, const QString &sqliteFile);

} // namespace Banter::Server
