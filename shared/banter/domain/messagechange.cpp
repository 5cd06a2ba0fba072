// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/domain/messagechange.h>

#include <algorithm>

namespace Banter::MessageChange {

bool apply(Message &target, const Message &change, UserId me)
{
    if (!change.isMessageChange() || change.event->messageId != target.id)
        return false;
    const SystemEvent &e = *change.event;
    const Message before = target;
    switch (e.kind) {
    case SystemEvent::Kind::MessageEdited:
        if (target.isDeleted())
            break; // a later deletion already won
        target.content = change.content;
        target.editedAtMs = change.createdAtMs;
        target.mentions = change.mentions;
        break;
    case SystemEvent::Kind::MessageDeleted:
        target.content.clear();
        target.attachment = {};
        target.mentions.clear();
        target.reactions.clear();
        target.deletedAtMs = change.createdAtMs;
        break;
    case SystemEvent::Kind::ReactionAdded:
    case SystemEvent::Kind::ReactionRemoved: {
        if (target.isDeleted())
            break;
        auto it = std::find_if(target.reactions.begin(), target.reactions.end(),
                               [&](const Reaction &r) { return r.emoji == e.emoji; });
        if (it == target.reactions.end()) {
            if (e.count <= 0)
                break;
            it = target.reactions.insert(target.reactions.end(), Reaction{e.emoji, 0, false});
        }
        it->count = e.count;
        if (change.senderId == me)
            it->mine = e.kind == SystemEvent::Kind::ReactionAdded;
        if (it->count <= 0)
            target.reactions.erase(it);
        break;
    }
    default:
        break;
    }
    return !(target == before);
}

bool applyToReply(Message &reply, const Message &change)
{
    if (!change.isMessageChange() || reply.replyTo != change.event->messageId
        || !reply.replyPreview)
        return false;
    ReplyPreview &preview = *reply.replyPreview;
    if (change.event->kind == SystemEvent::Kind::MessageDeleted && !preview.deleted) {
        preview.deleted = true;
        preview.snippet.clear();
        return true;
    }
    if (change.event->kind == SystemEvent::Kind::MessageEdited && !preview.deleted) {
        QString snippet;
        int n = 0;
        for (qsizetype i = 0; i < change.content.size() && n < ReplyPreview::MaxSnippetLength;
             ++i, ++n) {
            snippet += change.content.at(i);
            if (change.content.at(i).isHighSurrogate() && i + 1 < change.content.size())
                snippet += change.content.at(++i);
        }
        if (snippet == preview.snippet)
            return false;
        preview.snippet = snippet;
        return true;
    }
    return false;
}

} // namespace Banter::MessageChange
