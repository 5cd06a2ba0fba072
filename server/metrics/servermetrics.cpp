// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/servermetrics.h"

#include <banter/protocol/types.h>

#include <algorithm>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
const QString OtherType = u"other"_s;
}

ServerMetrics &ServerMetrics::instance()
{
    static ServerMetrics metrics;
    return metrics;
}

ServerMetrics::ServerMetrics()
    : m_otherRequests(std::make_shared<std::atomic<quint64>>(0))
{ }

void ServerMetrics::registerRequestType(const QString &type)
{
    QMutexLocker lock(&m_typesMutex);
    if (!m_requests.contains(type))
        m_requests.insert(type, std::make_shared<std::atomic<quint64>>(0));
}

std::atomic<quint64> *ServerMetrics::requestCounter(const QString &type) const
{
    QMutexLocker lock(&m_typesMutex);
    const auto it = m_requests.constFind(type);
    return it == m_requests.cend() ? m_otherRequests.get() : it->get();
}

void ServerMetrics::requestAnswered(const QString &type, double seconds,
                                    std::optional<ErrorCode> error)
{
    requestCounter(type)->fetch_add(1, std::memory_order_relaxed);
    if (error) {
        const auto slot = size_t(*error);
        if (slot < m_errors.size())
            m_errors[slot].fetch_add(1, std::memory_order_relaxed);
    }
    namespace Type = Protocol::Type;
    if (type == Type::Sync)
        syncSeconds.observe(seconds);
    else if (type == Type::History)
        historySeconds.observe(seconds);
    else if (type == Type::Message && !error)
        messagesSent.fetch_add(1, std::memory_order_relaxed);
    else if (type == Type::Login && error == ErrorCode::InvalidCredentials)
        loginFailures.fetch_add(1, std::memory_order_relaxed);
    else if (type == Type::Login && error == ErrorCode::RateLimited)
        loginThrottled.fetch_add(1, std::memory_order_relaxed);
}

void ServerMetrics::storageBatch(int jobs, double seconds, bool committed)
{
    batchJobs.observe(jobs);
    commitSeconds.observe(seconds);
    if (!committed)
        failedBatches.fetch_add(1, std::memory_order_relaxed);
}

void ServerMetrics::transferBytes(bool upload, qint64 bytes)
{
    (upload ? uploadBytes : downloadBytes)
        .fetch_add(quint64(qMax<qint64>(bytes, 0)), std::memory_order_relaxed);
}

QList<ServerMetrics::RequestCounts> ServerMetrics::requestCounts() const
{
    QList<RequestCounts> counts;
    {
        QMutexLocker lock(&m_typesMutex);
        for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it)
            counts.append({it.key(), it.value()->load(std::memory_order_relaxed)});
    }
    counts.append({OtherType, m_otherRequests->load(std::memory_order_relaxed)});
    std::ranges::sort(counts, {}, &RequestCounts::type);
    return counts;
}

quint64 ServerMetrics::errorCount(ErrorCode code) const
{
    const auto slot = size_t(code);
    return slot < m_errors.size() ? m_errors[slot].load(std::memory_order_relaxed) : 0;
}

} // namespace Banter::Server
