// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/serverconfig.h"
#include "service/storageexecutor.h"
#include "storage/sqlstorageexecutor.h"

#include <memory>

namespace Banter::Server {

// The configured database, opened (and migrated) on its storage thread for one command, with
// the same connection settings the daemon uses; stopped when it goes. What every `banterd
// COMMAND` that reads or writes the database starts from.
class CommandStore
{
public:
    static Result<CommandStore> open(const ServerConfig &config);
    CommandStore(CommandStore &&) = default;
    CommandStore &operator=(CommandStore &&) = default;
    ~CommandStore();

    StorageExecutor &executor() { return *m_storage; }

    // Runs `work` in one transaction and waits for it (a command has nothing else to do).
    template<typename R, typename Work>
    Result<R> run(Work work)
    {
        QFuture<Result<R>> future = runInStorage<R>(*m_storage, std::move(work));
        future.waitForFinished();
        return future.result();
    }

private:
    explicit CommandStore(std::unique_ptr<SqlStorageExecutor> storage)
        : m_storage(std::move(storage))
    { }
    std::unique_ptr<SqlStorageExecutor> m_storage;
};

} // namespace Banter::Server
