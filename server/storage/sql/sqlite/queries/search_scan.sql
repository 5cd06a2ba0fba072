-- SPDX-FileCopyrightText: 2026 Banter developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Search without the index (text shorter than a trigram): the readable messages in a window
-- of positions [low, before) that contain the pattern, newest first.
-- The rowid range is the outer loop (CROSS JOIN keeps it there), so the window bounds the work.
-- Binds: user, scope, scope, before, low, pattern, limit (one more than the page needs).
SELECT m.rowid, m.id, m.conversation_id, m.seq, m.sender_id, m.created_at, m.content, 1
FROM messages m
CROSS JOIN participants p ON p.conversation_id = m.conversation_id AND p.user_id = ?
WHERE m.created_at >= p.joined_at AND m.type <> 'system' AND (? = 0 OR m.conversation_id = ?)
  AND m.rowid < ? AND m.rowid >= ? AND m.content LIKE ? ESCAPE '\'
ORDER BY m.rowid DESC LIMIT ?
