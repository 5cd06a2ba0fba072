// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/client/clientfailure.h>
#include <banter/client/outbox.h>
#include <banter/client/syncpositions.h>
#include <banter/domain/conversation.h>
#include <banter/domain/presence.h>
#include <banter/domain/result.h>
#include <banter/protocol/adminmessages.h>
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/conversationmessages.h>
#include <banter/protocol/frame.h>
#include <banter/protocol/peoplemessages.h>
#include <banter/protocol/searchmessages.h>
#include <banter/protocol/sessionmessages.h>

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <QUrl>

#include <memory>

namespace Banter {

class ChannelTransport;
class ClientCache;

/**
 * @brief A Banter client connection for any Qt app.
 *
 * Requests return futures of typed results, pushes arrive as typed signals, sends wait in
 * an outbox until acknowledged, and after any disconnect the session reconnects with
 * backoff, signs in again with its token and syncs everything it missed, once and in order.
 * It runs on a Channel (request matching, timeouts, heartbeat, reconnects); catching up is
 * done by an internal sync engine. Failures the library detects itself carry a
 * ClientFailure in Error::failure for the application to word.
 *
 * With a ClientCache (setCache()), the session starts from the cached positions so that
 * only what is new crosses the wire, writes everything it receives to the cache before
 * signalling it, keeps the outbox on disk, and answers messagesBefore() from the cache when
 * it can. At each sign-in it lists the conversations (conversationsListed()) and catches up
 * with at most Options::initialPageSize messages of every conversation it holds nothing of;
 * older ones come page by page through messagesBefore().
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
        int syncPageSize = 500; ///< messages per sync page (the server's maximum)
        /// At sign-in, messages fetched of each conversation with no local copy (older ones
        /// come through messagesBefore()).
        int initialPageSize = 50;
        /// A conversation further behind than this many messages is reset to its newest
        /// initialPageSize messages (conversationReset) instead of caught up message by
        /// message; 0: no limit.
        int catchUpLimit = 5000;
        /// Over wss://, pin a self-signed certificate the first time a server is met (as SSH
        /// does). Off: a server without a pin is refused like a changed certificate.
        bool trustOnFirstUse = true;
        /// Keep each connection's requests at 80% of the rate and burst the server gives
        /// in its hello reply (Channel::Options::requestsPerSecond), so that a busy client
        /// (a catch-up while the user pages through history) queues instead of being
        /// refused. Off: requests go as they are made.
        bool paceRequests = true;
    };

    /// @brief How many bytes of pictures avatar() keeps in memory (about 200 at the largest).
    static constexpr qsizetype AvatarCacheBytes = 8 * 1024 * 1024;

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
    /**
     * @brief In State::Reconnecting, tries to connect now rather than when the backoff delay
     * ends (what a "Retry now" button calls); does nothing in any other state.
     */
    void reconnectNow();
    /// @brief Where the session is.
    State state() const;
    /// @brief Signed in and caught up.
    bool isReady() const;
    /// @brief The server's URL as given to connectToServer().
    QUrl url() const;
    /// @brief What the server's hello reply said it accepts (the documented defaults until
    /// one came), e.g. Protocol::ServerLimits::editWindowSeconds.
    Protocol::ServerLimits serverLimits() const;

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

    /**
     * @brief Uses @p cache for positions, the outbox and everything received (null: none).
     *
     * Set it before connectToServer(); the session does not own it and must not outlive
     * it. Loads the cache's positions (sync starts there) and its outbox (sent when the
     * session is ready, with the ids they were written with, so each is stored once). From
     * then on every outbox change is saved to the cache.
     */
    void setCache(ClientCache *cache);
    /// @brief The cache set by setCache() (null: none).
    ClientCache *cache() const;
    /// @brief Shows @p user as currentUser() until the server says who is signed in (an app
    /// starting from a remembered account or a cache).
    void setKnownUser(const User &user);

    /// @brief Where sync starts: the highest seq known per conversation (for apps that cache).
    QHash<ConversationId, Seq> positions() const;
    /// @brief Sets where the next sync starts.
    void setPositions(const QHash<ConversationId, Seq> &positions);

    // Session
    /// @brief Creates an account and signs in (then syncs). @p invite is the token of an
    /// invitation (InvitationLink::token), needed where the server takes new accounts by
    /// invitation only (Protocol::ServerLimits::invitationRequired).
    QFuture<Result<Protocol::AuthGrant>>
    registerUser(const QString &username, const QString &password, const QString &displayName,
                 const QString &device, const QString &invite = {});
    /// @brief Signs in with a password (then syncs).
    QFuture<Result<Protocol::AuthGrant>> login(const QString &username, const QString &password,
                                               const QString &device);
    /// @brief Ends this session on the server and forgets the tokens.
    QFuture<Result<Done>> logout();
    /// @brief The user's signed-in devices.
    QFuture<Result<Protocol::SessionsReply>> sessions();
    /// @brief Signs another device out.
    QFuture<Result<Done>> revokeSession(SessionId session);
    /// @brief Changes the user's password.
    QFuture<Result<Done>> changePassword(const QString &oldPassword, const QString &newPassword);
    /// @brief Asks for the server's time (a round trip).
    QFuture<Result<Protocol::PongReply>> ping();

