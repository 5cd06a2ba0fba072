// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/domain/conversation.h>
#include <banter/domain/messagecontent.h>

namespace Banter {

const Participant *Conversation::participant(UserId user) const
{
    for (const Participant &p : participants) {
        if (p.userId == user)
            return &p;
    }
    return nullptr;
}

bool Conversation::isAdmin(UserId user) const
{
    const Participant *p = participant(user);
    return p && p->role == ParticipantRole::Admin;
}

namespace ConversationRules {

Status validateGroupName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return makeError(ErrorCode::BadRequest, QStringLiteral("group name must not be empty"));
    if (MessageContent::characterCount(name) > MaxGroupNameLength)
        return makeError(ErrorCode::TooLarge,
                         QStringLiteral("group name is longer than %1 "
                                        "characters")
                             .arg(MaxGroupNameLength));
    if (!MessageContent::isWellFormedText(name))
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("group name contains invalid characters"));
    if (!MessageContent::isSafeName(name))
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("group name must not contain control characters or "
                                        "text direction marks"));
    return success();
}

Status checkMember(const Conversation &conversation, UserId user)
{
    if (!conversation.isMember(user))
        return makeError(ErrorCode::NotFound, QStringLiteral("no such conversation"));
    return success();
}

Status checkCanManage(const Conversation &conversation, UserId user)
{
    if (Status member = checkMember(conversation, user); !member)
        return member;
    if (conversation.type != ConversationType::Group)
        return makeError(ErrorCode::Forbidden,
                         QStringLiteral("private conversations cannot be changed"));
    if (!conversation.isAdmin(user))
        return makeError(ErrorCode::Forbidden, QStringLiteral("only group admins can do this"));
    return success();
}

} // namespace ConversationRules
} // namespace Banter

namespace Banter::RetentionRules {

int stricterDays(int a, int b)
{
    if (a == 0)
        return b;
    if (b == 0)
        return a;
    return qMin(a, b);
}

RetentionPolicy stricter(const RetentionPolicy &a, const RetentionPolicy &b)
{
    return {stricterDays(a.messageDays, b.messageDays), stricterDays(a.fileDays, b.fileDays)};
}

Status validate(const RetentionPolicy &policy)
{
    if (policy.messageDays < 0 || policy.messageDays > MaxDays || policy.fileDays < 0
        || policy.fileDays > MaxDays)
        return makeError(
            ErrorCode::BadRequest,
            QStringLiteral("retention days must be from 0 (keep forever) to %1").arg(MaxDays));
    return success();
}

Status checkCanSetRetention(const Conversation &conversation, UserId user)
{
    if (Status member = ConversationRules::checkMember(conversation, user); !member)
        return member;
    if (conversation.type == ConversationType::Group && !conversation.isAdmin(user))
        return makeError(ErrorCode::Forbidden,
                         QStringLiteral("only group admins can set the retention policy"));
    return success();
}

} // namespace Banter::RetentionRules
