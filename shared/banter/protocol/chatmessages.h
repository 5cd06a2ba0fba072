// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Requests, replies and pushes of the messaging family: message, history, sync, read,
// delivered, typing; new_message, receipt and typing pushes.

#include <banter/bantershared_export.h>
#include <banter/domain/conversation.h>
#include <banter/domain/message.h>
#include <banter/domain/result.h>

#include <QHash>
#include <QJsonObject>
#include <QList>

namespace Banter::Protocol {

/// "message": send into a conversation, or to a user (their private conversation is found or
/// created). Exactly one of conversationId and to is set.
struct BANTERSHARED_EXPORT SendMessageRequest
{
    QUuid id; ///< chosen by the client (newMessageId()); sending it again is idempotent
    ConversationId conversationId = 0; ///< the conversation to send into, or 0 when `to` is set
    UserId to = 0; ///< the user whose private conversation to send into, or 0
    MessageType type = MessageType::Text; ///< text, image or file
    QString content; ///< the text, or the caption of an image or file
    Attachment attachment; ///< the uploaded file (image and file messages only)
    QUuid replyTo; ///< `reply_to`: the message of the same conversation this answers, or null
    /// `mentions`: members the client marks as mentioned besides the `@username`s in the text
    /// (at most MessageContent::MaxMentions; non-members are dropped by the server).
    QList<UserId> mentions;
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<SendMessageRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const SendMessageRequest &, const SendMessageRequest &) = default;
};

/// {message}: the reply to "message" and the new_message push.
struct BANTERSHARED_EXPORT MessageReply
{
    Message message; ///< the message as stored, with its seq
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<MessageReply> fromJson(const QJsonObject &object);
    friend bool operator==(const MessageReply &, const MessageReply &) = default;
};

/// "history": a page of a conversation's messages before a seq, of the newest ones, or
/// around one seq. A page is a slice of the stream, change events (edits, deletions,
/// reactions) included, but its messages come in their current state: a client does not apply
/// the change events of a history page again.
struct BANTERSHARED_EXPORT HistoryRequest
{
    static constexpr int DefaultLimit = 50; ///< messages per page when the request does not say
    static constexpr int MaxLimit = 100; ///< most messages per page
    ConversationId conversationId = 0; ///< the conversation
    Seq beforeSeq = 0; ///< 0: the newest messages
    int limit = DefaultLimit; ///< most messages to return (1 to MaxLimit)
    /// `around`: a page centred on this seq (half before, the rest from it on); beforeSeq is
    /// then ignored. 0: not used. (Last, so {id, before, limit} keeps its meaning.)
    Seq around = 0;
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<HistoryRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const HistoryRequest &, const HistoryRequest &) = default;
};

/// The reply to history.
struct BANTERSHARED_EXPORT HistoryReply
{
    QList<Message> messages; ///< ascending by seq
    bool hasMore = false; ///< older messages exist
    bool hasNewer = false; ///< `has_newer`, around pages only: newer messages exist
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<HistoryReply> fromJson(const QJsonObject &object);
    friend bool operator==(const HistoryReply &, const HistoryReply &) = default;
};

/// "sync": everything after the client's positions. Conversations the client does not list
/// are synced from seq 0.
struct BANTERSHARED_EXPORT SyncRequest
{
    static constexpr int DefaultLimit = 200; ///< messages per page when the request does not say
    static constexpr int MaxLimit = 500; ///< most messages per page
    QHash<ConversationId, Seq> positions; ///< per conversation, the newest seq the client has
    int limit = DefaultLimit; ///< most messages to return (1 to MaxLimit)
    /// Only conversations with a greater id: the `after` of the previous page of this pass
    /// (0: from the first), so a long conversation list is walked once, in id order.
    ConversationId after = 0;
    /// Only conversations up to this id (0: no bound): the client's positions are complete up
    /// to here, so it can send a bounded number of them per request.
    ConversationId through = 0;
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<SyncRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const SyncRequest &, const SyncRequest &) = default;
};

/// The reply to sync: where the user is a member now, and the messages the client lacks.
struct BANTERSHARED_EXPORT SyncReply
{
    /// Every conversation the user is a member of now, with members and receipt positions.
    /// A conversation the client knows but is missing here was left or removed.
    QList<Conversation> conversations;
    QList<Message> messages; ///< after the positions, ascending by seq within a conversation
    bool hasMore = false; ///< ask again with the new positions
    /// Conversations too far behind to page through: the client drops its copy, and the
    /// messages here are only the newest ones (use history for older).
    QList<ConversationId> limited;
    /// With hasMore: the `after` for the next request; every conversation up to this id is
    /// complete (listed, and its messages sent). 0 (absent on the wire): start from the first.
    ConversationId after = 0;
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<SyncReply> fromJson(const QJsonObject &object);
    friend bool operator==(const SyncReply &, const SyncReply &) = default;
};

