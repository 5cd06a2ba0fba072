// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Every codec of a frame's `data` object, requests (what the server decodes) and replies and
// pushes (what the client decodes). The first byte picks the codec, the rest is the JSON.
// Besides not crashing: what a codec accepts, it encodes to an object it accepts again, as
// the same value. A new request, reply or push type is added to the table below.

#include "fuzzcheck.h"
#include <banter/protocol/adminmessages.h>
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/conversationmessages.h>
#include <banter/protocol/domainjson.h>
#include <banter/protocol/memberdeltas.h>
#include <banter/protocol/peoplemessages.h>
#include <banter/protocol/searchmessages.h>
#include <banter/protocol/sessionmessages.h>
#include <banter/protocol/systemevent.h>
#include <banter/protocol/transfermessages.h>

#include <QJsonDocument>

#include <array>
#include <concepts>

using namespace Banter;
using namespace Banter::Protocol;

namespace {
using Codec = void (*)(const QJsonObject &);

// T::fromJson, then T::toJson and T::fromJson again: the same value.
template<typename T>
void roundTrip(const QJsonObject &object)
{
    const Result<T> decoded = T::fromJson(object);
    if (!decoded)
        return;
    const Result<T> again = T::fromJson(decoded->toJson());
    Fuzz::check(again.ok(), "what a codec accepted, encoded, is accepted again");
    if constexpr (std::equality_comparable<T>)
        Fuzz::check(*again == *decoded, "a value survives encode and decode");
}

// The domain decoders (free functions), under the same property.
template<typename T, Result<T> (*decode)(const QJsonObject &)>
void domainRoundTrip(const QJsonObject &object)
{
    const Result<T> decoded = decode(object);
    if (!decoded)
        return;
    const Result<T> again = decode(toJson(*decoded));
    Fuzz::check(again.ok(), "what a domain decoder accepted, encoded, is accepted again");
    if constexpr (std::equality_comparable<T>)
        Fuzz::check(*again == *decoded, "a domain value survives encode and decode");
}

constexpr std::array codecs{
    Codec(&roundTrip<SendMessageRequest>),
    Codec(&roundTrip<MessageReply>),
    Codec(&roundTrip<HistoryRequest>),
    Codec(&roundTrip<HistoryReply>),
    Codec(&roundTrip<SyncRequest>),
    Codec(&roundTrip<SyncReply>),
    Codec(&roundTrip<ReceiptRequest>),
    Codec(&roundTrip<ReceiptPush>),
    Codec(&roundTrip<TypingRequest>),
    Codec(&roundTrip<TypingPush>),
    Codec(&roundTrip<EditMessageRequest>),
    Codec(&roundTrip<MessageRef>),
    Codec(&roundTrip<ReactionRequest>),
    Codec(&roundTrip<ReactionReply>),
    Codec(&roundTrip<ReactorsReply>),
    Codec(&roundTrip<ConversationRef>),
    Codec(&roundTrip<ConversationReply>),
    Codec(&roundTrip<ConversationsReply>),
    Codec(&roundTrip<CreatePrivateRequest>),
    Codec(&roundTrip<CreateGroupRequest>),
    Codec(&roundTrip<AddMembersRequest>),
    Codec(&roundTrip<RemoveMemberRequest>),
    Codec(&roundTrip<RenameRequest>),
    Codec(&roundTrip<UserSearchRequest>),
    Codec(&roundTrip<UsersReply>),
    Codec(&roundTrip<SetPresenceRequest>),
    Codec(&roundTrip<PresencePush>),
    Codec(&roundTrip<PresencesReply>),
    Codec(&roundTrip<UpdateProfileRequest>),
    Codec(&roundTrip<UserReply>),
    Codec(&roundTrip<AvatarReply>),
    Codec(&roundTrip<ContactsReply>),
    Codec(&roundTrip<ContactReply>),
    Codec(&roundTrip<AddContactRequest>),
    Codec(&roundTrip<UserRef>),
    Codec(&roundTrip<SessionRevokedPush>),
    Codec(&roundTrip<SearchRequest>),
    Codec(&roundTrip<SearchHit>),
    Codec(&roundTrip<SearchReply>),
    Codec(&roundTrip<HelloRequest>),
    Codec(&roundTrip<HelloReply>),
    Codec(&roundTrip<RegisterRequest>),
    Codec(&roundTrip<LoginRequest>),
    Codec(&roundTrip<AuthGrant>),
    Codec(&roundTrip<AuthRequest>),
    Codec(&roundTrip<AuthReply>),
    Codec(&roundTrip<RefreshRequest>),
    Codec(&roundTrip<SessionsReply>),
    Codec(&roundTrip<RevokeSessionRequest>),
    Codec(&roundTrip<ChangePasswordRequest>),
    Codec(&roundTrip<PongReply>),
    Codec(&roundTrip<FileInfo>),
    Codec(&roundTrip<UploadStartRequest>),
    Codec(&roundTrip<UploadStartReply>),
    Codec(&roundTrip<UploadRef>),
    Codec(&roundTrip<FileReply>),
    Codec(&roundTrip<DownloadRequest>),
    Codec(&roundTrip<TransferFailedPush>),
    Codec(&domainRoundTrip<User, &userFromJson>),
    Codec(&domainRoundTrip<Attachment, &attachmentFromJson>),
    Codec(&domainRoundTrip<Message, &messageFromJson>),
    Codec(&domainRoundTrip<Participant, &participantFromJson>),
    Codec(&domainRoundTrip<Conversation, &conversationFromJson>),
    Codec(&domainRoundTrip<Presence, &presenceFromJson>),
    Codec(&domainRoundTrip<SystemEvent, &systemEventFromJson>),
    Codec(&roundTrip<AdminUsersRequest>),
    Codec(&roundTrip<AdminUsersReply>),
    Codec(&roundTrip<AdminSetDisabledRequest>),
    Codec(&roundTrip<AdminSetAdminRequest>),
    Codec(&roundTrip<AdminResetPasswordRequest>),
    Codec(&roundTrip<AdminResetPasswordReply>),
    Codec(&roundTrip<AdminSessionsRequest>),
    Codec(&roundTrip<AdminRevokeSessionRequest>),
    Codec(&roundTrip<AdminRevokeSessionReply>),
    Codec(&roundTrip<SetRetentionRequest>),
    Codec(&roundTrip<DeleteFileRequest>),
    Codec(&roundTrip<MembersAddedPush>),
    Codec(&roundTrip<MemberRemovedPush>),
    Codec(&roundTrip<ConversationRenamedPush>),
};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const QJsonDocument document = QJsonDocument::fromJson(Fuzz::bytes(data + 1, size - 1));
    if (!document.isObject())
        return 0;
    codecs.at(data[0] % codecs.size())(document.object());
    return 0;
}
