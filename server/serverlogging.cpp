// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverlogging.h"

Q_LOGGING_CATEGORY(lcNet, "banter.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcService, "banter.service", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "banter.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServer, "banter.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "banter.storage", QtInfoMsg)
