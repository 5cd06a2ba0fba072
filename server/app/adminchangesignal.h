// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Banter::Server {

// The file in the data directory through which an admin command wakes a running banterd:
// the command rewrites it after it committed a change, banterd watches it (inotify through
// QFileSystemWatcher) and then reads the revocation log. Its content means nothing: the
// database is the truth, so garbage in the file, or the file missing, changes nothing
// but the wake-up.
QString adminChangeSignalPath(const QString &dataDir);

// Creates the file owner-only if it is missing (banterd, at start). False if it cannot.
bool ensureAdminChangeSignal(const QString &dataDir);

// Rewrites the file (a command, after a commit). Best effort: without a running banterd, or
// when it fails, nothing is lost; a daemon started later has no stale sockets to close.
void raiseAdminChangeSignal(const QString &dataDir);

} // namespace Banter::Server
