// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Row ⇄ domain conversions shared by the SQL repositories. The column lists here and the
// reads below must stay in the same order.

#include "storage/sqlsession.h"
#include <banter/domain/conversation.h>
#include <banter/domain/message.h>
#include <banter/domain/user.h>

namespace Banter::Server::SqlRows {

inline const QString UserColumns =
    QStringLiteral("u.id, u.username, u.display_name, u.created_at, u.avatar_version");
inline constexpr int UserColumnCount = 5;
inline const QString MessageColumns = QStringLiteral(
    "m.id, m.conversation_id, m.seq, m.sender_id, m.type, m.content, m.attachment, "
    "m.event, m.created_at, m.reply_to, m.edited_at, m.deleted_at, m.mentions, "
    "m.reaction_count, r.sender_id, r.type, SUBSTR(r.content, 1, 100), r.deleted_at, r.seq");
inline constexpr int MessageColumnCount = 19;
inline constexpr int ReactionCountColumn = 13; // after `first`: reactions to read, if > 0
inline const QString ReplyJoin = QStringLiteral(" LEFT JOIN messages r ON r.id = m.reply_to ");

// The first column of every row, as ids.
QList<qint64> ids(SqlCursor &q);
User user(const SqlCursor &q, int first = 0);
Message message(const SqlCursor &q, int first = 0);
QString attachmentText(const Attachment &attachment);
QString eventText(const SystemEvent &event);
// Mentions as stored: ids separated by commas, or NULL for none.
QVariant mentionsText(const QList<UserId> &mentions);
// A LIKE pattern for text starting with `prefix`, lowercased; the prefix's own %, _ and
// backslash are taken literally (the query says ESCAPE with a backslash).
QString likePrefixPattern(const QString &prefix);
// "The user's username or display name starts with …" on users aliased u: binds
// likePrefixPattern() twice.
inline const QString NameStartsWith =
    QStringLiteral("(u.username LIKE ? ESCAPE '\\' OR lower(u.display_name) LIKE ? ESCAPE '\\')");

} // namespace Banter::Server::SqlRows
