// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/certificatepin.h>
#include <banter/client/channel.h>
#include <banter/client/clientcache.h>
#include <banter/client/clientfailure.h>
#include <banter/client/clientlogging_p.h>
#include <banter/client/clientsession.h>
#include <banter/client/conversationbook_p.h>
#include <banter/client/historypager_p.h>
#include <banter/client/listpages_p.h>
#include <banter/client/syncengine_p.h>
#include <banter/domain/messageid.h>
#include <banter/protocol/transfermessages.h>
#include <banter/protocol/types.h>

#include <QCache>
#include <QDateTime>
#include <QSet>
#include <QTimer>

Q_LOGGING_CATEGORY(lcClient, "banter.client", QtInfoMsg)

namespace Banter {

using namespace Qt::StringLiterals;
namespace P = Protocol;

namespace {
// Errors after which resending the same message cannot succeed.
bool isFinal(ErrorCode code)
{
    return code != ErrorCode::RateLimited && code != ErrorCode::Unavailable;
}

// A reply's data decoded as T, or why not.
template<typename T>
Result<T> decode(Result<QJsonObject> reply)
{
    if (!reply)
        return reply.error();
    Result<T> decoded = T::fromJson(*reply);
    if (!decoded)
        return makeError(ErrorCode::Internal,
                         u"the server sent a reply this client cannot read: "_s
                             + decoded.error().message);
    return decoded;
}
} // namespace

struct ClientSession::Private
{
    Private(ClientSession *session, std::unique_ptr<ChannelTransport> transport)
        : q(session)
        , channel(std::move(transport))
        , sync(channel)
        , pager(channel, session)
    { }

    ClientSession *q;
    Channel channel;
    Options options;
    State state = State::Disconnected;
    QHash<QString, QByteArray> pins;
    QSslCertificate peerCertificate;
    P::ServerLimits limits; // from the last hello reply
    User user;
    SessionId sessionId = 0;
    QString accessToken;
    QString refreshToken;
    SyncEngine sync;
    HistoryPager pager;
    ConversationBook book; // what member_deltas pushes are applied to
    ClientCache *cache = nullptr;
    Outbox outbox;
    quint64 nextOutboxToken = 1;
    // Fetched pictures by user, costed in bytes (AvatarCacheBytes in all), and the users
    // whose picture is being fetched (at most one request per user at a time).
    struct CachedAvatar
    {
        qint64 version = 0;
        QByteArray data;
    };
    QCache<UserId, CachedAvatar> avatars{AvatarCacheBytes};
    QHash<UserId, qint64> avatarFetches; // user → the version asked for

    template<typename T>
    QFuture<Result<T>> call(const QString &type, const QJsonObject &data)
    {
        return channel.request(type, data).then(q, &decode<T>);
    }

    // A change to a message (edit, delete, reaction): its event, if anything changed, goes
    // through the stream's path like another device's change.
    template<typename Reply>
    QFuture<Result<std::optional<Message>>> callChange(const QString &type, const QJsonObject &data)
    {
        return call<Reply>(type, data)
            .then(q, [this](Result<Reply> reply) -> Result<std::optional<Message>> {
                if (!reply)
                    return reply.error();
                const std::optional<Message> event = reply->message;
                if (event)
                    sync.onPushedMessage(*event);
                return event;
            });
    }

    QFuture<Result<Done>> callDone(const QString &type, const QJsonObject &data)
    {
        return channel.request(type, data).then(q, [](Result<QJsonObject> reply) -> Result<Done> {
            if (!reply)
                return reply.error();
            return Done{};
        });
    }

    QFuture<Result<Conversation>> callConversation(const QString &type, const QJsonObject &data)
    {
        return call<P::ConversationReply>(type, data)
            .then(q, [](Result<P::ConversationReply> reply) -> Result<Conversation> {
                if (!reply)
                    return reply.error();
                return reply->conversation;
            });
    }

    void setState(State next)
    {
        if (state == next)
            return;
        state = next;
        Q_EMIT q->stateChanged(next);
    }

