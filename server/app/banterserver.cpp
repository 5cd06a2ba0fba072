// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/banterserver.h"

#include "app/datadirectory.h"
#include "app/descriptorbudget.h"
#include "auth/jwtcodec.h"
#include "auth/passwordhasher.h"
#include "net/chatserver.h"
#include "net/connectionregistry.h"
#include "net/handlers/services.h"
#include "net/requestrouter.h"
#include "net/tlscredentials.h"
#include "net/transferstreams.h"
#include "presence/presencestore.h"
#include "serverlogging.h"
#include "service/authservice.h"
#include "service/contactservice.h"
#include "service/conversationservice.h"
#include "service/fileservice.h"
#include "service/messagingservice.h"
#include "service/presenceservice.h"
#include "service/receiptservice.h"
#include "service/searchservice.h"
#include "storage/storagefactory.h"
#include <banter/protocol/certificatefingerprint.h>

#include <QCoreApplication>
#include <QDir>

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
    std::unique_ptr<ConversationService> conversations;
    std::unique_ptr<MessagingService> messaging;
    std::unique_ptr<ReceiptService> receipts;
    std::unique_ptr<ContactService> contacts;
    std::unique_ptr<PresenceService> presenceService;
    std::unique_ptr<FileService> files;
    std::unique_ptr<SearchService> search;
    std::unique_ptr<Services> services;
    RequestRouter router;
    std::unique_ptr<TransferStreams> transfers;
    RequestRouter transferRouter;
    std::unique_ptr<ChatServer> chat;
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
    auth.registrationOpen = m_config.registrationOpen;
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
    parts->conversations = std::make_unique<ConversationService>(context);
    parts->messaging = std::make_unique<MessagingService>(
        context, FileStore(QDir(m_config.dataDir).filePath(u"files"_s)));
    parts->receipts = std::make_unique<ReceiptService>(context);
    parts->contacts = std::make_unique<ContactService>(context);
    parts->presenceService = std::make_unique<PresenceService>(context);
    parts->files = std::make_unique<FileService>(*parts->storage, m_config.files, m_clock);
    parts->search = std::make_unique<SearchService>(context);
    parts->services = std::make_unique<Services>(Services{
        *parts->auth, *parts->conversations, *parts->messaging, *parts->receipts, *parts->contacts,
        *parts->presenceService, *parts->files, *parts->search, m_config});
    registerSessionHandlers(parts->router, *parts->services);
    registerConversationHandlers(parts->router, *parts->services);
    registerMessagingHandlers(parts->router, *parts->services);
    registerPeopleHandlers(parts->router, *parts->services);
    parts->transfers = std::make_unique<TransferStreams>(
        *parts->files, m_config.files, FileStore(QDir(m_config.dataDir).filePath(u"files"_s)),
        m_clock);
    if (Status started = parts->transfers->start(); !started) {
        parts->storage->stop();
        return started;
    }
    registerTransferHandlers(parts->transferRouter, *parts->services, *parts->transfers);

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
    if (Status listening = parts->chat->listen(); !listening) {
        parts->storage->stop();
        return listening;
    }
    m_parts = std::move(parts);
    if (tls) {
        m_fingerprint = Banter::certificateFingerprint(tls->certificate());
        // Users compare this with what their client shows on first connection.
        qCInfo(lcNet).noquote() << u"TLS certificate SHA-256 %1 (%2)"_s.arg(
            formatCertificateFingerprint(m_fingerprint), tls->certificateFile);
    }
    return success();
}

void BanterServer::stop()
{
    if (!m_parts)
        return;
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
        m_parts->auth.get(),     m_parts->conversations.get(), m_parts->messaging.get(),
        m_parts->receipts.get(), m_parts->contacts.get(),      m_parts->presenceService.get(),
        m_parts->files.get(),    m_parts->transfers.get(),     m_parts->search.get()};
    // A continuation may queue the next step of its chain: twice covers them (a chain
    // waits for storage or the I/O thread again at most once more, and those are stopped).
    for (int round = 0; round < 2; ++round) {
        for (QObject *context : contexts)
            QCoreApplication::sendPostedEvents(context, QEvent::MetaCall);
    }
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

bool BanterServer::isSecure() const
{
    return m_parts && m_parts->chat->isSecure();
}

} // namespace Banter::Server
