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

/// "history": a page of a conversation's messages before a seq, or of the newest ones.
struct BANTERSHARED_EXPORT HistoryRequest
{
    static constexpr int DefaultLimit = 50; ///< messages per page when the request does not say
    static constexpr int MaxLimit = 100; ///< most messages per page
    ConversationId conversationId = 0; ///< the conversation
    Seq beforeSeq = 0; ///< 0: the newest messages
    int limit = DefaultLimit; ///< most messages to return (1 to MaxLimit)
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

} // namespace Banter::Protocol
