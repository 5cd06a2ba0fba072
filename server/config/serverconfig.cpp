// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/serverconfig.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <cmath>
#include <limits>

namespace Banter::Server {

using namespace Qt::StringLiterals;

QString ServerConfig::effectiveDatabaseUrl() const
{
    if (!databaseUrl.isEmpty())
        return databaseUrl;
    return u"sqlite://"_s + QDir(dataDir).absoluteFilePath(u"banter.db"_s);
}

Result<TlsConfig::Mode> parseTlsMode(const QString &text)
{
    if (text == "on"_L1)
        return TlsConfig::Mode::On;
    if (text == "off"_L1)
        return TlsConfig::Mode::Off;
    return makeError(ErrorCode::BadRequest, u"'%1' is not on or off"_s.arg(text));
}

Result<QList<Subnet>> parseSubnets(const QStringList &entries)
{
    QList<Subnet> subnets;
    for (const QString &raw : entries) {
        const QString entry = raw.trimmed();
        if (entry.isEmpty())
            continue;
        Subnet subnet = entry.contains(u'/') ? QHostAddress::parseSubnet(entry)
                                             : Subnet{QHostAddress(entry), -1};
        if (subnet.first.isNull())
            return makeError(ErrorCode::BadRequest,
                             u"'%1' is not an IP address or address range"_s.arg(entry));
        if (subnet.second < 0)
            subnet.second = subnet.first.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;
        subnets.append(subnet);
    }
    return subnets;
}

namespace {
constexpr int MaxEditWindowSeconds = 10 * 365 * 24 * 3600;
constexpr double MaxMiB = 1024.0 * 1024 * 1024;
constexpr double MaxAbandonedHours = 10 * 365 * 24;

// Reads a number into `target` when the key is present; a non-number is an error.
template<typename T>
bool readNumber(const QSettings &settings, const QString &key, T &target, QString *error)
{
    if (!settings.contains(key))
        return true;
    bool ok = false;
    const double value = settings.value(key).toString().toDouble(&ok);
    // Also refuses NaN and what T cannot hold: converting those to an integer is undefined.
    if (!ok || value < 0 || !(value < double(std::numeric_limits<T>::max()) + 1.0)) {
        *error = u"%1: '%2' is not a non-negative number in range"_s.arg(
            key, settings.value(key).toString());
        return false;
    }
    target = T(value);
    return true;
}

Status readTls(const QSettings &settings, TlsConfig &tls)
{
    if (settings.contains(u"tls/mode"_s)) {
        Result<TlsConfig::Mode> mode = parseTlsMode(settings.value(u"tls/mode"_s).toString());
        if (!mode)
            return makeError(ErrorCode::BadRequest, u"tls/mode: "_s + mode.error().message);
        tls.mode = *mode;
    }
    const bool hasCertificate = settings.contains(u"tls/certificate"_s);
    if (hasCertificate != settings.contains(u"tls/key"_s))
        return makeError(ErrorCode::BadRequest,
                         u"[tls] needs both certificate and key, or neither (then banterd "
                         "makes its own)"_s);
    if (hasCertificate) {
        tls.certificateFile = settings.value(u"tls/certificate"_s).toString();
        tls.keyFile = settings.value(u"tls/key"_s).toString();
        if (tls.certificateFile.isEmpty() || tls.keyFile.isEmpty())
            return makeError(ErrorCode::BadRequest,
                             u"tls/certificate and tls/key must name files"_s);
    }
    return success();
}
} // namespace

Result<ServerConfig> loadConfigFile(const QString &path, ServerConfig config)
{
    if (!QFileInfo(path).isReadable())
        return makeError(ErrorCode::BadRequest, u"cannot read config file %1"_s.arg(path));
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return makeError(ErrorCode::BadRequest, u"config file %1 is malformed"_s.arg(path));

    if (settings.contains(u"server/listen"_s)) {
        const QHostAddress address(settings.value(u"server/listen"_s).toString());
        if (address.isNull())
            return makeError(ErrorCode::BadRequest, u"server/listen is not an IP address"_s);
        config.listenAddress = address;
    }
    QString error;
    int port = config.port;
    if (!readNumber(settings, u"server/port"_s, port, &error) || port > 65535)
        return makeError(ErrorCode::BadRequest,
                         error.isEmpty() ? u"server/port is out of range"_s : error);
    config.port = quint16(port);
    config.dataDir = settings.value(u"server/data_dir"_s, config.dataDir).toString();
    config.databaseUrl = settings.value(u"server/database"_s, config.databaseUrl).toString();
    const QString registration = settings.value(u"server/registration"_s, u"open"_s).toString();
    if (registration != "open"_L1 && registration != "closed"_L1)
        return makeError(ErrorCode::BadRequest, u"server/registration must be open or closed"_s);
    config.registrationOpen = registration == "open"_L1;
    const QString search = settings.value(u"server/user_search"_s, u"everyone"_s).toString();
    if (search != "everyone"_L1 && search != "contacts"_L1)
        return makeError(ErrorCode::BadRequest,
                         u"server/user_search must be everyone or contacts"_s);
    config.limits.userSearchContactsOnly = search == "contacts"_L1;
    config.allowedOrigins =
        settings.value(u"server/allowed_origins"_s, config.allowedOrigins).toStringList();

    if (settings.contains(u"server/trusted_proxies"_s)) {
        Result<QList<Subnet>> proxies =
            parseSubnets(settings.value(u"server/trusted_proxies"_s).toStringList());
        if (!proxies)
            return makeError(ErrorCode::BadRequest,
                             u"server/trusted_proxies: "_s + proxies.error().message);
        config.trustedProxies = *proxies;
    }

    if (Status tls = readTls(settings, config.tls); !tls)
        return tls.error();

    ServerLimits &l = config.limits;
    FileLimits &f = config.files;
    double maxFileMiB = double(f.maxFileBytes) / (1024 * 1024);
    double quotaMiB = double(f.quotaBytes) / (1024 * 1024);
    double abandonedHours = f.abandonedUploadSeconds / 3600.0;
    double editWindow = l.editWindowSeconds;
    const bool ok =
        readNumber(settings, u"auth/access_token_minutes"_s, config.accessTokenMinutes, &error)
        && readNumber(settings, u"auth/refresh_token_days"_s, config.refreshTokenDays, &error)
        && readNumber(settings, u"auth/refresh_reuse_grace_seconds"_s,
                      config.refreshReuseGraceSeconds, &error)
        && readNumber(settings, u"auth/password_memory_kib"_s, config.passwordMemoryKiB, &error)
        && readNumber(settings, u"auth/password_iterations"_s, config.passwordIterations, &error)
        && readNumber(settings, u"limits/max_connections"_s, l.maxConnections, &error)
        && readNumber(settings, u"limits/max_connections_per_user"_s, l.maxConnectionsPerUser,
                      &error)
        && readNumber(settings, u"limits/max_group_size"_s, l.maxGroupSize, &error)
        && readNumber(settings, u"limits/messages_per_second"_s, l.messagesPerSecond, &error)
        && readNumber(settings, u"limits/message_burst"_s, l.messageBurst, &error)
        && readNumber(settings, u"limits/requests_per_second"_s, l.requestsPerSecond, &error)
        && readNumber(settings, u"limits/request_burst"_s, l.requestBurst, &error)
        && readNumber(settings, u"limits/profile_updates_per_minute"_s, l.profileUpdatesPerMinute,
                      &error)
        && readNumber(settings, u"limits/profile_update_burst"_s, l.profileUpdateBurst, &error)
        && readNumber(settings, u"limits/login_failures_per_account"_s, l.loginFailuresPerAccount,
                      &error)
        && readNumber(settings, u"limits/login_failures_per_address"_s, l.loginFailuresPerAddress,
                      &error)
        && readNumber(settings, u"limits/login_account_delay_max_seconds"_s,
                      l.loginAccountDelayMaxSeconds, &error)
        && readNumber(settings, u"limits/password_checks_per_account"_s, l.passwordChecksPerAccount,
                      &error)
        && readNumber(settings, u"limits/password_checks_per_address"_s, l.passwordChecksPerAddress,
                      &error)
        && readNumber(settings, u"limits/max_sessions_per_user"_s, l.maxSessionsPerUser, &error)
        && readNumber(settings, u"limits/registrations_per_address_per_hour"_s,
                      l.registrationsPerAddressPerHour, &error)
        && readNumber(settings, u"limits/auth_timeout_seconds"_s, l.authTimeoutSeconds, &error)
        && readNumber(settings, u"limits/idle_timeout_seconds"_s, l.idleTimeoutSeconds, &error)
        && readNumber(settings, u"limits/heartbeat_seconds"_s, l.heartbeatSeconds, &error)
        && readNumber(settings, u"limits/sync_gap_limit"_s, l.syncGapLimit, &error)
        && readNumber(settings, u"limits/search_per_second"_s, l.searchPerSecond, &error)
        && readNumber(settings, u"limits/search_burst"_s, l.searchBurst, &error)
        && readNumber(settings, u"limits/edit_window_seconds"_s, editWindow, &error)
        && readNumber(settings, u"limits/membership_changes_per_minute"_s,
                      l.membershipChangesPerMinute, &error)
        && readNumber(settings, u"limits/membership_change_burst"_s, l.membershipChangeBurst,
                      &error)
        && readNumber(settings, u"limits/group_adds_per_pair_per_hour"_s, l.groupAddsPerPairPerHour,
                      &error)
        && readNumber(settings, u"limits/group_add_people_per_hour"_s, l.groupAddPeoplePerHour,
                      &error)
        && readNumber(settings, u"limits/presence_changes_per_minute"_s, l.presenceChangesPerMinute,
                      &error)
        && readNumber(settings, u"limits/presence_change_burst"_s, l.presenceChangeBurst, &error)
        && readNumber(settings, u"limits/handshake_timeout_seconds"_s, l.handshakeTimeoutSeconds,
                      &error)
        && readNumber(settings, u"limits/max_pending_handshakes"_s, l.maxPendingHandshakes, &error)
        && readNumber(settings, u"limits/max_connections_per_address"_s, l.maxConnectionsPerAddress,
                      &error)
        && readNumber(settings, u"limits/shutdown_drain_seconds"_s, l.shutdownDrainSeconds, &error)
        && readNumber(settings, u"files/max_file_mib"_s, maxFileMiB, &error)
        && readNumber(settings, u"files/quota_mib"_s, quotaMiB, &error)
        && readNumber(settings, u"files/max_concurrent_uploads"_s, f.maxConcurrentUploads, &error)
        && readNumber(settings, u"files/max_unfinished_uploads"_s, f.maxUnfinishedUploads, &error)
        && readNumber(settings, u"files/max_downloads_per_connection"_s,
                      f.maxDownloadsPerConnection, &error)
        && readNumber(settings, u"files/idle_upload_seconds"_s, f.idleUploadSeconds, &error)
        && readNumber(settings, u"files/abandoned_upload_hours"_s, abandonedHours, &error);
    if (!ok)
        return makeError(ErrorCode::BadRequest, error);
    // Zero would refuse every sign-in (or, for the delay, turn the account limit off).
    if (l.loginAccountDelayMaxSeconds < 1 || l.loginAccountDelayMaxSeconds > 3600
        || l.passwordChecksPerAccount < 1 || l.passwordChecksPerAddress < 1
        || l.maxSessionsPerUser < 1 || l.maxPendingHandshakes < 1 || l.maxConnectionsPerAddress < 1
        || l.handshakeTimeoutSeconds <= 0 || l.shutdownDrainSeconds <= 0)
        return makeError(ErrorCode::BadRequest,
                         u"[limits] login_account_delay_max_seconds (1 to 3600), "
                         "password_checks_per_account, password_checks_per_address, "
                         "max_sessions_per_user, max_pending_handshakes, "
                         "max_connections_per_address, handshake_timeout_seconds and "
                         "shutdown_drain_seconds must be positive"_s);
    // A whole number of seconds, at most ten years (beyond that, say 0: always).
    if (editWindow != std::floor(editWindow) || editWindow > MaxEditWindowSeconds)
        return makeError(ErrorCode::BadRequest,
                         u"limits/edit_window_seconds must be a whole number from 0 (no limit) "
                         "to %1"_s.arg(MaxEditWindowSeconds));
    l.editWindowSeconds = int(editWindow);
    // Beyond these the conversions below overflow (undefined): a pebibyte, ten years.
    if (maxFileMiB > MaxMiB || quotaMiB > MaxMiB || abandonedHours > MaxAbandonedHours)
        return makeError(ErrorCode::BadRequest,
                         u"[files] max_file_mib and quota_mib are at most %1, "
                         "abandoned_upload_hours at most %2"_s.arg(MaxMiB)
                             .arg(MaxAbandonedHours));
    f.maxFileBytes = qint64(maxFileMiB * 1024 * 1024);
    f.quotaBytes = qint64(quotaMiB * 1024 * 1024);
    f.abandonedUploadSeconds = int(abandonedHours * 3600);
    if (f.maxFileBytes < 1 || f.maxConcurrentUploads < 1 || f.abandonedUploadSeconds < 60
        || f.idleUploadSeconds < 1 || f.maxUnfinishedUploads < f.maxConcurrentUploads
        || f.maxDownloadsPerConnection < 1)
        return makeError(ErrorCode::BadRequest,
                         u"[files] max_file_mib, max_concurrent_uploads, idle_upload_seconds and "
                         "max_downloads_per_connection must be positive, max_unfinished_uploads "
                         "at least max_concurrent_uploads, abandoned_upload_hours at least one "
                         "minute"_s);
    return config;
}

} // namespace Banter::Server
