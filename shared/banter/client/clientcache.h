// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/domain/conversation.h>
#include <banter/domain/ids.h>
#include <banter/domain/message.h>
#include <banter/domain/result.h>
#include <banter/protocol/chatmessages.h>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace Banter {

/// @brief Who a cache belongs to; a file made for another identity is discarded.
struct CacheIdentity
{
    QString server; ///< the server's key (CertificatePin::serverKey of its URL)
    UserId user = 0; ///< the signed-in user
    /// The pinned self-signed certificate's SHA-256; empty over ws:// or with a certificate an
    /// authority vouches for.
    QByteArray certificateSha256;

    /// Identities are equal when every field is.
    friend bool operator==(const CacheIdentity &, const CacheIdentity &) = default;
};

/**
 * @brief The on-disk copy of one account's conversations and recent messages.
 *
 * A SQLite file (owner-only) that keeps the conversation list
 * with unread counts and last messages, the sync position of each conversation, and one
 * contiguous range of messages per conversation (from oldestSeq() up to the position, with
 * no gap). ClientSession writes it as messages arrive (see ClientSession::setCache); the
 * application reads it synchronously to show content before the server answers and while
 * offline. Every read is one indexed query.
 *
 * The outbox (messages written and not yet acknowledged) lives in a separate small file
 * beside the cache, replaced atomically on every change, so that a damaged cache file,
 * which is discarded and rebuilt, never loses what the user wrote.
 *
 * A cache is used from one thread (the one that opened it).
 */
class BANTERSHARED_EXPORT ClientCache
{
public:
    /**
     * @brief Opens or creates the cache at @p path for @p identity.
     *
     * The file is made owner-only (0600); a directory made for it is owner-only too (0700).
     * A file of another identity or schema, one that fails its integrity check, or one
     * SQLite cannot read at all (garbage, a truncated file) is discarded and a new one made:
     * rebuilt() then says so and rebuiltReason() why. Fails only when no cache can be written at @p
     * path.
     */
    static Result<std::unique_ptr<ClientCache>> open(const QString &path,
                                                     const CacheIdentity &identity);
    /**
     * @brief Reads every page of the cache file at @p path: why it cannot be used, or an
     * empty string (also when there is no file yet).
     *
     * This is the part of open() whose cost grows with the file (about 1.4 s for a 281 MB
     * file with a cold page cache). It uses a connection of its own and may run on any
     * thread, so an application can run it on a worker thread and then call openChecked()
     * on its own thread, which reads only a few pages: the thread that shows the window
     * never waits for the whole file.
     */
    static QString checkIntegrity(const QString &path);
    /**
     * @brief open() after checkIntegrity() ran: @p problem is what it returned.
     *
     * An empty @p problem skips the integrity check (a file SQLite cannot read at all, or
     * one of another identity or schema, is still discarded); any other discards the file
     * as open() does, with @p problem as rebuiltReason(). Nothing may write the file
     * between the two calls.
     */
    static Result<std::unique_ptr<ClientCache>>
    openChecked(const QString &path, const CacheIdentity &identity, const QString &problem);
    /// @brief `<AppDataLocation>/cache/<hash of the server key>-<user id>.sqlite`.
    static QString defaultPath(const QString &serverKey, UserId user);
    /// @brief Deletes the cache at @p path with its journal files and its outbox (sign-out).
    static void remove(const QString &path);
    /// @brief Closes the file.
    ~ClientCache();
    ClientCache(const ClientCache &) = delete;
    ClientCache &operator=(const ClientCache &) = delete;

    /// @brief The file's path as given to open().
    QString path() const;
    /// @brief Whom the cache belongs to.
    CacheIdentity identity() const;
    /// @brief Whether the file found at open() was unusable and was replaced by an empty one.
    bool rebuilt() const;
    /// @brief Why the file was replaced (empty when it was not).
    QString rebuiltReason() const;

    // Read by the application: synchronous, each one indexed query.

