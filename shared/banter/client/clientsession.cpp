// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/clientsession.h>

#include <banter/client/certificatepin.h>
#include <banter/client/clientlogging_p.h>
#include <banter/domain/messageid.h>
#include <banter/protocol/types.h>

#include <QDateTime>

Q_LOGGING_CATEGORY(lcClient, "banter.client", QtInfoMsg)

namespace Banter {

using namespace Qt::StringLiterals;
namespace P = Protocol;

namespace {
const QString OutboxRidPrefix = u"o"_s;

template<typename T>
QFuture<Result<T>> readyFuture(Result<T> value)
{
    QPromise<Result<T>> promise;
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return promise.future();
}

// Errors after which resending the same message cannot succeed.
bool isFinal(ErrorCode code)
{
    return code != ErrorCode::RateLimited && code != ErrorCode::Unavailable;
}
} // namespace

ClientSession::ClientSession(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Banter::Message>();
    qRegisterMetaType<Banter::Error>();
    m_socket.setMaxAllowedIncomingMessageSize(quint64(P::MaxServerFrameBytes));
    m_socket.setMaxAllowedIncomingFrameSize(quint64(P::MaxServerFrameBytes));
    connect(&m_socket, &QWebSocket::connected, this, &ClientSession::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &ClientSession::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &ClientSession::onTextMessage);
    connect(&m_socket, &QWebSocket::pong, this, [this] { m_lastFrame.restart(); });
    connect(&m_socket, &QWebSocket::sslErrors, this, &ClientSession::onSslErrors);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] { openSocket(); });
    connect(&m_heartbeat, &QTimer::timeout, this, &ClientSession::onHeartbeat);
    setOptions(m_options);
}

ClientSession::~ClientSession()
{
    m_wantConnected = false;
    m_socket.disconnect(this);
    m_socket.abort();
    failPending(makeError(ErrorCode::Unavailable, u"the session was closed"_s));
    m_outbox.failAll(makeError(ErrorCode::Unavailable, u"the session was closed"_s));
}

void ClientSession::setOptions(const Options &options)
{
    m_options = options;
    m_backoff = Backoff(options.reconnectBaseMs, options.reconnectMaxMs);
    m_heartbeat.setInterval(options.heartbeatMs);
}

void ClientSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ClientSession::connectToServer(const QUrl &url)
{
    m_url = url;
    m_wantConnected = true;
    m_backoff.reset();
    m_reconnectTimer.stop();
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        m_socket.abort();
    openSocket();
}

void ClientSession::openSocket()
{
    m_peerCertificate = QSslCertificate();
    setState(State::Connecting);
    m_socket.open(m_url);
}

void ClientSession::setPinnedCertificate(const QString &server, const QByteArray &sha256)
{
    if (sha256.isEmpty())
        m_pins.remove(server);
    else
        m_pins.insert(server, sha256);
}

QByteArray ClientSession::pinnedCertificate(const QUrl &url) const
{
    return m_pins.value(CertificatePin::serverKey(url));
}

void ClientSession::onSslErrors(const QList<QSslError> &errors)
{
    const QSslCertificate presented = CertificatePin::presentedCertificate(errors);
    const QString server = CertificatePin::serverKey(m_url);
    const QByteArray presentedSha = CertificatePin::fingerprint(presented);
    QByteArray pinned = m_pins.value(server);
    if (presented.isNull() || !CertificatePin::onlyTrustErrors(errors)) {
        qCWarning(lcClient) << "refusing the server's certificate:"
                            << (errors.isEmpty() ? QString() : errors.first().errorString());
        Q_EMIT errorOccurred(makeError(
            ErrorCode::Forbidden,
            tr("The server's certificate is not valid: %1").arg(errors.first().errorString())));
        return; // not ignored: the handshake fails and the session retries with backoff
    }
    if (pinned.isEmpty() && m_options.trustOnFirstUse) {
        qCInfo(lcClient) << "pinning the certificate of" << server
                         << CertificatePin::formatFingerprint(presentedSha);
        pinned = presentedSha;
        m_pins.insert(server, pinned);
        Q_EMIT certificatePinned(server, pinned);
    }
    if (pinned == presentedSha) {
        m_peerCertificate = presented;
        // Exactly these errors for exactly this certificate: a later connection that meets
        // another certificate is refused by the socket itself, whatever this slot does.
        m_socket.ignoreSslErrors(errors);
        return;
    }
    qCWarning(lcClient) << "the certificate of" << server << "changed: pinned"
                        << CertificatePin::formatFingerprint(pinned) << "presented"
                        << CertificatePin::formatFingerprint(presentedSha);
    // Retrying cannot help, and must not look like a network hiccup: stop until the app
    // decides (after asking the user) and connects again.
    m_wantConnected = false;
    m_reconnectTimer.stop();
    Q_EMIT errorOccurred(makeError(
        ErrorCode::Forbidden,
        pinned.isEmpty() ? tr("The server's certificate is not trusted yet.")
                         : tr("The server's certificate has changed since the last connection.")));
    Q_EMIT certificateRefused(server, pinned, presented);
}

