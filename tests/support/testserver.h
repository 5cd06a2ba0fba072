// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/banterserver.h"
#include "testdatabase.h"

#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace Banter::Test {

// A real banterd in this process: a fresh SQLite database in a temporary directory, an
// ephemeral loopback port, cheap password hashing so tests stay fast. Plain ws:// unless
// the config turns TLS on (tlsConfig()).
class TestServer
{
public:
    explicit TestServer(Server::ServerConfig config = defaultConfig());
    ~TestServer();

    // TLS off: the suites that are not about TLS talk plain ws://.
    static Server::ServerConfig defaultConfig();
    // defaultConfig() with TLS on and a certificate generated in the data directory.
    static Server::ServerConfig tlsConfig();
    // defaultConfig() with the request, message and search rate limits lifted, for suites that
    // write thousands of messages to build a history.
    static Server::ServerConfig unthrottledConfig();

    bool start();
    void stop();
    // Stops and starts again on the same data directory and port (a server restart).
    bool restart();
    // Restarts with a newly generated TLS certificate: what a reinstalled server, or an
    // impostor at the same address, presents.
    bool restartWithNewCertificate();

    // wss://127.0.0.1:PORT with TLS on, else ws://127.0.0.1:PORT.
    QUrl url() const;
    // SHA-256 of the server's certificate (what a client pins); empty without TLS.
    QByteArray certificateFingerprint() const;
    // The clock the server reads for time-driven behaviour (a ManualClock's, so the test
    // advances time instead of sleeping); from the next start() on, restarts included.
    void setClock(Server::Clock clock) { m_clock = std::move(clock); }
    quint16 port() const { return m_port; }
    QString dataDir() const { return m_config.dataDir; }
    Server::ServerConfig &config() { return m_config; }
    Server::BanterServer *server() const { return m_server.get(); }
    // What `banterd user set-admin NAME on|off` does: grants or takes server admin rights,
    // through a storage connection of its own. Whether it was done.
    bool setServerAdmin(UserId id, bool admin);

private:
    QTemporaryDir m_dir;
    TestDatabase m_database;
    Server::ServerConfig m_config;
    std::unique_ptr<Server::BanterServer> m_server;
    Server::Clock m_clock;
    quint16 m_port = 0;
};

} // namespace Banter::Test
