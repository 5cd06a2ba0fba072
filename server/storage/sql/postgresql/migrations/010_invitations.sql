-- SPDX-FileCopyrightText: 2026 Banter developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Banter schema version 10 (PostgreSQL): invitations (issue 14). With registration = invite,
-- a new account needs a token from `banterd invite`. Only the token's SHA-256 is kept, as for
-- refresh tokens. uses_left counts down to 0; revoked_at ends one early.
CREATE TABLE invitations (
    id BIGSERIAL PRIMARY KEY,
    token_hash BYTEA NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    max_uses INTEGER NOT NULL,
    uses_left INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT
);
