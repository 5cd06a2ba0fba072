// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Must not compile: the service layer cannot see storage (tests/layering/CMakeLists.txt).
#include "storage/sqlsession.h"
