// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Banter::Test {

// QStandardPaths' test mode (~/.qttest/...), with the application data and cache that earlier
// runs of this test program left there removed. Drafts and cached files are kept per server
// address (host and port) and account, and a test server gets a new port each time: a port
// that an earlier run used would otherwise bring back that run's drafts ("see you at ten"
// prepended to another test's caption).
void useCleanTestPaths();

} // namespace Banter::Test
