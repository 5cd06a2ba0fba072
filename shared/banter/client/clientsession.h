// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/client/backoff.h>
#include <banter/client/outbox.h>
#include <banter/client/syncpositions.h>
#include <banter/domain/conversation.h>
#include <banter/domain/presence.h>
#include <banter/domain/result.h>
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/conversationmessages.h>
#include <banter/protocol/frame.h>
#include <banter/protocol/peoplemessages.h>
#include <banter/protocol/sessionmessages.h>

#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPromise>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <memory>

namespace Banter {

// A Banter client connection for any Qt app: requests return futures of typed results,
// pushes arrive as typed signals, sends wait in an outbox until acknowledged, and after any
// disconnect the session reconnects with backoff, signs in again with its token and syncs
// everything it missed, once and in order.
class BANTERSHARED_EXPORT ClientSession : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Disconnected, // not connected and not trying
        Connecting, // opening the socket and saying hello
        Connected, // connected, not signed in
        Authenticating, // signing in with a stored token
        Syncing, // signed in, catching up
        Ready, // signed in and caught up
        Reconnecting, // waiting to try again
    };
    Q_ENUM(State)

    struct Options
    {
        QString clientName = QStringLiteral("BanterShared");
        int requestTimeoutMs = 30'000;
        int heartbeatMs = 25'000; // protocol ping; silence for twice this drops the socket
        int reconnectBaseMs = 500;
        int reconnectMaxMs = 30'000;
        bool autoReconnect = true;
        bool autoDelivered = true; // acknowledge received messages with "delivered"
        int syncPageSize = 200;
        // Over wss://, pin a self-signed certificate the first time a server is met (as SSH
        // does). Off: a server without a pin is refused like a changed certificate.
        bool trustOnFirstUse = true;
    };

    explicit ClientSession(QObject *parent = nullptr);
    ~ClientSession() override;

    void setOptions(const Options &options);
    const Options &options() const { return m_options; }

    void connectToServer(const QUrl &url);
    void disconnectFromServer();
    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    QUrl url() const { return m_url; }

    // Who is signed in, and the tokens to come back with (persist them; never the password).
    User currentUser() const { return m_user; }
    SessionId sessionId() const { return m_sessionId; }
    QString accessToken() const { return m_accessToken; }
    QString refreshToken() const { return m_refreshToken; }
    // Signs in with stored tokens whenever connected (now, or on the next connect).
    void setTokens(const QString &accessToken, const QString &refreshToken);

    // TLS (wss://). A certificate a trusted authority vouches for is accepted as usual. A
    // self-signed one (a LAN server's) is trusted by its SHA-256, pinned per server
    // (CertificatePin::serverKey): unknown, it is pinned on first use (certificatePinned, for
    // the app to store); different from the pin, the connection is refused
    // (certificateRefused) and the session stops reconnecting until the app pins the new one
    // (after asking the user) and connects again.
    void setPinnedCertificates(const QHash<QString, QByteArray> &pins) { m_pins = pins; }
    QHash<QString, QByteArray> pinnedCertificates() const { return m_pins; }
    void setPinnedCertificate(const QString &server, const QByteArray &sha256);
    QByteArray pinnedCertificate(const QUrl &url) const;
    // The self-signed certificate this connection was accepted by (null over ws:// and for
    // certificates an authority vouches for).
    QSslCertificate pinnedPeerCertificate() const { return m_peerCertificate; }

    // Where sync starts: the highest seq known per conversation (for apps that cache).
    QHash<ConversationId, Seq> positions() const { return m_positions.all(); }
    void setPositions(const QHash<ConversationId, Seq> &positions) { m_positions.reset(positions); }

    // Session
    QFuture<Result<Protocol::AuthGrant>> registerUser(const QString &username,
                                                      const QString &password,
                                                      const QString &displayName,
                                                      const QString &device);
    QFuture<Result<Protocol::AuthGrant>> login(const QString &username, const QString &password,
                                               const QString &device);
    QFuture<Result<Done>> logout();
    QFuture<Result<Protocol::SessionsReply>> sessions();
    QFuture<Result<Done>> revokeSession(SessionId session);
    QFuture<Result<Done>> changePassword(const QString &oldPassword, const QString &newPassword);
    QFuture<Result<Protocol::PongReply>> ping();

    // Conversations
    QFuture<Result<Protocol::ConversationsReply>> conversations();
    QFuture<Result<Conversation>> conversation(ConversationId id);
    QFuture<Result<Conversation>> createPrivate(UserId user);
    QFuture<Result<Conversation>> createGroup(const QString &name, const QList<UserId> &members);
    QFuture<Result<Conversation>> addMembers(ConversationId id, const QList<UserId> &users);
    QFuture<Result<Conversation>> removeMember(ConversationId id, UserId user);
    QFuture<Result<Done>> leave(ConversationId id);
    QFuture<Result<Conversation>> rename(ConversationId id, const QString &name);

    // Messaging. Sends are queued while offline and resent after reconnects with their id.
    QFuture<Result<Message>> sendMessage(ConversationId conversation, const QString &text);
    QFuture<Result<Message>> sendMessage(const Protocol::SendMessageRequest &request);
    QList<Protocol::SendMessageRequest> pendingMessages() const { return m_outbox.requests(); }
    QFuture<Result<Protocol::HistoryReply>>
    history(ConversationId id, Seq beforeSeq = 0,
            int limit = Protocol::HistoryRequest::DefaultLimit);
    QFuture<Result<Protocol::ReceiptRequest>> markRead(ConversationId id, Seq seq);
    QFuture<Result<Protocol::ReceiptRequest>> markDelivered(ConversationId id, Seq seq);
    QFuture<Result<Done>> sendTyping(ConversationId id, bool typing);

    // People
    QFuture<Result<Done>> setPresence(PresenceStatus status);
    QFuture<Result<Protocol::UsersReply>> searchUsers(const QString &query);
    QFuture<Result<Protocol::ContactsReply>> contacts();
    QFuture<Result<Protocol::Contact>> addContact(UserId user);
    QFuture<Result<Protocol::Contact>> addContact(const QString &username);
    QFuture<Result<Done>> removeContact(UserId user);
    QFuture<Result<Done>> block(UserId user);
    QFuture<Result<Done>> unblock(UserId user);

    // Any request by wire name, for what the typed API does not cover.
    QFuture<Result<QJsonObject>> request(const QString &type, const QJsonObject &data = {});

