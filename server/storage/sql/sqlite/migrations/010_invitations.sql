-- SPDX-FileCopyrightText: 2026 Banter developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Banter schema version 10 (SQLite): invitations (issue 14). With registration = invite, a
-- new account needs a token from `banterd invite`. Only the token's SHA-256 is kept, as for
-- refresh tokens. uses_left counts down to 0; revoked_at ends one early.
CREATE TABLE invitations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash BLOB NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    max_uses INTEGER NOT NULL,
    uses_left INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER
);
