// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Every logging category of the server, in one place. Enable with QT_LOGGING_RULES, e.g.
// QT_LOGGING_RULES="banter.net.debug=true".

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcNet) // banter.net: connections, frames, limits
Q_DECLARE_LOGGING_CATEGORY(lcService) // banter.service: use cases
Q_DECLARE_LOGGING_CATEGORY(lcAuth) // banter.auth: logins, tokens, revocations
Q_DECLARE_LOGGING_CATEGORY(lcServer) // banter.server: start-up, configuration
Q_DECLARE_LOGGING_CATEGORY(lcStorage) // banter.storage: database, migrations, batches
