// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/result.h>

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace Banter::Server {

// Who may make an account: anyone (open), nobody (closed: accounts come from the operator),
// or whoever holds an invitation from `banterd invite` (invite).
enum class RegistrationMode { Open, Closed, Invitation };
// "open", "closed" or "invite"; nothing for anything else.
std::optional<RegistrationMode> parseRegistrationMode(const QString &text);

// Every limit the server enforces, with the defaults a LAN server wants. Each can be set in
// the [limits] section of the config file under the same name in snake_case.
struct ServerLimits
{
    int maxConnections = 10'000;
    int maxConnectionsPerUser = 10;
    int maxGroupSize = 500;
    qint64 maxRequestBytes = 64 * 1024;
    double messagesPerSecond = 20; // per user, token bucket refill
    double messageBurst = 40; // per user, token bucket size
    double requestsPerSecond = 50; // per connection, all requests
    double requestBurst = 100;
    double typingPerSecond = 1; // per user and conversation
    double typingBurst = 3;
    // Profile changes (update_profile) per user: each one is pushed to everyone who sees the
    // user and a picture is up to 40 KiB, so a loop of them must not become a flood.
    double profileUpdatesPerMinute = 10;
    double profileUpdateBurst = 5;
    // Failed sign-ins an account may have before each further attempt waits: 1 s, doubling
    // up to loginAccountDelayMaxSeconds. The delay stays short on purpose, so that someone
    // guessing from elsewhere cannot keep the owner out for long.
    int loginFailuresPerAccount = 5;
    int loginAccountDelayMaxSeconds = 10;
    int loginFailuresPerAddress = 20; // per loginWindowSeconds
    int loginWindowSeconds = 15 * 60;
    // Password checks (sign-in, sign-up, password change) waiting or running at once, for one
    // account and for one address bucket; further ones are refused before any hashing.
    int passwordChecksPerAccount = 2;
    int passwordChecksPerAddress = 8;
    // Live sessions one account may hold; a new sign-in past it ends the least recently used.
    int maxSessionsPerUser = 50;
    int registrationsPerAddressPerHour = 10;
    int authTimeoutSeconds = 10; // an unauthenticated socket is closed after this
    int idleTimeoutSeconds = 90; // no frame (data, ping or pong) for this long: close
    int heartbeatSeconds = 30; // WebSocket ping interval
    qint64 maxPendingWriteBytes = 8 * 1024 * 1024; // a client that will not drain is cut off
    int syncGapLimit = 10'000; // further behind than this: "limited", resync
    qint64 syncPageBytes = 1024 * 1024;
    double searchPerSecond = 5; // per user: each search is a bounded but real database read
    double searchBurst = 20;
    int searchExamined = 2000; // index matches one search request looks at, at most
    int searchWindow = 10'000; // messages one short-text (unindexed) search reads, at most
    qint64 searchReplyBytes = 256 * 1024; // a search reply is cut here (has_more)
    int editWindowSeconds = 0; // how long after sending a message may be edited; 0: always
    // Privacy (issue 17). Membership changes and renames per user (create_group, add_members,
    // remove_member, leave, rename): each is pushed to every connection of every member.
    double membershipChangesPerMinute = 30;
    double membershipChangeBurst = 20;
    // Groups one user may add another user to per hour, and different people one user may
    // add to groups per hour (which also bounds the state kept per adder).
    int groupAddsPerPairPerHour = 20;
    int groupAddPeoplePerHour = 1000;
    double presenceChangesPerMinute = 30; // per user ("presence" away/online)
    double presenceChangeBurst = 10;
    // "users" search: true lets it find only contacts and people sharing a conversation.
    bool userSearchContactsOnly = false;
    // A socket must finish its TLS handshake and WebSocket upgrade within this long.
    double handshakeTimeoutSeconds = 10;
    // Unfinished handshakes held at once; past it the oldest is dropped (as is an address's
    // oldest when the address is at max_connections_per_address).
    int maxPendingHandshakes = 512;
    int maxConnectionsPerAddress = 256; // sockets from one address, handshaking or not
    // On SIGTERM/SIGINT: how long requests in progress and closing handshakes may take.
    double shutdownDrainSeconds = 5;
};

// File transfer: sizes are bytes.
struct FileLimits
{
    qint64 maxFileBytes = 100LL * 1024 * 1024;
    qint64 quotaBytes = 2LL * 1024 * 1024 * 1024; // per user: finished plus unfinished uploads
    int maxConcurrentUploads = 3; // per user, being sent at the same moment
    // Started and not finished, per user across all connections (paused ones included):
    // each is a row, a partial file and, while attached, an open descriptor.
    int maxUnfinishedUploads = 20;
    int maxDownloadsPerConnection = 8; // each holds its file open while it is sent
    // An upload that has sent nothing for this long (a paused one) stops counting against
    // maxConcurrentUploads; sending again needs a free slot like a new upload.
    int idleUploadSeconds = 60;
    int abandonedUploadSeconds = 24 * 3600; // an untouched partial upload is removed after this
    int sweepIntervalSeconds = 600;
    int chunkBytes = 256 * 1024; // largest chunk a client may send
    int windowBytes = 4 * 1024 * 1024; // unconfirmed upload bytes a client may have in flight
};

// Retention (issue 15): the server's policy, applied by a sweep on start and then every
// sweepIntervalMinutes. A conversation may set its own (set_retention); the stricter wins.
struct RetentionConfig
{
    int messageDays = 0; // messages older than this are removed; 0 keeps them forever
    int fileDays = 0; // files older than this are removed; 0 keeps them forever
    int sweepIntervalMinutes = 60;
    // Rows one storage job of the sweep removes at most, so it never holds the storage
    // thread (and every chat commit behind it) for long.
    int batchRows = 500;
};

// TLS on the one listening port (chat and /transfer alike). On by default: with no files
// configured, banterd makes a self-signed certificate in <data_dir>/tls on first start and
// keeps it, since clients pin it on first use.
struct TlsConfig
{
    enum class Mode { On, Off };

    Mode mode = Mode::On;
    // PEM files of an operator's own certificate (optionally followed by its chain) and its
    // unencrypted key; both or neither. Empty: the generated pair in <data_dir>/tls.
    QString certificateFile;
    QString keyFile;
    // A socket that has not finished the TLS handshake by then is dropped.
    int handshakeTimeoutMs = 10'000;

    bool enabled() const { return mode == Mode::On; }
    bool hasOwnFiles() const { return !certificateFile.isEmpty(); }
};

// LAN mode (issue 14): listen on every interface and let clients on the network find the
// server, through a UDP discovery answer (docs/PROTOCOL.md, "LAN discovery") and an mDNS
// announcement (_banter._tcp, through Avahi when it runs).
struct LanConfig
{
    static constexpr quint16 DefaultDiscoveryPort = 7655;

    bool enabled = false;
    // Off: neither the UDP answer nor the mDNS announcement, only the chat port.
    bool discovery = true;
    // 0 picks a free port (tests); BanterServer::discoveryPort() tells which.
    quint16 discoveryPort = DefaultDiscoveryPort;
    // What clients list; empty: the machine's host name.
    QString serverName;
};

// "on" or "off", as the config file and the command line spell it.
Result<TlsConfig::Mode> parseTlsMode(const QString &text);

// An address range in CIDR form (10.0.0.0/8, ::1/128, a bare address is the whole length).
using Subnet = std::pair<QHostAddress, int>;

// "10.0.0.0/8, 127.0.0.1" as the config file and the command line spell it; an entry that is
// not an address or a range is an error naming it.
Result<QList<Subnet>> parseSubnets(const QStringList &entries);

// How banterd writes its log on stderr. Text: one line per message, with a timestamp unless
// journald reads it (JOURNAL_STREAM set), then with a <N> priority prefix instead; Json: one
// object per line (time, level, category, message).
struct LogConfig
{
    enum class Format { Text, Json };

    Format format = Format::Text;
    QtMsgType level = QtInfoMsg; // messages below it are dropped (QtDebugMsg shows everything)
};

// The operators' HTTP endpoint (/metrics in Prometheus text format, /healthz). Off unless
// enabled; on this machine only unless listenAddress says otherwise.
struct MetricsConfig
{
    static constexpr quint16 DefaultPort = 7655;

    bool enabled = false;
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 port = DefaultPort; // 0 picks a free one (tests)
};

struct ServerConfig
{
    static constexpr quint16 DefaultPort = 7654;

    QHostAddress listenAddress = QHostAddress::LocalHost;
    // Whether listen was set (config file or --listen); if not, LAN mode listens on every
    // interface instead of loopback (effectiveListenAddress()).
    bool listenGiven = false;
    quint16 port = DefaultPort;
    QString dataDir; // default: QStandardPaths::AppDataLocation
    QString databaseUrl; // default: SQLite file banter.db in dataDir
    // How long a batch waits for SQLite's write lock (another process holding it) before its
    // requests are answered "unavailable". A request queued behind a waiting batch waits up
    // to twice this; Channel::Options::requestTimeoutMs must stay above that (a test checks).
    static constexpr int MaxSqliteBusyTimeoutMs = 10'000;
    int sqliteBusyTimeoutMs = 5000;
    // How long a PostgreSQL batch may wait for an answer (a network gone silent) before its
    // connection is cut and its requests are answered "unavailable"; below the client's
    // request timeout for the same reason.
    static constexpr int MaxPostgresqlStallTimeoutMs = 20'000;
    int postgresqlStallTimeoutMs = 10'000;
    RegistrationMode registration = RegistrationMode::Open;
    QStringList allowedOrigins; // empty: any Origin header is accepted
    // Reverse proxies whose X-Forwarded-For names the client. Connections from anywhere else
    // are counted by their own address, whatever they claim. Empty: nobody is trusted.
    QList<Subnet> trustedProxies;
    int accessTokenMinutes = 15;
    int refreshTokenDays = 30;
    int refreshReuseGraceSeconds = 30; // a replaced refresh token still re-issues this long
    int passwordMemoryKiB = 19 * 1024; // Argon2id: OWASP minimum
    int passwordIterations = 2;
    ServerLimits limits;
    FileLimits files;
    TlsConfig tls;
    LanConfig lan;
    LogConfig log;
    MetricsConfig metrics;
    RetentionConfig retention;

    QString effectiveDatabaseUrl() const;
    QHostAddress effectiveListenAddress() const;
};

// Reads an INI config file ([server] listen, port, data_dir, database, registration,
// allowed_origins, trusted_proxies, sqlite_busy_timeout_ms, lan, name, discovery,
// discovery_port; [auth] ...; [limits] ...; [files]
// ...; [tls] mode, certificate, key) over the defaults, checked by checkConfigFile
// (configvalidator.h): any error stops it, naming every bad key; unknown keys are logged.
Result<ServerConfig> loadConfigFile(const QString &path, ServerConfig base = {});

} // namespace Banter::Server