void ClientSession::disconnectFromServer()
{
    m_wantConnected = false;
    m_reconnectTimer.stop();
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        m_socket.close();
    else
        setState(State::Disconnected);
}

void ClientSession::setTokens(const QString &accessToken, const QString &refreshToken)
{
    m_accessToken = accessToken;
    m_refreshToken = refreshToken;
    if (m_state == State::Connected)
        authenticateWithToken();
}

QString ClientSession::send(const QString &type, const QJsonObject &data)
{
    const QString rid = QString::number(m_nextRid++);
    m_socket.sendTextMessage(QString::fromUtf8(P::encodeRequest(type, rid, data)));
    return rid;
}

QFuture<Result<QJsonObject>> ClientSession::request(const QString &type, const QJsonObject &data)
{
    if (m_socket.state() != QAbstractSocket::ConnectedState)
        return readyFuture<QJsonObject>(
            makeError(ErrorCode::Unavailable, u"not connected to the server"_s));
    auto promise = std::make_shared<QPromise<Result<QJsonObject>>>();
    promise->start();
    const QString rid = send(type, data);
    m_pending.insert(rid, Pending{promise, type});
    QTimer::singleShot(m_options.requestTimeoutMs, this, [this, rid] {
        const auto it = m_pending.find(rid);
        if (it == m_pending.end())
            return;
        const Pending pending = *it;
        m_pending.erase(it);
        pending.promise->addResult(Result<QJsonObject>(
            makeError(ErrorCode::Unavailable, u"the server did not answer in time"_s)));
        pending.promise->finish();
    });
    return promise->future();
}

template<typename T>
QFuture<Result<T>> ClientSession::call(const QString &type, const QJsonObject &data)
{
    return request(type, data).then(this, [](Result<QJsonObject> reply) -> Result<T> {
        if (!reply)
            return reply.error();
        Result<T> decoded = T::fromJson(*reply);
        if (!decoded)
            return makeError(ErrorCode::Internal,
                             u"the server sent a reply this client cannot read: "_s
                                 + decoded.error().message);
        return decoded;
    });
}

QFuture<Result<Done>> ClientSession::callDone(const QString &type, const QJsonObject &data)
{
    return request(type, data).then(this, [](Result<QJsonObject> reply) -> Result<Done> {
        if (!reply)
            return reply.error();
        return Done{};
    });
}

QFuture<Result<Conversation>> ClientSession::callConversation(const QString &type,
                                                              const QJsonObject &data)
{
    return call<P::ConversationReply>(type, data)
        .then(this, [](Result<P::ConversationReply> reply) -> Result<Conversation> {
            if (!reply)
                return reply.error();
            return reply->conversation;
        });
}

void ClientSession::failPending(const Error &error)
{
    const QHash<QString, Pending> pending = std::exchange(m_pending, {});
    for (const Pending &p : pending) {
        p.promise->addResult(Result<QJsonObject>(error));
        p.promise->finish();
    }
}

void ClientSession::onConnected()
{
    m_lastFrame.restart();
    m_heartbeat.start();
    call<P::HelloReply>(P::Type::Hello, P::HelloRequest{P::Version, m_options.clientName}.toJson())
        .then(this, [this](Result<P::HelloReply> hello) {
            if (!hello) {
                Q_EMIT errorOccurred(hello.error());
                if (hello.error().code == ErrorCode::UnsupportedVersion) {
                    m_wantConnected = false;
                    m_socket.close();
                }
                return;
            }
            if (!m_accessToken.isEmpty() || !m_refreshToken.isEmpty())
                authenticateWithToken();
            else
                setState(State::Connected);
        });
}

