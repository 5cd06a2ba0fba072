// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/serverconfig.h"
#include "service/pushsink.h"
#include "service/storageexecutor.h"
#include <banter/domain/result.h>

#include <QFuture>

#include <functional>

namespace Banter::Server {

class PresenceStore;

// Every service call answers with a QFuture<Result<T>>. It may finish on the storage
// thread: continue with .then(context, …), which brings the result to context's thread (at
// once when it is already there).
using Clock = std::function<qint64()>; // milliseconds since the epoch

// What every use-case service needs, passed in once by the composition root.
struct ServiceContext
{
    StorageExecutor &storage;
    PushSink &pushes;
    PresenceStore &presence;
    const ServerLimits &limits;
    Clock clock;
};

qint64 systemClockMs();

} // namespace Banter::Server
