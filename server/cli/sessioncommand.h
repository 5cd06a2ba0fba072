// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Banter::Server {

// banterd session list NAME | session revoke ID | session revoke --all NAME.
int runSessionCommand(const QStringList &arguments);

} // namespace Banter::Server
