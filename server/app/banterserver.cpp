// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/banterserver.h"

#include "app/datadirectory.h"
#include "app/descriptorbudget.h"
#include "app/operatorendpoint.h"
#include "app/revocationfollower.h"
#include "auth/jwtcodec.h"
#include "auth/passwordhasher.h"
#include "net/chatserver.h"
#include "net/connectionregistry.h"
#include "net/discoveryresponder.h"
#include "net/handlers/services.h"
#include "net/mdnsannouncer.h"
#include "net/requestrouter.h"
#include "net/retentionsweep.h"
#include "net/tlscredentials.h"
#include "net/transferstreams.h"
#include "presence/presencestore.h"
#include "serverlogging.h"
#include "service/adminservice.h"
#include "service/authservice.h"
#include "service/contactservice.h"
#include "service/conversationservice.h"
#include "service/fileservice.h"
#include "service/messagingservice.h"
#include "service/presenceservice.h"
#include "service/receiptservice.h"
#include "service/retentionservice.h"
#include "service/searchservice.h"
#include "storage/storagefactory.h"
#include <banter/protocol/certificatefingerprint.h>

#include <QCoreApplication>
#include <QDir>
#include <QSysInfo>

#include <optional>

namespace Banter::Server {

using namespace Qt::StringLiterals;

// Declared in the order they are built; destroyed in reverse, so nothing outlives what it
// points at. Storage is stopped explicitly first (see stop()) so no job finishes into a
// destroyed service.
struct BanterServer::Parts
{
    std::unique_ptr<SqlStorageExecutor> storage;
    std::unique_ptr<PasswordHasher> hasher;
    std::unique_ptr<JwtCodec> jwt;
    PresenceStore presence;
    std::unique_ptr<ConnectionRegistry> registry;
    std::unique_ptr<AuthService> auth;
    std::unique_ptr<AdminService> admin;
    std::unique_ptr<RevocationFollower> revocations;
    std::unique_ptr<ConversationService> conversations;
    std::unique_ptr<MessagingService> messaging;
    std::unique_ptr<ReceiptService> receipts;
    std::unique_ptr<ContactService> contacts;
    std::unique_ptr<PresenceService> presenceService;
    std::unique_ptr<FileService> files;
    std::unique_ptr<SearchService> search;
    std::unique_ptr<RetentionService> retention;
    std::unique_ptr<Services> services;
    RequestRouter router;
    std::unique_ptr<TransferStreams> transfers;
    RequestRouter transferRouter;
    std::unique_ptr<RetentionSweep> retentionSweep;
    std::unique_ptr<ChatServer> chat;
    std::unique_ptr<DiscoveryResponder> discovery;
    std::unique_ptr<MdnsAnnouncer> mdns;
    std::unique_ptr<OperatorEndpoint> operatorEndpoint; // only with metrics on
};

BanterServer::BanterServer(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{ }

BanterServer::~BanterServer()
{
    stop();
}

Status BanterServer::start()
{
    if (m_parts)
        return success();
    m_config.listenAddress = m_config.effectiveListenAddress();
    const Result<SqlConnectionSpec> database =
        connectionSpecFromUrl(m_config.effectiveDatabaseUrl());
    if (!database)
        return database.error();
    const QString sqliteFile =
        database->driver == "QSQLITE"_L1 ? database->databaseName : QString();
    if (Status dataDir = prepareDataDirectory(m_config.dataDir, sqliteFile); !dataDir)
        return dataDir;
    m_config.limits.maxConnections =
        fitConnectionsToDescriptorLimit(m_config.limits.maxConnections);
    // Before anything else is opened: a bad certificate or key stops the start right away.
    std::optional<TlsCredentials> tls;
    if (m_config.tls.enabled()) {
        Result<TlsCredentials> loaded = loadTlsCredentials(m_config.tls, m_config.dataDir);
        if (!loaded)
            return loaded.error();
        tls = std::move(loaded).value();
    }
    auto parts = std::make_unique<Parts>();

    Result<std::unique_ptr<SqlStorageExecutor>> storage =
        openStorage(m_config.effectiveDatabaseUrl(),
                    {m_config.sqliteBusyTimeoutMs, m_config.postgresqlStallTimeoutMs});
    if (!storage)
        return storage.error();
    parts->storage = std::move(storage).value();

    Result<QByteArray> key = loadOrCreateTokenKey(QDir(m_config.dataDir).filePath(u"token.key"_s));
    if (!key)
        return key.error();
    parts->hasher = std::make_unique<PasswordHasher>(
        PasswordParams{quint64(m_config.passwordMemoryKiB), quint64(m_config.passwordIterations)});
    parts->jwt = std::make_unique<JwtCodec>(*key);
    parts->registry = std::make_unique<ConnectionRegistry>(parts->presence);

    const ServiceContext context{*parts->storage, *parts->registry, parts->presence,
                                 m_config.limits, m_clock};
    AuthSettings auth;
    auth.accessTokenTtlMs = qint64(m_config.accessTokenMinutes) * 60 * 1000;
    auth.refreshTokenTtlMs = qint64(m_config.refreshTokenDays) * 24 * 3600 * 1000;
    auth.refreshReuseGraceMs = qint64(m_config.refreshReuseGraceSeconds) * 1000;
    auth.registration = m_config.registration;
    auth.loginFailuresPerAccount = m_config.limits.loginFailuresPerAccount;
    auth.loginFailuresPerAddress = m_config.limits.loginFailuresPerAddress;
    auth.loginAccountDelayMaxMs = qint64(m_config.limits.loginAccountDelayMaxSeconds) * 1000;
    auth.passwordChecksPerAccount = m_config.limits.passwordChecksPerAccount;
    auth.passwordChecksPerAddress = m_config.limits.passwordChecksPerAddress;
    auth.maxSessionsPerUser = m_config.limits.maxSessionsPerUser;
    auth.registrationsPerAddress = m_config.limits.registrationsPerAddressPerHour;
    auth.loginWindowMs = qint64(m_config.limits.loginWindowSeconds) * 1000;
    parts->auth =
        std::make_unique<AuthService>(*parts->storage, *parts->hasher, *parts->jwt, m_clock, auth);
    parts->admin = std::make_unique<AdminService>(*parts->storage, *parts->hasher, m_clock);
    parts->revocations = std::make_unique<RevocationFollower>(*parts->storage, m_config.dataDir);
    parts->conversations = std::make_unique<ConversationService>(context);
    parts->messaging = std::make_unique<MessagingService>(
        context, FileStore(QDir(m_config.dataDir).filePath(u"files"_s)));
    parts->receipts = std::make_unique<ReceiptService>(context);
    parts->contacts = std::make_unique<ContactService>(context);
    parts->presenceService = std::make_unique<PresenceService>(context);
    parts->files = std::make_unique<FileService>(*parts->storage, m_config.files, m_clock);
    parts->search = std::make_unique<SearchService>(context);
    parts->retention =
        std::make_unique<RetentionService>(*parts->storage, m_config.retention, m_clock);
    parts->services = std::make_unique<Services>(
        Services{*parts->auth, *parts->conversations, *parts->messaging, *parts->receipts,
                 *parts->contacts, *parts->presenceService, *parts->files, *parts->search,
                 *parts->admin, m_config, *parts->retention});
    registerSessionHandlers(parts->router, *parts->services);
    registerConversationHandlers(parts->router, *parts->services);
    registerMessagingHandlers(parts->router, *parts->services);
    registerPeopleHandlers(parts->router, *parts->services);
    registerAdminHandlers(parts->router, *parts->services);
    parts->transfers = std::make_unique<TransferStreams>(
        *parts->files, m_config.files, FileStore(QDir(m_config.dataDir).filePath(u"files"_s)),
        m_clock);
    if (Status started = parts->transfers->start(); !started) {
        parts->storage->stop();
        return started;
    }
    registerTransferHandlers(parts->transferRouter, *parts->services, *parts->transfers);
    parts->retentionSweep =
        std::make_unique<RetentionSweep>(*parts->retention, *parts->transfers, m_config.retention);

    parts->chat = std::make_unique<ChatServer>(m_config, parts->router, *parts->registry,
                                               *parts->presenceService);
    parts->chat->setTransfer(&parts->transferRouter, parts->transfers.get());
    if (tls)
        parts->chat->useTls(*tls);
    ChatServer *chat = parts->chat.get();
    connect(chat, &ChatServer::drained, this, &BanterServer::drained);
    connect(
        parts->auth.get(), &AuthService::sessionRevoked, chat,
        [chat](SessionId session, const QString &reason) { chat->closeSession(session, reason); });
    // Admin changes made here close their sockets at once; those made by an admin command
    // in another process arrive through the revocation log.
    const auto closeSession = [chat](SessionId session, const QString &reason) {
        chat->closeSession(session, reason);
    };
    connect(parts->admin.get(), &AdminService::sessionRevoked, chat, closeSession);
    connect(parts->revocations.get(), &RevocationFollower::sessionRevoked, chat, closeSession);
    if (Status listening = parts->chat->listen(); !listening) {
        parts->storage->stop();
        return listening;
    }
    parts->revocations->start();
    if (m_config.metrics.enabled) {
        const PresenceStore &presence = parts->presence;
        parts->operatorEndpoint =
            std::make_unique<OperatorEndpoint>(*parts->storage, [chat, &presence] {
                const ChatServer::ConnectionCounts counts = chat->connectionCounts();
                return LiveGauges{counts.chat, counts.unauthenticated, counts.transfer,
                                  counts.handshaking, presence.onlineUserCount()};
            });
        if (Status listening = parts->operatorEndpoint->listen(m_config.metrics.listenAddress,
                                                               m_config.metrics.port);
            !listening) {
            parts->storage->stop();
            return listening;
        }
        qCInfo(lcServer).noquote()
            << u"metrics on http://%1:%2/metrics"_s.arg(m_config.metrics.listenAddress.toString())
                   .arg(parts->operatorEndpoint->port());
    }
    m_parts = std::move(parts);
    m_parts->retentionSweep->start();
    if (tls) {
        m_fingerprint = Banter::certificateFingerprint(tls->certificate());
        // Users compare this with what their client shows on first connection.
        qCInfo(lcNet).noquote() << u"TLS certificate SHA-256 %1 (%2)"_s.arg(
            formatCertificateFingerprint(m_fingerprint), tls->certificateFile);
    }
    announceOnLan();
    return success();
}

QString BanterServer::serverName() const
{
    return m_config.lan.serverName.isEmpty() ? QSysInfo::machineHostName()
                                             : m_config.lan.serverName;
}

// LAN mode: answer discovery queries and announce over mDNS. Neither is needed to serve, so a
// port taken by another server or a missing mDNS responder is logged, not fatal.
void BanterServer::announceOnLan()
{
    if (!m_config.lan.enabled || !m_config.lan.discovery
        || !DiscoveryResponder::announces(m_config.listenAddress))
        return;
    DiscoveryAnnouncement announcement;
    announcement.name = serverName();
    announcement.port = port();
    announcement.tls = isSecure();
    announcement.certificateSha256 = m_fingerprint;
    m_parts->discovery = std::make_unique<DiscoveryResponder>(announcement, m_config.listenAddress);
    if (Status started = m_parts->discovery->start(m_config.lan.discoveryPort); !started) {
        qCWarning(lcNet).noquote() << "no LAN discovery answers:" << started.error().message;
        m_parts->discovery.reset();
    }
    m_parts->mdns = std::make_unique<MdnsAnnouncer>(announcement, m_config.listenAddress);
    if (!m_parts->mdns->start())
        m_parts->mdns.reset();
}

quint16 BanterServer::discoveryPort() const
{
    return m_parts && m_parts->discovery ? m_parts->discovery->port() : 0;
}

const DiscoveryResponder *BanterServer::discovery() const
{
    return m_parts ? m_parts->discovery.get() : nullptr;
}

void BanterServer::stop()
{
    if (!m_parts)
        return;
    m_parts->mdns.reset(); // withdraws the announcement first
    m_parts->discovery.reset();
    m_parts->operatorEndpoint.reset();
    m_parts->retentionSweep->stop();
    m_parts->chat.reset(); // closes every connection
    m_parts->hasher->waitForDone();
    m_parts->transfers->stop(); // drains the I/O thread
    settle();
    m_parts->storage->stop(); // finishes queued jobs while the services still exist
    settle();
    m_parts.reset();
    m_fingerprint.clear();
    qCInfo(lcServer) << "stopped";
}

void BanterServer::shutdown()
{
    if (!m_parts) {
        QMetaObject::invokeMethod(this, &BanterServer::drained, Qt::QueuedConnection);
        return;
    }
    m_parts->chat->drain(
        std::chrono::milliseconds(qint64(m_config.limits.shutdownDrainSeconds * 1000)));
}

// Runs the continuations that the I/O thread's and storage's last answers queued to the
// services, while they still exist. Qt 6.4 aborts on a continuation whose context is gone,
// and a queued continuation dropped unrun cancels its future, which runs the next
// continuation of the chain: with a context that is being destroyed.
void BanterServer::settle()
{
    const QList<QObject *> contexts{
        m_parts->auth.get(),          m_parts->conversations.get(), m_parts->messaging.get(),
        m_parts->receipts.get(),      m_parts->contacts.get(),      m_parts->presenceService.get(),
        m_parts->files.get(),         m_parts->transfers.get(),     m_parts->search.get(),
        m_parts->admin.get(),         m_parts->revocations.get(),   m_parts->retention.get(),
        m_parts->retentionSweep.get()};
    // A continuation may queue the next step of its chain: twice covers them (a chain
    // waits for storage or the I/O thread again at most once more, and those are stopped).
    for (int round = 0; round < 2; ++round) {
        for (QObject *context : contexts)
            QCoreApplication::sendPostedEvents(context, QEvent::MetaCall);
    }
}

ReloadReport BanterServer::reload(const ServerConfig &next, const QStringList &changed)
{
    ReloadReport report;
    for (const QString &key : changed)
        (appliesOnReload(key) ? report.applied : report.needRestart).append(key);
    // Services, connections and the handshake guard read the limits through references to
    // m_config, on this thread: assigning them here is the whole of applying them.
    const ServerLimits running = m_config.limits;
    m_config.limits = next.limits;
    m_config.limits.maxConnections = fitConnectionsToDescriptorLimit(next.limits.maxConnections);
    for (const QString &key : std::as_const(report.needRestart)) {
        if (key.startsWith("limits/"_L1)) { // AuthService copied these; keep m_config honest
            m_config.limits.loginFailuresPerAccount = running.loginFailuresPerAccount;
            m_config.limits.loginFailuresPerAddress = running.loginFailuresPerAddress;
            m_config.limits.loginAccountDelayMaxSeconds = running.loginAccountDelayMaxSeconds;
            m_config.limits.passwordChecksPerAccount = running.passwordChecksPerAccount;
            m_config.limits.passwordChecksPerAddress = running.passwordChecksPerAddress;
            m_config.limits.maxSessionsPerUser = running.maxSessionsPerUser;
            m_config.limits.registrationsPerAddressPerHour = running.registrationsPerAddressPerHour;
            break;
        }
    }
    m_config.log.level = next.log.level;
    if (!m_parts || !m_config.tls.enabled() || !next.tls.enabled())
        return report;
    Result<TlsCredentials> tls = loadTlsCredentials(next.tls, m_config.dataDir);
    if (!tls) {
        report.tlsChange = u"the TLS files could not be read, the certificate in use stays: "_s
            + tls.error().message;
        return report;
    }
    const QByteArray fingerprint = Banter::certificateFingerprint(tls->certificate());
    if (fingerprint == m_fingerprint)
        return report;
    m_parts->chat->replaceTlsCredentials(*tls);
    m_config.tls.certificateFile = next.tls.certificateFile;
    m_config.tls.keyFile = next.tls.keyFile;
    m_fingerprint = fingerprint;
    report.tlsChange = u"new connections get the certificate with SHA-256 %1 (%2)"_s.arg(
        formatCertificateFingerprint(fingerprint), tls->certificateFile);
    return report;
}

quint16 BanterServer::metricsPort() const
{
    return m_parts && m_parts->operatorEndpoint ? m_parts->operatorEndpoint->port() : 0;
}

quint16 BanterServer::port() const
{
    return m_parts ? m_parts->chat->port() : 0;
}

const SqlStorageExecutor *BanterServer::storage() const
{
    return m_parts ? m_parts->storage.get() : nullptr;
}

qsizetype BanterServer::typingBucketCount() const
{
    return m_parts ? m_parts->receipts->typingBucketCount() : 0;
}

RetentionSweep *BanterServer::retention() const
{
    return m_parts ? m_parts->retentionSweep.get() : nullptr;
}

bool BanterServer::isSecure() const
{
    return m_parts && m_parts->chat->isSecure();
}

} // namespace Banter::Server
