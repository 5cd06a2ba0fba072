// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/metricspage.h"
#include <banter/domain/result.h>

#include <QHostAddress>
#include <QObject>

#include <functional>
#include <memory>

class QHttpServer;

namespace Banter::Server {

class StorageExecutor;

// The operators' HTTP endpoint (server/metrics in the config): GET /metrics in Prometheus
// text format and GET /healthz, 200 "ok" or 503 with the reason. It runs on the server's
// thread; only the app layer knows it exists.
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
    // A real round trip: a transaction begun and committed on the storage thread, waited for
    // at most HealthDeadlineMs. The wait blocks this thread; it is that short on purpose.
    Health checkHealth() const;

private:
    StorageExecutor &m_storage;
    std::function<LiveGauges()> m_gauges;
    std::unique_ptr<QHttpServer> m_http;
    quint16 m_port = 0;
};

} // namespace Banter::Server
