-- SPDX-FileCopyrightText: 2026 Banter developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Search through the pg_trgm GIN index: the newest `examined` matches below the cursor,
-- each with whether the user may read it. Binds: scope, scope, pattern, before, examined, user.
SELECT c.search_id, m.id, m.conversation_id, m.seq, m.sender_id, m.created_at, m.content,
       (p.user_id IS NOT NULL AND m.created_at >= p.joined_at AND m.type <> 'system'
        AND (? = 0 OR m.conversation_id = ?))
FROM (SELECT search_id FROM messages WHERE content ILIKE ? ESCAPE '\' AND search_id < ?
      ORDER BY search_id DESC LIMIT ?) c
JOIN messages m ON m.search_id = c.search_id
LEFT JOIN participants p ON p.conversation_id = m.conversation_id AND p.user_id = ?
ORDER BY c.search_id DESC
