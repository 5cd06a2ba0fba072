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

BANTERSHARED_EXPORT QJsonObject toJson(const User &user);
BANTERSHARED_EXPORT Result<User> userFromJson(const QJsonObject &object);

BANTERSHARED_EXPORT QJsonObject toJson(const Attachment &attachment);
BANTERSHARED_EXPORT Result<Attachment> attachmentFromJson(const QJsonObject &object);

BANTERSHARED_EXPORT QJsonObject toJson(const Message &message);
BANTERSHARED_EXPORT Result<Message> messageFromJson(const QJsonObject &object);

BANTERSHARED_EXPORT QJsonObject toJson(const Participant &participant);
BANTERSHARED_EXPORT Result<Participant> participantFromJson(const QJsonObject &object);

BANTERSHARED_EXPORT QJsonObject toJson(const Conversation &conversation);
BANTERSHARED_EXPORT Result<Conversation> conversationFromJson(const QJsonObject &object);

BANTERSHARED_EXPORT QJsonObject toJson(const Presence &presence);
BANTERSHARED_EXPORT Result<Presence> presenceFromJson(const QJsonObject &object);

// Encodes each element with toJson / decodes each with `decode`, failing on the first error.
template<typename T>
QJsonArray toJsonArray(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(toJson(item));
    return array;
}

template<typename T, typename Decode>
Result<QList<T>> listFromJson(const QJsonArray &array, Decode decode)
{
    QList<T> items;
    items.reserve(array.size());
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
