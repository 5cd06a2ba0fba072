// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/configreload.h"

#include <QSet>

namespace Banter::Server {

using namespace Qt::StringLiterals;

bool appliesOnReload(const QString &key)
{
    // Copied into AuthService's settings at start.
    static const QSet<QString> fixedLimits = {
        u"limits/login_failures_per_account"_s,         u"limits/login_failures_per_address"_s,
        u"limits/login_account_delay_max_seconds"_s,    u"limits/password_checks_per_account"_s,
        u"limits/password_checks_per_address"_s,        u"limits/max_sessions_per_user"_s,
        u"limits/registrations_per_address_per_hour"_s,
    };
    if (key.startsWith("limits/"_L1))
        return !fixedLimits.contains(key);
    return key == "server/log_level"_L1 || key == "tls/certificate"_L1 || key == "tls/key"_L1;
}

QStringList changedConfigKeys(const QHash<QString, QString> &before,
                              const QHash<QString, QString> &after)
{
    QSet<QString> keys(before.keyBegin(), before.keyEnd());
    keys.unite(QSet<QString>(after.keyBegin(), after.keyEnd()));
    QStringList changed;
    for (const QString &key : std::as_const(keys)) {
        if (before.value(key) != after.value(key) || before.contains(key) != after.contains(key))
            changed.append(key);
    }
    changed.sort();
    return changed;
}

} // namespace Banter::Server
