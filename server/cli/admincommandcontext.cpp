// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/admincommandcontext.h"

#include "app/adminchangesignal.h"
#include "app/datadirectory.h"
#include "cli/servercommand.h"
#include "config/storeoptions.h"
#include "storage/storagefactory.h"

#include <QDir>
#include <QTextStream>

#include <cstdio>

namespace Banter::Server {

using namespace Qt::StringLiterals;

AdminCommandContext::~AdminCommandContext()
{
    if (m_hasher)
        m_hasher->waitForDone();
    m_store.reset(); // stops the storage thread
    // The service's last continuations were awaited by wait(); nothing is queued to it now.
    m_admin.reset();
}

std::unique_ptr<AdminCommandContext> AdminCommandContext::open(const QCommandLineParser &parser,
                                                               int *exitCode)
{
    Result<ServerConfig> config = configFromStoreOptions(parser);
    if (!config) {
        std::fprintf(stderr, "banterd: %s\n", qPrintable(config.error().message));
        *exitCode = ExitCode::Usage;
        return nullptr;
    }
    std::unique_ptr<AdminCommandContext> context(new AdminCommandContext);
    context->m_config = *config;
    const Result<SqlConnectionSpec> spec = connectionSpecFromUrl(config->effectiveDatabaseUrl());
    if (!spec) {
        std::fprintf(stderr, "banterd: cannot reach the database: %s\n",
                     qPrintable(spec.error().message));
        *exitCode = ExitCode::Unreachable;
        return nullptr;
    }
    const QString sqliteFile = spec->driver == "QSQLITE"_L1 ? spec->databaseName : QString();
    // The same checks (and owner-only creation) as banterd's own start.
    if (Status dataDir = prepareDataDirectory(config->dataDir, sqliteFile); !dataDir) {
        std::fprintf(stderr, "banterd: %s\n", qPrintable(dataDir.error().message));
        *exitCode = ExitCode::Failed;
        return nullptr;
    }
    // One admin command at a time: they read, decide and write, and the decision of one must
    // not rest on what the other is about to change. A lock left by a process that is gone is
    // taken over (QLockFile checks the PID); one held by a live process is never broken.
    context->m_lock = std::make_unique<QLockFile>(QDir(config->dataDir).filePath(u"admin.lock"_s));
    context->m_lock->setStaleLockTime(0);
    if (!context->m_lock->tryLock(0)) {
        qint64 pid = 0;
        context->m_lock->getLockInfo(&pid, nullptr, nullptr);
        std::fprintf(stderr,
                     "banterd: another admin command (pid %lld) is running on %s; try again "
                     "when it has finished\n",
                     qlonglong(pid), qPrintable(config->dataDir));
        *exitCode = ExitCode::Busy;
        return nullptr;
    }
    Result<CommandStore> store = CommandStore::open(*config);
    if (!store) {
        std::fprintf(stderr, "banterd: cannot open the database: %s\n",
                     qPrintable(store.error().message));
        *exitCode = ExitCode::Unreachable;
        return nullptr;
    }
    context->m_store.emplace(std::move(store).value());
    context->m_hasher = std::make_unique<PasswordHasher>(
        PasswordParams{quint64(config->passwordMemoryKiB), quint64(config->passwordIterations)});
    context->m_admin = std::make_unique<AdminService>(context->m_store->executor(),
                                                      *context->m_hasher, systemClockMs);
    *exitCode = ExitCode::Ok;
    return context;
}

void AdminCommandContext::notifyDaemon() const
{
    raiseAdminChangeSignal(m_config.dataDir);
}

int reportAdminError(const char *what, const Error &error)
{
    std::fprintf(stderr, "banterd: %s: %s\n", what, qPrintable(error.message));
    switch (error.code) {
    case ErrorCode::NotFound:
        return ExitCode::NotFound;
    case ErrorCode::Unavailable:
        return ExitCode::Unreachable;
    case ErrorCode::BadRequest:
    case ErrorCode::TooLarge:
        return ExitCode::Usage;
    default:
        return ExitCode::Failed;
    }
}

QString readPasswordFromStdin()
{
    QTextStream in(stdin);
    return in.readLine(4 * 1024);
}

} // namespace Banter::Server