/// "read" and "delivered": the position up to which the member has read/received.
struct BANTERSHARED_EXPORT ReceiptRequest
{
    ConversationId conversationId = 0; ///< the conversation
    Seq seq = 0; ///< read or received up to and including this seq
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<ReceiptRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const ReceiptRequest &, const ReceiptRequest &) = default;
};

/// Which position a receipt moves.
enum class ReceiptKind {
    Read, ///< read up to a seq (implies delivered)
    Delivered, ///< received on a device up to a seq
};

/// The receipt push: a member's read or delivered position rose.
struct BANTERSHARED_EXPORT ReceiptPush
{
    ConversationId conversationId = 0; ///< the conversation
    UserId userId = 0; ///< the member whose position rose
    ReceiptKind kind = ReceiptKind::Read; ///< read or delivered
    Seq seq = 0; ///< the new position
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<ReceiptPush> fromJson(const QJsonObject &object);
    friend bool operator==(const ReceiptPush &, const ReceiptPush &) = default;
};

/// "typing": tells the other members that I am typing, or stopped.
struct BANTERSHARED_EXPORT TypingRequest
{
    ConversationId conversationId = 0; ///< the conversation
    bool typing = true; ///< true while typing, false when stopped
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<TypingRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const TypingRequest &, const TypingRequest &) = default;
};

/// The typing push: another member is typing, or stopped.
struct BANTERSHARED_EXPORT TypingPush
{
    ConversationId conversationId = 0; ///< the conversation
    UserId userId = 0; ///< who is typing
    bool typing = true; ///< true while typing, false when stopped
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<TypingPush> fromJson(const QJsonObject &object);
    friend bool operator==(const TypingPush &, const TypingPush &) = default;
};

/// "edit_message": new text for my own text message. It keeps its id and seq and gains
/// `edited_at`; the reply is the change event (a system message with event message_edited).
struct BANTERSHARED_EXPORT EditMessageRequest
{
    ConversationId conversationId = 0; ///< the conversation of the message
    QUuid messageId; ///< the message to edit
    QString content; ///< the new text (the rules of a text message's content)
    /// Members to mention besides the `@username`s in the new text (see SendMessageRequest).
    QList<UserId> mentions;
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<EditMessageRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const EditMessageRequest &, const EditMessageRequest &) = default;
};

/// "delete_message" (and the "reactions" look-up): one message of a conversation.
struct BANTERSHARED_EXPORT MessageRef
{
    ConversationId conversationId = 0; ///< the conversation of the message
    QUuid messageId; ///< the message
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<MessageRef> fromJson(const QJsonObject &object);
    friend bool operator==(const MessageRef &, const MessageRef &) = default;
};

/// "react" and "unreact": add or take back my reaction `emoji` to a message.
struct BANTERSHARED_EXPORT ReactionRequest
{
    ConversationId conversationId = 0; ///< the conversation of the message
    QUuid messageId; ///< the message
    QString emoji; ///< one grapheme cluster (MessageContent::validateEmoji)
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<ReactionRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const ReactionRequest &, const ReactionRequest &) = default;
};

/// The reply to "react" and "unreact": the change event, or none when nothing changed (the
/// reaction was already there, or was not).
struct BANTERSHARED_EXPORT ReactionReply
{
    std::optional<Message> message; ///< the reaction_added / reaction_removed system message
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<ReactionReply> fromJson(const QJsonObject &object);
    friend bool operator==(const ReactionReply &, const ReactionReply &) = default;
};

/// The reply to "reactions": who reacted with what (per emoji, at most MaxUsersPerEmoji users,
/// the earliest first; `count` says how many in all).
struct BANTERSHARED_EXPORT ReactorsReply
{
    static constexpr int MaxUsersPerEmoji = 100; ///< users listed per emoji
    /// One emoji of the message with its users.
    struct Entry
    {
        QString emoji; ///< the reaction
        int count = 0; ///< everyone who reacted with it
        QList<UserId> userIds; ///< the first MaxUsersPerEmoji of them, earliest first
        friend bool operator==(const Entry &, const Entry &) = default;
    };
    QList<Entry> reactions; ///< in the order the emoji were first given
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<ReactorsReply> fromJson(const QJsonObject &object);
    friend bool operator==(const ReactorsReply &, const ReactorsReply &) = default;
};

} // namespace Banter::Protocol
