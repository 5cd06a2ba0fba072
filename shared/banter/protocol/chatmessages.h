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

// "message": send into a conversation, or to a user (their private conversation is found or
// created). Exactly one of conversationId and to is set.
struct BANTERSHARED_EXPORT SendMessageRequest
{
    QUuid id;
    ConversationId conversationId = 0;
    UserId to = 0;
    MessageType type = MessageType::Text;
    QString content;
    Attachment attachment;
    QJsonObject toJson() const;
    static Result<SendMessageRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const SendMessageRequest &, const SendMessageRequest &) = default;
};

// {message}: the reply to "message" and the new_message push.
struct BANTERSHARED_EXPORT MessageReply
{
    Message message;
    QJsonObject toJson() const;
    static Result<MessageReply> fromJson(const QJsonObject &object);
    friend bool operator==(const MessageReply &, const MessageReply &) = default;
};

struct BANTERSHARED_EXPORT HistoryRequest
{
    static constexpr int DefaultLimit = 50;
    static constexpr int MaxLimit = 100;
    ConversationId conversationId = 0;
    Seq beforeSeq = 0; // 0: the newest messages
    int limit = DefaultLimit;
    QJsonObject toJson() const;
    static Result<HistoryRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const HistoryRequest &, const HistoryRequest &) = default;
};

struct BANTERSHARED_EXPORT HistoryReply
{
    QList<Message> messages; // ascending by seq
    bool hasMore = false; // older messages exist
    QJsonObject toJson() const;
    static Result<HistoryReply> fromJson(const QJsonObject &object);
    friend bool operator==(const HistoryReply &, const HistoryReply &) = default;
};

// "sync": everything after the client's positions. Conversations the client does not list
// are synced from seq 0.
struct BANTERSHARED_EXPORT SyncRequest
{
    static constexpr int DefaultLimit = 200;
    static constexpr int MaxLimit = 500;
    QHash<ConversationId, Seq> positions;
    int limit = DefaultLimit;
    QJsonObject toJson() const;
    static Result<SyncRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const SyncRequest &, const SyncRequest &) = default;
};

struct BANTERSHARED_EXPORT SyncReply
{
    // Every conversation the user is a member of now, with members and receipt positions.
    // A conversation the client knows but is missing here was left or removed.
    QList<Conversation> conversations;
    QList<Message> messages; // after the positions, ascending by seq within a conversation
    bool hasMore = false; // ask again with the new positions
    // Conversations too far behind to page through: the client drops its copy, and the
    // messages here are only the newest ones (use history for older).
    QList<ConversationId> limited;
    QJsonObject toJson() const;
    static Result<SyncReply> fromJson(const QJsonObject &object);
    friend bool operator==(const SyncReply &, const SyncReply &) = default;
};

// "read" and "delivered": the position up to which the member has read/received.
struct BANTERSHARED_EXPORT ReceiptRequest
{
    ConversationId conversationId = 0;
    Seq seq = 0;
    QJsonObject toJson() const;
    static Result<ReceiptRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const ReceiptRequest &, const ReceiptRequest &) = default;
};

enum class ReceiptKind { Read, Delivered };

struct BANTERSHARED_EXPORT ReceiptPush
{
    ConversationId conversationId = 0;
    UserId userId = 0;
    ReceiptKind kind = ReceiptKind::Read;
    Seq seq = 0;
    QJsonObject toJson() const;
    static Result<ReceiptPush> fromJson(const QJsonObject &object);
    friend bool operator==(const ReceiptPush &, const ReceiptPush &) = default;
};

struct BANTERSHARED_EXPORT TypingRequest
{
    ConversationId conversationId = 0;
    bool typing = true;
    QJsonObject toJson() const;
    static Result<TypingRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const TypingRequest &, const TypingRequest &) = default;
};

struct BANTERSHARED_EXPORT TypingPush
{
    ConversationId conversationId = 0;
    UserId userId = 0;
    bool typing = true;
    QJsonObject toJson() const;
    static Result<TypingPush> fromJson(const QJsonObject &object);
    friend bool operator==(const TypingPush &, const TypingPush &) = default;
};

} // namespace Banter::Protocol
