-- SPDX-FileCopyrightText: 2026 Banter developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Banter schema version 5 (SQLite): full-text search over message content. An FTS5
-- external-content index over messages (the text is not stored twice) with the trigram
-- tokenizer, which finds any substring of three or more characters: Chinese has no spaces
-- between words, so a word tokenizer would find nothing in it. The triggers keep the index
-- in step inside the transaction that changes a message, whoever changes it (send, edit,
-- delete, the data migration). Its rowid is the message row's rowid: messages has indexes,
-- so VACUUM keeps rowids (tst_serversearch checks search after a VACUUM).
CREATE VIRTUAL TABLE messages_search USING fts5(content, content='messages', content_rowid='rowid', tokenize='trigram');
-- Messages stored before this step.
INSERT INTO messages_search(messages_search) VALUES ('rebuild');
CREATE TRIGGER messages_search_insert AFTER INSERT ON messages BEGIN INSERT INTO messages_search(rowid, content) VALUES (new.rowid, new.content); END;
CREATE TRIGGER messages_search_delete AFTER DELETE ON messages BEGIN INSERT INTO messages_search(messages_search, rowid, content) VALUES ('delete', old.rowid, old.content); END;
CREATE TRIGGER messages_search_update AFTER UPDATE OF content ON messages BEGIN INSERT INTO messages_search(messages_search, rowid, content) VALUES ('delete', old.rowid, old.content); INSERT INTO messages_search(rowid, content) VALUES (new.rowid, new.content); END;
