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
// ephemeral loopback port, cheap password hashing so tests stay fast.
class TestServer
{
public:
    explicit TestServer(Server::ServerConfig config = defaultConfig());
    ~TestServer();

    static Server::ServerConfig defaultConfig();

    bool start();
    void stop();
    // Stops and starts again on the same data directory and port (a server restart).
    bool restart();

    QUrl url() const;
    quint16 port() const { return m_port; }
    QString dataDir() const { return m_config.dataDir; }
    Server::ServerConfig &config() { return m_config; }
    Server::BanterServer *server() const { return m_server.get(); }

private:
    QTemporaryDir m_dir;
    TestDatabase m_database;
    Server::ServerConfig m_config;
    std::unique_ptr<Server::BanterServer> m_server;
    quint16 m_port = 0;
};

} // namespace Banter::Test
