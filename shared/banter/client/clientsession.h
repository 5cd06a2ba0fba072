// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <QUrl>

#include <banter/bantershared_export.h>
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
#include <memory>

namespace Banter {

class ChannelTransport;

/**
 * @brief A Banter client connection for any Qt app.
 *
 * Requests return futures of typed results, pushes arrive as typed signals, sends wait in
 * an outbox until acknowledged, and after any disconnect the session reconnects with
 * backoff, signs in again with its token and syncs everything it missed, once and in order.
 * It runs on a Channel (request matching, timeouts, heartbeat, reconnects); catching up is
 * done by an internal sync engine. Failures the library detects itself carry a
 * ClientFailure in Error::failure for the application to word.
 */
class BANTERSHARED_EXPORT ClientSession : public QObject
{
    Q_OBJECT
public:
    /// @brief Where the session is.
    enum class State {
        Disconnected, ///< not connected and not trying
        Connecting, ///< opening the socket and saying hello
        Connected, ///< connected, not signed in
        Authenticating, ///< signing in with a stored token
        Syncing, ///< signed in, catching up
        Ready, ///< signed in and caught up
        Reconnecting, ///< waiting to try again
    };
    Q_ENUM(State)

    /// @brief Behaviour and timing; set before connectToServer().
    struct Options
    {
        QString clientName = QStringLiteral("BanterShared"); ///< sent in hello
        int requestTimeoutMs = 30'000; ///< an unanswered request fails after this
        int heartbeatMs = 25'000; ///< protocol ping; silence for twice this drops the socket
        int reconnectBaseMs = 500; ///< first reconnect delay ceiling
        int reconnectMaxMs = 30'000; ///< reconnect delay cap
        bool autoReconnect = true; ///< reconnect after a lost connection
        bool autoDelivered = true; ///< acknowledge received messages with "delivered"
        int syncPageSize = 200; ///< messages per sync page
        /// Over wss://, pin a self-signed certificate the first time a server is met (as SSH
        /// does). Off: a server without a pin is refused like a changed certificate.
        bool trustOnFirstUse = true;
    };

    /// @brief A session over a WebSocket.
    explicit ClientSession(QObject *parent = nullptr);
    /**
     * @brief A session over @p transport: the client end of MemoryTransport::createPair()
     * lets a test play the server in-process (null: a WebSocket).
     */
    explicit ClientSession(std::unique_ptr<ChannelTransport> transport, QObject *parent = nullptr);
    /// @brief Closes the connection; pending requests and unsent messages fail (Unavailable).
    ~ClientSession() override;

    /// @brief Replaces the options.
    void setOptions(const Options &options);
    /// @brief The current options.
    const Options &options() const;

    /// @brief Connects to @p url (ws:// or wss://) and stays connected until told otherwise.
    void connectToServer(const QUrl &url);
    /// @brief Closes the connection and stops reconnecting.
    void disconnectFromServer();
    /// @brief Where the session is.
    State state() const;
    /// @brief Signed in and caught up.
    bool isReady() const;
    /// @brief The server's URL as given to connectToServer().
    QUrl url() const;

    /// @brief Who is signed in.
    User currentUser() const;
    /// @brief This device's session on the server.
    SessionId sessionId() const;
    /// @brief The token to come back with (persist it; never the password).
    QString accessToken() const;
    /// @brief The token that renews an expired access token (persist it too).
    QString refreshToken() const;
    /// @brief Signs in with stored tokens whenever connected (now, or on the next connect).
    void setTokens(const QString &accessToken, const QString &refreshToken);

    /**
     * @brief Sets every pinned certificate: server key (CertificatePin::serverKey) → SHA-256.
     *
     * TLS (wss://). A certificate a trusted authority vouches for is accepted as usual. A
     * self-signed one (a LAN server's) is trusted by its SHA-256, pinned per server: unknown,
     * it is pinned on first use (certificatePinned, for the app to store); different from
     * the pin, the connection is refused (certificateRefused) and the session stops
     * reconnecting until the app pins the new one (after asking the user) and connects again.
     */
    void setPinnedCertificates(const QHash<QString, QByteArray> &pins);
    /// @brief Every pinned certificate: server key → SHA-256.
    QHash<QString, QByteArray> pinnedCertificates() const;
    /// @brief Pins @p sha256 for @p server (an empty hash removes the pin).
    void setPinnedCertificate(const QString &server, const QByteArray &sha256);
    /// @brief The pin for the server of @p url (empty when none).
    QByteArray pinnedCertificate(const QUrl &url) const;
    /// @brief The self-signed certificate this connection was accepted by (null over ws://
    /// and for certificates an authority vouches for).
    QSslCertificate pinnedPeerCertificate() const;

    /// @brief Where sync starts: the highest seq known per conversation (for apps that cache).
    QHash<ConversationId, Seq> positions() const;
    /// @brief Sets where the next sync starts.
    void setPositions(const QHash<ConversationId, Seq> &positions);

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
    /// @brief Messages written and not yet acknowledged by the server, oldest first.
    QList<Protocol::SendMessageRequest> pendingMessages() const;
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
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Banter
