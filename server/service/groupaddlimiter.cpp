// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/groupaddlimiter.h"

#include <algorithm>

namespace Banter::Server {

namespace {
constexpr qint64 HourMs = 3600 * 1000;
}

GroupAddLimiter::GroupAddLimiter(int perPair, int peoplePerAdder)
    : m_perPair(perPair)
    , m_peoplePerAdder(peoplePerAdder)
{ }

void GroupAddLimiter::dropExpired(Targets &targets, qint64 nowMs)
{
    targets.removeIf(
        [nowMs](const Targets::iterator &it) { return it.value().startMs + HourMs <= nowMs; });
}

void GroupAddLimiter::sweep(qint64 nowMs)
{
    // Adders who stopped adding must not keep their entries: once an hour, every expired
    // window goes, and with it every adder left with none.
    if (nowMs - m_lastSweepMs < HourMs)
        return;
    m_lastSweepMs = nowMs;
    for (auto it = m_byAdder.begin(); it != m_byAdder.end();) {
        dropExpired(it.value(), nowMs);
        it = it->isEmpty() ? m_byAdder.erase(it) : std::next(it);
    }
}

bool GroupAddLimiter::tryAdd(UserId adder, QList<UserId> people, qint64 nowMs)
{
    std::sort(people.begin(), people.end());
    people.erase(std::unique(people.begin(), people.end()), people.end());
    sweep(nowMs);
    Targets &targets = m_byAdder[adder];
    dropExpired(targets, nowMs);
    qsizetype fresh = 0;
    for (UserId person : people) {
        const auto it = targets.constFind(person);
        if (it == targets.cend())
            ++fresh;
        else if (it->count >= m_perPair)
            return false;
    }
    if (targets.size() + fresh > m_peoplePerAdder) {
        if (targets.isEmpty())
            m_byAdder.remove(adder);
        return false;
    }
    for (UserId person : people) {
        Window &window = targets[person];
        if (window.count == 0)
            window.startMs = nowMs;
        ++window.count;
    }
    return true;
}

qsizetype GroupAddLimiter::trackedPairs() const
{
    qsizetype pairs = 0;
    for (const Targets &targets : m_byAdder)
        pairs += targets.size();
    return pairs;
}

} // namespace Banter::Server