    void onChannelState(Channel::State channelState);
    bool checkCertificate(const QUrl &url, const QList<QSslError> &errors);
    void onOpened();
    void onClosed();
    // Paces the channel by the limits the server's hello gave.
    void paceBy(const P::ServerLimits &limits);
    void onPush(const P::ServerFrame &frame);
    void onSessionRevoked(const P::ServerFrame &frame);
    void onUserUpdated(const User &changed);
    void onAvatar(const P::AvatarReply &reply);
    void authenticateWithToken();
    void refreshThenAuthenticate();
    void forgetTokens();
    void adoptGrant(const P::AuthGrant &grant);
    QFuture<Result<P::AuthGrant>> signIn(const QString &type, const QJsonObject &data);
    void startCatchUp();
    void startSync();
    void onSynced();
    void onReceipt(const P::ReceiptPush &receipt);
    // A member_deltas push: applied to the conversation as known, which then goes out as
    // conversationUpdated like a whole one from the server.
    template<typename Delta>
    void onDelta(const QJsonObject &data);
    void refetchConversation(ConversationId id);
    // The outbox changed: tell the app and keep the durable copy in step.
    void outboxChanged();
    void flushOutbox();
    void sendOutboxEntry(Outbox::Entry &entry);
    void onOutboxReply(const QString &token, const Result<QJsonObject> &reply);
};

ClientSession::ClientSession(QObject *parent)
    : ClientSession(nullptr, parent)
{ }

ClientSession::ClientSession(std::unique_ptr<ChannelTransport> transport, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(transport)))
{
    qRegisterMetaType<Banter::Message>();
    qRegisterMetaType<Banter::Error>();
    Channel &channel = d->channel;
    connect(&channel, &Channel::stateChanged, this,
            [this](Channel::State state) { d->onChannelState(state); });
    connect(&channel, &Channel::opened, this, [this] { d->onOpened(); });
    connect(&channel, &Channel::closed, this, [this] { d->onClosed(); });
    connect(&channel, &Channel::pushReceived, this,
            [this](const P::ServerFrame &frame) { d->onPush(frame); });
    channel.setCertificateCheck([this](const QUrl &url, const QList<QSslError> &errors) {
        return d->checkCertificate(url, errors);
    });
    SyncEngine &sync = d->sync;
    connect(&sync, &SyncEngine::messageReceived, this, &ClientSession::messageReceived);
    connect(&sync, &SyncEngine::messagesReceived, this, &ClientSession::messagesReceived);
    connect(&sync, &SyncEngine::conversationsListed, this, &ClientSession::conversationsListed);
    connect(&sync, &SyncEngine::conversationUpdated, this, &ClientSession::conversationUpdated);
    connect(&sync, &SyncEngine::conversationReset, this, &ClientSession::conversationReset);
    connect(&sync, &SyncEngine::conversationRemoved, this, &ClientSession::conversationRemoved);
    connect(&sync, &SyncEngine::gapDetected, this, [this] {
        if (d->state == State::Ready)
            d->startSync();
    });
    connect(&sync, &SyncEngine::finished, this, [this] { d->onSynced(); });
    // The book follows every conversation the session reports, before anyone else hears of it.
    connect(this, &ClientSession::conversationUpdated, this,
            [this](const Conversation &c) { d->book.store(c); });
    connect(this, &ClientSession::conversationRemoved, this,
            [this](ConversationId id) { d->book.forget(id); });
    connect(this, &ClientSession::messageReceived, this,
            [this](const Message &m) { d->book.noteMessage(m.conversationId, m.seq); });
    connect(this, &ClientSession::messageAcked, this,
            [this](const Message &m) { d->book.noteMessage(m.conversationId, m.seq); });
    connect(this, &ClientSession::receiptReceived, this,
            [this](const P::ReceiptPush &r) { d->book.noteReceipt(r); });
    connect(this, &ClientSession::userUpdated, this,
            [this](const User &u) { d->book.noteUser(u); });
    connect(&sync, &SyncEngine::failed, this, [this](const Error &error) {
        Q_EMIT errorOccurred(error);
        d->channel.abort();
    });
    setOptions(d->options);
}

ClientSession::~ClientSession()
{
    const Error closed = makeError(ErrorCode::Unavailable, u"the session was closed"_s);
    d->channel.disconnect(this);
    d->channel.shutDown(closed);
    d->outbox.failAll(closed);
}

void ClientSession::setOptions(const Options &options)
{
    d->options = options;
    Channel::Options channel = d->channel.options();
    channel.requestTimeoutMs = options.requestTimeoutMs;
    channel.heartbeatMs = options.heartbeatMs;
    channel.reconnectBaseMs = options.reconnectBaseMs;
    channel.reconnectMaxMs = options.reconnectMaxMs;
    channel.autoReconnect = options.autoReconnect;
    if (!options.paceRequests)
        channel.requestsPerSecond = 0;
    d->channel.setOptions(channel);
    d->sync.setPageSize(options.syncPageSize);
    d->sync.setAutoDelivered(options.autoDelivered);
    d->sync.setInitialPageSize(options.initialPageSize);
    d->sync.setCatchUpLimit(options.catchUpLimit);
}

void ClientSession::setCache(ClientCache *cache)
{
    d->cache = cache;
    d->sync.setCache(cache);
    d->pager.setCache(cache);
    if (!cache)
        return;
    d->sync.positions().reset(cache->positions());
    // Messages written before a quit or a crash go again with their ids: the server stores
    // each once however often it is sent.
    QSet<QUuid> pending;
    for (const P::SendMessageRequest &request : d->outbox.requests())
        pending.insert(request.id);
    const QList<P::SendMessageRequest> saved = cache->outbox();
    for (const P::SendMessageRequest &request : saved) {
        if (!pending.contains(request.id))
            d->outbox.add(request, QDateTime::currentMSecsSinceEpoch());
    }
    d->outboxChanged();
    d->flushOutbox();
}

ClientCache *ClientSession::cache() const
{
    return d->cache;
}

void ClientSession::setKnownUser(const User &user)
{
    if (d->state == State::Syncing || d->state == State::Ready)
        return; // the server has said who is signed in
    d->user = user;
    d->sync.setOwnUser(user.id);
}

const ClientSession::Options &ClientSession::options() const
{
    return d->options;
}

ClientSession::State ClientSession::state() const
{
    return d->state;
}