void ClientSession::onDisconnected()
{
    m_heartbeat.stop();
    failPending(makeError(ErrorCode::Unavailable, u"the connection to the server was lost"_s));
    m_outbox.markAllUnsent();
    m_deliveredInFlight.clear();
    m_syncing = false;
    m_syncAgain = false;
    if (m_wantConnected && m_options.autoReconnect)
        scheduleReconnect();
    else
        setState(State::Disconnected);
}

void ClientSession::scheduleReconnect()
{
    const int delay = m_backoff.nextDelayMs();
    qCInfo(lcClient) << "reconnecting in" << delay << "ms";
    setState(State::Reconnecting);
    m_reconnectTimer.start(delay);
}

void ClientSession::onHeartbeat()
{
    if (m_lastFrame.elapsed() > 2 * qint64(m_options.heartbeatMs)) {
        qCInfo(lcClient) << "the server went silent; dropping the connection";
        m_socket.abort();
        return;
    }
    ping();
}

void ClientSession::onTextMessage(const QString &text)
{
    m_lastFrame.restart();
    Result<P::ServerFrame> frame = P::decodeServerFrame(text.toUtf8());
    if (!frame) {
        qCWarning(lcClient) << "ignoring an unreadable frame:" << frame.error().message;
        return;
    }
    if (frame->kind == P::ServerFrame::Kind::Response)
        onResponse(*frame);
    else
        onPush(*frame);
}

void ClientSession::onResponse(const P::ServerFrame &frame)
{
    if (frame.rid.startsWith(OutboxRidPrefix)) {
        onOutboxReply(frame);
        return;
    }
    const auto it = m_pending.find(frame.rid);
    if (it == m_pending.end())
        return; // timed out earlier, or an answer to a frame the server could not read
    const Pending pending = *it;
    m_pending.erase(it);
    pending.promise->addResult(frame.success ? Result<QJsonObject>(frame.data)
                                             : Result<QJsonObject>(frame.error));
    pending.promise->finish();
}

void ClientSession::onPush(const P::ServerFrame &frame)
{
    if (frame.type == P::Type::NewMessage) {
        Result<P::MessageReply> push = P::MessageReply::fromJson(frame.data);
        if (!push)
            return;
        const Message &m = push->message;
        switch (m_positions.accept(m.conversationId, m.seq)) {
        case SyncPositions::Verdict::Deliver:
            deliver(m);
            break;
        case SyncPositions::Verdict::Duplicate:
            break;
        case SyncPositions::Verdict::Gap:
            // Something in between is missing: fetch it rather than show things out of order.
            if (m_syncing)
                m_syncAgain = true;
            else if (m_state == State::Ready)
                startSync();
            break;
        }
    } else if (frame.type == P::Type::Receipt) {
        if (auto receipt = P::ReceiptPush::fromJson(frame.data))
            Q_EMIT receiptReceived(*receipt);
    } else if (frame.type == P::Type::TypingPush) {
        if (auto typing = P::TypingPush::fromJson(frame.data))
            Q_EMIT typingChanged(typing->conversationId, typing->userId, typing->typing);
    } else if (frame.type == P::Type::PresencePush) {
        if (auto presence = P::PresencePush::fromJson(frame.data))
            Q_EMIT presenceChanged(presence->presence);
    } else if (frame.type == P::Type::ConversationUpdated) {
        if (auto update = P::ConversationReply::fromJson(frame.data))
            Q_EMIT conversationUpdated(update->conversation);
    } else if (frame.type == P::Type::ConversationRemoved) {
        if (auto removed = P::ConversationRef::fromJson(frame.data)) {
            m_positions.forget(removed->conversationId);
            Q_EMIT conversationRemoved(removed->conversationId);
        }
    } else if (frame.type == P::Type::SessionRevoked) {
        const Result<P::SessionRevokedPush> push = P::SessionRevokedPush::fromJson(frame.data);
        const QString reason = push ? push->reason : u"revoked"_s;
        m_wantConnected = false;
        m_accessToken.clear();
        m_refreshToken.clear();
        m_outbox.failAll(makeError(ErrorCode::InvalidCredentials, u"signed out: "_s + reason));
        Q_EMIT outboxChanged();
        Q_EMIT tokensChanged({}, {});
        Q_EMIT sessionRevoked(reason);
    }
}

