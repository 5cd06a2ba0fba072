-- SPDX-FileCopyrightText: 2026 Banter developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Search in a window of positions [low, before) without the index: the readable messages
-- there that contain the pattern, newest first. Serves text shorter than a trigram, and
-- common text (SqlSearchRepository::trigramPage). The ILIKE names both tables, so it is
-- tested after the join, on the messages of the user only (its case folding costs about
-- 1.5 µs a row), and it is not the indexed expression: the cost of the trigram index follows
-- the whole table, not the window.
-- Binds: user, scope, scope, before, low, pattern, limit (one more than the page needs).
SELECT m.search_id, m.id, m.conversation_id, m.seq, m.sender_id, m.created_at, m.content, true
FROM messages m
JOIN participants p ON p.conversation_id = m.conversation_id AND p.user_id = ?
WHERE m.type <> 'system' AND (? = 0 OR m.conversation_id = ?)
  AND m.search_id < ? AND m.search_id >= ?
  AND (CASE WHEN m.created_at >= p.joined_at THEN m.content END) ILIKE ? ESCAPE '\'
ORDER BY m.search_id DESC LIMIT ?
