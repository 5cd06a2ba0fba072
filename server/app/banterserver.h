// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/configreload.h"
#include "config/serverconfig.h"
#include "service/servicecontext.h"
#include <banter/domain/result.h>

#include <QByteArray>
#include <QObject>

#include <memory>

namespace Banter::Server {

class DiscoveryResponder;
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

    // A reload (SIGHUP): takes over from `next` what a running server can apply among the
    // `changed` keys (see appliesOnReload: limits, TLS files) and re-reads the TLS files even
    // when their names did not change (a renewed certificate). The log level is the caller's.
    ReloadReport reload(const ServerConfig &next, const QStringList &changed);

    quint16 port() const;
    // The port of /metrics and /healthz; 0 when metrics are off.
    quint16 metricsPort() const;
    // Whether the port speaks wss:// (TLS) rather than ws://.
    bool isSecure() const;
    // SHA-256 of the certificate presented (what clients pin); empty without TLS.
    QByteArray certificateFingerprint() const { return m_fingerprint; }
    const ServerConfig &config() const { return m_config; }
    // The name LAN discovery announces: lan.serverName, or the host name.
    QString serverName() const;
    // The UDP port discovery queries are answered on; 0 when the server does not announce
    // itself (not in LAN mode, discovery off, listening on loopback, or the port was taken).
    quint16 discoveryPort() const;
    // For tests: the discovery responder's counters; null when there is none.
    const DiscoveryResponder *discovery() const;
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
    void announceOnLan();
    ServerConfig m_config;
    Clock m_clock = systemClockMs;
    std::unique_ptr<Parts> m_parts;
    QByteArray m_fingerprint;
};

} // namespace Banter::Server
