// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/serverconfig.h"
#include "files/filestore.h"
#include "service/repositories.h"

#include <QObject>
#include <QTimer>

namespace Banter::Server {

class RetentionService;
class TransferStreams;

// What one sweep removed.
struct RetentionReport
{
    int messages = 0;
    int files = 0;
    int blobs = 0;
    qint64 bytesFreed = 0; // of the blobs removed
};

// Retention's schedule and its disk half (issue 15): on start and then every
// RetentionConfig::sweepIntervalMinutes, one step after another (each a storage job of at
// most batchRows rows, so chat requests get the storage thread between steps): messages past
// their policy, expired files, then every blob no file or unfinished upload refers to. The
// blobs go on the transfer I/O thread (TransferStreams::removeBlobs). A file deleted by its
// uploader loses its blob at once, unless another file has the same content.
class RetentionSweep : public QObject
{
    Q_OBJECT
public:
    RetentionSweep(RetentionService &service, TransferStreams &transfers,
                   const RetentionConfig &config, QObject *parent = nullptr);

    // The first sweep at the next turn of the event loop, then on the timer.
    void start();
    void stop();
    // A sweep now; while one runs, one more follows it.
    void sweepNow();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    // A sweep ended (also when a step failed; what was removed until then is counted).
    void swept(const Banter::Server::RetentionReport &report);
    // The blob of a file deleted through delete_file was looked at: removed or still in use.
    void deletedFileChecked(const QString &sha256, bool removed);

private:
    void pruneStep(ConversationId from);
    void expireStep();
    void blobStep(QList<FileStore::Blob> blobs, qsizetype from);
    void finish(bool failed);
    void removeIfUnreferenced(const QString &sha256);

    RetentionService &m_service;
    TransferStreams &m_transfers;
    const RetentionConfig &m_config;
    QTimer m_timer;
    RetentionReport m_report;
    bool m_running = false;
    bool m_again = false;
    bool m_stopped = true;
};

} // namespace Banter::Server
