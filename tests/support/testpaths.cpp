// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "testpaths.h"

#include <QDir>
#include <QStandardPaths>

namespace Banter::Test {

void useCleanTestPaths()
{
    QStandardPaths::setTestModeEnabled(true);
    for (auto location : {QStandardPaths::AppDataLocation, QStandardPaths::CacheLocation}) {
        const QString dir = QStandardPaths::writableLocation(location);
        // Only ever a test location: never the data of a person's real Banter.
        if (dir.contains(QLatin1String("/.qttest/")))
            QDir(dir).removeRecursively();
    }
}

} // namespace Banter::Test
