// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "testserver.h"

#include "storage/storagefactory.h"
#include "waiting.h"

#include <QCoreApplication>
#include <QDir>

namespace Banter::Test {

using namespace Qt::StringLiterals;

TestServer::TestServer(Server::ServerConfig config)
    : m_config(std::move(config))
{
    if (m_config.dataDir.isEmpty())
        m_config.dataDir = m_dir.path();
    // The same suites run on every backend (BANTER_TEST_BACKEND, see TestDatabase).
    if (m_config.databaseUrl.isEmpty())
        m_config.databaseUrl = m_database.url();
}

TestServer::~TestServer()
{
    stop();
}

Server::ServerConfig TestServer::defaultConfig()
{
    Server::ServerConfig config;
    config.listenAddress = QHostAddress::LocalHost;
    config.port = 0;
    // The libsodium minimum: tests exercise the real Argon2id code without paying its cost.
    config.passwordMemoryKiB = 8;
    config.passwordIterations = 1;
    // Every test user registers from 127.0.0.1.
    config.limits.registrationsPerAddressPerHour = 1000;
    config.tls.mode = Server::TlsConfig::Mode::Off;
    return config;
}

Server::ServerConfig TestServer::unthrottledConfig()
{
    Server::ServerConfig config = defaultConfig();
    config.limits.messagesPerSecond = config.limits.requestsPerSecond = 1e6;
    config.limits.messageBurst = config.limits.requestBurst = 1e6;
    config.limits.searchPerSecond = config.limits.searchBurst = 1e6;
    config.limits.membershipChangesPerMinute = config.limits.membershipChangeBurst = 1e6;
    config.limits.groupAddsPerPairPerHour = config.limits.groupAddPeoplePerHour = 1'000'000;
    return config;
}

Server::ServerConfig TestServer::tlsConfig()
{
    Server::ServerConfig config = defaultConfig();
    config.tls.mode = Server::TlsConfig::Mode::On;
    return config;
}

bool TestServer::start()
{
    if (!m_database.isValid()) {
        qWarning("test database unavailable: %s", qPrintable(m_database.error()));
        return false;
    }
    m_server = std::make_unique<Server::BanterServer>(m_config);
    if (m_clock)
        m_server->setClock(m_clock);
    const Status started = m_server->start();
    if (!started) {
        qWarning("test server did not start: %s", qPrintable(started.error().message));
        m_server.reset();
        return false;
    }
    m_port = m_server->port();
    return true;
}

void TestServer::stop()
{
    if (!m_server)
        return;
    m_server->stop();
    m_server.reset();
    // Runs the closed sockets' deferred deletions (and the ones those post in turn) before
    // anything else happens.
    for (int pass = 0; pass < 3; ++pass) {
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
}

bool TestServer::restart()
{
    stop();
    m_config.port = m_port;
    return start();
}

bool TestServer::restartWithNewCertificate()
{
    stop();
    return QDir(m_config.dataDir + u"/tls"_s).removeRecursively() && restart();
}

QUrl TestServer::url() const
{
    const QString scheme = m_config.tls.enabled() ? u"wss"_s : u"ws"_s;
    return QUrl(u"%1://127.0.0.1:%2"_s.arg(scheme).arg(m_port));
}

QByteArray TestServer::certificateFingerprint() const
{
    return m_server ? m_server->certificateFingerprint() : QByteArray();
}

bool TestServer::setServerAdmin(UserId id, bool admin)
{
    auto storage = Server::openStorage(m_config.effectiveDatabaseUrl());
    if (!storage)
        return false;
    QObject context;
    std::optional<Status> set;
    Server::runInStorage<Done>(
        **storage, &context,
        [id, admin](Server::Repositories &r) { return r.users.setAdmin(id, admin); },
        [&set](const Status &s) { set = s; });
    const bool answered = waitFor([&set] { return set.has_value(); }, 10'000, "the admin flag");
    (*storage)->stop();
    return answered && *set;
}

} // namespace Banter::Test
