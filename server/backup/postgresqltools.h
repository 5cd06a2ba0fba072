// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/sqlconnection.h"

#include <QStringList>

namespace Banter::Server {

// Runs one of PostgreSQL's client programs (pg_dump, pg_restore) against the database a
// connection spec names: found on PATH (a clear error naming the Debian package when it is
// not), connection options as arguments, the password through PGPASSWORD rather than the
// command line (which every user of the machine can read), never a password prompt.
// Waits for it to end; its stderr becomes the error message when it fails.
Status runPostgresqlTool(const QString &program, const SqlConnectionSpec &spec,
                         const QStringList &arguments);

} // namespace Banter::Server
