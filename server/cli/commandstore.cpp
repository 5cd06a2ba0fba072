// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commandstore.h"

#include "storage/storagefactory.h"

namespace Banter::Server {

Result<CommandStore> CommandStore::open(const ServerConfig &config)
{
    Result<std::unique_ptr<SqlStorageExecutor>> storage =
        openStorage(config.effectiveDatabaseUrl(),
                    {config.sqliteBusyTimeoutMs, config.postgresqlStallTimeoutMs});
    if (!storage)
        return storage.error();
    return CommandStore(std::move(storage).value());
}

CommandStore::~CommandStore()
{
    if (m_storage)
        m_storage->stop();
}

} // namespace Banter::Server
