// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/configfindings.h"

#include "app/datadirectory.h"
#include "net/tlscredentials.h"
#include "storage/schemainspection.h"
#include "storage/storagefactory.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>
#include <QTcpServer>
#include <QUrl>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
using Level = ConfigFinding::Level;

ConfigFinding ok(const QString &subject, const QString &message)
{
    return {Level::Ok, subject, message};
}
ConfigFinding warning(const QString &subject, const QString &message)
{
    return {Level::Warning, subject, message};
}
ConfigFinding error(const QString &subject, const QString &message)
{
    return {Level::Error, subject, message};
}

ConfigFinding portFinding(const QString &key, const QHostAddress &address, quint16 port)
{
    const QString where = u"%1:%2"_s.arg(address.toString()).arg(port);
    if (port == 0)
        return ok(key, u"0: banterd picks a free port at start"_s);
    QTcpServer probe;
    if (!probe.listen(address, port))
        return error(key,
                     u"%1 cannot be bound (%2); another program (or a running banterd) holds "
                     "it, or the address is not on this machine"_s.arg(where, probe.errorString()));
    return ok(key, u"%1 is free"_s.arg(where));
}

// The file the SQLite URL names, or empty for PostgreSQL (or an unparsable URL).
QString sqliteFileOf(const ServerConfig &config)
{
    return sqliteFileFromUrl(config.effectiveDatabaseUrl());
}

QList<ConfigFinding> certificateValidity(const QString &file, const QSslCertificate &certificate)
{
    const QString subject = u"tls certificate"_s;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime expires = certificate.expiryDate();
    if (certificate.effectiveDate() > now)
        return {error(subject,
                      u"%1 is not valid before %2"_s.arg(
                          file, certificate.effectiveDate().toString(Qt::ISODate)))};
    if (expires <= now)
        return {error(
            subject,
            u"%1 expired on %2; clients refuse it"_s.arg(file, expires.toString(Qt::ISODate)))};
    const qint64 days = now.daysTo(expires);
    if (days < CertificateWarningDays)
        return {warning(subject,
                        u"%1 expires on %2, in %3 days; renew it and reload banterd"_s
                            .arg(file, expires.toString(Qt::ISODate))
                            .arg(days))};
    return {ok(subject, u"%1 is valid until %2"_s.arg(file, expires.toString(Qt::ISODate)))};
}
} // namespace

QString ConfigFinding::line() const
{
    const char *label = level == Level::Ok ? "ok" : level == Level::Warning ? "warning" : "error";
    return u"%1: %2: %3"_s.arg(QLatin1String(label), subject, message);
}

QList<ConfigFinding> configFileFindings(const QString &path, const ConfigCheck &check)
{
    QList<ConfigFinding> findings;
    for (const ConfigProblem &problem : check.problems) {
        QString message = problem.message;
        if (!problem.suggestion.isEmpty())
            message += u"; did you mean %1?"_s.arg(problem.suggestion);
        findings.append({problem.isError() ? Level::Error : Level::Warning,
                         problem.key.isEmpty() ? u"config file"_s : problem.key, message});
    }
    if (findings.isEmpty())
        findings.append(ok(u"config file"_s, u"%1: every key is known and in range"_s.arg(path)));
    return findings;
}

QList<ConfigFinding> portFindings(const ServerConfig &config)
{
    QList<ConfigFinding> findings{portFinding(u"server/port"_s, config.listenAddress, config.port)};
    if (config.metrics.enabled)
        findings.append(portFinding(u"server/metrics_port"_s, config.metrics.listenAddress,
                                    config.metrics.port));
    return findings;
}