bool ClientSession::isReady() const
{
    return d->state == State::Ready;
}

QUrl ClientSession::url() const
{
    return d->channel.url();
}

P::ServerLimits ClientSession::serverLimits() const
{
    return d->limits;
}

User ClientSession::currentUser() const
{
    return d->user;
}

SessionId ClientSession::sessionId() const
{
    return d->sessionId;
}

QString ClientSession::accessToken() const
{
    return d->accessToken;
}

QString ClientSession::refreshToken() const
{
    return d->refreshToken;
}

void ClientSession::connectToServer(const QUrl &url)
{
    d->channel.open(url);
}

void ClientSession::reconnectNow()
{
    d->channel.reconnectNow();
}

void ClientSession::disconnectFromServer()
{
    d->channel.close();
    if (d->channel.state() == Channel::State::Closed)
        d->setState(State::Disconnected);
}

void ClientSession::Private::onChannelState(Channel::State channelState)
{
    switch (channelState) {
    case Channel::State::Opening:
        peerCertificate = QSslCertificate();
        setState(State::Connecting);
        break;
    case Channel::State::Waiting:
        setState(State::Reconnecting);
        break;
    case Channel::State::Closed:
        setState(State::Disconnected);
        break;
    case Channel::State::Open:
        break; // Connecting until hello is answered
    }
}

void ClientSession::setPinnedCertificates(const QHash<QString, QByteArray> &pins)
{
    d->pins = pins;
}

QHash<QString, QByteArray> ClientSession::pinnedCertificates() const
{
    return d->pins;
}

void ClientSession::setPinnedCertificate(const QString &server, const QByteArray &sha256)
{
    if (sha256.isEmpty())
        d->pins.remove(server);
    else
        d->pins.insert(server, sha256);
}

QByteArray ClientSession::pinnedCertificate(const QUrl &url) const
{
    return d->pins.value(CertificatePin::serverKey(url));
}

QSslCertificate ClientSession::pinnedPeerCertificate() const
{
    return d->peerCertificate;
}

QHash<ConversationId, Seq> ClientSession::positions() const
{
    return d->sync.positions().all();
}

void ClientSession::setPositions(const QHash<ConversationId, Seq> &positions)
{
    d->sync.positions().reset(positions);
}

QList<P::SendMessageRequest> ClientSession::pendingMessages() const
{
    return d->outbox.requests();
}

bool ClientSession::Private::checkCertificate(const QUrl &url, const QList<QSslError> &errors)
{
    const QSslCertificate presented = CertificatePin::presentedCertificate(errors);
    const QString server = CertificatePin::serverKey(url);
    const QByteArray presentedSha = CertificatePin::fingerprint(presented);
    QByteArray pinned = pins.value(server);
    if (presented.isNull() || !CertificatePin::onlyTrustErrors(errors)) {
        const QString why = errors.isEmpty() ? QString() : errors.first().errorString();
        qCWarning(lcClient) << "refusing the server's certificate:" << why;
        Q_EMIT q->errorOccurred(clientError(ClientFailure::CertificateInvalid, ErrorCode::Forbidden,
                                            u"the server's certificate is not valid: "_s + why));
        return false; // the handshake fails and the session retries with backoff
    }
    if (pinned.isEmpty() && options.trustOnFirstUse) {
        qCInfo(lcClient) << "pinning the certificate of" << server
                         << CertificatePin::formatFingerprint(presentedSha);
        pinned = presentedSha;
        pins.insert(server, pinned);
        Q_EMIT q->certificatePinned(server, pinned);
    }
    if (pinned == presentedSha) {
        peerCertificate = presented;
        return true;
    }
    if (pinned.isEmpty())
        qCInfo(lcClient) << "the certificate of" << server
                         << "is not trusted yet (the app asks the user):"
                         << CertificatePin::formatFingerprint(presentedSha);
    else
        qCWarning(lcClient) << "the certificate of" << server << "changed: pinned"
                            << CertificatePin::formatFingerprint(pinned) << "presented"
                            << CertificatePin::formatFingerprint(presentedSha);
    // Retrying cannot help, and must not look like a network hiccup: stop until the app
    // decides (after asking the user) and connects again.
    channel.stopReconnecting();
    Q_EMIT q->errorOccurred(
        pinned.isEmpty()
            ? clientError(ClientFailure::CertificateNotTrustedYet, ErrorCode::Forbidden,
                          u"the server's certificate is not pinned and trust on first use is off"_s)
            : clientError(ClientFailure::CertificateChanged, ErrorCode::Forbidden,
                          u"the server's certificate differs from the pinned one"_s));
    Q_EMIT q->certificateRefused(server, pinned, presented);
    return false;
}

void ClientSession::setTokens(const QString &accessToken, const QString &refreshToken)
{
    d->accessToken = accessToken;
    d->refreshToken = refreshToken;
    if (d->state == State::Connected)
        d->authenticateWithToken();
}

QFuture<Result<QJsonObject>> ClientSession::request(const QString &type, const QJsonObject &data)
{
    return d->channel.request(type, data);
}

