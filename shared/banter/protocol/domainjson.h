// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// JSON forms of the domain types, shared by every request, response and push that carries
// them. Decoders are strict: every field is type- and range-checked.

#include <banter/bantershared_export.h>
#include <banter/domain/conversation.h>
#include <banter/domain/message.h>
#include <banter/domain/presence.h>
#include <banter/domain/result.h>
#include <banter/domain/user.h>

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace Banter::Protocol {

/// The JSON form of a user.
BANTERSHARED_EXPORT QJsonObject toJson(const User &user);
/// Decodes a User strictly.
BANTERSHARED_EXPORT Result<User> userFromJson(const QJsonObject &object);

/// The JSON form of an attachment (the thumbnail in base64).
BANTERSHARED_EXPORT QJsonObject toJson(const Attachment &attachment);
/// Decodes an Attachment strictly.
BANTERSHARED_EXPORT Result<Attachment> attachmentFromJson(const QJsonObject &object);

/// The JSON form of a message.
BANTERSHARED_EXPORT QJsonObject toJson(const Message &message);
/// Decodes a Message strictly.
BANTERSHARED_EXPORT Result<Message> messageFromJson(const QJsonObject &object);

/// The JSON form of a conversation member.
BANTERSHARED_EXPORT QJsonObject toJson(const Participant &participant);
/// Decodes a Participant strictly.
BANTERSHARED_EXPORT Result<Participant> participantFromJson(const QJsonObject &object);

/// The JSON form of a conversation with its members.
BANTERSHARED_EXPORT QJsonObject toJson(const Conversation &conversation);
/// Decodes a Conversation strictly.
BANTERSHARED_EXPORT Result<Conversation> conversationFromJson(const QJsonObject &object);

/// The JSON form of a presence (the presence push has this shape).
BANTERSHARED_EXPORT QJsonObject toJson(const Presence &presence);
/// Decodes a Presence strictly.
BANTERSHARED_EXPORT Result<Presence> presenceFromJson(const QJsonObject &object);

/// Encodes each element with toJson() into a JSON array.
template<typename T>
QJsonArray toJsonArray(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(toJson(item));
    return array;
}

/// Decodes each element of \a array with \a decode (a function from QJsonObject to
/// Result<T>); the first error, or an element that is not an object, fails the whole list.
template<typename T, typename Decode>
Result<QList<T>> listFromJson(const QJsonArray &array, Decode decode)
{
    QList<T> items;
    items.reserve(array.size());
    // The iterator yields QJsonValueConstRef; converting each to the QJsonValue used below is
    // the point, not an accident.
    // NOLINTNEXTLINE(performance-implicit-conversion-in-loop)
    for (const QJsonValue &value : array) {
        if (!value.isObject())
            return makeError(ErrorCode::BadRequest, QStringLiteral("list entries must be objects"));
        Result<T> item = decode(value.toObject());
        if (!item)
            return item.error();
        items.append(std::move(item).value());
    }
    return items;
}

} // namespace Banter::Protocol
