// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/metricspage.h"

#include "metrics/prometheustext.h"
#include "metrics/servermetrics.h"

#include <QDir>
#include <QFile>

#include <unistd.h>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
// Resident pages from /proc/self/statm, in bytes; 0 where /proc is missing.
qint64 residentBytes()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.value(1).toLongLong() * ::sysconf(_SC_PAGESIZE);
}

qint64 openDescriptors()
{
    // The listing itself holds one descriptor while it runs; it is not the server's.
    const qsizetype entries = QDir(u"/proc/self/fd"_s)
                                  .entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot)
                                  .size();
    return qMax<qint64>(0, entries - 1);
}

const ErrorCode AllErrorCodes[] = {
    ErrorCode::BadRequest,         ErrorCode::UnknownType,
    ErrorCode::UnsupportedVersion, ErrorCode::Unauthenticated,
    ErrorCode::InvalidCredentials, ErrorCode::TokenExpired,
    ErrorCode::Forbidden,          ErrorCode::NotFound,
    ErrorCode::Conflict,           ErrorCode::RateLimited,
    ErrorCode::TooLarge,           ErrorCode::LimitExceeded,
    ErrorCode::RegistrationClosed, ErrorCode::Blocked,
    ErrorCode::Internal,           ErrorCode::Unavailable,
};
} // namespace

QByteArray metricsPage(const LiveGauges &gauges)
{
    const ServerMetrics &m = ServerMetrics::instance();
    PrometheusText page;
    page.family(u"banter_connections"_s, "gauge", u"Open connections by kind."_s);
    page.sample(u"banter_connections"_s, {{u"kind"_s, u"chat"_s}}, double(gauges.chatConnections));
    page.sample(u"banter_connections"_s, {{u"kind"_s, u"unauthenticated"_s}},
                double(gauges.unauthenticatedConnections));
    page.sample(u"banter_connections"_s, {{u"kind"_s, u"transfer"_s}},
                double(gauges.transferConnections));
    page.sample(u"banter_connections"_s, {{u"kind"_s, u"handshaking"_s}},
                double(gauges.handshakingConnections));
    page.family(u"banter_connections_refused_total"_s, "counter",
                u"Connections closed as soon as they were accepted, by reason."_s);
    page.sample(u"banter_connections_refused_total"_s, {{u"reason"_s, u"descriptors"_s}},
                double(m.refusedForDescriptors.load()));
    page.sample(u"banter_connections_refused_total"_s, {{u"reason"_s, u"connection_limit"_s}},
                double(m.refusedAtConnectionLimit.load()));
    page.family(u"banter_users_online"_s, "gauge", u"Users with at least one chat connection."_s);
    page.sample(u"banter_users_online"_s, {}, double(gauges.usersOnline));

    page.family(u"banter_requests_total"_s, "counter",
                u"Requests answered, by type (unknown types as other)."_s);
    for (const ServerMetrics::RequestCounts &count : m.requestCounts())
        page.sample(u"banter_requests_total"_s, {{u"type"_s, count.type}}, double(count.count));
    page.family(u"banter_errors_total"_s, "counter", u"Error answers, by error code."_s);
    for (const ErrorCode code : AllErrorCodes)
        page.sample(u"banter_errors_total"_s, {{u"code"_s, errorCodeName(code)}},
                    double(m.errorCount(code)));
    page.family(u"banter_messages_total"_s, "counter", u"Messages sent and stored."_s);
    page.sample(u"banter_messages_total"_s, {}, double(m.messagesSent.load()));
    page.family(u"banter_login_failures_total"_s, "counter",
                u"Sign-ins refused for a wrong name or password."_s);
    page.sample(u"banter_login_failures_total"_s, {}, double(m.loginFailures.load()));
    page.family(u"banter_login_throttled_total"_s, "counter",
                u"Sign-ins refused as too many (failures or password checks at once)."_s);
    page.sample(u"banter_login_throttled_total"_s, {}, double(m.loginThrottled.load()));
    page.family(u"banter_transfer_bytes_total"_s, "counter", u"File bytes, by direction."_s);
    page.sample(u"banter_transfer_bytes_total"_s, {{u"direction"_s, u"upload"_s}},
                double(m.uploadBytes.load()));
    page.sample(u"banter_transfer_bytes_total"_s, {{u"direction"_s, u"download"_s}},
                double(m.downloadBytes.load()));

    page.family(u"banter_storage_batch_jobs"_s, "histogram",
                u"Jobs per storage batch (one transaction, group commit)."_s);
    page.histogram(u"banter_storage_batch_jobs"_s, m.batchJobs.snapshot());
    page.family(u"banter_storage_batch_seconds"_s, "histogram",
                u"Time to run and commit one storage batch."_s);
    page.histogram(u"banter_storage_batch_seconds"_s, m.commitSeconds.snapshot());
    page.family(u"banter_storage_failed_batches_total"_s, "counter",
                u"Storage batches that did not commit."_s);
    page.sample(u"banter_storage_failed_batches_total"_s, {}, double(m.failedBatches.load()));
    page.family(u"banter_sync_seconds"_s, "histogram", u"Time to answer a sync request."_s);
    page.histogram(u"banter_sync_seconds"_s, m.syncSeconds.snapshot());
    page.family(u"banter_history_seconds"_s, "histogram", u"Time to answer a history request."_s);
    page.histogram(u"banter_history_seconds"_s, m.historySeconds.snapshot());

    page.family(u"process_resident_memory_bytes"_s, "gauge", u"Resident memory of banterd."_s);
    page.sample(u"process_resident_memory_bytes"_s, {}, double(residentBytes()));
    page.family(u"process_open_fds"_s, "gauge", u"Open file descriptors of banterd."_s);
    page.sample(u"process_open_fds"_s, {}, double(openDescriptors()));
    return page.text();
}

} // namespace Banter::Server
