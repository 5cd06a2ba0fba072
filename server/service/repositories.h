// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Repository interfaces: what the services need from storage, in domain terms. They are
// called only on the storage thread, inside a batch transaction opened by the
// StorageExecutor; implementations live in server/storage and know SQL, services do not.

#include "service/invitationrepository.h"
#include <banter/domain/conversation.h>
#include <banter/domain/message.h>
#include <banter/domain/result.h>
#include <banter/domain/user.h>
#include <banter/protocol/peoplemessages.h>

#include <QByteArray>
#include <QList>
#include <QUuid>

#include <optional>

namespace Banter::Server {

struct Credentials
{
    User user;
    QString passwordHash; // PHC string ($argon2id$v=19$m=...,t=...,p=...$salt$hash)
    bool disabled = false; // by an admin: the password may be right, the sign-in is refused
};

struct StoredSession
{
    SessionId id = 0;
    UserId userId = 0;
    QString device;
    QByteArray refreshHash; // SHA-256 of the current refresh token
    QByteArray previousRefreshHash; // SHA-256 of the one it replaced (reuse detection)
    qint64 createdAtMs = 0;
    qint64 lastUsedAtMs = 0;
    qint64 expiresAtMs = 0; // refresh token expiry
    bool revoked = false;
};

// An account as a server admin sees it (the admin commands and admin_* requests).
struct AccountRecord
{
    User user;
    bool disabled = false;
    bool admin = false;
    qint64 disabledAtMs = 0;
    qint64 lastSeenMs = 0;
};

class UserRepository
{
public:
    virtual ~UserRepository() = default;
    // ErrorCode::Conflict when the username is taken.
    virtual Result<User> create(const QString &username, const QString &displayName,
                                const QString &passwordHash, qint64 nowMs) = 0;
    virtual Result<std::optional<Credentials>> findCredentials(const QString &username) = 0;
    virtual Result<std::optional<User>> findById(UserId id) = 0;
    virtual Result<std::optional<User>> findByUsername(const QString &username) = 0;
    virtual Result<QList<User>> findByIds(const QList<UserId> &ids) = 0;
    // Users whose username or display name starts with the prefix (case-insensitive), by
    // username, at most limit.
    virtual Result<QList<User>> search(const QString &prefix, int limit) = 0;
    // The same among the people `viewer` knows: their contacts (not blocked) and everyone
    // who shares a conversation with them (ServerLimits::userSearchContactsOnly).
    virtual Result<QList<User>> searchKnown(UserId viewer, const QString &prefix, int limit) = 0;
    virtual Status updatePasswordHash(UserId id, const QString &passwordHash) = 0;
    virtual Status updateDisplayName(UserId id, const QString &displayName) = 0;
    virtual Status updateLastSeen(UserId id, qint64 lastSeenMs) = 0;
    // What others may know of when the user was last seen: 0 when never seen, or when the
    // user hides it (PrivacySettings::hideLastSeen).
    virtual Result<qint64> lastSeen(UserId id) = 0;
    virtual Result<Protocol::PrivacySettings> privacy(UserId id) = 0;
    virtual Status setPrivacy(UserId id, const Protocol::PrivacySettings &settings) = 0;
    // Whether `adder` may add `user` to a group by the user's choice: everyone may, or only
    // people the user keeps as a contact (not blocked). Blocks are checked apart.
    virtual Result<bool> acceptsGroupAddsFrom(UserId user, UserId adder) = 0;
    // Stores the user's picture (empty: removes it) under the next version, which it also
    // sets as the user's avatar_version (0 after a removal); returns that version.
    virtual Result<qint64> setAvatar(UserId id, const QByteArray &data, qint64 nowMs) = 0;
    // The user's current picture and version; empty bytes and 0 when there is none.
    virtual Result<std::pair<qint64, QByteArray>> avatar(UserId id) = 0;
    // Whether `viewer` may see `user`'s profile: the same people as presence and
    // user_updated reach (a shared conversation or mutual contacts, and no block either
    // way), and the user themself.
    virtual Result<bool> canSeeProfile(UserId viewer, UserId user) = 0;

