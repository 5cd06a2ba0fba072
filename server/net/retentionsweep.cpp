// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/retentionsweep.h"

#include "net/transferstreams.h"
#include "serverlogging.h"
#include "service/retentionservice.h"

namespace Banter::Server {

RetentionSweep::RetentionSweep(RetentionService &service, TransferStreams &transfers,
                               const RetentionConfig &config, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_transfers(transfers)
    , m_config(config)
{
    m_timer.setInterval(std::chrono::minutes(qMax(1, config.sweepIntervalMinutes)));
    connect(&m_timer, &QTimer::timeout, this, &RetentionSweep::sweepNow);
    connect(&m_service, &RetentionService::fileRemoved, this,
            &RetentionSweep::removeIfUnreferenced);
}

void RetentionSweep::start()
{
    m_stopped = false;
    QMetaObject::invokeMethod(this, &RetentionSweep::sweepNow, Qt::QueuedConnection);
    m_timer.start();
}

void RetentionSweep::stop()
{
    m_stopped = true;
    m_timer.stop();
}

void RetentionSweep::sweepNow()
{
    if (m_stopped)
        return;
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    m_report = {};
    pruneStep(0);
}

void RetentionSweep::pruneStep(ConversationId from)
{
    m_service.pruneMessages(from).then(this, [this](Result<PruneStep> step) {
        if (!step) {
            qCWarning(lcServer).noquote()
                << "retention: removing old messages failed:" << step.error().message;
            return finish(true);
        }
        m_report.messages += step->removed;
        if (m_stopped)
            return finish(true);
        if (step->nextConversation != 0)
            return pruneStep(step->nextConversation);
        expireStep();
    });
}

void RetentionSweep::expireStep()
{
    m_service.expireFiles().then(this, [this](Result<QList<StoredFile>> expired) {
        if (!expired) {
            qCWarning(lcServer).noquote()
                << "retention: removing expired files failed:" << expired.error().message;
            return finish(true);
        }
        m_report.files += int(expired->size());
        if (m_stopped)
            return finish(true);
        // A full step may have left more behind it.
        if (expired->size() >= m_config.batchRows)
            return expireStep();
        m_transfers.listBlobs().then(
            this, [this](const QList<FileStore::Blob> &blobs) { blobStep(blobs, 0); });
    });
}

void RetentionSweep::blobStep(QList<FileStore::Blob> blobs, qsizetype from)
{
    if (from >= blobs.size() || m_stopped)
        return finish(false);
    QStringList hashes;
    const qsizetype end = qMin(blobs.size(), from + qsizetype(m_config.batchRows));
    for (qsizetype i = from; i < end; ++i)
        hashes.append(blobs.at(i).sha256);
    m_service.unreferencedBlobs(hashes).then(
        this, [this, blobs = std::move(blobs), end](Result<QStringList> orphans) {
            if (!orphans) {
                qCWarning(lcServer).noquote()
                    << "retention: looking for orphaned blobs failed:" << orphans.error().message;
                return finish(true);
            }
            if (orphans->isEmpty())
                return blobStep(blobs, end);
            // Queued on the I/O thread now, before this turn of the event loop ends: see
            // TransferStreams::removeBlobs.
            m_transfers.removeBlobs(*orphans).then(
                this, [this, blobs, end](std::pair<int, qint64> freed) {
                    m_report.blobs += freed.first;
                    m_report.bytesFreed += freed.second;
                    blobStep(blobs, end);
                });
        });
}

void RetentionSweep::finish(bool failed)
{
    m_running = false;
    if (m_report.messages > 0 || m_report.files > 0 || m_report.blobs > 0 || failed) {
        qCInfo(lcServer).noquote()
            << QStringLiteral("retention sweep%1: removed %2 messages, %3 files, %4 blobs; "
                              "freed %5 bytes")
                   .arg(failed ? QStringLiteral(" (stopped early)") : QString())
                   .arg(m_report.messages)
                   .arg(m_report.files)
                   .arg(m_report.blobs)
                   .arg(m_report.bytesFreed);
    }
    Q_EMIT swept(m_report);
    if (m_again && !m_stopped) {
        m_again = false;
        sweepNow();
    }
}

void RetentionSweep::removeIfUnreferenced(const QString &sha256)
{
    m_service.unreferencedBlobs({sha256}).then(this, [this, sha256](Result<QStringList> orphans) {
        if (!orphans || orphans->isEmpty()) {
            Q_EMIT deletedFileChecked(sha256, false);
            return;
        }
        m_transfers.removeBlobs(*orphans).then(this, [this, sha256](std::pair<int, qint64> freed) {
            if (freed.first > 0) {
                qCInfo(lcServer).noquote()
                    << QStringLiteral("deleted file: freed %1 bytes").arg(freed.second);
            }
            Q_EMIT deletedFileChecked(sha256, freed.first > 0);
        });
    });
}

} // namespace Banter::Server
