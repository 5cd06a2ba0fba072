// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/ids.h>

#include <QHash>
#include <QList>

namespace Banter::Server {

// How often one user may put another into groups (create_group, add_members): at most
// `perPair` times an hour for each person added, and at most `peoplePerAdder` different
// people an hour. Without it, one account could add a victim to thousands of groups and
// make their conversation list (and every sync) huge. The state is keyed by the adder (an
// authenticated user) and holds at most `peoplePerAdder` entries each, dropped after an hour.
class GroupAddLimiter
{
public:
    GroupAddLimiter(int perPair, int peoplePerAdder);

    // Records `adder` adding every one of `people` (all or nothing); false, recording
    // nothing, when one of them would go past an allowance.
    bool tryAdd(UserId adder, QList<UserId> people, qint64 nowMs);
    qsizetype trackedPairs() const;

private:
    struct Window
    {
        qint64 startMs = 0;
        int count = 0;
    };
    using Targets = QHash<UserId, Window>;
    static void dropExpired(Targets &targets, qint64 nowMs);
    void sweep(qint64 nowMs);

    int m_perPair;
    int m_peoplePerAdder;
    QHash<UserId, Targets> m_byAdder;
    qint64 m_lastSweepMs = 0;
};

} // namespace Banter::Server
