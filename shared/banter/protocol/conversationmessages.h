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

/// {conversation_id}: conversation, leave, and the conversation_removed push.
struct BANTERSHARED_EXPORT ConversationRef
{
    ConversationId conversationId = 0; ///< the conversation
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<ConversationRef> fromJson(const QJsonObject &object);
    friend bool operator==(const ConversationRef &, const ConversationRef &) = default;
};

/// {conversation}: the reply to create/add/remove/rename/conversation, and the
/// conversation_updated push.
struct BANTERSHARED_EXPORT ConversationReply
{
    Conversation conversation; ///< the conversation as it is now, with its members
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<ConversationReply> fromJson(const QJsonObject &object);
    friend bool operator==(const ConversationReply &, const ConversationReply &) = default;
};

/// "conversations": a page of my list, newest activity first.
struct BANTERSHARED_EXPORT ConversationsRequest
{
    /// How many entries of the list to skip: the number the earlier pages held.
    int offset = 0;
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<ConversationsRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const ConversationsRequest &, const ConversationsRequest &) = default;
};

/// The reply to conversations: my list, newest activity first, cut by the frame bound.
struct BANTERSHARED_EXPORT ConversationsReply
{
    /// the conversations I am a member of (from the request's offset on), with their last
    /// message and unread count
    QList<ConversationSummary> conversations;
    /// More follow: ask again with the offset advanced by the size of this page.
    bool hasMore = false;
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<ConversationsReply> fromJson(const QJsonObject &object);
    friend bool operator==(const ConversationsReply &, const ConversationsReply &) = default;
};

/// "create_private": the private conversation with a user, made if there is none yet.
struct BANTERSHARED_EXPORT CreatePrivateRequest
{
    UserId userId = 0; ///< the other user
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<CreatePrivateRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const CreatePrivateRequest &, const CreatePrivateRequest &) = default;
};

/// "create_group": a new group with me as its admin.
struct BANTERSHARED_EXPORT CreateGroupRequest
{
    QString name; ///< the group name (ConversationRules::validateGroupName)
    QList<UserId> memberIds; ///< besides the creator, who becomes admin
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<CreateGroupRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const CreateGroupRequest &, const CreateGroupRequest &) = default;
};

/// "add_members": adds users to a group (admins only).
struct BANTERSHARED_EXPORT AddMembersRequest
{
    ConversationId conversationId = 0; ///< the group
    QList<UserId> userIds; ///< the users to add
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<AddMembersRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const AddMembersRequest &, const AddMembersRequest &) = default;
};

/// "remove_member": removes a member from a group (admins only).
struct BANTERSHARED_EXPORT RemoveMemberRequest
{
    ConversationId conversationId = 0; ///< the group
    UserId userId = 0; ///< the member to remove
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<RemoveMemberRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const RemoveMemberRequest &, const RemoveMemberRequest &) = default;
};

/// "rename": renames a group (admins only).
struct BANTERSHARED_EXPORT RenameRequest
{
    ConversationId conversationId = 0; ///< the group
    QString name; ///< the new name (ConversationRules::validateGroupName)
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<RenameRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const RenameRequest &, const RenameRequest &) = default;
};

/// "set_retention": a conversation's own retention policy (0 keeps forever); the server's
/// policy still applies, and where both are set the stricter wins. The reply and the
/// `conversation_updated` push to every member carry the conversation with it.
struct BANTERSHARED_EXPORT SetRetentionRequest
{
    ConversationId conversationId = 0; ///< the conversation
    int messageDays = 0; ///< remove messages older than this many days; 0: keep
    int fileDays = 0; ///< remove files shared into it older than this many days; 0: keep
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<SetRetentionRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const SetRetentionRequest &, const SetRetentionRequest &) = default;
};

/// The JSON form of a conversation as its member's list shows it.
BANTERSHARED_EXPORT QJsonObject toJson(const ConversationSummary &summary);
/// Decodes a ConversationSummary strictly.
BANTERSHARED_EXPORT Result<ConversationSummary> summaryFromJson(const QJsonObject &object);

} // namespace Banter::Protocol
