// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/configvalidator.h"

#include <banter/domain/conversation.h>

#include <QFileInfo>
#include <QSettings>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 MiB = 1024 * 1024;
constexpr double Unbounded = 1e12;
constexpr int TenYears = 10 * 365 * 24 * 3600;

// Applies one value to the config; returns what is wrong with it, or an empty string.
using Apply = std::function<QString(ServerConfig &, const QString &)>;

struct Setting
{
    QString key;
    Apply apply;
};

QString rangeText(double min, double max)
{
    if (max >= Unbounded)
        return u"at least %1"_s.arg(min);
    return u"from %1 to %2"_s.arg(min).arg(max);
}

// A number from min to max; `whole` refuses fractions instead of truncating them.
std::optional<double> readNumber(const QString &text, bool whole, double min, double max,
                                 QString *error)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    const QString kind = whole ? u"a whole number"_s : u"a number"_s;
    if (!ok || !std::isfinite(value) || (whole && value != std::floor(value)) || value < min
        || value > max) {
        *error = u"'%1' is not %2 %3"_s.arg(text, kind, rangeText(min, max));
        return std::nullopt;
    }
    return value;
}

// Where a field lives: the config itself or one of its sections.
template<typename Section>
Section &sectionOf(ServerConfig &config, Section ServerConfig::*section)
{
    return config.*section;
}

// `key` sets `field` of `section` to a whole number (times `scale`), from min to max.
template<typename Section, typename T>
Setting whole(const char *key, double min, double max, Section ServerConfig::*section,
              T Section::*field, double scale = 1)
{
    return {QString::fromLatin1(key), [=](ServerConfig &config, const QString &text) {
                QString error;
                if (const auto value = readNumber(text, true, min, max, &error))
                    sectionOf(config, section).*field = T(*value * scale);
                return error;
            }};
}

template<typename T>
Setting whole(const char *key, double min, double max, T ServerConfig::*field)
{
    return {QString::fromLatin1(key), [=](ServerConfig &config, const QString &text) {
                QString error;
                if (const auto value = readNumber(text, true, min, max, &error))
                    config.*field = T(*value);
                return error;
            }};
}

// `key` sets `field` to a number that may have a fraction, times `scale`.
template<typename Section, typename T>
Setting number(const char *key, double min, double max, Section ServerConfig::*section,
               T Section::*field, double scale = 1)
{
    return {QString::fromLatin1(key), [=](ServerConfig &config, const QString &text) {
                QString error;
                if (const auto value = readNumber(text, false, min, max, &error))
                    sectionOf(config, section).*field = T(*value * scale);
                return error;
            }};
}

Setting text(const char *key, QString ServerConfig::*field)
{
    return {QString::fromLatin1(key), [=](ServerConfig &config, const QString &value) {
                config.*field = value;
                return QString();
            }};
}

QString applyListen(ServerConfig &config, const QString &text)
{
    const QHostAddress address(text.trimmed());
    if (address.isNull())
        return u"'%1' is not an IP address"_s.arg(text);
    config.listenAddress = address;
    config.listenGiven = true;
    return {};
}

// `key` is a switch spelled on/off (or true/false, as INI files often say).
Setting onOff(const char *key, bool LanConfig::*field)
{
    return {QString::fromLatin1(key), [=](ServerConfig &config, const QString &text) {
                const QString value = text.trimmed().toLower();
                if (value == "on"_L1 || value == "true"_L1)
                    config.lan.*field = true;
                else if (value == "off"_L1 || value == "false"_L1)
                    config.lan.*field = false;
                else
                    return u"'%1' is not on or off"_s.arg(text);
                return QString();
            }};
}

QString applyRegistration(ServerConfig &config, const QString &text)
{
    const std::optional<RegistrationMode> mode = parseRegistrationMode(text);
    if (!mode)
        return u"'%1' is not open, closed or invite"_s.arg(text);
    config.registration = *mode;
    return {};
}

