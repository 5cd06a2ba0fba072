// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What UploadJob and DownloadJob share: each has its own steps and transition table, and
// moves between them the same way.

#include <banter/client/clientlogging_p.h>

#include <algorithm>
#include <initializer_list>

namespace Banter {

template<typename Step>
bool oneOf(Step step, std::initializer_list<Step> steps)
{
    return std::find(steps.begin(), steps.end(), step) != steps.end();
}

// Moves `step` to `to` when Job's table (Job::canMove) allows it, or it is already there, and
// keeps job.info.state in line; refuses anything else with a warning naming `what` ("upload").
template<typename Job>
bool moveStep(Job &job, typename Job::Step &step, typename Job::Step to, const char *what)
{
    if (to == step)
        return true;
    if (!Job::canMove(step, to)) {
        qCWarning(lcClient) << what << job.info.id << "refused the move from" << Job::name(step)
                            << "to" << Job::name(to);
        return false;
    }
    step = to;
    job.info.state = Job::publicState(to);
    return true;
}

} // namespace Banter
