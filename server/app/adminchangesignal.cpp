// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/adminchangesignal.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

namespace Banter::Server {

using namespace Qt::StringLiterals;

QString adminChangeSignalPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(u"admin-changes"_s);
}

bool ensureAdminChangeSignal(const QString &dataDir)
{
    QFile file(adminChangeSignalPath(dataDir));
    if (file.exists())
        return true;
    return file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                     QFile::ReadOwner | QFile::WriteOwner);
}

void raiseAdminChangeSignal(const QString &dataDir)
{
    QFile file(adminChangeSignalPath(dataDir));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate,
                   QFile::ReadOwner | QFile::WriteOwner))
        return;
    file.write(QByteArray::number(QDateTime::currentMSecsSinceEpoch()) + '\n');
}

} // namespace Banter::Server
