// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Requests and replies of the conversation family: conversations, conversation,
// create_private, create_group, add_members, remove_member, leave, rename; and the
// conversation_updated / conversation_removed pushes.

#include <banter/bantershared_export.h>
#include <banter/domain/conversation.h>
#include <banter/domain/result.h>

#include <QJsonObject>
#include <QList>

namespace Banter::Protocol {

// {conversation_id}: conversation, leave, and the conversation_removed push.
struct BANTERSHARED_EXPORT ConversationRef
{
    ConversationId conversationId = 0;
    QJsonObject toJson() const;
    static Result<ConversationRef> fromJson(const QJsonObject &object);
    friend bool operator==(const ConversationRef &, const ConversationRef &) = default;
};

// {conversation}: the reply to create/add/remove/rename/conversation, and the
// conversation_updated push.
struct BANTERSHARED_EXPORT ConversationReply
{
    Conversation conversation;
    QJsonObject toJson() const;
    static Result<ConversationReply> fromJson(const QJsonObject &object);
    friend bool operator==(const ConversationReply &, const ConversationReply &) = default;
};

struct BANTERSHARED_EXPORT ConversationsReply
{
    QList<ConversationSummary> conversations;
    QJsonObject toJson() const;
    static Result<ConversationsReply> fromJson(const QJsonObject &object);
    friend bool operator==(const ConversationsReply &, const ConversationsReply &) = default;
};

struct BANTERSHARED_EXPORT CreatePrivateRequest
{
    UserId userId = 0;
    QJsonObject toJson() const;
    static Result<CreatePrivateRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const CreatePrivateRequest &, const CreatePrivateRequest &) = default;
};

struct BANTERSHARED_EXPORT CreateGroupRequest
{
    QString name;
    QList<UserId> memberIds; // besides the creator, who becomes admin
    QJsonObject toJson() const;
    static Result<CreateGroupRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const CreateGroupRequest &, const CreateGroupRequest &) = default;
};

struct BANTERSHARED_EXPORT AddMembersRequest
{
    ConversationId conversationId = 0;
    QList<UserId> userIds;
    QJsonObject toJson() const;
    static Result<AddMembersRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const AddMembersRequest &, const AddMembersRequest &) = default;
};

struct BANTERSHARED_EXPORT RemoveMemberRequest
{
    ConversationId conversationId = 0;
    UserId userId = 0;
    QJsonObject toJson() const;
    static Result<RemoveMemberRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const RemoveMemberRequest &, const RemoveMemberRequest &) = default;
};

struct BANTERSHARED_EXPORT RenameRequest
{
    ConversationId conversationId = 0;
    QString name;
    QJsonObject toJson() const;
    static Result<RenameRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const RenameRequest &, const RenameRequest &) = default;
};

BANTERSHARED_EXPORT QJsonObject toJson(const ConversationSummary &summary);
BANTERSHARED_EXPORT Result<ConversationSummary> summaryFromJson(const QJsonObject &object);

} // namespace Banter::Protocol
