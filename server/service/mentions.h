// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/repositories.h"

namespace Banter::Server {

// The members a message mentions: those the client listed (`mentions`) and those written as
// @username in the text, each once, members only, never the sender, at most
// MessageContent::MaxMentions. Anyone else is dropped, not an error: a mention reveals nothing
// and reaches no one outside the conversation.
Result<QList<UserId>> resolveMentions(Repositories &repos, const QString &text,
                                      const QList<UserId> &listed, const QList<UserId> &members,
                                      UserId sender);

// What a reply shows of the message it answers (the same cut the repositories make).
ReplyPreview replyPreviewOf(const Message &original);

} // namespace Banter::Server
