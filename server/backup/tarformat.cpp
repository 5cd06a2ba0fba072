// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/tarformat.h"

#include <QStringList>

namespace Banter::Server::Tar {

using namespace Qt::StringLiterals;

bool isSafeName(const QString &name)
{
    if (name.isEmpty() || name.size() > MaxNameLength)
        return false;
    const QStringList parts = name.split(u'/');
    for (const QString &part : parts) {
        if (part.isEmpty() || part == "."_L1 || part == ".."_L1)
            return false;
        for (const QChar c : part) {
            const bool allowed = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
                || (c >= u'0' && c <= u'9') || c == u'.' || c == u'_' || c == u'-';
            if (!allowed)
                return false;
        }
    }
    return true;
}

} // namespace Banter::Server::Tar
