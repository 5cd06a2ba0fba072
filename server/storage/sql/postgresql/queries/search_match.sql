-- SPDX-FileCopyrightText: 2026 Banter developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Search through the pg_trgm GIN index: the newest `examined` matches below the cursor,
-- each with whether the user may read it.
-- Binds: scope, scope, user, pattern, before, examined.
SELECT m.search_id, m.id, m.conversation_id, m.seq, m.sender_id, m.created_at, m.content,
       (p.user_id IS NOT NULL AND m.created_at >= p.joined_at AND m.type <> 'system'
        AND (? = 0 OR m.conversation_id = ?))
FROM messages m
LEFT JOIN participants p ON p.conversation_id = m.conversation_id AND p.user_id = ?
WHERE m.content ILIKE ? ESCAPE '\' AND m.search_id < ?
ORDER BY m.search_id DESC LIMIT ?
