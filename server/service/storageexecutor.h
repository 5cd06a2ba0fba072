// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/repositories.h"

#include <QMetaObject>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace Banter::Server {

// One unit of storage work. `work` runs on the storage thread inside the current batch
// transaction; returning false rolls back just this job. `work` may run more than once (a
// batch is run again, with a savepoint per job, when one of its jobs fails), so it must only
// use the repositories and must not consume what it captured.
// `finish` runs on the storage thread once the batch has committed (committed = true) or
// failed as a whole (committed = false). Nothing is acknowledged before `finish`.
struct StorageJob
{
    std::function<bool(Repositories &)> work;
    std::function<void(bool committed)> finish;
};

// Runs storage jobs on its own thread and batches them: every job queued while a batch runs
// goes into the next one, under one transaction (group commit).
class StorageExecutor
{
public:
    virtual ~StorageExecutor() = default;
    virtual void submit(StorageJob job) = 0;
};

// Runs `work` (Result<R>(Repositories&)) in storage and calls `done` (void(Result<R>)) on the
// thread of `context` after commit. `context` must outlive the executor (use a service
// object, and guard per-connection state inside `done`).
template<typename R, typename Work, typename Done>
void runInStorage(StorageExecutor &executor, QObject *context, Work work, Done done)
{
    auto result = std::make_shared<std::optional<Result<R>>>();
    StorageJob job;
    job.work = [result, work = std::move(work)](Repositories &repos) mutable {
        result->emplace(work(repos));
        return (*result)->ok();
    };
    job.finish = [result, context, done = std::move(done)](bool committed) mutable {
        Result<R> outcome = makeError(ErrorCode::Unavailable,
                                      QStringLiteral("the database is unavailable; try again"));
        if (result->has_value() && (committed || !(*result)->ok()))
            outcome = std::move(**result);
        QMetaObject::invokeMethod(
            context,
            [outcome = std::move(outcome), done = std::move(done)]() mutable {
                done(std::move(outcome));
            },
            Qt::QueuedConnection);
    };
    executor.submit(std::move(job));
}

} // namespace Banter::Server
