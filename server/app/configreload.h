// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// SIGHUP (systemctl reload): which settings a running banterd takes over from a re-read
// config file, and which wait for a restart.

#include <QHash>
#include <QString>
#include <QStringList>

namespace Banter::Server {

struct ReloadReport
{
    QStringList applied; // changed keys now in effect
    QStringList needRestart; // changed keys that take effect at the next start
    QString tlsChange; // what happened to the certificate, or empty when nothing did
};

// Whether a running server applies `key` ("limits/messages_per_second") on a reload: the
// log level, the TLS files, and the limits that are read per request or connection. The
// sign-in limits are fixed when the server starts.
bool appliesOnReload(const QString &key);

// The keys whose text differs between two readings of the file (set, changed or removed),
// sorted.
QStringList changedConfigKeys(const QHash<QString, QString> &before,
                              const QHash<QString, QString> &after);

} // namespace Banter::Server