QString applyUserSearch(ServerConfig &config, const QString &text)
{
    if (text != "everyone"_L1 && text != "contacts"_L1)
        return u"'%1' is not everyone or contacts"_s.arg(text);
    config.limits.userSearchContactsOnly = text == "contacts"_L1;
    return {};
}

QString applyProxies(ServerConfig &config, const QString &text)
{
    Result<QList<Subnet>> proxies = parseSubnets(text.split(u','));
    if (!proxies)
        return proxies.error().message;
    config.trustedProxies = *proxies;
    return {};
}

QString applyOrigins(ServerConfig &config, const QString &text)
{
    QStringList origins;
    for (const QString &origin : text.split(u',', Qt::SkipEmptyParts))
        origins.append(origin.trimmed());
    config.allowedOrigins = origins;
    return {};
}

QString applyTlsMode(ServerConfig &config, const QString &text)
{
    Result<TlsConfig::Mode> mode = parseTlsMode(text);
    if (!mode)
        return mode.error().message;
    config.tls.mode = *mode;
    return {};
}

QString applyLogFormat(ServerConfig &config, const QString &text)
{
    if (text != "text"_L1 && text != "json"_L1)
        return u"'%1' is not text or json"_s.arg(text);
    config.log.format = text == "json"_L1 ? LogConfig::Format::Json : LogConfig::Format::Text;
    return {};
}

QString applyLogLevel(ServerConfig &config, const QString &text)
{
    static const QList<std::pair<QString, QtMsgType>> levels = {{u"debug"_s, QtDebugMsg},
                                                                {u"info"_s, QtInfoMsg},
                                                                {u"warning"_s, QtWarningMsg},
                                                                {u"critical"_s, QtCriticalMsg}};
    for (const auto &level : levels) {
        if (level.first == text) {
            config.log.level = level.second;
            return {};
        }
    }
    return u"'%1' is not debug, info, warning or critical"_s.arg(text);
}

QString applyMetrics(ServerConfig &config, const QString &text)
{
    if (text != "on"_L1 && text != "off"_L1)
        return u"'%1' is not on or off"_s.arg(text);
    config.metrics.enabled = text == "on"_L1;
    return {};
}

QString applyMetricsListen(ServerConfig &config, const QString &text)
{
    const QHostAddress address(text.trimmed());
    if (address.isNull())
        return u"'%1' is not an IP address"_s.arg(text);
    config.metrics.listenAddress = address;
    return {};
}

QString applyFile(QString &target, const QString &text)
{
    if (text.trimmed().isEmpty())
        return u"must name a file"_s;
    target = text;
    return {};
}