    /// @brief Every conversation with its last message and unread count, most recently
    /// active first.
    QList<ConversationSummary> conversations() const;
    /// @brief One conversation with its members, if the cache knows it.
    std::optional<Conversation> conversation(ConversationId id) const;
    /// @brief Per conversation, the highest seq held (where the next sync starts).
    QHash<ConversationId, Seq> positions() const;
    /// @brief Up to @p limit messages before @p beforeSeq (0: the newest), ascending by seq.
    QList<Message> messagesBefore(ConversationId id, Seq beforeSeq, int limit) const;
    /// @brief Up to @p limit messages after @p afterSeq, ascending by seq.
    QList<Message> messagesAfter(ConversationId id, Seq afterSeq, int limit) const;
    /// @brief The lowest seq of the range held (0: none held); older ones come from the server.
    Seq oldestSeq(ConversationId id) const;
    /// @brief Whether the range held reaches the conversation's first message.
    bool hasStart(ConversationId id) const;
    /// @brief How many messages the cache holds in all.
    qint64 messageCount() const;

    // Written by ClientSession; the application normally never calls these.

    /**
     * @brief Replaces the conversation list with the server's (at sign-in).
     *
     * Takes each summary's unread count and last message as they are; conversations not in
     * @p summaries are dropped with their messages.
     */
    void storeSummaries(const QList<ConversationSummary> &summaries);
    /// @brief Adds or updates one conversation's members and name.
    void storeConversation(const Conversation &conversation);
    /// @brief Forgets a conversation and its messages (left or removed).
    void removeConversation(ConversationId id);
    /**
     * @brief Stores newer messages (a sync page or a push) in one transaction.
     *
     * Each conversation's messages continue its range; one already held is ignored, and one
     * that would leave a gap restarts the range at itself. Updates the last message and the
     * unread count (others' non-system messages above my read position, each counted once).
     */
    void storeMessages(const QList<Message> &messages);
    /**
     * @brief Stores an older page (a history reply, ascending) that joins the range from
     * below; a page that does not reach the range is ignored.
     *
     * @p reachedStart (no older messages exist, history's has_more false) marks the range
     * as complete.
     */
    void storeOlder(ConversationId id, const QList<Message> &messages, bool reachedStart);
    /// @brief Drops the local copy of a conversation; its range restarts after @p position.
    void resetConversation(ConversationId id, Seq position);
    /// @brief A member read up to @p seq (a receipt); for my own user this lowers the
    /// unread count.
    void setReadPosition(ConversationId id, UserId user, Seq seq);
    /// @brief Keeps at most @p perConversation newest messages per conversation (raising
    /// oldestSeq()).
    void prune(int perConversation);
    /**
     * @brief Most messages kept per conversation by storeOlder() (default DefaultDepth).
     *
     * A history page that would take the range past it is not stored: scrolling far back
     * is served by the server, and the file stays small enough to check quickly at open
     * (the integrity check reads every page). Apps call prune(depth()) to trim what sync
     * added beyond it.
     */
    void setDepth(int perConversation);
    /// @brief The depth set by setDepth().
    int depth() const;
    /// @brief The default depth: the recent messages of a conversation, not its whole history.
    static constexpr int DefaultDepth = 2000;

    /// @brief The durable outbox: messages written and not yet acknowledged, oldest first.
    QList<Protocol::SendMessageRequest> outbox() const;
    /// @brief Replaces the durable outbox (written atomically to its own file).
    void saveOutbox(const QList<Protocol::SendMessageRequest> &requests);

private:
    struct Private;
    // What is known of the file's pages before it is opened.
    enum class Integrity { Unchecked, Sound, Damaged };
    explicit ClientCache(std::unique_ptr<Private> d);
    static Result<std::unique_ptr<ClientCache>> openFile(const QString &path,
                                                         const CacheIdentity &identity,
                                                         Integrity integrity,
                                                         const QString &problemFound);
    std::unique_ptr<Private> d;
};

} // namespace Banter
