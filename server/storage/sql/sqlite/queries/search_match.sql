-- SPDX-FileCopyrightText: 2026 Banter developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Search through the FTS5 trigram index: the newest `examined` matches below the cursor,
-- each with whether the user may read it. The index is the outer loop (CROSS JOIN keeps it
-- there) and already yields rowids in descending order, so rows stream: the caller stops
-- reading once its page is full and the rest is never looked at.
-- Binds: scope, scope, user, match, before, examined.
SELECT f.rowid, m.id, m.conversation_id, m.seq, m.sender_id, m.created_at, m.content,
       (p.user_id IS NOT NULL AND m.created_at >= p.joined_at AND m.type <> 'system'
        AND (? = 0 OR m.conversation_id = ?))
FROM messages_search f
CROSS JOIN messages m ON m.rowid = f.rowid
LEFT JOIN participants p ON p.conversation_id = m.conversation_id AND p.user_id = ?
WHERE messages_search MATCH ? AND f.rowid < ?
ORDER BY f.rowid DESC LIMIT ?
