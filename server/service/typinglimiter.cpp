// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/typinglimiter.h"

namespace Banter::Server {

TypingLimiter::TypingLimiter(double ratePerSecond, double burst)
    : m_rate(ratePerSecond)
    , m_burst(burst)
{ }

TokenBucket *TypingLimiter::find(UserId user, ConversationId conversation)
{
    const auto it = m_users.find(user);
    if (it == m_users.end())
        return nullptr;
    for (Entry &entry : *it) {
        if (entry.conversation == conversation)
            return &entry.bucket;
    }
    return nullptr;
}

std::optional<qint64> TypingLimiter::takeExisting(UserId user, ConversationId conversation,
                                                  qint64 nowMs)
{
    if (TokenBucket *bucket = find(user, conversation))
        return bucket->take(nowMs);
    return std::nullopt;
}

qint64 TypingLimiter::take(UserId user, ConversationId conversation, qint64 nowMs)
{
    sweep(nowMs);
    if (TokenBucket *bucket = find(user, conversation))
        return bucket->take(nowMs);
    QList<Entry> &entries = m_users[user];
    if (entries.size() >= PerUser) {
        // Replace an idle bucket if there is one, else the oldest.
        qsizetype victim = 0;
        for (qsizetype i = 0; i < entries.size(); ++i) {
            if (entries[i].bucket.isFull(nowMs)) {
                victim = i;
                break;
            }
        }
        entries.removeAt(victim);
        --m_entries;
    }
    entries.append(Entry{conversation, TokenBucket(m_rate, m_burst, nowMs)});
    ++m_entries;
    return entries.last().bucket.take(nowMs);
}

// A user whose buckets are all full again has nothing worth remembering.
void TypingLimiter::sweep(qint64 nowMs)
{
    if (nowMs - m_lastSweepMs < SweepIntervalMs)
        return;
    m_lastSweepMs = nowMs;
    m_users.removeIf([this, nowMs](auto user) {
        for (Entry &entry : user.value()) {
            if (!entry.bucket.isFull(nowMs))
                return false;
        }
        m_entries -= user.value().size();
        return true;
    });
}

} // namespace Banter::Server