QList<ConfigFinding> permissionFindings(const ServerConfig &config)
{
    QList<ConfigFinding> findings;
    const QString dataDir = config.dataDir;
    if (Status status = checkDataDirectory(dataDir, sqliteFileOf(config)); !status)
        findings.append(error(u"data directory"_s, status.error().message));
    else if (!QFileInfo::exists(dataDir))
        findings.append(
            ok(u"data directory"_s,
               u"%1 does not exist yet; banterd creates it (mode 0700)"_s.arg(dataDir)));
    else
        findings.append(ok(u"data directory"_s, u"%1 is the server's alone"_s.arg(dataDir)));
    QList<std::pair<QString, QString>> keys = {
        {u"the token key"_s, QDir(dataDir).filePath(u"token.key"_s)},
        {u"the generated TLS key"_s, QDir(dataDir).filePath(u"tls/key.pem"_s)},
    };
    if (config.tls.hasOwnFiles())
        keys.append({u"the TLS key"_s, config.tls.keyFile});
    for (const auto &key : keys) {
        if (Status status = checkPrivateFile(key.first, key.second); !status)
            findings.append(error(u"key file"_s, status.error().message));
    }
    return findings;
}

QList<ConfigFinding> certificateFindings(const ServerConfig &config)
{
    const QString subject = u"tls certificate"_s;
    if (!config.tls.enabled())
        return {ok(subject, u"tls is off: clients connect with ws://"_s)};
    QString certificateFile = config.tls.certificateFile;
    QString keyFile = config.tls.keyFile;
    if (!config.tls.hasOwnFiles()) {
        certificateFile = QDir(config.dataDir).filePath(u"tls/certificate.pem"_s);
        keyFile = QDir(config.dataDir).filePath(u"tls/key.pem"_s);
        if (!QFileInfo::exists(certificateFile))
            return {ok(subject,
                       u"none yet; banterd makes a self-signed one in %1 at first "
                       "start"_s.arg(QFileInfo(certificateFile).absolutePath()))};
    }
    Result<TlsCredentials> credentials = readTlsCredentials(certificateFile, keyFile);
    if (!credentials)
        return {error(subject, credentials.error().message)};
    return certificateValidity(certificateFile, credentials->certificate());
}

QList<ConfigFinding> databaseFindings(const ServerConfig &config)
{
    const QString subject = u"database"_s;
    const QString url = config.effectiveDatabaseUrl();
    const QString shown = QUrl(url).toString(QUrl::RemovePassword);
    const QString sqliteFile = sqliteFileOf(config);
    // Opening a SQLite file that is not there would create it: say what a start would do.
    if (!sqliteFile.isEmpty() && !QFileInfo::exists(sqliteFile))
        return {ok(subject,
                   u"%1 does not exist yet; banterd creates it at first start"_s.arg(sqliteFile))};
    Result<SchemaState> state = inspectSchema(url);
    if (!state)
        return {error(subject, state.error().message)};
    if (state->current < state->latest)
        return {warning(subject,
                        u"%1 is at schema version %2; this banterd migrates it to %3 at start "
                        "(take a backup first)"_s.arg(shown)
                            .arg(state->current)
                            .arg(state->latest))};
    return {ok(subject,
               u"%1 is reachable, schema version %2 (current)"_s.arg(shown).arg(state->current))};
}

QList<ConfigFinding> diskFindings(const ServerConfig &config, qint64 minimumFreeMiB)
{
    const QString subject = u"disk space"_s;
    // The data directory may not exist yet: ask about the nearest directory that does.
    QDir dir(QDir::cleanPath(QDir(config.dataDir).absolutePath()));
    while (!dir.exists() && !dir.isRoot())
        dir.setPath(QFileInfo(dir.path()).absolutePath());
    const QStorageInfo storage(dir.path());
    if (!storage.isValid())
        return {error(subject, u"cannot tell the free space at %1"_s.arg(dir.path()))};
    const qint64 freeMiB = storage.bytesAvailable() / (1024 * 1024);
    if (freeMiB < minimumFreeMiB)
        return {warning(subject,
                        u"%1 MiB free at %2, below %3 MiB; messages and files stop being "
                        "stored when it runs out"_s.arg(freeMiB)
                            .arg(dir.path())
                            .arg(minimumFreeMiB))};
    return {ok(subject, u"%1 MiB free at %2"_s.arg(freeMiB).arg(dir.path()))};
}

} // namespace Banter::Server