void ClientSession::Private::onOpened()
{
    const P::HelloRequest hello{P::Version, options.clientName, {P::Feature::MemberDeltas}};
    call<P::HelloReply>(P::Type::Hello, hello.toJson())
        .then(q, [this](Result<P::HelloReply> hello) {
            if (!hello) {
                Q_EMIT q->errorOccurred(hello.error());
                if (hello.error().code == ErrorCode::UnsupportedVersion)
                    channel.close();
                return;
            }
            limits = hello->limits;
            paceBy(hello->limits);
            if (!accessToken.isEmpty() || !refreshToken.isEmpty())
                authenticateWithToken();
            else
                setState(State::Connected);
        });
}

void ClientSession::Private::paceBy(const P::ServerLimits &limits)
{
    if (!options.paceRequests)
        return;
    // A margin below the server's own figures: its bucket and ours do not start and
    // refill at exactly the same instants.
    channel.setPacing(qMax(1, int(limits.requestsPerSecond * 0.8)),
                      qMax(1, int(limits.requestBurst * 0.8)));
}

void ClientSession::Private::onClosed()
{
    outbox.markAllUnsent();
    sync.connectionLost();
}

void ClientSession::Private::onPush(const P::ServerFrame &frame)
{
    if (frame.type == P::Type::NewMessage) {
        if (Result<P::MessageReply> push = P::MessageReply::fromJson(frame.data))
            sync.onPushedMessage(push->message);
    } else if (frame.type == P::Type::Receipt) {
        if (auto receipt = P::ReceiptPush::fromJson(frame.data))
            onReceipt(*receipt);
    } else if (frame.type == P::Type::TypingPush) {
        if (auto typing = P::TypingPush::fromJson(frame.data))
            Q_EMIT q->typingChanged(typing->conversationId, typing->userId, typing->typing);
    } else if (frame.type == P::Type::PresencePush) {
        if (auto presence = P::PresencePush::fromJson(frame.data))
            Q_EMIT q->presenceChanged(presence->presence);
    } else if (frame.type == P::Type::UserUpdated) {
        if (auto update = P::UserReply::fromJson(frame.data))
            onUserUpdated(update->user);
    } else if (frame.type == P::Type::ConversationUpdated) {
        if (auto update = P::ConversationReply::fromJson(frame.data)) {
            if (cache)
                cache->storeConversation(update->conversation);
            Q_EMIT q->conversationUpdated(update->conversation);
        }
    } else if (frame.type == P::Type::MembersAdded) {
        onDelta<P::MembersAddedPush>(frame.data);
    } else if (frame.type == P::Type::MemberRemoved) {
        onDelta<P::MemberRemovedPush>(frame.data);
    } else if (frame.type == P::Type::ConversationRenamed) {
        onDelta<P::ConversationRenamedPush>(frame.data);
    } else if (frame.type == P::Type::ConversationRemoved) {
        if (auto removed = P::ConversationRef::fromJson(frame.data)) {
            sync.forget(removed->conversationId);
            Q_EMIT q->conversationRemoved(removed->conversationId);
        }
    } else if (frame.type == P::Type::SessionRevoked) {
        onSessionRevoked(frame);
    }
}

template<typename Delta>
void ClientSession::Private::onDelta(const QJsonObject &data)
{
    const Result<Delta> delta = Delta::fromJson(data);
    if (!delta)
        return;
    const std::optional<Conversation> updated = book.apply(*delta);
    if (!updated) {
        // Not known yet (the sign-in list is still on its way): the whole one, once.
        refetchConversation(delta->conversationId);
        return;
    }
    if (cache)
        cache->storeConversation(*updated);
    Q_EMIT q->conversationUpdated(*updated);
}

void ClientSession::Private::refetchConversation(ConversationId id)
{
    call<P::ConversationReply>(P::Type::ConversationInfo, P::ConversationRef{id}.toJson())
        .then(q, [this](const Result<P::ConversationReply> &reply) {
            if (!reply)
                return; // gone again, or offline: the next sync lists it
            if (cache)
                cache->storeConversation(reply->conversation);
            Q_EMIT q->conversationUpdated(reply->conversation);
        });
}

void ClientSession::Private::onReceipt(const P::ReceiptPush &receipt)
{
    if (cache && receipt.kind == P::ReceiptKind::Read)
        cache->setReadPosition(receipt.conversationId, receipt.userId, receipt.seq);
    Q_EMIT q->receiptReceived(receipt);
}

void ClientSession::Private::outboxChanged()
{
    if (cache)
        cache->saveOutbox(outbox.requests());
    Q_EMIT q->outboxChanged();
}

void ClientSession::Private::onUserUpdated(const User &changed)
{
    if (changed.id == user.id)
        user = changed;
    Q_EMIT q->userUpdated(changed);
}

void ClientSession::Private::onAvatar(const P::AvatarReply &reply)
{
    if (reply.avatarVersion > 0) {
        avatars.insert(reply.userId, new CachedAvatar{reply.avatarVersion, reply.data},
                       qMax<qsizetype>(1, reply.data.size()));
    } else {
        avatars.remove(reply.userId);
    }
    Q_EMIT q->avatarReceived(reply.userId, reply.avatarVersion, reply.data);
}