Q_SIGNALS:
    void stateChanged(Banter::ClientSession::State state);
    void errorOccurred(const Banter::Error &error);
    void authenticated(const Banter::User &user);
    void tokensChanged(const QString &accessToken, const QString &refreshToken);
    void synced();
    void messageReceived(const Banter::Message &message);
    void messageAcked(const Banter::Message &message);
    void outboxChanged();
    void receiptReceived(const Banter::Protocol::ReceiptPush &receipt);
    void typingChanged(Banter::ConversationId conversation, Banter::UserId user, bool typing);
    void presenceChanged(const Banter::Presence &presence);
    void conversationUpdated(const Banter::Conversation &conversation);
    void conversationRemoved(Banter::ConversationId conversation);
    // The conversation was too far behind to catch up message by message: drop the local copy.
    void conversationReset(Banter::ConversationId conversation);
    void sessionRevoked(const QString &reason);
    // First connection to a server with a self-signed certificate: it is now trusted.
    void certificatePinned(const QString &server, const QByteArray &sha256);
    // The server presented a certificate other than the pinned one (or, with
    // trustOnFirstUse off, one not pinned yet: `pinned` is empty). Someone may be
    // intercepting the connection, or the server's certificate was replaced.
    void certificateRefused(const QString &server, const QByteArray &pinned,
                            const QSslCertificate &presented);

private:
    struct Pending
    {
        std::shared_ptr<QPromise<Result<QJsonObject>>> promise;
        QString type;
    };

    template<typename T>
    QFuture<Result<T>> call(const QString &type, const QJsonObject &data);
    QFuture<Result<Done>> callDone(const QString &type, const QJsonObject &data);
    QFuture<Result<Conversation>> callConversation(const QString &type, const QJsonObject &data);
    QFuture<Result<Protocol::AuthGrant>> signIn(const QString &type, const QJsonObject &data);

    QString send(const QString &type, const QJsonObject &data); // returns the rid
    void setState(State state);
    void openSocket();
    void onConnected();
    void onDisconnected();
    void onSslErrors(const QList<QSslError> &errors);
    void onTextMessage(const QString &text);
    void onResponse(const Protocol::ServerFrame &frame);
    void onPush(const Protocol::ServerFrame &frame);
    void onHeartbeat();
    void scheduleReconnect();
    void failPending(const Error &error);

    void authenticateWithToken();
    void refreshThenAuthenticate();
    void adoptGrant(const Protocol::AuthGrant &grant);
    void startSync();
    void syncPage();
    void finishSync();
    void deliver(const Message &message);
    void acknowledgeDelivery(const Message &message);
    void flushOutbox();
    void sendOutboxEntry(Outbox::Entry &entry);
    void onOutboxReply(const Protocol::ServerFrame &frame);

    Options m_options;
    QWebSocket m_socket;
    QUrl m_url;
    QHash<QString, QByteArray> m_pins;
    QSslCertificate m_peerCertificate;
    State m_state = State::Disconnected;
    bool m_wantConnected = false;
    Backoff m_backoff;
    QTimer m_reconnectTimer;
    QTimer m_heartbeat;
    QElapsedTimer m_lastFrame;

    int m_nextRid = 1;
    QHash<QString, Pending> m_pending;

    User m_user;
    SessionId m_sessionId = 0;
    QString m_accessToken;
    QString m_refreshToken;

    SyncPositions m_positions;
    bool m_syncing = false;
    bool m_syncAgain = false;
    QSet<ConversationId> m_syncSeen;

    Outbox m_outbox;
    QHash<ConversationId, Seq> m_deliveredWanted;
    QSet<ConversationId> m_deliveredInFlight;
};

} // namespace Banter
