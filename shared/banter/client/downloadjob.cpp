// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/downloadjob_p.h>
#include <banter/client/jobsteps_p.h>

namespace Banter {

bool DownloadJob::canMove(Step from, Step to)
{
    using S = Step;
    // Every step before Finished can be paused, fail or be cancelled.
    const bool stops = oneOf(to, {S::Paused, S::Failed, S::Cancelled});
    switch (from) {
    case S::Idle:
        return oneOf(to, {S::Connecting, S::Opening}) || stops;
    case S::Connecting:
        return to == S::Opening || stops;
    case S::Opening:
        // Opened while the connection was down: Connecting.
        return oneOf(to, {S::Requesting, S::Connecting}) || stops;
    case S::Requesting:
        // A .part longer than the file is emptied and opened again: Opening.
        return oneOf(to, {S::Running, S::Opening, S::Connecting}) || stops;
    case S::Running:
        // Out of step with the server, or a failure push: again from what is on disk
        // (Opening).
        return oneOf(to, {S::Throttled, S::Verifying, S::Opening, S::Connecting}) || stops;
    case S::Throttled:
        return oneOf(to, {S::Stopped, S::Verifying, S::Opening, S::Connecting}) || stops;
    case S::Stopped:
        return oneOf(to, {S::Running, S::Verifying, S::Opening, S::Connecting}) || stops;
    case S::Verifying:
        // Needs no connection: a disconnect leaves it be.
        return to == S::Finished || stops;
    case S::Paused:
    case S::Failed:
        return oneOf(to, {S::Connecting, S::Opening, S::Cancelled});
    case S::Finished:
    case S::Cancelled:
        return false;
    }
    return false;
}

TransferClient::State DownloadJob::publicState(Step step)
{
    using S = Step;
    using P = TransferClient::State;
    switch (step) {
    case S::Idle:
        return P::Idle;
    case S::Connecting:
        return P::Connecting;
    case S::Opening:
    case S::Requesting:
        return P::Starting;
    case S::Running:
    case S::Throttled:
    case S::Stopped:
    case S::Verifying:
        return P::Running;
    case S::Paused:
        return P::Paused;
    case S::Finished:
        return P::Finished;
    case S::Failed:
        return P::Failed;
    case S::Cancelled:
        return P::Cancelled;
    }
    return P::Idle;
}

const char *DownloadJob::name(Step step)
{
    static const char *const names[] = {"Idle",    "Connecting", "Opening", "Requesting",
                                        "Running", "Throttled",  "Stopped", "Verifying",
                                        "Paused",  "Finished",   "Failed",  "Cancelled"};
    static_assert(std::size(names) == StepCount);
    return names[int(step)];
}

DownloadJob::DownloadJob(TransferClient::TransferId id)
{
    info.id = id;
    info.direction = TransferClient::Direction::Download;
    info.state = publicState(m_step);
}

bool DownloadJob::moveTo(Step to)
{
    return moveStep(*this, m_step, to, "download");
}

bool DownloadJob::isActive() const
{
    return !oneOf(m_step, {Step::Paused, Step::Finished, Step::Failed, Step::Cancelled});
}

bool DownloadJob::isReceiving() const
{
    return oneOf(m_step, {Step::Running, Step::Throttled, Step::Stopped});
}

} // namespace Banter
