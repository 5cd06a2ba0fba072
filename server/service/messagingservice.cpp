// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/messagingservice.h"

#include "service/mentions.h"
#include "service/replypaging.h"
#include "service/servicehelpers.h"
#include "service/syncpage.h"
#include <banter/domain/imageheader.h>
#include <banter/domain/messagecontent.h>
#include <banter/protocol/conversationmessages.h>
#include <banter/protocol/domainjson.h>
#include <banter/protocol/replybudget.h>
#include <banter/protocol/types.h>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
struct SendOutcome
{
    AppendedMessage appended;
    QList<UserId> members;
    Conversation conversation; // filled only when the send created it
    bool conversationCreated = false;
};

// The private conversation between sender and `to`, created on first use.
Result<std::pair<Conversation, bool>> privateConversationWith(Repositories &repos, UserId sender,
                                                              UserId to, qint64 nowMs)
{
    if (to == sender)
        return makeError(ErrorCode::BadRequest, u"you cannot message yourself with 'to'"_s);
    Result<std::optional<User>> recipient = repos.users.findById(to);
    if (!recipient)
        return recipient.error();
    if (!recipient->has_value())
        return makeError(ErrorCode::NotFound, u"no such user"_s);
    Result<std::optional<ConversationId>> existing = repos.conversations.findPrivate(sender, to);
    if (!existing)
        return existing.error();
    if (existing->has_value()) {
        Result<Conversation> c = loadConversationAsMember(repos, **existing, sender);
        if (!c)
            return c.error();
        return std::pair{std::move(c).value(), false};
    }
    const QList<Participant> members{{sender, ParticipantRole::Member, {}, {}, nowMs, 0, 0},
                                     {to, ParticipantRole::Member, {}, {}, nowMs, 0, 0}};
    Result<Conversation> created =
        repos.conversations.create(ConversationType::Private, {}, members, nowMs);
    if (!created)
        return created.error();
    return std::pair{std::move(created).value(), true};
}

// In a private conversation, the other member may have blocked the sender.
Status checkNotBlocked(Repositories &repos, ConversationType type, const QList<UserId> &members,
                       UserId sender)
{
    if (type != ConversationType::Private)
        return success();
    for (UserId member : members) {
        if (member == sender)
            continue;
        Result<bool> blocked = repos.contacts.isBlocked(member, sender);
        if (!blocked)
            return blocked.error();
        if (*blocked)
            return makeError(ErrorCode::Blocked, u"this user does not accept your messages"_s);
    }
    return success();
}

// An image or file message may only name a file its sender can read (their own upload, or
// one shared into a conversation they are in); sending it shares it into this conversation.
// Size and type are taken from the stored file, never from the message; an image's width
// and height must be what its stored header says.
Status shareAttachment(Repositories &repos, const FileStore &files, Message &message)
{
    if (message.type != MessageType::Image && message.type != MessageType::File)
        return success();
    Result<std::optional<StoredFile>> file =
        repos.files.findReadable(message.attachment.fileId, message.senderId);
    if (!file)
        return file.error();
    if (!file->has_value())
        return makeError(ErrorCode::NotFound, u"no such file"_s);
    const StoredFile &stored = **file;
    if (message.type == MessageType::Image && !stored.mimeType.startsWith(u"image/"_s))
        return makeError(ErrorCode::BadRequest,
                         u"an image message needs an image file, not %1"_s.arg(stored.mimeType));
    if (message.type == MessageType::Image) {
        // A header sits in the first bytes; a JPEG's frame header follows its metadata
        // segments (EXIF, colour profiles), which may take more: then up to 1 MiB is read.
        Status size = makeError(ErrorCode::Internal, u"the stored file cannot be read"_s);
        for (const qint64 headBytes : {64 * 1024, 1024 * 1024}) {
            const QByteArray head = files.readBlobHead(stored.sha256, headBytes);
            if (head.isEmpty())
                break;
            size = ImageHeader::checkDeclaredSize(message.attachment, head);
            if (size || head.size() < headBytes)
                break; // checked, or the whole file was read
        }
        if (!size)
            return size;
    }
    message.attachment.size = stored.size;
    message.attachment.mimeType = stored.mimeType;
    // Members read the name: nothing in it may disguise the file's real extension.
    message.attachment.name = MessageContent::neutralisedName(message.attachment.name);
    return repos.files.share(stored.id, message.conversationId);
}
} // namespace

