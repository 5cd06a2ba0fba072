// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small steps that several storage jobs share.

#include "service/repositories.h"

namespace Banter::Server {

// Loads a conversation the user is a member of. A missing conversation and one the user is
// not in give the same NotFound, so membership cannot be probed.
Result<Conversation> loadConversationAsMember(Repositories &repos, ConversationId id, UserId user);

// Fills the display names of participants (the repositories store only ids).
Status fillParticipantNames(Repositories &repos, QList<Conversation *> conversations);
Status fillParticipantNames(Repositories &repos, Conversation &conversation);

QList<UserId> memberIds(const Conversation &conversation);

// Who follows the user's presence and profile: the people who share a conversation with them
// and those who keep them as a contact, blocks either way excluded (by the repositories),
// each once, without the user.
Result<QList<UserId>> audienceOf(Repositories &repos, UserId user);

// A server-made message recording a membership change inside the conversation's seq stream.
Result<Message> appendSystemMessage(Repositories &repos, ConversationId id, UserId actor,
                                    const SystemEvent &event, qint64 nowMs);

} // namespace Banter::Server
