// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/revocationfollower.h"

#include "app/adminchangesignal.h"
#include "serverlogging.h"

#include <QFileInfo>

namespace Banter::Server {

RevocationFollower::RevocationFollower(StorageExecutor &storage, const QString &dataDir,
                                       QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_dataDir(dataDir)
{
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &path) {
        // A command that replaced the file (rather than rewriting it) ends the watch.
        if (!m_watcher.files().contains(path) && QFileInfo::exists(path))
            m_watcher.addPath(path);
        readNew();
    });
}

bool RevocationFollower::start()
{
    if (!ensureAdminChangeSignal(m_dataDir)
        || !m_watcher.addPath(adminChangeSignalPath(m_dataDir))) {
        qCWarning(lcServer) << "cannot watch" << adminChangeSignalPath(m_dataDir)
                            << "- admin commands will not close live connections";
        return false;
    }
    m_reading = true;
    runInStorage<qint64>(m_storage, [](Repositories &repos) {
        return repos.sessions.lastRevocation();
    }).then(this, [this](Result<qint64> last) {
        m_reading = false;
        m_after = last ? *last : 0;
        if (!last)
            qCWarning(lcServer) << "cannot read the revocation log:" << last.error().message;
        if (m_again)
            readNew();
    });
    return true;
}

void RevocationFollower::readNew()
{
    if (m_reading || m_after < 0) {
        m_again = true;
        return;
    }
    readFrom(m_after);
}

void RevocationFollower::readFrom(qint64 after)
{
    m_reading = true;
    m_again = false;
    runInStorage<QList<LoggedRevocation>>(m_storage, [after](Repositories &repos) {
        return repos.sessions.revocationsAfter(after, RowsPerRead);
    }).then(this, [this](Result<QList<LoggedRevocation>> rows) {
        m_reading = false;
        if (!rows) {
            qCWarning(lcServer) << "cannot read the revocation log:" << rows.error().message;
            return;
        }
        for (const LoggedRevocation &row : *rows) {
            m_after = row.id;
            Q_EMIT sessionRevoked(row.session, row.reason);
        }
        // A full read may have left rows behind; a change during the read, new ones.
        if (rows->size() == RowsPerRead || m_again)
            readFrom(m_after);
    });
}

} // namespace Banter::Server
