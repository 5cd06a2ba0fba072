// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/syncpage.h"

#include "service/servicehelpers.h"
#include <banter/protocol/domainjson.h>

#include <algorithm>

namespace Banter::Server {

namespace {
// A limited conversation gets its newest page: at most this many messages.
constexpr int LimitedPage = 50;
} // namespace

SyncPage::SyncPage(Protocol::SyncRequest request, int gapLimit, qint64 pageBytes)
    : m_request(std::move(request))
    , m_gapLimit(gapLimit)
    , m_budget(m_request.limit)
    , m_bytes(pageBytes)
    , m_complete(m_request.after)
{ }

void SyncPage::stopHere()
{
    m_reply.hasMore = true;
    m_reply.after = m_complete;
}

Result<bool> SyncPage::add(Repositories &repos, UserId user, ConversationId id)
{
    Result<std::optional<Conversation>> found = repos.conversations.find(id);
    if (!found)
        return found.error();
    if (!found->has_value()) {
        m_complete = id;
        return true;
    }
    Conversation &c = **found;
    const Seq known = m_request.positions.value(id, 0);
    if (c.lastSeq > known && m_budget <= 0) {
        stopHere();
        return false;
    }
    if (Status named = fillParticipantNames(repos, c); !named)
        return named.error();
    // Listed before its messages, so a client never gets a message of a conversation it
    // has not been told about.
    if (!m_bytes.take(Protocol::toJson(c))) {
        stopHere();
        return false;
    }
    const Seq lastSeq = c.lastSeq;
    m_reply.conversations.append(std::move(c));
    if (lastSeq > known) {
        Result<bool> whole = addMessages(repos, user, m_reply.conversations.constLast(), known);
        if (!whole)
            return whole.error();
        if (!*whole) {
            stopHere();
            return false;
        }
    }
    m_complete = id;
    return true;
}

Result<bool> SyncPage::addMessages(Repositories &repos, UserId user, const Conversation &c,
                                   Seq known)
{
    // A client whose position is below what retention removed would see a hole: it is told
    // to reset, as one too far behind is, and gets the newest page.
    const bool limited = c.lastSeq - known > m_gapLimit || known < c.prunedSeq;
    // The newest page is no longer than the gap limit: a client that got part of it goes on
    // from there without being "limited" again. Like a history page: messages in their
    // current state.
    const int newestPage = qMax(1, std::min({m_budget, LimitedPage, m_gapLimit}));
    Result<QList<Message>> missed = limited
        ? repos.messages.before(c.id, c.lastSeq + 1, newestPage, {user, true})
        : repos.messages.after(c.id, known, m_budget, {user, true});
    if (!missed)
        return missed.error();
    Seq reached = known;
    for (const Message &m : *missed) {
        if (!takeMessage(m))
            return false;
        if (limited && reached == known)
            m_reply.limited.append(c.id);
        m_reply.messages.append(m);
        reached = m.seq;
        --m_budget;
    }
    // Retention may have removed every message: the reset is still due, and nothing more
    // will come of this conversation.
    if (limited && missed->isEmpty()) {
        m_reply.limited.append(c.id);
        return true;
    }
    // A limited conversation's newest page ends at its last seq; anything else may have
    // stopped at the message limit.
    return reached >= c.lastSeq;
}

bool SyncPage::takeMessage(const Message &message)
{
    const qint64 bytes = Protocol::encodedSize(Protocol::toJson(message));
    if (m_bytes.take(bytes)) {
        m_anyMessage = true;
        return true;
    }
    if (m_anyMessage)
        return false;
    // The first message of a reply always goes, so a page of large conversation entries
    // still moves the client on; both are far below the frame bound.
    m_bytes.force(bytes);
    m_anyMessage = true;
    return true;
}

} // namespace Banter::Server
