// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/operatorendpoint.h"

#include "service/storageexecutor.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QSemaphore>

#include <atomic>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
// What the storage job and the waiting thread share; the job may finish after the wait gave
// up, so it owns its half.
struct Probe
{
    QSemaphore done;
    std::atomic<bool> committed{false};
};
} // namespace

OperatorEndpoint::OperatorEndpoint(StorageExecutor &storage, std::function<LiveGauges()> gauges,
                                   QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_gauges(std::move(gauges))
    , m_http(std::make_unique<QHttpServer>())
{
    m_http->route(u"/metrics"_s, QHttpServerRequest::Method::Get, [this] {
        QHttpServerResponse response("text/plain; version=0.0.4; charset=utf-8",
                                     metricsPage(m_gauges()));
        return response;
    });
    m_http->route(u"/healthz"_s, QHttpServerRequest::Method::Get, [this] {
        const Health health = checkHealth();
        return QHttpServerResponse("text/plain; charset=utf-8", (health.reason + u'\n').toUtf8(),
                                   health.healthy
                                       ? QHttpServerResponse::StatusCode::Ok
                                       : QHttpServerResponse::StatusCode::ServiceUnavailable);
    });
}

OperatorEndpoint::~OperatorEndpoint() = default;

Status OperatorEndpoint::listen(const QHostAddress &address, quint16 port)
{
    m_port = m_http->listen(address, port);
    if (m_port == 0)
        return makeError(
            ErrorCode::Unavailable,
            u"cannot listen for metrics on %1 port %2"_s.arg(address.toString()).arg(port));
    return success();
}

OperatorEndpoint::Health OperatorEndpoint::checkHealth() const
{
    auto probe = std::make_shared<Probe>();
    StorageJob job;
    job.work = [](Repositories &) { return true; }; // the batch's BEGIN and COMMIT are the test
    job.finish = [probe](bool committed) {
        probe->committed = committed;
        probe->done.release();
    };
    m_storage.submit(std::move(job));
    if (!probe->done.tryAcquire(1, HealthDeadlineMs))
        return {false,
                u"the storage thread did not finish a transaction within %1 ms"_s.arg(
                    HealthDeadlineMs)};
    if (!probe->committed)
        return {false, u"the database is unreachable: a transaction did not commit"_s};
    return {true, u"ok"_s};
}

} // namespace Banter::Server