    // Account administration (schema 008). Deleted accounts are left out of every listing.
    // Up to `limit` accounts with a username after `afterUsername`, by username; with a
    // `prefix`, only those whose username or display name starts with it (case-insensitive).
    virtual Result<QList<AccountRecord>> listAccounts(const QString &afterUsername, int limit,
                                                      const QString &prefix) = 0;
    virtual Result<std::optional<AccountRecord>> findAccount(const QString &username) = 0;
    virtual Result<std::optional<AccountRecord>> findAccountById(UserId id) = 0;
    // Whether the user exists, is not deleted and is not disabled: who may hold a session.
    virtual Result<bool> isActive(UserId id) = 0;
    virtual Status setDisabled(UserId id, bool disabled, qint64 nowMs) = 0;
    virtual Status setAdmin(UserId id, bool admin) = 0;
    // Deletes the account but keeps its row (messages keep their sender): the username is
    // freed (replaced by `tombstoneName`, which no sign-in accepts), the display name, the
    // password hash, contacts, avatar and admin flag are removed, the account is disabled.
    virtual Status markDeleted(UserId id, const QString &tombstoneName, qint64 nowMs) = 0;
};

// One row of the revocation log (SessionRepository::logRevocations).
struct LoggedRevocation
{
    qint64 id = 0; // increasing: where a follower has read up to
    SessionId session = 0;
    QString reason; // the session_revoked push's reason
};

class SessionRepository
{
public:
    virtual ~SessionRepository() = default;
    virtual Result<SessionId> create(UserId user, const QString &device,
                                     const QByteArray &refreshHash, qint64 nowMs,
                                     qint64 expiresAtMs) = 0;
    virtual Result<std::optional<StoredSession>> find(SessionId id) = 0;
    // Matches the current or the previous refresh hash of any session, revoked or not.
    virtual Result<std::optional<StoredSession>> findByRefreshHash(const QByteArray &hash) = 0;
    // previous := current, current := newHash; the replaced token joins the session's
    // superseded ones.
    virtual Status rotate(SessionId id, const QByteArray &newHash, qint64 nowMs,
                          qint64 expiresAtMs) = 0;
    // A reply carrying the last rotation was lost: current := newHash, and the lost token
    // joins the superseded ones. previous := none: the grace it gave is used up.
    virtual Status reissue(SessionId id, const QByteArray &newHash, qint64 nowMs,
                           qint64 expiresAtMs) = 0;
    // The session a superseded refresh token belonged to (any earlier member of its family).
    virtual Result<std::optional<SessionId>> findSuperseded(const QByteArray &hash) = 0;
    // Keeps the user's `keep` most recently used live sessions and revokes the rest;
    // returns the ids it revoked.
    virtual Result<QList<SessionId>> revokeLeastRecentlyUsed(UserId user, int keep,
                                                             qint64 nowMs) = 0;
    // Deletes sessions that can never be used again (revoked, or expired by nowMs) and
    // superseded tokens replaced before supersededBeforeMs; returns the sessions deleted.
    virtual Result<int> deleteUnusable(qint64 nowMs, qint64 supersededBeforeMs) = 0;
    virtual Status revoke(SessionId id) = 0;
    // Revokes every live session of the user but `keep`; returns the ids it revoked.
    virtual Result<QList<SessionId>> revokeAllForUser(UserId user, SessionId keep) = 0;
    virtual Result<QList<StoredSession>> listForUser(UserId user) = 0; // live ones only
    // The revocation log a running banterd follows to close sockets of sessions that another
    // process (an admin command) or an admin request ended. Appends one row per session.
    virtual Status logRevocations(const QList<SessionId> &sessions, const QString &reason,
                                  qint64 nowMs) = 0;
    // Up to `limit` log rows with an id above `afterId`, oldest first.
    virtual Result<QList<LoggedRevocation>> revocationsAfter(qint64 afterId, int limit) = 0;
    // The highest log row id (0 when empty): where a daemon starts following.
    virtual Result<qint64> lastRevocation() = 0;
};

// Just what sending needs to know of a conversation.
struct ConversationMembers
{
    ConversationType type = ConversationType::Private;
    QList<UserId> members;
};

class ConversationRepository
{
public:
    virtual ~ConversationRepository() = default;
    virtual Result<std::optional<ConversationId>> findPrivate(UserId a, UserId b) = 0;
    // Creates the conversation with its participants. For private conversations the pair is
    // unique: creating an existing pair is ErrorCode::Conflict.
    virtual Result<Conversation> create(ConversationType type, const QString &name,
                                        const QList<Participant> &participants, qint64 nowMs) = 0;
    // With participants and their receipt positions.
    virtual Result<std::optional<Conversation>> find(ConversationId id) = 0;
    // The conversation's last seq if `user` is a member of it (history's membership check).
    virtual Result<std::optional<Seq>> lastSeqIfMember(ConversationId id, UserId user) = 0;
    // The type and member ids in one query (the hot path of every send).
    virtual Result<std::optional<ConversationMembers>> members(ConversationId id) = 0;
    virtual Result<QList<ConversationSummary>> listForUser(UserId user) = 0;
    virtual Result<QList<ConversationId>> idsForUser(UserId user) = 0;
    virtual Status addParticipants(ConversationId id, const QList<Participant> &participants) = 0;
    virtual Status removeParticipant(ConversationId id, UserId user) = 0;
    virtual Status setRole(ConversationId id, UserId user, ParticipantRole role) = 0;
    virtual Status rename(ConversationId id, const QString &name) = 0;
    // Monotonic: only raises the position. Returns true when it changed.
    virtual Result<bool> raiseReadSeq(ConversationId id, UserId user, Seq seq) = 0;
    virtual Result<bool> raiseDeliveredSeq(ConversationId id, UserId user, Seq seq) = 0;
    // Users who share at least one conversation with `user`, where neither of the two blocked
    // the other (the presence audience through conversations, both ways).
    virtual Result<QList<UserId>> peersOf(UserId user) = 0;
    // The same people with an id above `after`, in ascending id order, at most `limit`: one
    // page of the "presences" reply.
    virtual Result<QList<UserId>> peersAfter(UserId user, UserId after, int limit) = 0;
};

struct AppendedMessage
{
    Message message;
    bool duplicate = false; // the id was already stored with the same content: nothing new
};

// How a page of messages is read: for whom (a reaction's `mine`) and whether change events
// (edits, deletions, reactions) are in it. Sync wants them (the stream, gapless); history
// does not (its messages come in their current state).
struct MessageReadOptions
{
    UserId viewer = 0;
    bool withChanges = true;
};

// Who reacted with one emoji, earliest first (at most the limit asked for).
struct ReactionUsers
{
    QString emoji;
    int count = 0;
    QList<UserId> userIds;
};

class MessageRepository
{
public:
    virtual ~MessageRepository() = default;
    // With its current state; reactions' `mine` for `viewer` (0: none is mine).
    virtual Result<std::optional<Message>> findById(const QUuid &id, UserId viewer = 0) = 0;
    // Assigns seq = conversation.last_seq + 1 inside the current transaction (and raises
    // last_seq), so commit order is seq order. If a message with the same id exists: same
    // sender, conversation and content → {stored, duplicate=true}; otherwise Conflict.
    // Stores reply_to, the mentions (and their rows for unread_mentions) and, for a change
    // event, the message it changes.
    virtual Result<AppendedMessage> append(const Message &message) = 0;
    // Up to `limit` messages with seq < beforeSeq, ascending by seq.
    virtual Result<QList<Message>> before(ConversationId id, Seq beforeSeq, int limit,
                                          const MessageReadOptions &options = {}) = 0;
    // Up to `limit` messages with seq > afterSeq, ascending by seq.
    virtual Result<QList<Message>> after(ConversationId id, Seq afterSeq, int limit,
                                         const MessageReadOptions &options = {}) = 0;

