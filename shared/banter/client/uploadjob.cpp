// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/jobsteps_p.h>
#include <banter/client/uploadjob_p.h>

namespace Banter {

bool UploadJob::canMove(Step from, Step to)
{
    using S = Step;
    // Every step before Finished can be paused, fail or be cancelled.
    const bool stops = oneOf(to, {S::Paused, S::Failed, S::Cancelled});
    switch (from) {
    case S::Idle:
        return to == S::Hashing || stops;
    case S::Hashing:
        return oneOf(to, {S::Connecting, S::Starting}) || stops;
    case S::Connecting:
        return to == S::Starting || stops;
    case S::Starting:
        // Refused for the limit: Queued; the connection dropped: Connecting.
        return oneOf(to, {S::Queued, S::Running, S::Connecting}) || stops;
    case S::Queued:
        return oneOf(to, {S::Starting, S::Connecting}) || stops;
    case S::Running:
        // A failure push restarts from the server's offset: Starting.
        return oneOf(to, {S::Finishing, S::Starting, S::Connecting}) || stops;
    case S::Finishing:
        return oneOf(to, {S::Finished, S::Starting, S::Connecting}) || stops;
    case S::Paused:
        // Resumed: hashing goes on, or it starts; a hash that fails meanwhile fails it.
        return oneOf(to, {S::Hashing, S::Connecting, S::Starting, S::Failed, S::Cancelled});
    case S::Failed:
        return oneOf(to, {S::Hashing, S::Connecting, S::Starting, S::Cancelled});
    case S::Finished:
    case S::Cancelled:
        return false;
    }
    return false;
}

TransferClient::State UploadJob::publicState(Step step)
{
    using S = Step;
    using P = TransferClient::State;
    switch (step) {
    case S::Idle:
        return P::Idle;
    case S::Hashing:
        return P::Hashing;
    case S::Connecting:
        return P::Connecting;
    case S::Starting:
        return P::Starting;
    case S::Queued:
        return P::Queued;
    case S::Running:
    case S::Finishing:
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

const char *UploadJob::name(Step step)
{
    static const char *const names[] = {"Idle",     "Hashing", "Connecting", "Starting",
                                        "Queued",   "Running", "Finishing",  "Paused",
                                        "Finished", "Failed",  "Cancelled"};
    static_assert(std::size(names) == StepCount);
    return names[int(step)];
}

UploadJob::UploadJob(TransferClient::TransferId id)
{
    info.id = id;
    info.direction = TransferClient::Direction::Upload;
    info.state = publicState(m_step);
}

bool UploadJob::moveTo(Step to)
{
    return moveStep(*this, m_step, to, "upload");
}

bool UploadJob::isActive() const
{
    return !oneOf(m_step, {Step::Paused, Step::Finished, Step::Failed, Step::Cancelled});
}

} // namespace Banter