    // Server administration (server admins only; ErrorCode::Forbidden for everyone else)
    /// @brief A page of the server's accounts, by username (admin_users).
    QFuture<Result<Protocol::AdminUsersReply>>
    adminUsers(const Protocol::AdminUsersRequest &request);
    /// @brief Disables an account, ending its sessions, or enables it again.
    QFuture<Result<Protocol::AdminAccount>> adminSetDisabled(const QString &username,
                                                             bool disabled);
    /// @brief Grants or takes server admin rights.
    QFuture<Result<Protocol::AdminAccount>> adminSetAdmin(const QString &username, bool admin);
    /// @brief Sets an account's password (empty: the server generates one); its sessions end.
    QFuture<Result<Protocol::AdminResetPasswordReply>>
    adminResetPassword(const QString &username, const QString &password = {});
    /// @brief The live sessions of an account.
    QFuture<Result<Protocol::SessionsReply>> adminSessions(const QString &username);
    /// @brief Ends one session (a session id) or every session of an account (a username).
    QFuture<Result<Protocol::AdminRevokeSessionReply>>
    adminRevokeSession(const Protocol::AdminRevokeSessionRequest &request);

    // Conversations
    /// @brief All the user's conversations: the session follows the server's pages
    /// (`has_more`) to the end, so the reply holds every one and hasMore is false.
    QFuture<Result<Protocol::ConversationsReply>> conversations();
    /// @brief One conversation with its members.
    QFuture<Result<Conversation>> conversation(ConversationId id);
    /// @brief The private conversation with @p user (created if new).
    QFuture<Result<Conversation>> createPrivate(UserId user);
    /// @brief Creates a group with @p members.
    QFuture<Result<Conversation>> createGroup(const QString &name, const QList<UserId> &members);
    /// @brief Adds @p users to a group.
    QFuture<Result<Conversation>> addMembers(ConversationId id, const QList<UserId> &users);
    /// @brief Removes @p user from a group.
    QFuture<Result<Conversation>> removeMember(ConversationId id, UserId user);
    /// @brief Leaves a conversation.
    QFuture<Result<Done>> leave(ConversationId id);
    /// @brief Renames a group.
    QFuture<Result<Conversation>> rename(ConversationId id, const QString &name);
    /// @brief Sets a conversation's own retention policy (`set_retention`; group admins, or
    /// either member of a private conversation); 0 days keeps forever.
    QFuture<Result<Conversation>> setRetention(ConversationId id, const RetentionPolicy &policy);
    /// @brief Deletes a file the user uploaded (`delete_file`): downloads then answer
    /// not_found and its messages show the attachment as deleted.
    QFuture<Result<Done>> deleteFile(const QString &fileId);

    // Messaging. Sends are queued while offline and resent after reconnects with their id.
    /// @brief Sends a text message (queued while offline; see the outbox).
    QFuture<Result<Message>> sendMessage(ConversationId conversation, const QString &text);
    /// @brief Sends a message; a null id gets a new one (the id makes resends idempotent).
    QFuture<Result<Message>> sendMessage(const Protocol::SendMessageRequest &request);
    /// @brief Messages written and not yet acknowledged by the server, oldest first.
    QList<Protocol::SendMessageRequest> pendingMessages() const;
    /// @brief Older messages of a conversation, before @p beforeSeq (0: the newest), from the
    /// server; with a cache, a page that joins its range is stored.
    QFuture<Result<Protocol::HistoryReply>>
    history(ConversationId id, Seq beforeSeq = 0,
            int limit = Protocol::HistoryRequest::DefaultLimit);
    /**
     * @brief Up to @p limit messages before @p beforeSeq (0: the newest), ascending: from the
     * cache when it holds them, else from the server (history, at most
     * Protocol::HistoryRequest::MaxLimit a page; a page that joins the cached range is
     * stored). HistoryReply::hasMore says whether older messages exist.
     */
    QFuture<Result<Protocol::HistoryReply>> messagesBefore(ConversationId id, Seq beforeSeq,
                                                           int limit);
    /**
     * @brief Up to @p limit messages after @p afterSeq, ascending (for a view scrolled away
     * from the newest): from the cache when it holds them, else from the server.
     * HistoryReply::hasMore says whether newer messages may exist.
     */
    QFuture<Result<Protocol::HistoryReply>> messagesAfter(ConversationId id, Seq afterSeq,
                                                          int limit);
    /**
     * @brief A page of about @p limit messages centred on @p around (history `around`), to
     * jump to a replied-to or found message; HistoryReply::hasMore says older ones exist,
     * HistoryReply::hasNewer newer ones. Always from the server; not stored in the cache
     * (it need not join the cached range).
     */
    QFuture<Result<Protocol::HistoryReply>>
    messagesAround(ConversationId id, Seq around,
                   int limit = Protocol::HistoryRequest::DefaultLimit);

