// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Wire names of every request and push. Append only: renaming one breaks every client.
// The first four come from Banter's reference design (auth, message, ping/pong, read,
// new_message).

#include <QLatin1String>

namespace Banter::Protocol::Type {

// Session
/// Agree on the protocol version; learn the server's limits.
inline constexpr QLatin1String Hello{"hello"};
/// Make an account and sign in.
inline constexpr QLatin1String Register{"register"};
/// Sign in with a password.
inline constexpr QLatin1String Login{"login"};
/// Sign a connection in with an access token.
inline constexpr QLatin1String Auth{"auth"};
/// Trade a refresh token for new tokens.
inline constexpr QLatin1String Refresh{"refresh"};
/// End this session.
inline constexpr QLatin1String Logout{"logout"};
/// List my signed-in devices.
inline constexpr QLatin1String Sessions{"sessions"};
/// Sign one of my devices out.
inline constexpr QLatin1String RevokeSession{"revoke_session"};
/// Set a new password.
inline constexpr QLatin1String ChangePassword{"change_password"};
/// Keep the connection alive, check the server answers.
inline constexpr QLatin1String Ping{"ping"};
/// The response type of ping.
inline constexpr QLatin1String Pong{"pong"};
// Conversations
/// My conversation list.
inline constexpr QLatin1String Conversations{"conversations"};
/// One conversation with its members.
inline constexpr QLatin1String ConversationInfo{"conversation"};
/// The private conversation with a user.
inline constexpr QLatin1String CreatePrivate{"create_private"};
/// A new group.
inline constexpr QLatin1String CreateGroup{"create_group"};
/// Add users to a group.
inline constexpr QLatin1String AddMembers{"add_members"};
/// Remove a member from a group.
inline constexpr QLatin1String RemoveMember{"remove_member"};
/// Leave a group.
inline constexpr QLatin1String Leave{"leave"};
/// Rename a group.
inline constexpr QLatin1String Rename{"rename"};
/// Set a conversation's retention policy (group admins; either member of a private one).
inline constexpr QLatin1String SetRetention{"set_retention"};
// Messaging
/// Send a message.
inline constexpr QLatin1String Message{"message"};
/// A page of older messages.
inline constexpr QLatin1String History{"history"};
/// Everything since the client's positions.
inline constexpr QLatin1String Sync{"sync"};
/// My read position in a conversation.
inline constexpr QLatin1String Read{"read"};
/// My delivered position in a conversation.
inline constexpr QLatin1String Delivered{"delivered"};
/// I am typing, or stopped
inline constexpr QLatin1String Typing{"typing"};
/// Full-text search over the messages I may read.
inline constexpr QLatin1String Search{"search"};
/// Change the text of my message.
inline constexpr QLatin1String EditMessage{"edit_message"};
/// Delete a message (mine, or any as a group admin), leaving a tombstone.
inline constexpr QLatin1String DeleteMessage{"delete_message"};
/// Add my reaction to a message.
inline constexpr QLatin1String React{"react"};
/// Take my reaction back.
inline constexpr QLatin1String Unreact{"unreact"};
/// Who reacted to a message, per emoji.
inline constexpr QLatin1String Reactions{"reactions"};
// People
/// Find people.
inline constexpr QLatin1String Users{"users"};
/// Set my status (online or away).
inline constexpr QLatin1String SetPresence{"presence"};
/// My contact list.
inline constexpr QLatin1String Contacts{"contacts"};
/// The presence of everyone I share a conversation with.
inline constexpr QLatin1String Presences{"presences"};
/// Change my display name or picture.
inline constexpr QLatin1String UpdateProfile{"update_profile"};
/// One user's picture.
inline constexpr QLatin1String Avatar{"avatar"};
/// Add a contact.
inline constexpr QLatin1String AddContact{"add_contact"};
/// Remove a contact.
inline constexpr QLatin1String RemoveContact{"remove_contact"};
/// Block a user.
inline constexpr QLatin1String Block{"block"};
/// Unblock a user.
inline constexpr QLatin1String Unblock{"unblock"};
// File transfer (on the /transfer connection)
/// Start or resume an upload.
inline constexpr QLatin1String UploadStart{"upload_start"};
/// Complete an upload; the file is stored.
inline constexpr QLatin1String UploadFinish{"upload_finish"};
/// Abandon an upload.
inline constexpr QLatin1String UploadCancel{"upload_cancel"};
/// Start or resume a download.
inline constexpr QLatin1String Download{"download"};
/// Stop a download.
inline constexpr QLatin1String DownloadCancel{"download_cancel"};
/// Describe a stored file.
inline constexpr QLatin1String File{"file"};
// Server administration (server admins only; everyone else gets forbidden)
/// A page of accounts with their state.
inline constexpr QLatin1String AdminUsers{"admin_users"};
/// Disable or enable an account.
inline constexpr QLatin1String AdminSetDisabled{"admin_set_disabled"};
/// Set an account's password; its sessions end.
inline constexpr QLatin1String AdminResetPassword{"admin_reset_password"};
/// Grant or take server admin rights.
inline constexpr QLatin1String AdminSetAdmin{"admin_set_admin"};
/// The live sessions of an account.
inline constexpr QLatin1String AdminSessions{"admin_sessions"};
/// End one session, or every session of an account.
inline constexpr QLatin1String AdminRevokeSession{"admin_revoke_session"};
/// Delete a file I uploaded (on the chat connection).
inline constexpr QLatin1String DeleteFile{"delete_file"};

// Pushes (server to client, no rid)
/// A message arrived in one of my conversations.
inline constexpr QLatin1String NewMessage{"new_message"};
/// A member's read or delivered position rose.
inline constexpr QLatin1String Receipt{"receipt"};
/// Another member is typing, or stopped.
inline constexpr QLatin1String TypingPush{"typing"};
/// A contact's or co-member's presence changed.
inline constexpr QLatin1String PresencePush{"presence"};
/// Someone I chat with (or I, on another device) changed their profile.
inline constexpr QLatin1String UserUpdated{"user_updated"};
/// A conversation changed (members, name) or I was added to one.
inline constexpr QLatin1String ConversationUpdated{"conversation_updated"};
/// I left or was removed from a conversation
inline constexpr QLatin1String ConversationRemoved{"conversation_removed"};
/// This connection's session ended; the server closes it.
inline constexpr QLatin1String SessionRevoked{"session_revoked"};
/// Bytes of an upload stored so far.
inline constexpr QLatin1String UploadProgress{"upload_progress"};
/// An upload stopped outside any request.
inline constexpr QLatin1String UploadFailed{"upload_failed"};
/// A download stopped outside any request.
inline constexpr QLatin1String DownloadFailed{"download_failed"};
/// People joined a group (member_deltas connections; others get conversation_updated).
inline constexpr QLatin1String MembersAdded{"members_added"};
/// A member was removed from or left a group (member_deltas connections).
inline constexpr QLatin1String MemberRemoved{"member_removed"};
/// A group was renamed (member_deltas connections).
inline constexpr QLatin1String ConversationRenamed{"conversation_renamed"};

} // namespace Banter::Protocol::Type

// Kinds of system event, the "event" field of a system message (domain/systemevent.h).
// Append only, as above.
namespace Banter::Protocol::Event {

inline constexpr QLatin1String GroupCreated{"group_created"};
inline constexpr QLatin1String MembersAdded{"members_added"};
inline constexpr QLatin1String MemberRemoved{"member_removed"};
inline constexpr QLatin1String MemberLeft{"member_left"};
inline constexpr QLatin1String Renamed{"renamed"};
inline constexpr QLatin1String MessageEdited{"message_edited"};
inline constexpr QLatin1String MessageDeleted{"message_deleted"};
inline constexpr QLatin1String ReactionAdded{"reaction_added"};
inline constexpr QLatin1String ReactionRemoved{"reaction_removed"};

} // namespace Banter::Protocol::Event

// Optional behaviours a client announces in hello (`features`) and the server confirms in its
// reply. Append only, as above.
namespace Banter::Protocol::Feature {

/// Membership changes and renames arrive as members_added, member_removed and
/// conversation_renamed pushes instead of the whole conversation in conversation_updated.
inline constexpr QLatin1String MemberDeltas{"member_deltas"};

} // namespace Banter::Protocol::Feature
