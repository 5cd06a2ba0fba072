// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the storage tests share: running a job and waiting for its result on the test
// thread, holding the storage thread so jobs are known to share a batch, domain builders,
// and a plain connection to the test database for fixtures and checks.

#include "service/storageexecutor.h"
#include "storage/sqlsession.h"
#include "waiting.h"

#include <QSemaphore>

#include <memory>

namespace Banter::Test {

using namespace Banter::Server;

// Runs one job and waits for its result on this thread (delivered by runInStorage).
template<typename R, typename Work>
Result<R> runNow(StorageExecutor &storage, QObject *context, Work work)
{
    std::optional<Result<R>> result;
    runInStorage<R>(storage, context, std::move(work),
                    [&result](Result<R> r) { result = std::move(r); });
    // Only a guard against a hang; no test depends on how long a job takes.
    if (!waitFor([&result] { return result.has_value(); }, 60'000, "a storage job"))
        return makeError(ErrorCode::Unavailable, QStringLiteral("storage did not answer"));
    return std::move(*result);
}

// Holds the storage thread inside a job until release(): every job submitted meanwhile is
// queued, so the next batch holds all of them.
class StorageGate
{
public:
    explicit StorageGate(StorageExecutor &storage);
    ~StorageGate() { release(); }
    void release();

private:
    std::shared_ptr<QSemaphore> m_running = std::make_shared<QSemaphore>();
    std::shared_ptr<QSemaphore> m_open = std::make_shared<QSemaphore>();
    bool m_released = false;
};

Participant member(UserId id, ParticipantRole role = ParticipantRole::Member);
Message textMessage(ConversationId conversation, UserId sender, const QString &content,
                    QUuid id = QUuid::createUuid(), qint64 createdAtMs = 1000);

// A connection of its own to a test database on the calling thread, with the backend's
// settings applied: what an older binary, another tool or a crash would leave behind.
class RawConnection
{
public:
    explicit RawConnection(const QString &url);
    ~RawConnection();
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;

    bool isOpen() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    SqlSession &session() { return *m_session; }
    // Runs a statement; QVERIFY it.
    bool exec(const QString &sql);
    // The first column of the first row; an invalid QVariant when the statement fails.
    QVariant scalar(const QString &sql);

private:
    QString m_name;
    QString m_error;
    std::unique_ptr<SqlSession> m_session;
};

} // namespace Banter::Test