void ClientSession::authenticateWithToken()
{
    setState(State::Authenticating);
    if (m_accessToken.isEmpty()) {
        refreshThenAuthenticate();
        return;
    }
    call<P::AuthReply>(P::Type::Auth, P::AuthRequest{m_accessToken}.toJson())
        .then(this, [this](Result<P::AuthReply> auth) {
            if (auth) {
                m_user = auth->user;
                m_sessionId = auth->sessionId;
                Q_EMIT authenticated(m_user);
                startSync();
            } else if (auth.error().code == ErrorCode::TokenExpired && !m_refreshToken.isEmpty()) {
                refreshThenAuthenticate();
            } else if (auth.error().code == ErrorCode::InvalidCredentials) {
                m_accessToken.clear();
                m_refreshToken.clear();
                Q_EMIT tokensChanged({}, {});
                setState(State::Connected);
                Q_EMIT errorOccurred(auth.error());
            } else {
                Q_EMIT errorOccurred(auth.error());
                m_socket.abort(); // try again after a backoff
            }
        });
}

void ClientSession::refreshThenAuthenticate()
{
    call<P::AuthGrant>(P::Type::Refresh, P::RefreshRequest{m_refreshToken}.toJson())
        .then(this, [this](Result<P::AuthGrant> grant) {
            if (grant) {
                adoptGrant(*grant);
                startSync();
                return;
            }
            Q_EMIT errorOccurred(grant.error());
            if (grant.error().code == ErrorCode::InvalidCredentials) {
                m_accessToken.clear();
                m_refreshToken.clear();
                Q_EMIT tokensChanged({}, {});
                setState(State::Connected);
            } else {
                m_socket.abort();
            }
        });
}

void ClientSession::adoptGrant(const P::AuthGrant &grant)
{
    m_user = grant.user;
    m_sessionId = grant.sessionId;
    m_accessToken = grant.accessToken;
    m_refreshToken = grant.refreshToken;
    Q_EMIT tokensChanged(m_accessToken, m_refreshToken);
    Q_EMIT authenticated(m_user);
}

QFuture<Result<P::AuthGrant>> ClientSession::signIn(const QString &type, const QJsonObject &data)
{
    return call<P::AuthGrant>(type, data).then(this, [this](Result<P::AuthGrant> grant) {
        if (grant) {
            adoptGrant(*grant);
            startSync();
        }
        return grant;
    });
}

void ClientSession::startSync()
{
    setState(State::Syncing);
    m_syncing = true;
    m_syncAgain = false;
    m_syncSeen.clear();
    syncPage();
}

void ClientSession::syncPage()
{
    P::SyncRequest request;
    request.positions = m_positions.all();
    request.limit = m_options.syncPageSize;
    call<P::SyncReply>(P::Type::Sync, request.toJson())
        .then(this, [this](Result<P::SyncReply> reply) {
            if (!reply) {
                // The connection is gone (a reconnect syncs again) or the server failed: retry.
                m_syncing = false;
                if (reply.error().code != ErrorCode::Unavailable) {
                    Q_EMIT errorOccurred(reply.error());
                    m_socket.abort();
                }
                return;
            }
            for (const Conversation &c : reply->conversations) {
                m_syncSeen.insert(c.id);
                Q_EMIT conversationUpdated(c);
            }
            QSet<ConversationId> reset;
            for (const Message &m : reply->messages) {
                if (reply->limited.contains(m.conversationId)
                    && !reset.contains(m.conversationId)) {
                    reset.insert(m.conversationId);
                    Q_EMIT conversationReset(m.conversationId);
                    m_positions.set(m.conversationId, m.seq - 1);
                }
                // Sync is authoritative: within a page, messages follow the known position.
                if (m.seq > m_positions.position(m.conversationId))
                    deliver(m);
            }
            if (reply->hasMore)
                syncPage();
            else
                finishSync();
        });
}

void ClientSession::finishSync()
{
    const QList<ConversationId> known = m_positions.all().keys();
    for (ConversationId id : known) {
        if (!m_syncSeen.contains(id)) {
            m_positions.forget(id);
            Q_EMIT conversationRemoved(id);
        }
    }
    m_syncing = false;
    if (m_syncAgain) {
        startSync();
        return;
    }
    m_backoff.reset();
    setState(State::Ready);
    Q_EMIT synced();
    flushOutbox();
}

void ClientSession::deliver(const Message &message)
{
    m_positions.advance(message.conversationId, message.seq);
    Q_EMIT messageReceived(message);
    if (m_options.autoDelivered && message.senderId != m_user.id)
        acknowledgeDelivery(message);
}