void ClientSession::Private::onSessionRevoked(const P::ServerFrame &frame)
{
    const Result<P::SessionRevokedPush> push = P::SessionRevokedPush::fromJson(frame.data);
    const QString reason = push ? push->reason : u"revoked"_s;
    channel.stopReconnecting();
    accessToken.clear();
    refreshToken.clear();
    outbox.failAll(makeError(ErrorCode::InvalidCredentials, u"signed out: "_s + reason));
    outboxChanged();
    Q_EMIT q->tokensChanged({}, {});
    Q_EMIT q->sessionRevoked(reason);
}

void ClientSession::Private::forgetTokens()
{
    accessToken.clear();
    refreshToken.clear();
    Q_EMIT q->tokensChanged({}, {});
    setState(State::Connected);
}

void ClientSession::Private::authenticateWithToken()
{
    setState(State::Authenticating);
    if (accessToken.isEmpty()) {
        refreshThenAuthenticate();
        return;
    }
    call<P::AuthReply>(P::Type::Auth, P::AuthRequest{accessToken}.toJson())
        .then(q, [this](Result<P::AuthReply> auth) {
            if (auth) {
                user = auth->user;
                sessionId = auth->sessionId;
                sync.setOwnUser(user.id);
                Q_EMIT q->authenticated(user);
                startCatchUp();
            } else if (auth.error().code == ErrorCode::TokenExpired && !refreshToken.isEmpty()) {
                refreshThenAuthenticate();
            } else if (auth.error().code == ErrorCode::InvalidCredentials) {
                forgetTokens();
                Q_EMIT q->errorOccurred(auth.error());
            } else {
                Q_EMIT q->errorOccurred(auth.error());
                channel.abort(); // try again after a backoff
            }
        });
}

void ClientSession::Private::refreshThenAuthenticate()
{
    call<P::AuthGrant>(P::Type::Refresh, P::RefreshRequest{refreshToken}.toJson())
        .then(q, [this](Result<P::AuthGrant> grant) {
            if (grant) {
                adoptGrant(*grant);
                startCatchUp();
                return;
            }
            Q_EMIT q->errorOccurred(grant.error());
            if (grant.error().code == ErrorCode::InvalidCredentials)
                forgetTokens();
            else
                channel.abort();
        });
}

void ClientSession::Private::adoptGrant(const P::AuthGrant &grant)
{
    if (grant.user.id != user.id)
        book.clear(); // another account's conversations
    user = grant.user;
    sessionId = grant.sessionId;
    accessToken = grant.accessToken;
    refreshToken = grant.refreshToken;
    sync.setOwnUser(user.id);
    Q_EMIT q->tokensChanged(accessToken, refreshToken);
    Q_EMIT q->authenticated(user);
}

QFuture<Result<P::AuthGrant>> ClientSession::Private::signIn(const QString &type,
                                                             const QJsonObject &data)
{
    return call<P::AuthGrant>(type, data).then(q, [this](Result<P::AuthGrant> grant) {
        if (grant) {
            adoptGrant(*grant);
            startCatchUp();
        }
        return grant;
    });
}

void ClientSession::Private::startCatchUp()
{
    setState(State::Syncing);
    sync.signedIn();
}

void ClientSession::Private::startSync()
{
    setState(State::Syncing);
    sync.start();
}

void ClientSession::Private::onSynced()
{
    channel.resetBackoff();
    setState(State::Ready);
    Q_EMIT q->synced();
    flushOutbox();
}

QFuture<Result<Message>> ClientSession::sendMessage(ConversationId conversation,
                                                    const QString &text)
{
    P::SendMessageRequest request;
    request.conversationId = conversation;
    request.content = text;
    return sendMessage(request);
}

QFuture<Result<Message>> ClientSession::sendMessage(const P::SendMessageRequest &request)
{
    P::SendMessageRequest queued = request;
    if (queued.id.isNull())
        queued.id = newMessageId();
    QFuture<Result<Message>> future = d->outbox.add(queued, QDateTime::currentMSecsSinceEpoch());
    d->outboxChanged();
    if (d->state == State::Ready)
        d->flushOutbox();
    return future;
}

void ClientSession::Private::flushOutbox()
{
    if (state != State::Ready)
        return;
    const QList<Outbox::Entry *> unsent = outbox.unsent();
    for (Outbox::Entry *entry : unsent)
        sendOutboxEntry(*entry);
}

void ClientSession::Private::sendOutboxEntry(Outbox::Entry &entry)
{
    // The entry's rid marks it as on the wire; the reply finds it by it. No timeout: the
    // message waits for its answer or for the connection to drop (then it goes again).
    const QString token = u"o"_s + QString::number(nextOutboxToken++);
    entry.rid = token;
    channel.request(P::Type::Message, entry.request.toJson(), 0)
        .then(q, [this, token](Result<QJsonObject> reply) { onOutboxReply(token, reply); });
}

