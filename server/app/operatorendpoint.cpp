// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/operatorendpoint.h"

#include "app/operatorlistener.h"
#include "service/storageexecutor.h"

#include <QHttpServer>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QPointer>
#include <QPromise>
#include <QTcpSocket>
#include <QTimer>

#include <atomic>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
// What the storage job (on the storage thread) and the deadline (on ours) share: whichever
// comes first settles the check; the other finds it settled.
struct Probe
{
    QPromise<OperatorEndpoint::Health> promise;
    std::atomic<bool> settled{false};

    void settle(OperatorEndpoint::Health health)
    {
        if (settled.exchange(true))
            return;
        promise.addResult(std::move(health));
        promise.finish();
    }
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
    // Answered when the check ends, through the responder: Qt 6.4's own QFuture route keeps
    // a reference to a request object that may be gone by then. The socket may be gone too
    // (the peer left, or OperatorListener closed it): then nothing is written.
    m_http->route(
        u"/healthz"_s, QHttpServerRequest::Method::Get, [this](QHttpServerResponder &&responder) {
            auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
            QPointer<QTcpSocket> socket = pending->socket();
            checkHealth([pending, socket](const Health &health) {
                if (!socket || socket->state() != QAbstractSocket::ConnectedState)
                    return;
                pending->write((health.reason + u'\n').toUtf8(), "text/plain; charset=utf-8",
                               health.healthy
                                   ? QHttpServerResponder::StatusCode::Ok
                                   : QHttpServerResponder::StatusCode::ServiceUnavailable);
            });
        });
    connect(&m_healthCheck, &QFutureWatcherBase::finished, this, [this] {
        const Health health = m_healthCheck.result();
        for (const auto &done : std::exchange(m_waitingForHealth, {}))
            done(health);
    });
}

OperatorEndpoint::~OperatorEndpoint() = default;

Status OperatorEndpoint::listen(const QHostAddress &address, quint16 port)
{
    auto listener = std::make_unique<OperatorListener>();
    if (!listener->listen(address, port))
        return makeError(ErrorCode::Unavailable,
                         u"cannot listen for metrics on %1 port %2: %3"_s.arg(address.toString())
                             .arg(port)
                             .arg(listener->errorString()));
    m_port = listener->serverPort();
    m_http->bind(listener.release()); // the HTTP server takes it as its child
    return success();
}

void OperatorEndpoint::checkHealth(std::function<void(const Health &)> done)
{
    m_waitingForHealth.push_back(std::move(done));
    if (m_waitingForHealth.size() > 1)
        return; // a check is running; its result answers this caller too

    auto probe = std::make_shared<Probe>();
    probe->promise.start();
    m_healthCheck.setFuture(probe->promise.future());
    StorageJob job;
    job.work = [](Repositories &) { return true; }; // the batch's BEGIN and COMMIT are the test
    job.finish = [probe](bool committed) {
        if (committed)
            probe->settle({true, u"ok"_s});
        else
            probe->settle({false, u"the database is unreachable: a transaction did not commit"_s});
    };
    m_storage.submit(std::move(job));
    QTimer::singleShot(HealthDeadlineMs, this, [probe] {
        probe->settle({false,
                       u"the storage thread did not finish a transaction within %1 ms"_s.arg(
                           HealthDeadlineMs)});
    });
}

} // namespace Banter::Server