    // Replies, edits, deletions, reactions. The server answers a change with its change
    // event (a system message whose event names the changed message); the session passes
    // that event through the same path as the other devices' changes: stored in the cache
    // (which applies it to the message it holds) and emitted with messageReceived() and
    // messagesReceived(live = true). MessageStore applies them to its windows.

    /// @brief Sends a text reply to the message @p original of the same conversation
    /// (queued like any send; `reply_to`). The acknowledged message carries the preview.
    QFuture<Result<Message>> sendReply(ConversationId conversation, const QUuid &original,
                                       const QString &text);
    /// @brief Replaces the text of my own text message (`edit_message`); the result is the
    /// message_edited change event.
    QFuture<Result<Message>> editMessage(ConversationId conversation, const QUuid &message,
                                         const QString &text);
    /// @brief Deletes my message, or any as a group admin (`delete_message`); the result is
    /// the message_deleted change event.
    QFuture<Result<Message>> deleteMessage(ConversationId conversation, const QUuid &message);
    /// @brief Adds my reaction @p emoji (`react`); the result is the reaction_added event, or
    /// nothing when I had already reacted with it.
    QFuture<Result<std::optional<Message>>> react(ConversationId conversation, const QUuid &message,
                                                  const QString &emoji);
    /// @brief Takes my reaction @p emoji back (`unreact`); the result is the reaction_removed
    /// event, or nothing when I had not reacted with it.
    QFuture<Result<std::optional<Message>>> unreact(ConversationId conversation,
                                                    const QUuid &message, const QString &emoji);
    /// @brief Who reacted to a message with what (`reactions`; at most
    /// Protocol::ReactorsReply::MaxUsersPerEmoji users per emoji).
    QFuture<Result<Protocol::ReactorsReply>> reactions(ConversationId conversation,
                                                       const QUuid &message);
    /// @brief Marks a conversation read up to @p seq.
    QFuture<Result<Protocol::ReceiptRequest>> markRead(ConversationId id, Seq seq);
    /// @brief Marks a conversation delivered up to @p seq (automatic with Options::autoDelivered).
    QFuture<Result<Protocol::ReceiptRequest>> markDelivered(ConversationId id, Seq seq);
    /// @brief Tells the other members whether the user is typing.
    QFuture<Result<Done>> sendTyping(ConversationId id, bool typing);
    /**
     * @brief Full-text search over the messages the user may read (the server's "search"),
     * newest first, one page.
     *
     * Set SearchRequest::conversationId to search one conversation. For the next page ask
     * again with SearchRequest::before set to the reply's SearchReply::before while
     * SearchReply::hasMore holds; a page may hold fewer hits than asked (even none) and still
     * have more, because the server bounds the work of each request. Each hit's snippet marks
     * matches with Protocol::SearchHighlightStart/End: show it with
     * Protocol::SearchHit::snippetParts() as plain text, never as HTML or rich text. Not
     * answered from the cache; offline it fails like any request. searchResultsReceived()
     * follows a successful reply.
     */
    QFuture<Result<Protocol::SearchReply>> searchMessages(const Protocol::SearchRequest &request);

