// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/mentions.h"

#include <banter/domain/messagecontent.h>

namespace Banter::Server {

Result<QList<UserId>> resolveMentions(Repositories &repos, const QString &text,
                                      const QList<UserId> &listed, const QList<UserId> &members,
                                      UserId sender)
{
    QList<UserId> result;
    const auto take = [&](UserId id) {
        if (id != sender && members.contains(id) && !result.contains(id)
            && result.size() < MessageContent::MaxMentions)
            result.append(id);
    };
    for (UserId id : listed)
        take(id);
    // Bounded: at most MaxMentions names, one indexed look-up each.
    for (const QString &name : MessageContent::mentionedUsernames(text)) {
        Result<std::optional<User>> user = repos.users.findByUsername(name);
        if (!user)
            return user.error();
        if (user->has_value())
            take((*user)->id);
    }
    return result;
}

ReplyPreview replyPreviewOf(const Message &original)
{
    ReplyPreview preview;
    preview.senderId = original.senderId;
    preview.seq = original.seq;
    preview.type = original.type;
    preview.deleted = original.isDeleted();
    if (!preview.deleted) {
        // The first MaxSnippetLength code points, as SQL's SUBSTR counts them.
        const QString &text = original.content;
        qsizetype end = 0;
        for (int n = 0; end < text.size() && n < ReplyPreview::MaxSnippetLength; ++n)
            end += text.at(end).isHighSurrogate() && end + 1 < text.size() ? 2 : 1;
        preview.snippet = text.left(end);
    }
    return preview;
}

} // namespace Banter::Server
