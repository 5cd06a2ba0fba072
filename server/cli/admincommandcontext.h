// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/passwordhasher.h"
#include "cli/commandstore.h"
#include "config/serverconfig.h"
#include "service/adminservice.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QLockFile>

#include <memory>
#include <optional>

namespace Banter::Server {

// What the `user` and `session` commands share: the configured database opened (and
// migrated) with an AdminService over it, held under the data directory's admin lock so
// that two admin commands never interleave. Built by open(); closed on destruction.
class AdminCommandContext
{
public:
    ~AdminCommandContext();

    // Loads the configuration from the store options, takes the lock and opens the database.
    // On failure prints why and returns nullptr with *exitCode set (Busy, Unreachable, ...).
    static std::unique_ptr<AdminCommandContext> open(const QCommandLineParser &parser,
                                                     int *exitCode);

    AdminService &admin() { return *m_admin; }

    // Runs the event loop until the future is done (the service continues on this thread).
    template<typename T>
    Result<T> wait(QFuture<Result<T>> future)
    {
        QFutureWatcher<Result<T>> watcher;
        QEventLoop loop;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
        return future.result();
    }

    // Tells a running banterd that something changed (adminchangesignal.h). After a commit.
    void notifyDaemon() const;

private:
    AdminCommandContext() = default;

    ServerConfig m_config;
    std::unique_ptr<QLockFile> m_lock;
    std::optional<CommandStore> m_store;
    std::unique_ptr<PasswordHasher> m_hasher;
    std::unique_ptr<AdminService> m_admin;
};

// The exit code for a failed admin operation (NotFound, Unreachable, Usage, Failed), after
// printing the error on stderr as "banterd: <what>: <message>".
int reportAdminError(const char *what, const Error &error);

// The first line of standard input without its line end, for --password-stdin.
QString readPasswordFromStdin();

} // namespace Banter::Server