    // People
    /// @brief Sets the user's presence.
    QFuture<Result<Done>> setPresence(PresenceStatus status);
    /// @brief Finds users by name.
    QFuture<Result<Protocol::UsersReply>> searchUsers(const QString &query);
    /// @brief The presence of everyone the user shares a conversation with (not only
    /// contacts), every page of it; pushes keep it current afterwards.
    QFuture<Result<Protocol::PresencesReply>> presences();
    /// @brief Changes the user's display name (empty: others see the username); currentUser()
    /// and userUpdated() follow.
    QFuture<Result<User>> updateProfile(const QString &displayName);
    /**
     * @brief Sets the user's picture to @p image, a square PNG or JPEG within AvatarRules
     * (empty: removes it); currentUser() and userUpdated() follow with the new
     * User::avatarVersion, and avatarReceived() with the bytes (kept, not fetched again).
     */
    QFuture<Result<User>> setAvatar(const QByteArray &image);
    /// @brief Asks the server for @p user's picture now (avatarReceived() follows); see
    /// avatar() for the cached way.
    QFuture<Result<Protocol::AvatarReply>> fetchAvatar(UserId user);
    /**
     * @brief @p user's picture at @p version (a User::avatarVersion or
     * Participant::avatarVersion) when the session holds it (or a newer one); otherwise
     * empty, and the session fetches it once, announcing it with avatarReceived(). Pictures
     * are kept in memory up to AvatarCacheBytes, the least recently used dropped first.
     */
    QByteArray avatar(UserId user, qint64 version);
    /// @brief All the user's contacts, every page of them (in user id order).
    QFuture<Result<Protocol::ContactsReply>> contacts();
    /// @brief Adds a contact by id.
    QFuture<Result<Protocol::Contact>> addContact(UserId user);
    /// @brief Adds a contact by username.
    QFuture<Result<Protocol::Contact>> addContact(const QString &username);
    /// @brief Removes a contact.
    QFuture<Result<Done>> removeContact(UserId user);
    /// @brief Blocks a user.
    QFuture<Result<Done>> block(UserId user);
    /// @brief Unblocks a user.
    QFuture<Result<Done>> unblock(UserId user);

    /// @brief Any request by wire name, for what the typed API does not cover.
    QFuture<Result<QJsonObject>> request(const QString &type, const QJsonObject &data = {});

Q_SIGNALS:
    /// @brief The session state changed.
    void stateChanged(Banter::ClientSession::State state);
    /// @brief Something failed that no future reports; Error::failure is set when the library found
    /// it.
    void errorOccurred(const Banter::Error &error);
    /// @brief Signed in as @p user.
    void authenticated(const Banter::User &user);
    /// @brief New tokens to persist (both empty: forget them).
    void tokensChanged(const QString &accessToken, const QString &refreshToken);
    /// @brief Caught up with the server.
    void synced();
    /// @brief A message arrived (live or by sync), in seq order per conversation.
    void messageReceived(const Banter::Message &message);
    /**
     * @brief Messages arrived, in seq order per conversation: once per sync page (@p live
     * false) and once per push (@p live true). Emitted after messageReceived() for each, and
     * after the cache stored them. Only live messages are news worth a notification.
     */
    void messagesReceived(const QList<Banter::Message> &messages, bool live);
    /// @brief At each sign-in, the server's conversation list (unread counts, last messages),
    /// before the catch-up's messages (and stored in the cache).
    void conversationsListed(const QList<Banter::ConversationSummary> &summaries);
    /// @brief The server stored one of our messages.
    void messageAcked(const Banter::Message &message);
    /// @brief pendingMessages() changed.
    void outboxChanged();
    /// @brief A member read or received messages up to a seq.
    void receiptReceived(const Banter::Protocol::ReceiptPush &receipt);
    /// @brief A searchMessages() page arrived: @p request as sent, @p reply the server's page.
    void searchResultsReceived(const Banter::Protocol::SearchRequest &request,
                               const Banter::Protocol::SearchReply &reply);
    /// @brief A member started or stopped typing.
    void typingChanged(Banter::ConversationId conversation, Banter::UserId user, bool typing);
    /// @brief A user's presence changed.
    void presenceChanged(const Banter::Presence &presence);
    /// @brief Someone the user chats with, or the user (from any device), changed their
    /// profile.
    void userUpdated(const Banter::User &user);
    /// @brief @p user's picture arrived (through avatar(), fetchAvatar() or setAvatar());
    /// @p version 0 and empty @p data: they have none.
    void avatarReceived(Banter::UserId user, qint64 version, const QByteArray &data);
    /// @brief A conversation is new or changed.
    void conversationUpdated(const Banter::Conversation &conversation);
    /// @brief The user left or was removed from a conversation.
    void conversationRemoved(Banter::ConversationId conversation);
    /// @brief Drop the local copy of a conversation: it was too far behind to catch up message
    /// by message, or there was none; the catch-up continues with its newest messages and
    /// older ones come through messagesBefore().
    void conversationReset(Banter::ConversationId conversation);
    /// @brief This device was signed out from elsewhere.
    void sessionRevoked(const QString &reason);
    /// @brief First connection to a server with a self-signed certificate: it is now trusted.
    void certificatePinned(const QString &server, const QByteArray &sha256);
    // Someone may be intercepting the connection, or the server's certificate was replaced.
    /// @brief The server presented a certificate other than the pinned one (or, with
    /// trustOnFirstUse off, one not pinned yet: @p pinned is empty).
    void certificateRefused(const QString &server, const QByteArray &pinned,
                            const QSslCertificate &presented);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Banter
