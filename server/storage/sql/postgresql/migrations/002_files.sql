-- SPDX-FileCopyrightText: 2026 Banter developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Banter schema version 2 (PostgreSQL): stored files, unfinished uploads, and which
-- conversations a file was shared into (who may download it). The content itself lives on
-- disk under <data dir>/files, named by its SHA-256; identical content is stored once.
CREATE TABLE files (
    id TEXT PRIMARY KEY,
    owner_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    size BIGINT NOT NULL,
    mime_type TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX files_owner ON files(owner_id);
CREATE INDEX files_sha256 ON files(sha256);

CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    owner_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX uploads_owner ON uploads(owner_id);
CREATE INDEX uploads_updated ON uploads(updated_at);

CREATE TABLE shared_files (
    file_id TEXT NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    conversation_id BIGINT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    PRIMARY KEY (file_id, conversation_id)
);
