// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Wire names of the domain enums. They are part of the protocol: never rename, only append.
#include <banter/domain/conversation.h>
#include <banter/domain/message.h>
#include <banter/domain/presence.h>

#include <initializer_list>
#include <utility>

namespace Banter {

namespace {
template<typename E>
using NameTable = std::initializer_list<std::pair<E, const char *>>;

template<typename E>
QString nameOf(NameTable<E> table, E value)
{
    for (const auto &[v, name] : table) {
        if (v == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template<typename E>
std::optional<E> valueOf(NameTable<E> table, const QString &name)
{
    for (const auto &[v, text] : table) {
        if (name == QLatin1String(text))
            return v;
    }
    return std::nullopt;
}

const NameTable<MessageType> messageTypes{{MessageType::Text, "text"},
                                          {MessageType::Image, "image"},
                                          {MessageType::File, "file"},
                                          {MessageType::System, "system"}};
const NameTable<MessageStatus> messageStatuses{{MessageStatus::Sending, "sending"},
                                               {MessageStatus::Sent, "sent"},
                                               {MessageStatus::Delivered, "delivered"},
                                               {MessageStatus::Read, "read"}};
const NameTable<ConversationType> conversationTypes{{ConversationType::Private, "private"},
                                                    {ConversationType::Group, "group"}};
const NameTable<ParticipantRole> roles{{ParticipantRole::Member, "member"},
                                       {ParticipantRole::Admin, "admin"}};
const NameTable<PresenceStatus> presences{{PresenceStatus::Offline, "offline"},
                                          {PresenceStatus::Online, "online"},
                                          {PresenceStatus::Away, "away"}};
} // namespace

QString messageTypeName(MessageType type)
{
    return nameOf(messageTypes, type);
}
std::optional<MessageType> messageTypeFromName(const QString &name)
{
    return valueOf(messageTypes, name);
}
QString messageStatusName(MessageStatus status)
{
    return nameOf(messageStatuses, status);
}
std::optional<MessageStatus> messageStatusFromName(const QString &name)
{
    return valueOf(messageStatuses, name);
}
QString conversationTypeName(ConversationType type)
{
    return nameOf(conversationTypes, type);
}
std::optional<ConversationType> conversationTypeFromName(const QString &name)
{
    return valueOf(conversationTypes, name);
}
QString participantRoleName(ParticipantRole role)
{
    return nameOf(roles, role);
}
std::optional<ParticipantRole> participantRoleFromName(const QString &name)
{
    return valueOf(roles, name);
}
QString presenceStatusName(PresenceStatus status)
{
    return nameOf(presences, status);
}
std::optional<PresenceStatus> presenceStatusFromName(const QString &name)
{
    return valueOf(presences, name);
}

} // namespace Banter
