// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/domain/ids.h>
#include <banter/domain/systemevent.h>

#include <QList>
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
    /// The file was deleted (by its uploader, or by retention): downloads answer not_found,
    /// and the thumbnail is gone. Name, size and type stay for display.
    bool deleted = false;

    /// True when there is no attachment (no file id).
    bool isNull() const { return fileId.isEmpty(); }
    friend bool operator==(const Attachment &, const Attachment &) = default;
};

/// What a reply shows of the message it answers, filled by the server when it reads the reply
/// (so it is current: a deleted original shows as deleted).
struct ReplyPreview
{
    static constexpr int MaxSnippetLength = 100; ///< characters of the original's text kept
    UserId senderId = 0; ///< who sent the original
    MessageType type = MessageType::Text; ///< the original's type
    QString snippet; ///< the first MaxSnippetLength characters of its text or caption
    bool deleted = false; ///< the original was deleted (no snippet then)
    /// The original's seq, to open the conversation there (`history` `around`); 0 from a
    /// server that does not send it.
    Seq seq = 0;

    friend bool operator==(const ReplyPreview &, const ReplyPreview &) = default;
};

/// One emoji on a message: how many reacted with it and whether the reader did.
struct Reaction
{
    QString emoji; ///< one grapheme cluster
    int count = 0; ///< members who reacted with it
    bool mine = false; ///< the user who reads the message is one of them

    friend bool operator==(const Reaction &, const Reaction &) = default;
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
    QUuid replyTo; ///< the message this one answers (same conversation), or null
    /// Replies: what the answered message looks like now (server-filled when read).
    std::optional<ReplyPreview> replyPreview;
    qint64 editedAtMs = 0; ///< when its text was last edited, 0 if never
    qint64 deletedAtMs = 0; ///< when it was deleted (a tombstone: no content), 0 if not
    QList<UserId> mentions; ///< members mentioned in it (resolved by the server)
    /// Reactions, in the order they were first given (at most 20); `mine` is for the reader.
    QList<Reaction> reactions;

    /// True for a tombstone: the message was deleted and its content removed.
    bool isDeleted() const { return deletedAtMs > 0; }
    /// True for a change event (edit, delete, reaction): it changes the message event->messageId
    /// and is applied, not shown.
    bool isMessageChange() const { return event && event->isMessageChange(); }

    friend bool operator==(const Message &, const Message &) = default;
};

} // namespace Banter
