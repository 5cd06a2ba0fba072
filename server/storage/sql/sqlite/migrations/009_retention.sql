-- SPDX-FileCopyrightText: 2026 Banter developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Banter schema version 9 (SQLite): retention (issue 15).
-- retention_message_days / retention_file_days: a conversation's own policy, set by its
-- members through set_retention; 0 keeps forever (then only the server's policy applies,
-- and where both are set the stricter wins).
-- pruned_seq: every message of the conversation up to this seq was removed by the retention
-- sweep (always a prefix of the seq stream); sync tells a client behind it to reset.
ALTER TABLE conversations ADD COLUMN retention_message_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN retention_file_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN pruned_seq INTEGER NOT NULL DEFAULT 0;
-- The sweep looks for files older than a cut-off.
CREATE INDEX files_created ON files(created_at);
