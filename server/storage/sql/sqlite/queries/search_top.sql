-- SPDX-FileCopyrightText: 2026 Banter developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- One past the newest search position: where a first search page starts.
SELECT COALESCE(MAX(rowid), 0) + 1 FROM messages
