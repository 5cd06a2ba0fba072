-- SPDX-FileCopyrightText: 2026 Banter developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Banter schema version 5 (PostgreSQL): full-text search over message content. A pg_trgm
-- GIN index serves ILIKE '%text%' for any substring of three or more characters, Chinese
-- included (no word splitting needed). search_id numbers messages in the order they were
-- stored: search pages go newest first by it, and its value is the paging cursor. pg_trgm
-- ships with PostgreSQL (contrib) and is a trusted extension: the database owner may create
-- it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
ALTER TABLE messages ADD COLUMN search_id BIGINT;
CREATE SEQUENCE messages_search_id_seq OWNED BY messages.search_id;
-- Messages stored before this step, in the order they were stored.
UPDATE messages SET search_id = o.n FROM (SELECT id, row_number() OVER (ORDER BY created_at, conversation_id, seq) AS n FROM messages) o WHERE messages.id = o.id;
SELECT setval('messages_search_id_seq', COALESCE((SELECT MAX(search_id) FROM messages), 0) + 1, false);
ALTER TABLE messages ALTER COLUMN search_id SET DEFAULT nextval('messages_search_id_seq');
ALTER TABLE messages ALTER COLUMN search_id SET NOT NULL;
CREATE UNIQUE INDEX messages_search_id ON messages (search_id);
CREATE INDEX messages_content_trgm ON messages USING gin (content gin_trgm_ops);
