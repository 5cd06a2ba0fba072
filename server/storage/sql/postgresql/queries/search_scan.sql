-- SPDX-FileCopyrightText: 2026 Banter developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Search without the index (text shorter than a trigram): the readable messages in a window
-- of positions [low, before) that contain the pattern, newest first.
-- Binds: user, scope, scope, before, low, pattern.
SELECT m.search_id, m.id, m.conversation_id, m.seq, m.sender_id, m.created_at, m.content, true
FROM messages m
JOIN participants p ON p.conversation_id = m.conversation_id AND p.user_id = ?
WHERE m.created_at >= p.joined_at AND m.type <> 'system' AND (? = 0 OR m.conversation_id = ?)
  AND m.search_id < ? AND m.search_id >= ? AND m.content ILIKE ? ESCAPE '\'
ORDER BY m.search_id DESC
