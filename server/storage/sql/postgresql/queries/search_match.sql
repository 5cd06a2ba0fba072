-- SPDX-FileCopyrightText: 2026 Banter developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Search through the pg_trgm GIN index, for text that is rare below the cursor (see
-- SqlSearchRepository::trigramPage): the newest `examined` matches below the cursor, each with
-- whether the user may read it. The MATERIALIZED step keeps the planner on the bitmap of the
-- index: with ORDER BY ... LIMIT beside the ILIKE it would walk search_id backwards instead
-- and test every row down to the oldest when the text is rare (a second at 1M messages).
-- `search_id + 0` keeps the position index out of it: ANDed with the trigram bitmap it would
-- first list every position below the cursor (50 ms at 1M) to drop a handful of matches.
-- Binds: pattern, before, scope, scope, user, examined.
WITH found AS MATERIALIZED (
    SELECT search_id, id, conversation_id, seq, sender_id, created_at, content, type
    FROM messages WHERE content ILIKE ? ESCAPE '\' AND search_id + 0 < ?)
SELECT f.search_id, f.id, f.conversation_id, f.seq, f.sender_id, f.created_at, f.content,
       (p.user_id IS NOT NULL AND f.created_at >= p.joined_at AND f.type <> 'system'
        AND (? = 0 OR f.conversation_id = ?))
FROM found f
LEFT JOIN participants p ON p.conversation_id = f.conversation_id AND p.user_id = ?
ORDER BY f.search_id DESC LIMIT ?
