-- SPDX-FileCopyrightText: 2026 Banter developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Banter schema version 3 (PostgreSQL): the pictures users show. users.avatar_version is
-- what every user row carries (0: no picture); the bytes (at most 40 KiB, a checked PNG or
-- JPEG) live apart so that lists of users never read them. A removed picture keeps its row
-- with empty data, so the next picture's version still counts up from the last one.
ALTER TABLE users ADD COLUMN avatar_version BIGINT NOT NULL DEFAULT 0;

CREATE TABLE avatars (
    user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    data BYTEA NOT NULL,
    updated_at BIGINT NOT NULL
);
