-- SPDX-FileCopyrightText: 2026 Banter developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Banter schema version 8 (PostgreSQL): account administration (issue 15).
-- disabled = 1: the account cannot sign in, refresh or authenticate; disabled_at says when.
-- is_admin = 1: a server admin, who may use the admin_* requests.
-- deleted_at > 0: the account was deleted; the row stays so that its messages keep a sender.
ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN disabled_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN is_admin INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN deleted_at BIGINT NOT NULL DEFAULT 0;
-- Sessions an admin ended, in order: a running banterd reads the rows past the last one it
-- saw and closes those sessions' sockets, whichever process made the change (an admin
-- command, or another banterd on the same PostgreSQL database). Rows older than the refresh
-- token lifetime are swept with the sessions.
CREATE TABLE session_revocations (
    id BIGSERIAL PRIMARY KEY,
    session_id BIGINT NOT NULL,
    reason TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX session_revocations_age ON session_revocations(created_at);