void ClientSession::acknowledgeDelivery(const Message &message)
{
    const ConversationId id = message.conversationId;
    Seq &wanted = m_deliveredWanted[id];
    wanted = qMax(wanted, message.seq);
    if (m_deliveredInFlight.contains(id))
        return;
    m_deliveredInFlight.insert(id);
    const Seq seq = wanted;
    markDelivered(id, seq).then(this, [this, id, seq](Result<P::ReceiptRequest>) {
        m_deliveredInFlight.remove(id);
        if (m_deliveredWanted.value(id) > seq) {
            Message next;
            next.conversationId = id;
            next.seq = m_deliveredWanted.value(id);
            acknowledgeDelivery(next);
        } else {
            m_deliveredWanted.remove(id);
        }
    });
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
    QFuture<Result<Message>> future = m_outbox.add(queued, QDateTime::currentMSecsSinceEpoch());
    Q_EMIT outboxChanged();
    if (m_state == State::Ready)
        flushOutbox();
    return future;
}

void ClientSession::flushOutbox()
{
    if (m_state != State::Ready)
        return;
    const QList<Outbox::Entry *> unsent = m_outbox.unsent();
    for (Outbox::Entry *entry : unsent)
        sendOutboxEntry(*entry);
}

void ClientSession::sendOutboxEntry(Outbox::Entry &entry)
{
    entry.rid = OutboxRidPrefix + QString::number(m_nextRid++);
    m_socket.sendTextMessage(
        QString::fromUtf8(P::encodeRequest(P::Type::Message, entry.rid, entry.request.toJson())));
}

void ClientSession::onOutboxReply(const P::ServerFrame &frame)
{
    Outbox::Entry *entry = m_outbox.byRid(frame.rid);
    if (!entry)
        return;
    if (frame.success) {
        Result<P::MessageReply> reply = P::MessageReply::fromJson(frame.data);
        if (!reply) {
            m_outbox.resolve(frame.rid,
                             makeError(ErrorCode::Internal, u"unreadable acknowledgement"_s));
            Q_EMIT outboxChanged();
            return;
        }
        const Message &m = reply->message;
        if (m_positions.accept(m.conversationId, m.seq) == SyncPositions::Verdict::Deliver)
            m_positions.advance(m.conversationId, m.seq);
        m_outbox.resolve(frame.rid, m);
        Q_EMIT messageAcked(m);
        Q_EMIT outboxChanged();
        return;
    }
    if (!isFinal(frame.error.code)) {
        entry->rid.clear();
        const qint64 wait = frame.error.code == ErrorCode::RateLimited
            ? qMax<qint64>(frame.error.retryAfterMs, 50)
            : 1000;
        QTimer::singleShot(std::chrono::milliseconds(wait), this, &ClientSession::flushOutbox);
        return;
    }
    m_outbox.resolve(frame.rid, frame.error);
    Q_EMIT outboxChanged();
}

QFuture<Result<P::AuthGrant>> ClientSession::registerUser(const QString &username,
                                                          const QString &password,
                                                          const QString &displayName,
                                                          const QString &device)
{
    return signIn(P::Type::Register,
                  P::RegisterRequest{username, password, displayName, device}.toJson());
}

QFuture<Result<P::AuthGrant>> ClientSession::login(const QString &username, const QString &password,
                                                   const QString &device)
{
    return signIn(P::Type::Login, P::LoginRequest{username, password, device}.toJson());
}

QFuture<Result<Done>> ClientSession::logout()
{
    return callDone(P::Type::Logout, {}).then(this, [this](Result<Done> done) {
        if (done) {
            m_wantConnected = false;
            m_accessToken.clear();
            m_refreshToken.clear();
            Q_EMIT tokensChanged({}, {});
        }
        return done;
    });
}

