-- SPDX-FileCopyrightText: 2026 Banter developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Runs first inside each migration transaction, so two servers starting together take turns:
-- the second waits here, then finds the step recorded and skips it. Released at COMMIT.
SELECT pg_advisory_xact_lock(7242026001)
