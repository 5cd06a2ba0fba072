// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/serverconfig.h"
#include "service/servicecontext.h"
#include <banter/domain/result.h>

#include <QByteArray>
#include <QObject>

#include <memory>

namespace Banter::Server {

class RetentionSweep;
class SqlStorageExecutor;

// The composition root: opens storage, builds the presence store, services, router and
// network server from one configuration, and tears them down in the right order. banterd's
// main() and the in-process test servers both use it.
class BanterServer : public QObject
{
    Q_OBJECT
public:
    explicit BanterServer(ServerConfig config, QObject *parent = nullptr);
    ~BanterServer() override;

    // Loads (or on first start makes) the TLS certificate, opens the database (migrating
    // it), loads the token key and starts listening.
    Status start();
    // Closes every connection and drains storage; safe to call twice.
    void stop();
    // The graceful stop of SIGTERM/SIGINT (ChatServer::drain(), within the configured
    // shutdown_drain_seconds); drained() follows, then call stop(). Safe to call twice.
    void shutdown();

    quint16 port() const;
    // Whether the port speaks wss:// (TLS) rather than ws://.
    bool isSecure() const;
    // SHA-256 of the certificate presented (what clients pin); empty without TLS.
    QByteArray certificateFingerprint() const { return m_fingerprint; }
    const ServerConfig &config() const { return m_config; }
    // For tests and diagnostics, while started: the storage executor (its batch counters)
    // and how many typing buckets the server holds.
    const SqlStorageExecutor *storage() const;
    qsizetype typingBucketCount() const;
    // The retention sweep (issue 15), while started: tests run it on demand and wait for
    // its swept() signal.
    RetentionSweep *retention() const;
    // The clock the services read for time-driven behaviour (token expiry, rate limits,
    // login throttling, idle and abandoned uploads): the system clock unless a test installs
    // one it advances itself. Takes effect at the next start().
    void setClock(Clock clock) { m_clock = std::move(clock); }

Q_SIGNALS:
    // Every connection has been answered and closed, or the drain time ran out.
    void drained();

private:
    struct Parts;
    void settle();
    ServerConfig m_config;
    Clock m_clock = systemClockMs;
    std::unique_ptr<Parts> m_parts;
    QByteArray m_fingerprint;
};

} // namespace Banter::Server
