// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/repositories.h"

#include <QFuture>
#include <QObject>
#include <QPromise>

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

// What runInStorage shares between a job and the future it returns.
template<typename R>
struct StorageCall
{
    std::optional<Result<R>> result;
    QPromise<Result<R>> promise;
};

// Runs `work` (Result<R>(Repositories&)) in storage. The future finishes on the storage
// thread once the batch has committed (with work's result) or failed as a whole (with
// Unavailable, unless the job failed on its own). Continue with .then(context, …) to get
// back to a thread of ours: that is one queued hop, as a callback would be. The context
// must outlive the executor (a service object): Qt 6.4 asserts when a context died.
template<typename R, typename Work>
QFuture<Result<R>> runInStorage(StorageExecutor &executor, Work work)
{
    auto call = std::make_shared<StorageCall<R>>();
    call->promise.start();
    QFuture<Result<R>> future = call->promise.future();
    StorageJob job;
    job.work = [call, work = std::move(work)](Repositories &repos) mutable {
        call->result.emplace(work(repos));
        return call->result->ok();
    };
    job.finish = [call](bool committed) {
        if (call->result.has_value() && (committed || !call->result->ok())) {
            call->promise.addResult(std::move(*call->result));
        } else {
            call->promise.addResult(Result<R>(makeError(
                ErrorCode::Unavailable, QStringLiteral("the database is unavailable; try again"))));
        }
        call->promise.finish();
    };
    executor.submit(std::move(job));
    return future;
}

// The callback form, for tests that only want a result: `done` (void(Result<R>)) runs on
// the thread of `context`. Services use the future.
template<typename R, typename Work, typename Done>
void runInStorage(StorageExecutor &executor, QObject *context, Work work, Done done)
{
    runInStorage<R>(executor, std::move(work))
        .then(context,
              [done = std::move(done)](Result<R> result) mutable { done(std::move(result)); });
}

// A result that is known at once (a refusal before any storage work), as a future.
template<typename T>
QFuture<Result<T>> readyResult(Result<T> result)
{
    QPromise<Result<T>> promise;
    promise.start();
    promise.addResult(std::move(result));
    promise.finish();
    return promise.future();
}

} // namespace Banter::Server