QFuture<Result<P::SessionsReply>> ClientSession::sessions()
{
    return call<P::SessionsReply>(P::Type::Sessions, {});
}
QFuture<Result<Done>> ClientSession::revokeSession(SessionId session)
{
    return callDone(P::Type::RevokeSession, P::RevokeSessionRequest{session}.toJson());
}
QFuture<Result<Done>> ClientSession::changePassword(const QString &oldPassword,
                                                    const QString &newPassword)
{
    return callDone(P::Type::ChangePassword,
                    P::ChangePasswordRequest{oldPassword, newPassword}.toJson());
}
QFuture<Result<P::PongReply>> ClientSession::ping()
{
    return call<P::PongReply>(P::Type::Ping, {});
}
QFuture<Result<P::ConversationsReply>> ClientSession::conversations()
{
    return call<P::ConversationsReply>(P::Type::Conversations, {});
}
QFuture<Result<Conversation>> ClientSession::conversation(ConversationId id)
{
    return callConversation(P::Type::ConversationInfo, P::ConversationRef{id}.toJson());
}
QFuture<Result<Conversation>> ClientSession::createPrivate(UserId user)
{
    return callConversation(P::Type::CreatePrivate, P::CreatePrivateRequest{user}.toJson());
}
QFuture<Result<Conversation>> ClientSession::createGroup(const QString &name,
                                                         const QList<UserId> &members)
{
    return callConversation(P::Type::CreateGroup, P::CreateGroupRequest{name, members}.toJson());
}
QFuture<Result<Conversation>> ClientSession::addMembers(ConversationId id,
                                                        const QList<UserId> &users)
{
    return callConversation(P::Type::AddMembers, P::AddMembersRequest{id, users}.toJson());
}
QFuture<Result<Conversation>> ClientSession::removeMember(ConversationId id, UserId user)
{
    return callConversation(P::Type::RemoveMember, P::RemoveMemberRequest{id, user}.toJson());
}
QFuture<Result<Done>> ClientSession::leave(ConversationId id)
{
    return callDone(P::Type::Leave, P::ConversationRef{id}.toJson());
}
QFuture<Result<Conversation>> ClientSession::rename(ConversationId id, const QString &name)
{
    return callConversation(P::Type::Rename, P::RenameRequest{id, name}.toJson());
}
QFuture<Result<P::HistoryReply>> ClientSession::history(ConversationId id, Seq beforeSeq, int limit)
{
    return call<P::HistoryReply>(P::Type::History,
                                 P::HistoryRequest{id, beforeSeq, limit}.toJson());
}
QFuture<Result<P::ReceiptRequest>> ClientSession::markRead(ConversationId id, Seq seq)
{
    return call<P::ReceiptRequest>(P::Type::Read, P::ReceiptRequest{id, seq}.toJson());
}
QFuture<Result<P::ReceiptRequest>> ClientSession::markDelivered(ConversationId id, Seq seq)
{
    return call<P::ReceiptRequest>(P::Type::Delivered, P::ReceiptRequest{id, seq}.toJson());
}
QFuture<Result<Done>> ClientSession::sendTyping(ConversationId id, bool typing)
{
    return callDone(P::Type::Typing, P::TypingRequest{id, typing}.toJson());
}
QFuture<Result<Done>> ClientSession::setPresence(PresenceStatus status)
{
    return callDone(P::Type::SetPresence, P::SetPresenceRequest{status}.toJson());
}
QFuture<Result<P::UsersReply>> ClientSession::searchUsers(const QString &query)
{
    return call<P::UsersReply>(
        P::Type::Users, P::UserSearchRequest{query, P::UserSearchRequest::DefaultLimit}.toJson());
}
QFuture<Result<P::ContactsReply>> ClientSession::contacts()
{
    return call<P::ContactsReply>(P::Type::Contacts, {});
}
QFuture<Result<P::Contact>> ClientSession::addContact(UserId user)
{
    return call<P::ContactReply>(P::Type::AddContact, P::AddContactRequest{user, {}}.toJson())
        .then(this, [](Result<P::ContactReply> r) -> Result<P::Contact> {
            if (!r)
                return r.error();
            return r->contact;
        });
}
QFuture<Result<P::Contact>> ClientSession::addContact(const QString &username)
{
    return call<P::ContactReply>(P::Type::AddContact, P::AddContactRequest{0, username}.toJson())
        .then(this, [](Result<P::ContactReply> r) -> Result<P::Contact> {
            if (!r)
                return r.error();
            return r->contact;
        });
}
QFuture<Result<Done>> ClientSession::removeContact(UserId user)
{
    return callDone(P::Type::RemoveContact, P::UserRef{user}.toJson());
}
QFuture<Result<Done>> ClientSession::block(UserId user)
{
    return callDone(P::Type::Block, P::UserRef{user}.toJson());
}
QFuture<Result<Done>> ClientSession::unblock(UserId user)
{
    return callDone(P::Type::Unblock, P::UserRef{user}.toJson());
}

} // namespace Banter