    // The edit: the message's content becomes `content` (and the content of nothing else),
    // edited_at is set and its mentions replaced. Whatever indexes message text (search) must
    // follow here: the old text is gone from the message.
    virtual Status replaceContent(const QUuid &id, const QString &content, qint64 editedAtMs,
                                  const QList<UserId> &mentions) = 0;
    // The delete: the message becomes a tombstone. Its content and attachment are removed
    // from the row, and so are the texts of the edit events that carried earlier versions,
    // its mentions and its reactions; its file is no longer shared into the conversation
    // unless another message there still carries it. Whatever indexes message text (search)
    // must drop the message here.
    virtual Status removeContent(const QUuid &id, qint64 deletedAtMs) = 0;
    // Adds `user`'s `emoji`: the emoji's new count, or nothing when it was already there.
    // ErrorCode::LimitExceeded when the message already has `maxDistinct` other emoji.
    virtual Result<std::optional<int>> addReaction(const QUuid &id, UserId user,
                                                   const QString &emoji, int maxDistinct,
                                                   qint64 nowMs) = 0;
    // Removes it: the emoji's new count, or nothing when the user had not reacted with it.
    virtual Result<std::optional<int>> removeReaction(const QUuid &id, UserId user,
                                                      const QString &emoji) = 0;
    // Every emoji of the message with its count and its first `maxUsers` users.
    virtual Result<QList<ReactionUsers>> reactionUsers(const QUuid &id, int maxUsers) = 0;
};

struct ContactEntry
{
    User user;
    bool blocked = false;
    qint64 addedAtMs = 0;
};

class ContactRepository
{
public:
    virtual ~ContactRepository() = default;
    virtual Status add(UserId owner, UserId contact, qint64 nowMs) = 0; // idempotent
    virtual Status remove(UserId owner, UserId contact) = 0; // idempotent; a block stays
    // Blocking creates the entry if needed; unblocking keeps it as a plain contact.
    virtual Status setBlocked(UserId owner, UserId contact, bool blocked, qint64 nowMs) = 0;
    virtual Result<QList<ContactEntry>> list(UserId owner) = 0;
    // The contacts with an id above `after`, in ascending id order, at most `limit`: one page
    // of the "contacts" reply.
    virtual Result<QList<ContactEntry>> listAfter(UserId owner, UserId after, int limit) = 0;
    virtual Result<bool> isBlocked(UserId blocker, UserId blocked) = 0;
    // Mutual contacts: users who have `user` in their contacts and are in `user`'s, where
    // neither side has blocked the other. Keeping someone as a contact alone shows nothing.
    virtual Result<QList<UserId>> watchersOf(UserId user) = 0;
};

// The set handed to a storage job.
// A finished, verified file. Its bytes are the blob named by sha256 in the file store.
struct StoredFile
{
    QString id;
    UserId ownerId = 0;
    QString name;
    qint64 size = 0;
    QString mimeType;
    QString sha256;
    qint64 createdAtMs = 0;
};

// An upload in progress. How many bytes have arrived is the length of its partial file.
struct StoredUpload
{
    QString id;
    UserId ownerId = 0;
    QString name;
    qint64 size = 0;
    QString sha256;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

class FileRepository
{
public:
    virtual ~FileRepository() = default;
    virtual Status createUpload(const StoredUpload &upload) = 0;
    virtual Result<std::optional<StoredUpload>> findUpload(const QString &id, UserId owner) = 0;
    // An unfinished upload of `owner` with this content, to resume after the client lost its id.
    virtual Result<std::optional<StoredUpload>> findUploadByContent(UserId owner, qint64 size,
                                                                    const QString &sha256) = 0;
    virtual Status touchUpload(const QString &id, qint64 nowMs) = 0;
    virtual Status deleteUpload(const QString &id) = 0;
    virtual Result<QList<StoredUpload>> uploadsIdleSince(qint64 beforeMs) = 0;
    virtual Result<QStringList> allUploadIds() = 0;
    // Bytes counted against the quota: finished files plus the full size of unfinished ones.
    virtual Result<qint64> bytesUsed(UserId owner) = 0;
    // How many uploads `owner` has started and not finished.
    virtual Result<int> unfinishedUploads(UserId owner) = 0;
    virtual Status createFile(const StoredFile &file) = 0;
    // The file, if `user` may read it: its uploader, or a member of a conversation it was
    // shared into. Otherwise nothing, whether or not it exists.
    virtual Result<std::optional<StoredFile>> findReadable(const QString &id, UserId user) = 0;
    virtual Status share(const QString &fileId, ConversationId conversation) = 0;
};

// One message a search looked at, newest first. `visible` says whether the searching user
// may read it (a member of its conversation since before it was sent, and in the asked
// conversation); content is only meant to leave the server when it is.
struct SearchCandidate
{
    qint64 position = 0; // order of storing, the paging cursor (SQLite rowid, PG search_id)
    QUuid id;
    ConversationId conversationId = 0;
    Seq seq = 0;
    UserId senderId = 0;
    qint64 createdAtMs = 0;
    QString content;
    bool visible = false;
};

struct SearchQuery
{
    UserId user = 0;
    QString text; // literal, 1 or more characters
    ConversationId conversation = 0; // 0: every conversation of the user
    qint64 before = 0; // only positions below this; 0: from the newest
    int limit = 20; // visible hits wanted; one more is read to tell whether more remain
    int examined = 2000; // most index matches looked at (text of 3 or more characters)
    int window = 10000; // most positions scanned (shorter text, which the index cannot serve)
};

struct SearchPage
{
    QList<SearchCandidate> hits; // visible only, newest first, at most limit
    bool hasMore = false;
    qint64 next = 0; // the `before` of the next page
};

// The message search index (FTS5 on SQLite, pg_trgm on PostgreSQL). The index follows
// messages.content inside the same transaction by construction (SQLite triggers, a
// PostgreSQL expression index), so the two writes below are all an edit or a delete needs.
class SearchRepository
{
public:
    virtual ~SearchRepository() = default;
    // Newest-first page of messages containing query.text (case-insensitively, literally),
    // each request bounded in work by query.examined / query.window.
    virtual Result<SearchPage> search(const SearchQuery &query) = 0;
    // Replaces the content of message X, re-indexing it: search finds it by the new text only
    // (an edit). NotFound when there is no such message.
    virtual Status replaceContent(const QUuid &messageId, const QString &content) = 0;
    // Removes message X from the index: its stored content is emptied, so no search finds it
    // and its text is gone from the database (a delete's tombstone). NotFound when there is
    // no such message.
    virtual Status removeFromIndex(const QUuid &messageId) = 0;
};

// One step of the message sweep: how many messages went, and where the next step starts.
struct PruneStep
{
    int removed = 0;
    ConversationId nextConversation = 0; // 0: every conversation was looked at
};

// Retention (issue 15): the conversation policies, the bounded steps of the sweep, and the
// removal of a file (by its uploader or by the sweep). Messages are removed as a prefix of
// each conversation's seq stream (conversations.pruned_seq), so what remains stays gapless.
class RetentionRepository
{
public:
    virtual ~RetentionRepository() = default;
    virtual Status setPolicy(ConversationId id, const RetentionPolicy &policy) = 0;
    // Removes the oldest messages of conversations from `fromConversation` on (by id) whose
    // effective policy (the stricter of `serverDays` and their own) they are older than, at
    // most `limit` rows, with their reactions, mentions and search index entries, and raises
    // each one's pruned_seq. Stops at the first message young enough in each conversation.
    virtual Result<PruneStep> pruneMessages(ConversationId fromConversation, int serverDays,
                                            qint64 nowMs, int limit) = 0;
    // Up to `limit` files older than the server's file policy, or than the policy of a
    // conversation they were shared into.
    virtual Result<QList<StoredFile>> expiredFiles(int serverDays, qint64 nowMs, int limit) = 0;
    // Deletes the file row (and where it was shared); the messages that carried it keep
    // the attachment marked deleted, without its thumbnail. The blob is not touched.
    virtual Status removeFile(const QString &fileId) = 0;
    // The hashes among `sha256s` that no file and no unfinished upload refers to.
    virtual Result<QStringList> unreferencedBlobs(const QStringList &sha256s) = 0;
};

struct Repositories
{
    UserRepository &users;
    SessionRepository &sessions;
    ConversationRepository &conversations;
    MessageRepository &messages;
    ContactRepository &contacts;
    FileRepository &files;
    SearchRepository &search;
    InvitationRepository &invitations;
    RetentionRepository &retention;
};

} // namespace Banter::Server
