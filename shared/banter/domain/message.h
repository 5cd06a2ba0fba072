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

// System messages record membership changes inside the conversation's own seq stream, so
// sync delivers them gapless and in order with everything else.
enum class MessageType { Text, Image, File, System };
// Sending exists only on the client (in the outbox); the server knows sent/delivered/read.
enum class MessageStatus { Sending, Sent, Delivered, Read };

BANTERSHARED_EXPORT QString messageTypeName(MessageType type);
BANTERSHARED_EXPORT std::optional<MessageType> messageTypeFromName(const QString &name);
BANTERSHARED_EXPORT QString messageStatusName(MessageStatus status);
BANTERSHARED_EXPORT std::optional<MessageStatus> messageStatusFromName(const QString &name);

// A file or image a message refers to (stored by the file-transfer service).
struct Attachment
{
    QString fileId;
    QString name;
    qint64 size = 0;
    QString mimeType;
    int width = 0; // images only
    int height = 0; // images only
    QByteArray thumbnail; // small image made by the sender (images only)

    bool isNull() const { return fileId.isEmpty(); }
    friend bool operator==(const Attachment &, const Attachment &) = default;
};

struct Message
{
    QUuid id; // chosen by the sending client; makes sends idempotent
    ConversationId conversationId = 0;
    Seq seq = 0;
    UserId senderId = 0;
    MessageType type = MessageType::Text;
    QString content; // text, caption for image/file, event description for system
    Attachment attachment;
    std::optional<SystemEvent> event; // system messages: what changed
    qint64 createdAtMs = 0; // server time; informational, order by seq

    friend bool operator==(const Message &, const Message &) = default;
};

} // namespace Banter
