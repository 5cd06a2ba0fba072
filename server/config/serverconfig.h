// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/result.h>

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace Banter::Server {

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
    int loginFailuresPerAccount = 5; // per loginWindowSeconds
    int loginFailuresPerAddress = 20;
    int loginWindowSeconds = 15 * 60;
    int registrationsPerAddressPerHour = 10;
    int authTimeoutSeconds = 10; // an unauthenticated socket is closed after this
    int idleTimeoutSeconds = 90; // no frame (data, ping or pong) for this long: close
    int heartbeatSeconds = 30; // WebSocket ping interval
    qint64 maxPendingWriteBytes = 8 * 1024 * 1024; // a client that will not drain is cut off
    int syncGapLimit = 10'000; // further behind than this: "limited", resync
    qint64 syncPageBytes = 1024 * 1024;
    int editWindowSeconds = 0; // how long after sending a message may be edited; 0: always
};

// File transfer: sizes are bytes.
struct FileLimits
{
    qint64 maxFileBytes = 100LL * 1024 * 1024;
    qint64 quotaBytes = 2LL * 1024 * 1024 * 1024; // per user: finished plus unfinished uploads
    int maxConcurrentUploads = 3; // per user, being sent at the same moment
    // An upload that has sent nothing for this long (a paused one) stops counting against
    // maxConcurrentUploads; sending again needs a free slot like a new upload.
    int idleUploadSeconds = 60;
    int abandonedUploadSeconds = 24 * 3600; // an untouched partial upload is removed after this
    int sweepIntervalSeconds = 600;
    int chunkBytes = 256 * 1024; // largest chunk a client may send
    int windowBytes = 4 * 1024 * 1024; // unconfirmed upload bytes a client may have in flight
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

// "on" or "off", as the config file and the command line spell it.
Result<TlsConfig::Mode> parseTlsMode(const QString &text);

struct ServerConfig
{
    static constexpr quint16 DefaultPort = 7654;

    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 port = DefaultPort;
    QString dataDir; // default: QStandardPaths::AppDataLocation
    QString databaseUrl; // default: SQLite file banter.db in dataDir
    bool registrationOpen = true;
    QStringList allowedOrigins; // empty: any Origin header is accepted
    int accessTokenMinutes = 15;
    int refreshTokenDays = 30;
    int refreshReuseGraceSeconds = 30; // a replaced refresh token still re-issues this long
    int passwordMemoryKiB = 19 * 1024; // Argon2id: OWASP minimum
    int passwordIterations = 2;
    ServerLimits limits;
    FileLimits files;
    TlsConfig tls;

    QString effectiveDatabaseUrl() const;
};

// Reads an INI config file ([server] listen, port, data_dir, database, registration,
// allowed_origins; [auth] ...; [limits] ...; [files] ...; [tls] mode, certificate, key) over
// the defaults.
Result<ServerConfig> loadConfigFile(const QString &path, ServerConfig base = {});

} // namespace Banter::Server
