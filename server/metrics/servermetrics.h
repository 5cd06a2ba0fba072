// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/histogram.h"
#include <banter/domain/errorcode.h>

#include <QHash>
#include <QMutex>
#include <QString>

#include <array>
#include <atomic>
#include <memory>

namespace Banter::Server {

// The process's counters for operators (/metrics). One per process: the code that counts
// (the router, the storage thread, the transfer streams) bumps it without knowing who reads,
// and every label set is bounded by code, never by what clients send.
class ServerMetrics
{
public:
    static ServerMetrics &instance();

    // Request types are named once, by the code that registers handlers; a request of any
    // other type is counted as "other", so a client cannot grow the label set.
    void registerRequestType(const QString &type);
    // One answered request: its type, how long it took, and the error code if it failed.
    void requestAnswered(const QString &type, double seconds, std::optional<ErrorCode> error);

    void storageBatch(int jobs, double seconds, bool committed);
    void transferBytes(bool upload, qint64 bytes);

    // What prometheusText() reads.
    struct RequestCounts
    {
        QString type;
        quint64 count = 0;
    };
    QList<RequestCounts> requestCounts() const; // sorted by type, "other" included
    quint64 errorCount(ErrorCode code) const;
    static constexpr int ErrorCodeSlots = 64; // room for codes appended later

    std::atomic<quint64> messagesSent{0};
    std::atomic<quint64> loginFailures{0};
    std::atomic<quint64> loginThrottled{0};
    std::atomic<quint64> uploadBytes{0};
    std::atomic<quint64> downloadBytes{0};
    std::atomic<quint64> failedBatches{0};
    // Connections closed at accept: no descriptor was left, or max_connections were open.
    std::atomic<quint64> refusedForDescriptors{0};
    std::atomic<quint64> refusedAtConnectionLimit{0};
    Histogram batchJobs{{1, 2, 4, 8, 16, 32, 64, 128, 256, 512}};
    Histogram commitSeconds{Histogram::latencyBounds()};
    Histogram syncSeconds{Histogram::latencyBounds()};
    Histogram historySeconds{Histogram::latencyBounds()};

private:
    ServerMetrics();
    std::atomic<quint64> *requestCounter(const QString &type) const;

    mutable QMutex m_typesMutex; // registration happens at start; lookups under it are short
    QHash<QString, std::shared_ptr<std::atomic<quint64>>> m_requests;
    std::shared_ptr<std::atomic<quint64>> m_otherRequests;
    std::array<std::atomic<quint64>, ErrorCodeSlots> m_errors{};
};

} // namespace Banter::Server
