// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Wire names of every request and push. Append only: renaming one breaks every client.
// The first four come from Banter's reference design (auth, message, ping/pong, read,
// new_message).

#include <QLatin1String>

namespace Banter::Protocol::Type {

// Session
inline constexpr QLatin1String Hello{"hello"};
inline constexpr QLatin1String Register{"register"};
inline constexpr QLatin1String Login{"login"};
inline constexpr QLatin1String Auth{"auth"};
inline constexpr QLatin1String Refresh{"refresh"};
inline constexpr QLatin1String Logout{"logout"};
inline constexpr QLatin1String Sessions{"sessions"};
inline constexpr QLatin1String RevokeSession{"revoke_session"};
inline constexpr QLatin1String ChangePassword{"change_password"};
inline constexpr QLatin1String Ping{"ping"};
inline constexpr QLatin1String Pong{"pong"}; // the response type of ping
// Conversations
inline constexpr QLatin1String Conversations{"conversations"};
inline constexpr QLatin1String ConversationInfo{"conversation"};
inline constexpr QLatin1String CreatePrivate{"create_private"};
inline constexpr QLatin1String CreateGroup{"create_group"};
inline constexpr QLatin1String AddMembers{"add_members"};
inline constexpr QLatin1String RemoveMember{"remove_member"};
inline constexpr QLatin1String Leave{"leave"};
inline constexpr QLatin1String Rename{"rename"};
// Messaging
inline constexpr QLatin1String Message{"message"};
inline constexpr QLatin1String History{"history"};
inline constexpr QLatin1String Sync{"sync"};
inline constexpr QLatin1String Read{"read"};
inline constexpr QLatin1String Delivered{"delivered"};
inline constexpr QLatin1String Typing{"typing"};
// People
inline constexpr QLatin1String Users{"users"};
inline constexpr QLatin1String SetPresence{"presence"};
inline constexpr QLatin1String Contacts{"contacts"};
inline constexpr QLatin1String AddContact{"add_contact"};
inline constexpr QLatin1String RemoveContact{"remove_contact"};
inline constexpr QLatin1String Block{"block"};
inline constexpr QLatin1String Unblock{"unblock"};
// File transfer (on the /transfer connection)
inline constexpr QLatin1String UploadStart{"upload_start"};
inline constexpr QLatin1String UploadFinish{"upload_finish"};
inline constexpr QLatin1String UploadCancel{"upload_cancel"};
inline constexpr QLatin1String Download{"download"};
inline constexpr QLatin1String DownloadCancel{"download_cancel"};
inline constexpr QLatin1String File{"file"};

// Pushes (server to client, no rid)
inline constexpr QLatin1String NewMessage{"new_message"};
inline constexpr QLatin1String Receipt{"receipt"};
inline constexpr QLatin1String TypingPush{"typing"};
inline constexpr QLatin1String PresencePush{"presence"};
inline constexpr QLatin1String ConversationUpdated{"conversation_updated"};
inline constexpr QLatin1String ConversationRemoved{"conversation_removed"};
inline constexpr QLatin1String SessionRevoked{"session_revoked"};
inline constexpr QLatin1String UploadProgress{"upload_progress"};
inline constexpr QLatin1String UploadFailed{"upload_failed"};
inline constexpr QLatin1String DownloadFailed{"download_failed"};

} // namespace Banter::Protocol::Type

// Kinds of system event, the "event" field of a system message (domain/systemevent.h).
// Append only, as above.
namespace Banter::Protocol::Event {

inline constexpr QLatin1String GroupCreated{"group_created"};
inline constexpr QLatin1String MembersAdded{"members_added"};
inline constexpr QLatin1String MemberRemoved{"member_removed"};
inline constexpr QLatin1String MemberLeft{"member_left"};
inline constexpr QLatin1String Renamed{"renamed"};

} // namespace Banter::Protocol::Event