MessagingService::MessagingService(ServiceContext context, FileStore files, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_files(std::move(files))
{ }

qint64 MessagingService::takeMessageToken(UserId sender)
{
    const qint64 now = m_context.clock();
    auto it = m_messageBuckets.find(sender);
    if (it == m_messageBuckets.end()) {
        it = m_messageBuckets.insert(
            sender,
            TokenBucket(m_context.limits.messagesPerSecond, m_context.limits.messageBurst, now));
    }
    return it->take(now);
}

QFuture<Result<Message>> MessagingService::send(UserId sender, ConnectionId origin,
                                                const Protocol::SendMessageRequest &request)
{
    Message message;
    message.id = request.id;
    message.conversationId = request.conversationId;
    message.senderId = sender;
    message.type = request.type;
    message.content = request.content;
    message.attachment = request.attachment;
    message.replyTo = request.replyTo;
    if (Status valid = MessageContent::validateForSend(message); !valid)
        return readyResult<Message>(valid.error());
    if (Status thumbnail = ImageHeader::validateThumbnail(message.type, message.attachment);
        !thumbnail)
        return readyResult<Message>(thumbnail.error());
    if (const qint64 wait = takeMessageToken(sender); wait > 0)
        return readyResult<Message>(
            makeError(ErrorCode::RateLimited, u"too many messages; slow down"_s, wait));

    const qint64 now = m_context.clock();
    const UserId to = request.to;
    const QList<UserId> listedMentions = request.mentions;
    return runInStorage<SendOutcome>(
               m_context.storage,
               [message, to, now, listedMentions,
                files = m_files](Repositories &repos) mutable -> Result<SendOutcome> {
                   SendOutcome outcome;
                   ConversationType type = ConversationType::Private;
                   if (to > 0) {
                       auto resolved = privateConversationWith(repos, message.senderId, to, now);
                       if (!resolved)
                           return resolved.error();
                       outcome.conversation = std::move(resolved->first);
                       outcome.conversationCreated = resolved->second;
                       outcome.members = memberIds(outcome.conversation);
                       message.conversationId = outcome.conversation.id;
                   } else {
                       Result<std::optional<ConversationMembers>> found =
                           repos.conversations.members(message.conversationId);
                       if (!found)
                           return found.error();
                       // Not a member looks the same as no such conversation.
                       if (!found->has_value() || !(*found)->members.contains(message.senderId))
                           return makeError(ErrorCode::NotFound, u"no such conversation"_s);
                       type = (*found)->type;
                       outcome.members = std::move((*found)->members);
                   }
                   if (Status allowed =
                           checkNotBlocked(repos, to > 0 ? ConversationType::Private : type,
                                           outcome.members, message.senderId);
                       !allowed)
                       return allowed.error();
                   if (Status shared = shareAttachment(repos, files, message); !shared)
                       return shared.error();
                   if (!message.replyTo.isNull()) {
                       // Only a message of this conversation that its reader can see: not a
                       // change event, not a deleted one.
                       Result<std::optional<Message>> original =
                           repos.messages.findById(message.replyTo);
                       if (!original)
                           return original.error();
                       if (!original->has_value()
                           || (*original)->conversationId != message.conversationId
                           || (*original)->isMessageChange() || (*original)->isDeleted())
                           return makeError(ErrorCode::NotFound, u"no such message to reply to"_s);
                       message.replyPreview = replyPreviewOf(**original);
                   }
                   Result<QList<UserId>> mentions = resolveMentions(
                       repos, message.content, listedMentions, outcome.members, message.senderId);
                   if (!mentions)
                       return mentions.error();
                   message.mentions = std::move(mentions).value();
                   message.createdAtMs = now;
                   Result<AppendedMessage> appended = repos.messages.append(message);
                   if (!appended)
                       return appended.error();
                   outcome.appended = std::move(appended).value();
                   if (outcome.conversationCreated) {
                       if (Status named = fillParticipantNames(repos, outcome.conversation); !named)
                           return named.error();
                       outcome.conversation.lastSeq = outcome.appended.message.seq;
                   }
                   return outcome;
               })
        .then(this, [this, origin](Result<SendOutcome> outcome) -> Result<Message> {
            if (!outcome)
                return outcome.error();
            const QList<UserId> &members = outcome->members;
            if (outcome->conversationCreated) {
                m_context.pushes.push(members, Protocol::Type::ConversationUpdated,
                                      Protocol::ConversationReply{outcome->conversation}.toJson());
            }
            // A resend after a lost ack gets the original answer and reaches nobody twice.
            // The sender's own connection is skipped: it gets the reply instead.
            if (!outcome->appended.duplicate) {
                m_context.pushes.push(members, Protocol::Type::NewMessage,
                                      Protocol::MessageReply{outcome->appended.message}.toJson(),
                                      origin);
            }
            return std::move(outcome->appended.message);
        });
}

QFuture<Result<Protocol::HistoryReply>>
MessagingService::history(UserId user, const Protocol::HistoryRequest &request)
{
    return runInStorage<Protocol::HistoryReply>(
        m_context.storage, [user, request](Repositories &repos) -> Result<Protocol::HistoryReply> {
            Result<std::optional<Seq>> last =
                repos.conversations.lastSeqIfMember(request.conversationId, user);
            if (!last)
                return last.error();
            if (!last->has_value())
                return makeError(ErrorCode::NotFound, u"no such conversation"_s);
            // A page is a slice of the stream, change events included (so a client's range of
            // seqs stays without gaps), but its messages are read in their current state: the
            // changes in it are already applied to them and a client does not apply them again.
            const MessageReadOptions options{user, true};
            Protocol::HistoryReply reply;
            if (request.around > 0) {
                // Half before the seq, the rest from it on; one extra row each way tells
                // whether more remain.
                const int olderLimit = request.limit / 2;
                const int newerLimit = request.limit - olderLimit;
                Result<QList<Message>> older = repos.messages.before(
                    request.conversationId, request.around, olderLimit + 1, options);
                if (!older)
                    return older.error();
                Result<QList<Message>> newer = repos.messages.after(
                    request.conversationId, request.around - 1, newerLimit + 1, options);
                if (!newer)
                    return newer.error();
                reply.hasMore = older->size() > olderLimit;
                if (reply.hasMore)
                    older->removeFirst();
                reply.hasNewer = newer->size() > newerLimit;
                if (reply.hasNewer)
                    newer->removeLast();
                reply.messages = std::move(older).value() + std::move(newer).value();
                cutHistory(reply, request.around, Protocol::ListReplyTargetBytes);
                return reply;
            }
            const Seq before = request.beforeSeq > 0 ? request.beforeSeq : **last + 1;
            // One extra row tells whether older messages remain.
            Result<QList<Message>> page =
                repos.messages.before(request.conversationId, before, request.limit + 1, options);
            if (!page)
                return page.error();
            reply.messages = std::move(page).value();
            reply.hasMore = reply.messages.size() > request.limit;
            if (reply.hasMore)
                reply.messages.removeFirst();
            cutHistory(reply, 0, Protocol::ListReplyTargetBytes);
            return reply;
        });
}

QFuture<Result<Protocol::SyncReply>> MessagingService::sync(UserId user,
                                                            const Protocol::SyncRequest &request)
{
    const int gapLimit = m_context.limits.syncGapLimit;
    const qint64 pageBytes = m_context.limits.syncPageBytes;
    return runInStorage<Protocol::SyncReply>(
        m_context.storage,
        [user, request, gapLimit, pageBytes](Repositories &repos) -> Result<Protocol::SyncReply> {
            Result<QList<ConversationId>> ids = repos.conversations.idsForUser(user);
            if (!ids)
                return ids.error();
            SyncPage page(request, gapLimit, pageBytes);
            for (ConversationId id : *ids) {
                if (id <= request.after)
                    continue;
                if (request.through > 0 && id > request.through) {
                    // The client's positions end here: the rest on the next request.
                    page.stopHere();
                    break;
                }
                Result<bool> added = page.add(repos, user, id);
                if (!added)
                    return added.error();
                if (!*added)
                    break;
            }
            return page.take();
        });
}

} // namespace Banter::Server
