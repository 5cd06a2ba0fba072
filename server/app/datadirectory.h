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

// What prepareDataDirectory would refuse, without creating or changing anything (for
// `banterd check-config`): a data directory that is not one, or one (or a database file in
// it) that others may read. A directory that does not exist yet is fine.
Status checkDataDirectory(const QString &path, const QString &sqliteFile);

// A key file (token key, TLS key) that the group or others may read is an error naming the
// chmod that fixes it; a missing file is fine.
Status checkPrivateFile(const QString &what, const QString &path);

} // namespace Banter::Server