// Every setting banterd reads, one line each. Ranges keep values that parse but make no
// sense (a token that expires when issued, a limit of zero that refuses everyone) out.
const std::vector<Setting> &settings()
{
    using C = ServerConfig;
    using L = ServerLimits;
    using F = FileLimits;
    using R = RetentionConfig;
    static const std::vector<Setting> table = {
        {u"server/listen"_s, &applyListen},
        whole("server/port", 0, 65535, &C::port),
        text("server/data_dir", &C::dataDir),
        text("server/database", &C::databaseUrl),
        whole("server/sqlite_busy_timeout_ms", 0, C::MaxSqliteBusyTimeoutMs,
              &C::sqliteBusyTimeoutMs),
        whole("server/postgresql_stall_timeout_ms", 1000, C::MaxPostgresqlStallTimeoutMs,
              &C::postgresqlStallTimeoutMs),
        {u"server/registration"_s, &applyRegistration},
        {u"server/user_search"_s, &applyUserSearch},
        {u"server/allowed_origins"_s, &applyOrigins},
        {u"server/trusted_proxies"_s, &applyProxies},
        onOff("server/lan", &LanConfig::enabled),
        onOff("server/discovery", &LanConfig::discovery),
        whole("server/discovery_port", 0, 65535, &C::lan, &LanConfig::discoveryPort),
        {u"server/name"_s,
         [](C &config, const QString &t) {
             config.lan.serverName = t.trimmed();
             return t.trimmed().toUtf8().size() > 100 ? u"is longer than 100 bytes"_s : QString();
         }},
        whole("auth/access_token_minutes", 1, 24 * 60, &C::accessTokenMinutes),
        whole("auth/refresh_token_days", 1, 3650, &C::refreshTokenDays),
        whole("auth/refresh_reuse_grace_seconds", 0, 3600, &C::refreshReuseGraceSeconds),
        whole("auth/password_memory_kib", 8, 4 * 1024 * 1024, &C::passwordMemoryKiB),
        whole("auth/password_iterations", 1, 100, &C::passwordIterations),
        whole("limits/max_connections", 1, 10'000'000, &C::limits, &L::maxConnections),
        whole("limits/max_connections_per_user", 1, 10'000, &C::limits, &L::maxConnectionsPerUser),
        // Above this a group no longer fits the frame bound (ConversationRules).
        whole("limits/max_group_size", 2, ConversationRules::MaxGroupSizeAllowed, &C::limits,
              &L::maxGroupSize),
        number("limits/messages_per_second", 0.001, 1e6, &C::limits, &L::messagesPerSecond),
        number("limits/message_burst", 1, 1e6, &C::limits, &L::messageBurst),
        number("limits/requests_per_second", 0.001, 1e6, &C::limits, &L::requestsPerSecond),
        number("limits/request_burst", 1, 1e6, &C::limits, &L::requestBurst),
        number("limits/profile_updates_per_minute", 0.001, 1e6, &C::limits,
               &L::profileUpdatesPerMinute),
        number("limits/profile_update_burst", 1, 1e6, &C::limits, &L::profileUpdateBurst),
        whole("limits/login_failures_per_account", 1, 1e6, &C::limits, &L::loginFailuresPerAccount),
        whole("limits/login_failures_per_address", 1, 1e6, &C::limits, &L::loginFailuresPerAddress),
        // Zero would turn the account limit off; beyond an hour it locks the owner out.
        whole("limits/login_account_delay_max_seconds", 1, 3600, &C::limits,
              &L::loginAccountDelayMaxSeconds),
        whole("limits/password_checks_per_account", 1, 1000, &C::limits,
              &L::passwordChecksPerAccount),
        whole("limits/password_checks_per_address", 1, 1000, &C::limits,
              &L::passwordChecksPerAddress),
        whole("limits/max_sessions_per_user", 1, 100'000, &C::limits, &L::maxSessionsPerUser),
        whole("limits/registrations_per_address_per_hour", 0, 1e6, &C::limits,
              &L::registrationsPerAddressPerHour),
        whole("limits/auth_timeout_seconds", 1, 3600, &C::limits, &L::authTimeoutSeconds),
        whole("limits/idle_timeout_seconds", 2, 86'400, &C::limits, &L::idleTimeoutSeconds),
        whole("limits/heartbeat_seconds", 1, 86'400, &C::limits, &L::heartbeatSeconds),
        whole("limits/sync_gap_limit", 1, 1e9, &C::limits, &L::syncGapLimit),
        number("limits/search_per_second", 0.001, 1e6, &C::limits, &L::searchPerSecond),
        number("limits/search_burst", 1, 1e6, &C::limits, &L::searchBurst),
        whole("limits/edit_window_seconds", 0, TenYears, &C::limits, &L::editWindowSeconds),
        number("limits/membership_changes_per_minute", 0.001, 1e6, &C::limits,
               &L::membershipChangesPerMinute),
        number("limits/membership_change_burst", 1, 1e6, &C::limits, &L::membershipChangeBurst),
        whole("limits/group_adds_per_pair_per_hour", 1, 1e6, &C::limits,
              &L::groupAddsPerPairPerHour),
        whole("limits/group_add_people_per_hour", 1, 1e6, &C::limits, &L::groupAddPeoplePerHour),
        number("limits/presence_changes_per_minute", 0.001, 1e6, &C::limits,
               &L::presenceChangesPerMinute),
        number("limits/presence_change_burst", 1, 1e6, &C::limits, &L::presenceChangeBurst),
        number("limits/handshake_timeout_seconds", 0.1, 3600, &C::limits,
               &L::handshakeTimeoutSeconds),
        whole("limits/max_pending_handshakes", 1, 1e6, &C::limits, &L::maxPendingHandshakes),
        whole("limits/max_connections_per_address", 1, 10'000'000, &C::limits,
              &L::maxConnectionsPerAddress),
        number("limits/shutdown_drain_seconds", 0, 600, &C::limits, &L::shutdownDrainSeconds),
        number("files/max_file_mib", 1.0 / MiB, 1024 * 1024, &C::files, &F::maxFileBytes, MiB),
        number("files/quota_mib", 0, Unbounded, &C::files, &F::quotaBytes, MiB),
        whole("files/max_concurrent_uploads", 1, 10'000, &C::files, &F::maxConcurrentUploads),
        whole("files/max_unfinished_uploads", 1, 100'000, &C::files, &F::maxUnfinishedUploads),
        whole("files/max_downloads_per_connection", 1, 10'000, &C::files,
              &F::maxDownloadsPerConnection),
        whole("files/idle_upload_seconds", 1, 86'400, &C::files, &F::idleUploadSeconds),
        number("files/abandoned_upload_hours", 1.0 / 60, 24 * 365, &C::files,
               &F::abandonedUploadSeconds, 3600),
        {u"server/log_format"_s, &applyLogFormat},
        {u"server/log_level"_s, &applyLogLevel},
        {u"server/metrics"_s, &applyMetrics},
        {u"server/metrics_listen"_s, &applyMetricsListen},
        whole("server/metrics_port", 0, 65535, &C::metrics, &MetricsConfig::port),
        whole("retention/message_days", 0, 36'500, &C::retention, &R::messageDays),
        whole("retention/file_days", 0, 36'500, &C::retention, &R::fileDays),
        whole("retention/sweep_interval_minutes", 1, 7 * 24 * 60, &C::retention,
              &R::sweepIntervalMinutes),
        whole("retention/batch_rows", 1, 100'000, &C::retention, &R::batchRows),
        {u"tls/mode"_s, &applyTlsMode},
        {u"tls/certificate"_s,
         [](C &config, const QString &t) { return applyFile(config.tls.certificateFile, t); }},
        {u"tls/key"_s,
         [](C &config, const QString &t) { return applyFile(config.tls.keyFile, t); }},
    };
    return table;
}

// Rules between settings, checked once every value is in.
struct Rule
{
    QString key; // the key the problem is reported under
    std::function<QString(const ServerConfig &, const QSettings &)> check;
};

const std::vector<Rule> &rules()
{
    static const std::vector<Rule> table = {
        {u"tls/certificate"_s,
         [](const ServerConfig &, const QSettings &s) {
             return s.contains(u"tls/certificate"_s) == s.contains(u"tls/key"_s)
                 ? QString()
                 : u"[tls] needs both certificate and key, or neither (then banterd makes "
                   "its own)"_s;
         }},
        {u"server/metrics_port"_s,
         [](const ServerConfig &c, const QSettings &) {
             return !c.metrics.enabled || c.metrics.port == 0 || c.metrics.port != c.port
                 ? QString()
                 : u"must differ from server/port (%1)"_s.arg(c.port);
         }},
        {u"files/max_unfinished_uploads"_s,
         [](const ServerConfig &c, const QSettings &) {
             return c.files.maxUnfinishedUploads >= c.files.maxConcurrentUploads
                 ? QString()
                 : u"must be at least files/max_concurrent_uploads (%1)"_s.arg(
                     c.files.maxConcurrentUploads);
         }},
        {u"limits/heartbeat_seconds"_s,
         [](const ServerConfig &c, const QSettings &) {
             return c.limits.heartbeatSeconds < c.limits.idleTimeoutSeconds
                 ? QString()
                 : u"must be shorter than limits/idle_timeout_seconds (%1), or every quiet "
                   "connection is closed"_s.arg(c.limits.idleTimeoutSeconds);
         }},
    };
    return table;
}

// A list value ("a, b" in INI) comes back from QSettings as a QStringList.
QString textOf(const QVariant &value)
{
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList().join(u", "_s);
    return value.toString();
}

QString nearestKey(const QString &unknown)
{
    QString best;
    int bestDistance = std::numeric_limits<int>::max();
    const QStringView leaf = QStringView(unknown).mid(unknown.lastIndexOf(u'/') + 1);
    for (const Setting &setting : settings()) {
        // The right name in the wrong section counts as close.
        const QStringView knownLeaf = QStringView(setting.key).mid(setting.key.indexOf(u'/') + 1);
        const int distance = leaf == knownLeaf ? 1 : keyDistance(unknown, setting.key);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = setting.key;
        }
    }
    // Beyond a third of the name it is a different word, not a typo.
    return bestDistance <= std::max<int>(2, int(unknown.size()) / 3) ? best : QString();
}
} // namespace

QString ConfigProblem::text() const
{
    QString line = key.isEmpty() ? message : key + u": "_s + message;
    if (!suggestion.isEmpty())
        line += u"; did you mean %1?"_s.arg(suggestion);
    return line;
}

bool ConfigCheck::hasErrors() const
{
    return std::ranges::any_of(problems, &ConfigProblem::isError);
}

QString ConfigCheck::errorText() const
{
    QStringList lines;
    for (const ConfigProblem &problem : problems) {
        if (problem.isError())
            lines.append(problem.text());
    }
    return lines.join(u'\n');
}

ConfigCheck checkConfigFile(const QString &path, ServerConfig base)
{
    ConfigCheck check{std::move(base), {}};
    if (!QFileInfo(path).isReadable()) {
        check.problems.append({{}, {}, u"cannot read config file %1"_s.arg(path), {}});
        return check;
    }
    QSettings file(path, QSettings::IniFormat);
    if (file.status() != QSettings::NoError) {
        check.problems.append({{}, {}, u"config file %1 is malformed"_s.arg(path), {}});
        return check;
    }
    for (const Setting &setting : settings()) {
        if (!file.contains(setting.key))
            continue;
        const QString message = setting.apply(check.config, textOf(file.value(setting.key)));
        if (!message.isEmpty())
            check.problems.append({{}, setting.key, message, {}});
    }
    const QStringList known = knownConfigKeys();
    for (const QString &key : file.allKeys()) {
        if (!known.contains(key))
            check.problems.append({ConfigProblem::Severity::Warning, key,
                                   u"is not a setting banterd knows; it is ignored"_s,
                                   nearestKey(key)});
    }
    if (check.hasErrors())
        return check; // the rules compare values that may not have been read
    for (const Rule &rule : rules()) {
        const QString message = rule.check(check.config, file);
        if (!message.isEmpty())
            check.problems.append({{}, rule.key, message, {}});
    }
    return check;
}

QStringList knownConfigKeys()
{
    QStringList keys;
    for (const Setting &setting : settings())
        keys.append(setting.key);
    return keys;
}

QHash<QString, QString> configFileValues(const QString &path)
{
    QHash<QString, QString> values;
    if (path.isEmpty() || !QFileInfo(path).isReadable())
        return values;
    const QSettings file(path, QSettings::IniFormat);
    for (const Setting &setting : settings()) {
        if (file.contains(setting.key))
            values.insert(setting.key, textOf(file.value(setting.key)));
    }
    return values;
}

int keyDistance(QStringView a, QStringView b)
{
    std::vector<int> row(size_t(b.size()) + 1);
    for (size_t j = 0; j < row.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[size_t(j)];
            const int substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            row[size_t(j)] = std::min({above + 1, row[size_t(j - 1)] + 1, substitution});
            diagonal = above;
        }
    }
    return row.back();
}

} // namespace Banter::Server
