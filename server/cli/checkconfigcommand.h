// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Banter::Server {

// banterd check-config [--config FILE] [--data-dir DIR] [--database URL] [--min-free-mib N]:
// checks the configuration and what a start would meet, one line per finding (ok, warning,
// error); exit 0 only when every finding is ok. Changes nothing.
int runCheckConfigCommand(const QStringList &arguments);

} // namespace Banter::Server
