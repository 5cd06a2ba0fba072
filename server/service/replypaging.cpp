// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/replypaging.h"

#include <banter/protocol/domainjson.h>
#include <banter/protocol/replybudget.h>

namespace Banter::Server {

void pageSummaries(Protocol::ConversationsReply &reply, int offset, qint64 budget)
{
    QList<ConversationSummary> &all = reply.conversations;
    all.remove(0, qMin<qsizetype>(offset, all.size()));
    Protocol::ReplyBudget bytes(budget);
    qsizetype kept = 0;
    while (kept < all.size() && bytes.take(Protocol::toJson(all.at(kept))))
        ++kept;
    reply.hasMore = kept < all.size();
    all.resize(kept);
}

void cutHistory(Protocol::HistoryReply &reply, Seq around, qint64 budget)
{
    QList<Message> &messages = reply.messages;
    QList<qint64> sizes;
    sizes.reserve(messages.size());
    for (const Message &m : messages)
        sizes.append(Protocol::encodedSize(Protocol::toJson(m)));
    // Keep what is next to where the client looks: the newest of a plain page; for an
    // `around` page the messages from `around` on first, then the older ones nearest to it.
    qsizetype first = 0;
    while (first < messages.size() && around > 0 && messages.at(first).seq < around)
        ++first;
    Protocol::ReplyBudget bytes(budget);
    qsizetype end = first; // [first, end) is kept, growing forwards for `around` pages
    if (around > 0) {
        while (end < messages.size() && bytes.take(sizes.at(end)))
            ++end;
    } else {
        end = messages.size();
        first = messages.size();
    }
    while (first > 0 && bytes.take(sizes.at(first - 1)))
        --first;
    if (end < messages.size()) {
        reply.hasNewer = true;
        messages.resize(end);
    }
    if (first > 0) {
        reply.hasMore = true;
        messages.remove(0, first);
    }
}

Presence worstCasePresence(UserId user)
{
    return Presence{user, PresenceStatus::Offline, MaxJsonSafeInteger};
}

qsizetype fittingEntries(const QList<qint64> &sizes, qint64 budget)
{
    Protocol::ReplyBudget bytes(budget);
    qsizetype kept = 0;
    while (kept < sizes.size() && bytes.take(sizes.at(kept)))
        ++kept;
    return kept;
}

} // namespace Banter::Server
