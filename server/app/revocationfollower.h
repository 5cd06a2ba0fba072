// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/storageexecutor.h"

#include <QFileSystemWatcher>
#include <QObject>

namespace Banter::Server {

// Follows the revocation log (SessionRepository::revocationsAfter) for a running banterd:
// sessions an admin command ended in another process are announced here, so that their
// sockets close. It reads the log when the admin-change file (adminchangesignal.h) changes,
// from where it last stopped; at start it skips what was logged before (those sessions had
// no sockets here). No polling: an idle server does no work for it.
class RevocationFollower : public QObject
{
    Q_OBJECT
public:
    RevocationFollower(StorageExecutor &storage, const QString &dataDir, QObject *parent = nullptr);

    // Creates and watches the file, and finds the end of the log. False if the file cannot
    // be made or watched (then admin commands take effect in this daemon only as sessions
    // come back: their tokens no longer work).
    bool start();
    // Reads what was logged since the last read (also called by the watcher).
    void readNew();

Q_SIGNALS:
    void sessionRevoked(Banter::SessionId session, const QString &reason);

private:
    static constexpr int RowsPerRead = 500;
    void readFrom(qint64 after);

    StorageExecutor &m_storage;
    QString m_dataDir;
    QFileSystemWatcher m_watcher;
    qint64 m_after = -1; // -1: the end of the log is not known yet
    bool m_reading = false;
    bool m_again = false; // the file changed while a read was under way
};

} // namespace Banter::Server
