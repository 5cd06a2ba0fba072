-- SPDX-FileCopyrightText: 2026 Banter developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Banter schema version 6 (PostgreSQL): replies, edits, deletions, reactions and mentions.
-- A change to a message (edit, delete, reaction) is itself a system message in the
-- conversation's seq stream whose target_id names the changed message; history pages leave
-- those out (target_id IS NULL) and show each message in its current state instead.
ALTER TABLE messages ADD COLUMN reply_to TEXT;
ALTER TABLE messages ADD COLUMN edited_at BIGINT;
ALTER TABLE messages ADD COLUMN deleted_at BIGINT;
ALTER TABLE messages ADD COLUMN target_id TEXT;
ALTER TABLE messages ADD COLUMN mentions TEXT;
ALTER TABLE messages ADD COLUMN reaction_count INTEGER NOT NULL DEFAULT 0;
CREATE INDEX messages_target ON messages(target_id) WHERE target_id IS NOT NULL;

-- One row per user per emoji per message; the key also serves the per-page count.
CREATE TABLE reactions (
    message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    emoji TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (message_id, emoji, user_id)
);

-- Who is mentioned where, for the unread_mentions count (seq > the member's read_seq).
CREATE TABLE mentions (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    conversation_id BIGINT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    PRIMARY KEY (user_id, conversation_id, seq)
);