void ClientSession::Private::onOutboxReply(const QString &token, const Result<QJsonObject> &reply)
{
    Outbox::Entry *entry = outbox.byRid(token);
    if (!entry)
        return; // marked for resending after a lost connection, or resolved
    if (reply) {
        Result<P::MessageReply> ack = P::MessageReply::fromJson(*reply);
        if (!ack) {
            outbox.resolve(token, makeError(ErrorCode::Internal, u"unreadable acknowledgement"_s));
            outboxChanged();
            return;
        }
        const Message &m = ack->message;
        sync.onOwnMessageAcked(m);
        outbox.resolve(token, m);
        Q_EMIT q->messageAcked(m);
        outboxChanged();
        return;
    }
    const Error &error = reply.error();
    if (!isFinal(error.code)) {
        entry->rid.clear();
        const qint64 wait =
            error.code == ErrorCode::RateLimited ? qMax<qint64>(error.retryAfterMs, 50) : 1000;
        QTimer::singleShot(std::chrono::milliseconds(wait), q, [this] { flushOutbox(); });
        return;
    }
    outbox.resolve(token, error);
    outboxChanged();
}

QFuture<Result<P::AuthGrant>> ClientSession::registerUser(const QString &username,
                                                          const QString &password,
                                                          const QString &displayName,
                                                          const QString &device,
                                                          const QString &invite)
{
    return d->signIn(P::Type::Register,
                     P::RegisterRequest{username, password, displayName, device, invite}.toJson());
}

QFuture<Result<P::AuthGrant>> ClientSession::login(const QString &username, const QString &password,
                                                   const QString &device)
{
    return d->signIn(P::Type::Login, P::LoginRequest{username, password, device}.toJson());
}

QFuture<Result<Done>> ClientSession::logout()
{
    return d->callDone(P::Type::Logout, {}).then(this, [this](Result<Done> done) {
        if (done) {
            d->channel.stopReconnecting();
            d->accessToken.clear();
            d->refreshToken.clear();
            Q_EMIT tokensChanged({}, {});
        }
        return done;
    });
}

QFuture<Result<P::SessionsReply>> ClientSession::sessions()
{
    return d->call<P::SessionsReply>(P::Type::Sessions, {});
}
QFuture<Result<Done>> ClientSession::revokeSession(SessionId session)
{
    return d->callDone(P::Type::RevokeSession, P::RevokeSessionRequest{session}.toJson());
}
QFuture<Result<Done>> ClientSession::changePassword(const QString &oldPassword,
                                                    const QString &newPassword)
{
    return d->callDone(P::Type::ChangePassword,
                       P::ChangePasswordRequest{oldPassword, newPassword}.toJson());
}
QFuture<Result<P::PongReply>> ClientSession::ping()
{
    return d->call<P::PongReply>(P::Type::Ping, {});
}
QFuture<Result<P::AdminUsersReply>> ClientSession::adminUsers(const P::AdminUsersRequest &request)
{
    return d->call<P::AdminUsersReply>(P::Type::AdminUsers, request.toJson());
}
QFuture<Result<P::AdminAccount>> ClientSession::adminSetDisabled(const QString &username,
                                                                 bool disabled)
{
    return d->call<P::AdminAccount>(P::Type::AdminSetDisabled,
                                    P::AdminSetDisabledRequest{username, disabled}.toJson());
}
QFuture<Result<P::AdminAccount>> ClientSession::adminSetAdmin(const QString &username, bool admin)
{
    return d->call<P::AdminAccount>(P::Type::AdminSetAdmin,
                                    P::AdminSetAdminRequest{username, admin}.toJson());
}
QFuture<Result<P::AdminResetPasswordReply>>
ClientSession::adminResetPassword(const QString &username, const QString &password)
{
    return d->call<P::AdminResetPasswordReply>(
        P::Type::AdminResetPassword, P::AdminResetPasswordRequest{username, password}.toJson());
}
QFuture<Result<P::SessionsReply>> ClientSession::adminSessions(const QString &username)
{
    return d->call<P::SessionsReply>(P::Type::AdminSessions,
                                     P::AdminSessionsRequest{username}.toJson());
}
QFuture<Result<P::AdminRevokeSessionReply>>
ClientSession::adminRevokeSession(const P::AdminRevokeSessionRequest &request)
{
    return d->call<P::AdminRevokeSessionReply>(P::Type::AdminRevokeSession, request.toJson());
}
QFuture<Result<P::ConversationsReply>> ClientSession::conversations()
{
    return fetchAllPages<P::ConversationsReply, ConversationSummary>(
        d->channel, this, P::Type::Conversations, {}, &P::ConversationsReply::conversations,
        [](const P::ConversationsReply &soFar) {
            return P::ConversationsRequest{int(soFar.conversations.size())}.toJson();
        },
        &decode<P::ConversationsReply>);
}
QFuture<Result<Conversation>> ClientSession::conversation(ConversationId id)
{
    return d->callConversation(P::Type::ConversationInfo, P::ConversationRef{id}.toJson());
}
QFuture<Result<Conversation>> ClientSession::createPrivate(UserId user)
{
    return d->callConversation(P::Type::CreatePrivate, P::CreatePrivateRequest{user}.toJson());
}
QFuture<Result<Conversation>> ClientSession::createGroup(const QString &name,
                                                         const QList<UserId> &members)
{
    return d->callConversation(P::Type::CreateGroup, P::CreateGroupRequest{name, members}.toJson());
}
QFuture<Result<Conversation>> ClientSession::addMembers(ConversationId id,
                                                        const QList<UserId> &users)
{
    return d->callConversation(P::Type::AddMembers, P::AddMembersRequest{id, users}.toJson());
}
QFuture<Result<Conversation>> ClientSession::removeMember(ConversationId id, UserId user)
{
    return d->callConversation(P::Type::RemoveMember, P::RemoveMemberRequest{id, user}.toJson());
}
QFuture<Result<Done>> ClientSession::leave(ConversationId id)
{
    return d->callDone(P::Type::Leave, P::ConversationRef{id}.toJson());
}
QFuture<Result<Conversation>> ClientSession::rename(ConversationId id, const QString &name)
{
    return d->callConversation(P::Type::Rename, P::RenameRequest{id, name}.toJson());
}
QFuture<Result<Conversation>> ClientSession::setRetention(ConversationId id,
                                                          const RetentionPolicy &policy)
{
    return d->callConversation(
        P::Type::SetRetention,
        P::SetRetentionRequest{id, policy.messageDays, policy.fileDays}.toJson());
}

