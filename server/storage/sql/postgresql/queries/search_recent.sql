-- SPDX-FileCopyrightText: 2026 Banter developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Search in a window of positions [low, before), newest first, each match with whether the
-- user may read it (see SqlSearchRepository::trigramPage). Read in position order, not
-- through the trigram index: the ILIKE is on the content with an empty text appended, which
-- is not the indexed expression, so the planner cannot pick the GIN bitmap, whose cost
-- follows how often the text occurs in the whole table (tens of ms for common words at 1M),
-- not the size of the window. (No quote characters in these comments: the driver looks for
-- placeholders outside quotes and does not know SQL comments.)
-- Binds: scope, scope, user, before, low, pattern, examined.
SELECT m.search_id, m.id, m.conversation_id, m.seq, m.sender_id, m.created_at, m.content,
       (p.user_id IS NOT NULL AND m.created_at >= p.joined_at AND m.type <> 'system'
        AND (? = 0 OR m.conversation_id = ?))
FROM messages m
LEFT JOIN participants p ON p.conversation_id = m.conversation_id AND p.user_id = ?
WHERE m.search_id < ? AND m.search_id >= ? AND (m.content || '') ILIKE ? ESCAPE '\'
ORDER BY m.search_id DESC LIMIT ?
