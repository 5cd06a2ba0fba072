// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/domain/ids.h>
#include <banter/domain/systemevent.h>

#include <QString>
#include <QUuid>

#include <optional>

namespace Banter {

/// What a message carries. System messages record membership changes inside the
/// conversation's own seq stream, so sync delivers them gapless and in order with
/// everything else.
enum class MessageType {
    Text, ///< text typed by a user
    Image, ///< an image attachment with an optional caption
    File, ///< any other file attachment with an optional caption
    System, ///< made by the server: a membership change or rename (see Message::event)
};
/// How far a message got. Sending exists only on the client (in the outbox); the server
/// knows sent/delivered/read.
enum class MessageStatus {
    Sending, ///< in the client's outbox, not yet acknowledged by the server
    Sent, ///< stored by the server
    Delivered, ///< the other members' devices have it (their delivered receipts passed it)
    Read, ///< the other members have read it (their read receipts passed it)
};

/// The type's wire name (`"text"`, `"image"`, `"file"`, `"system"`).
BANTERSHARED_EXPORT QString messageTypeName(MessageType type);
/// The type with that wire name, or nothing for an unknown name.
BANTERSHARED_EXPORT std::optional<MessageType> messageTypeFromName(const QString &name);
/// The status's wire name (`"sending"`, `"sent"`, `"delivered"`, `"read"`).
BANTERSHARED_EXPORT QString messageStatusName(MessageStatus status);
/// The status with that wire name, or nothing for an unknown name.
BANTERSHARED_EXPORT std::optional<MessageStatus> messageStatusFromName(const QString &name);

/// A file or image a message refers to (stored by the file-transfer service).
struct Attachment
{
    QString fileId; ///< the server's id of the stored file
    QString name; ///< the file name the sender chose
    qint64 size = 0; ///< in bytes
    QString mimeType; ///< as the server sniffed it from the content
    int width = 0; ///< in pixels; images only
    int height = 0; ///< in pixels; images only
    QByteArray thumbnail; ///< small image made by the sender (images only)

    /// True when there is no attachment (no file id).
    bool isNull() const { return fileId.isEmpty(); }
    friend bool operator==(const Attachment &, const Attachment &) = default;
};

/// One message of a conversation, as stored by the server and delivered to its members.
struct Message
{
    QUuid id; ///< chosen by the sending client; makes sends idempotent
    ConversationId conversationId = 0; ///< the conversation it belongs to
    Seq seq = 0; ///< its place in the conversation, given by the server; 0 while unsent
    UserId senderId = 0; ///< who sent it (the acting user, for system messages)
    MessageType type = MessageType::Text; ///< text, image, file or system
    QString content; ///< text, caption for image/file, event description for system
    Attachment attachment; ///< the file or image (image and file messages only)
    std::optional<SystemEvent> event; ///< system messages: what changed
    qint64 createdAtMs = 0; ///< server time; informational, order by seq

    friend bool operator==(const Message &, const Message &) = default;
};

} // namespace Banter
