// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/serverconfig.h"
#include "service/repositories.h"
#include "service/servicecontext.h"
#include <banter/protocol/transfermessages.h>

#include <QObject>

namespace Banter::Server {

// Retention's use cases (issue 15): the storage steps of the sweep, each bounded by
// RetentionConfig::batchRows so chat commits are never stuck behind it, and delete_file.
// The bytes on disk are not its business: net's RetentionSweep removes the blobs these
// steps leave unreferenced.
class RetentionService : public QObject
{
    Q_OBJECT
public:
    RetentionService(StorageExecutor &storage, const RetentionConfig &config, Clock clock,
                     QObject *parent = nullptr);

    // One step of removing messages older than their conversation's effective policy,
    // starting at conversation `from`; the step says where the next one starts.
    QFuture<Result<PruneStep>> pruneMessages(ConversationId from);
    // One step of removing expired files: the files removed (their blobs may be orphans now).
    QFuture<Result<QList<StoredFile>>> expireFiles();
    // Which of these blob hashes no file and no unfinished upload refers to.
    QFuture<Result<QStringList>> unreferencedBlobs(const QStringList &sha256s);
    // delete_file: only the uploader (forbidden for someone else who can see the file,
    // not_found for anyone who cannot, and for a file already gone). Emits fileRemoved.
    QFuture<Result<Done>> deleteFile(UserId user, const Protocol::DeleteFileRequest &request);

Q_SIGNALS:
    // A file row went outside the sweep: its blob goes too if nothing else refers to it.
    void fileRemoved(const QString &sha256);

private:
    StorageExecutor &m_storage;
    const RetentionConfig &m_config;
    Clock m_clock;
};

} // namespace Banter::Server