QFuture<Result<Done>> ClientSession::deleteFile(const QString &fileId)
{
    return d->callDone(P::Type::DeleteFile, P::DeleteFileRequest{fileId}.toJson());
}

QFuture<Result<P::HistoryReply>> ClientSession::history(ConversationId id, Seq beforeSeq, int limit)
{
    return d
        ->call<P::HistoryReply>(P::Type::History, P::HistoryRequest{id, beforeSeq, limit}.toJson())
        .then(this, [this, id](Result<P::HistoryReply> reply) {
            // A page that joins the cached range extends it (storeOlder keeps no other).
            if (reply && d->cache)
                d->cache->storeOlder(id, reply->messages, !reply->hasMore);
            return reply;
        });
}
QFuture<Result<P::HistoryReply>> ClientSession::messagesBefore(ConversationId id, Seq beforeSeq,
                                                               int limit)
{
    return d->pager.before(id, beforeSeq, limit);
}
QFuture<Result<P::HistoryReply>> ClientSession::messagesAfter(ConversationId id, Seq afterSeq,
                                                              int limit)
{
    return d->pager.after(id, afterSeq, limit);
}
QFuture<Result<P::HistoryReply>> ClientSession::messagesAround(ConversationId id, Seq around,
                                                               int limit)
{
    P::HistoryRequest request{id, 0, limit};
    request.around = around;
    return d->call<P::HistoryReply>(P::Type::History, request.toJson());
}

QFuture<Result<Message>> ClientSession::sendReply(ConversationId conversation,
                                                  const QUuid &original, const QString &text)
{
    P::SendMessageRequest request;
    request.conversationId = conversation;
    request.content = text;
    request.replyTo = original;
    return sendMessage(request);
}

namespace {
// An edit or a deletion always changes something: its event.
Result<Message> changedMessage(Result<std::optional<Message>> event)
{
    if (!event)
        return event.error();
    return **event;
}
} // namespace

QFuture<Result<Message>> ClientSession::editMessage(ConversationId conversation,
                                                    const QUuid &message, const QString &text)
{
    const P::EditMessageRequest request{conversation, message, text, {}};
    return d->callChange<P::MessageReply>(P::Type::EditMessage, request.toJson())
        .then(this, &changedMessage);
}

QFuture<Result<Message>> ClientSession::deleteMessage(ConversationId conversation,
                                                      const QUuid &message)
{
    return d
        ->callChange<P::MessageReply>(P::Type::DeleteMessage,
                                      P::MessageRef{conversation, message}.toJson())
        .then(this, &changedMessage);
}

QFuture<Result<std::optional<Message>>>
ClientSession::react(ConversationId conversation, const QUuid &message, const QString &emoji)
{
    return d->callChange<P::ReactionReply>(
        P::Type::React, P::ReactionRequest{conversation, message, emoji}.toJson());
}

QFuture<Result<std::optional<Message>>>
ClientSession::unreact(ConversationId conversation, const QUuid &message, const QString &emoji)
{
    return d->callChange<P::ReactionReply>(
        P::Type::Unreact, P::ReactionRequest{conversation, message, emoji}.toJson());
}

QFuture<Result<P::ReactorsReply>> ClientSession::reactions(ConversationId conversation,
                                                           const QUuid &message)
{
    return d->call<P::ReactorsReply>(P::Type::Reactions,
                                     P::MessageRef{conversation, message}.toJson());
}

