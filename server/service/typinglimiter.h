// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/tokenbucket.h"
#include <banter/domain/ids.h>

#include <QHash>
#include <QList>

#include <optional>

namespace Banter::Server {

// Typing notifications per user and conversation, in a table an attacker cannot grow: a
// bucket is made only for a conversation the user was found to be a member of (the caller
// checks first), a user keeps at most PerUser of them (typing in more conversations at once
// is not something people do), and idle users are swept at most once a minute, so no request
// pays for a scan.
class TypingLimiter
{
public:
    static constexpr qsizetype PerUser = 8;
    static constexpr qint64 SweepIntervalMs = 60'000;

    TypingLimiter(double ratePerSecond, double burst);

    // Takes a token from the bucket the user already has for this conversation: 0 when
    // allowed, else the wait in milliseconds; nothing when there is no such bucket yet.
    std::optional<qint64> takeExisting(UserId user, ConversationId conversation, qint64 nowMs);
    // Takes a token, making the bucket if needed (after the membership check).
    qint64 take(UserId user, ConversationId conversation, qint64 nowMs);
    qsizetype size() const { return m_entries; }

private:
    struct Entry
    {
        ConversationId conversation = 0;
        TokenBucket bucket;
    };
    TokenBucket *find(UserId user, ConversationId conversation);
    void sweep(qint64 nowMs);

    double m_rate;
    double m_burst;
    QHash<UserId, QList<Entry>> m_users;
    qsizetype m_entries = 0;
    qint64 m_lastSweepMs = 0;
};

} // namespace Banter::Server
