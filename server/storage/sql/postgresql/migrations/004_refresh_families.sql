-- SPDX-FileCopyrightText: 2026 Banter developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Banter schema version 4 (PostgreSQL): every refresh token a session has replaced, so that
-- presenting any of them (not only the one just before the current token) is recognised
-- as a copy and revokes the session. Rows go with their session, and are dropped once older
-- than the refresh token lifetime (such a token could not be used any more anyway).
CREATE TABLE refresh_token_history (
    id BIGSERIAL PRIMARY KEY,
    hash BYTEA NOT NULL UNIQUE,
    session_id BIGINT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    superseded_at BIGINT NOT NULL
);
CREATE INDEX refresh_token_history_session ON refresh_token_history(session_id);
CREATE INDEX refresh_token_history_age ON refresh_token_history(superseded_at);
-- The session sweep looks for sessions that can no longer be used.
CREATE INDEX sessions_expiry ON sessions(expires_at);
-- The token each session replaced last is superseded too.
INSERT INTO refresh_token_history (hash, session_id, superseded_at)
    SELECT previous_refresh_hash, id, last_used_at FROM sessions
    WHERE previous_refresh_hash IS NOT NULL;
