// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/metricspage.h"
#include <banter/domain/result.h>

#include <QFutureWatcher>
#include <QHostAddress>
#include <QObject>

#include <functional>
#include <memory>
#include <vector>

class QHttpServer;

namespace Banter::Server {

class StorageExecutor;

// The operators' HTTP endpoint (server/metrics in the config): GET /metrics in Prometheus
// text format and GET /healthz, 200 "ok" or 503 with the reason. It runs on the server's
// thread and never blocks it (a health check waits on storage asynchronously); its listener
// bounds the connections anyone can hold (OperatorListener). Only the app layer knows it.
class OperatorEndpoint : public QObject
{
    Q_OBJECT
public:
    // How long /healthz waits for the storage thread to run a transaction.
    static constexpr int HealthDeadlineMs = 2000;

    OperatorEndpoint(StorageExecutor &storage, std::function<LiveGauges()> gauges,
                     QObject *parent = nullptr);
    ~OperatorEndpoint() override;

    Status listen(const QHostAddress &address, quint16 port);
    quint16 port() const { return m_port; }

    struct Health
    {
        bool healthy = false;
        QString reason; // "ok", or what is wrong
    };
    // A real round trip: a transaction begun and committed on the storage thread, given at
    // most HealthDeadlineMs. Nothing waits: `done` runs on this object's thread when the check
    // ends, and not at all if this object is gone by then. Callers while a check runs share
    // it, so a loop of /healthz puts one job at a time into storage.
    void checkHealth(std::function<void(const Health &)> done);

private:
    StorageExecutor &m_storage;
    QFutureWatcher<Health> m_healthCheck; // delivers the running check's result here
    std::vector<std::function<void(const Health &)>> m_waitingForHealth;
    std::function<LiveGauges()> m_gauges;
    std::unique_ptr<QHttpServer> m_http;
    quint16 m_port = 0;
};

} // namespace Banter::Server