QFuture<Result<P::ReceiptRequest>> ClientSession::markRead(ConversationId id, Seq seq)
{
    return d->call<P::ReceiptRequest>(P::Type::Read, P::ReceiptRequest{id, seq}.toJson())
        .then(this, [this, id](Result<P::ReceiptRequest> read) {
            if (read && d->cache)
                d->cache->setReadPosition(id, d->user.id, read->seq);
            if (read) // no receipt push comes back to this connection
                d->book.noteReceipt({id, d->user.id, P::ReceiptKind::Read, read->seq});
            return read;
        });
}
QFuture<Result<P::ReceiptRequest>> ClientSession::markDelivered(ConversationId id, Seq seq)
{
    return d->call<P::ReceiptRequest>(P::Type::Delivered, P::ReceiptRequest{id, seq}.toJson());
}
QFuture<Result<Done>> ClientSession::sendTyping(ConversationId id, bool typing)
{
    return d->callDone(P::Type::Typing, P::TypingRequest{id, typing}.toJson());
}
QFuture<Result<Done>> ClientSession::setPresence(PresenceStatus status)
{
    return d->callDone(P::Type::SetPresence, P::SetPresenceRequest{status}.toJson());
}
QFuture<Result<P::SearchReply>> ClientSession::searchMessages(const P::SearchRequest &request)
{
    return d->call<P::SearchReply>(P::Type::Search, request.toJson())
        .then(this, [this, request](Result<P::SearchReply> reply) {
            if (reply)
                Q_EMIT searchResultsReceived(request, *reply);
            return reply;
        });
}
QFuture<Result<P::UsersReply>> ClientSession::searchUsers(const QString &query)
{
    return d->call<P::UsersReply>(
        P::Type::Users, P::UserSearchRequest{query, P::UserSearchRequest::DefaultLimit}.toJson());
}
QFuture<Result<P::PresencesReply>> ClientSession::presences()
{
    return fetchAllPages<P::PresencesReply, Presence>(
        d->channel, this, P::Type::Presences, {}, &P::PresencesReply::presences,
        [](const P::PresencesReply &soFar) {
            return P::PeoplePageRequest{soFar.presences.last().userId}.toJson();
        },
        &decode<P::PresencesReply>);
}
QFuture<Result<User>> ClientSession::updateProfile(const QString &displayName)
{
    return d
        ->call<P::UserReply>(
            P::Type::UpdateProfile,
            P::UpdateProfileRequest{displayName, std::nullopt, std::nullopt, std::nullopt}.toJson())
        .then(this, [this](Result<P::UserReply> r) -> Result<User> {
            if (!r)
                return r.error();
            d->onUserUpdated(r->user);
            return r->user;
        });
}
QFuture<Result<User>> ClientSession::setAvatar(const QByteArray &image)
{
    return d
        ->call<P::UserReply>(
            P::Type::UpdateProfile,
            P::UpdateProfileRequest{std::nullopt, image, std::nullopt, std::nullopt}.toJson())
        .then(this, [this, image](Result<P::UserReply> r) -> Result<User> {
            if (!r)
                return r.error();
            // The bytes just sent are the picture at the new version: no need to fetch them.
            d->onAvatar({r->user.id, r->user.avatarVersion,
                         r->user.avatarVersion > 0 ? image : QByteArray()});
            d->onUserUpdated(r->user);
            return r->user;
        });
}
QFuture<Result<P::AvatarReply>> ClientSession::fetchAvatar(UserId user)
{
    return d->call<P::AvatarReply>(P::Type::Avatar, P::UserRef{user}.toJson())
        .then(this, [this, user](Result<P::AvatarReply> r) -> Result<P::AvatarReply> {
            d->avatarFetches.remove(user);
            if (r)
                d->onAvatar(*r);
            return r;
        });
}
QByteArray ClientSession::avatar(UserId user, qint64 version)
{
    if (user <= 0 || version <= 0)
        return {};
    if (const Private::CachedAvatar *cached = d->avatars.object(user);
        cached && cached->version >= version)
        return cached->data;
    const auto pending = d->avatarFetches.constFind(user);
    if (pending == d->avatarFetches.cend() || *pending < version) {
        d->avatarFetches.insert(user, version);
        fetchAvatar(user).then(this, [user](const Result<P::AvatarReply> &r) {
            if (!r)
                qCDebug(lcClient) << "avatar of" << user << "not fetched:" << r.error().message;
        });
    }
    return {};
}
QFuture<Result<P::ContactsReply>> ClientSession::contacts()
{
    return fetchAllPages<P::ContactsReply, P::Contact>(
        d->channel, this, P::Type::Contacts, {}, &P::ContactsReply::contacts,
        [](const P::ContactsReply &soFar) {
            return P::PeoplePageRequest{soFar.contacts.last().user.id}.toJson();
        },
        &decode<P::ContactsReply>);
}
QFuture<Result<P::Contact>> ClientSession::addContact(UserId user)
{
    return d->call<P::ContactReply>(P::Type::AddContact, P::AddContactRequest{user, {}}.toJson())
        .then(this, [](Result<P::ContactReply> r) -> Result<P::Contact> {
            if (!r)
                return r.error();
            return r->contact;
        });
}
QFuture<Result<P::Contact>> ClientSession::addContact(const QString &username)
{
    return d->call<P::ContactReply>(P::Type::AddContact, P::AddContactRequest{0, username}.toJson())
        .then(this, [](Result<P::ContactReply> r) -> Result<P::Contact> {
            if (!r)
                return r.error();
            return r->contact;
        });
}
QFuture<Result<Done>> ClientSession::removeContact(UserId user)
{
    return d->callDone(P::Type::RemoveContact, P::UserRef{user}.toJson());
}
QFuture<Result<Done>> ClientSession::block(UserId user)
{
    return d->callDone(P::Type::Block, P::UserRef{user}.toJson());
}
QFuture<Result<Done>> ClientSession::unblock(UserId user)
{
    return d->callDone(P::Type::Unblock, P::UserRef{user}.toJson());
}

} // namespace Banter
