-- SPDX-FileCopyrightText: 2026 Banter developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Search through the FTS5 trigram index: the newest `examined` matches below the cursor,
-- each with whether the user may read it. Binds: scope, scope, match, before, examined, user.
SELECT c.rowid, m.id, m.conversation_id, m.seq, m.sender_id, m.created_at, m.content,
       (p.user_id IS NOT NULL AND m.created_at >= p.joined_at AND m.type <> 'system'
        AND (? = 0 OR m.conversation_id = ?))
FROM (SELECT rowid FROM messages_search WHERE messages_search MATCH ? AND rowid < ?
      ORDER BY rowid DESC LIMIT ?) c
JOIN messages m ON m.rowid = c.rowid
LEFT JOIN participants p ON p.conversation_id = m.conversation_id AND p.user_id = ?
ORDER BY c.rowid DESC
