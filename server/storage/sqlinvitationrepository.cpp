// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlinvitationrepository.h"

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
const QString Columns =
    u"id, name, max_uses, uses_left, created_at, expires_at, COALESCE(revoked_at, 0)"_s;

Invitation invitationFrom(const SqlCursor &row)
{
    Invitation invitation;
    invitation.id = row.value(0).toLongLong();
    invitation.name = row.value(1).toString();
    invitation.maxUses = row.value(2).toInt();
    invitation.usesLeft = row.value(3).toInt();
    invitation.createdAtMs = row.value(4).toLongLong();
    invitation.expiresAtMs = row.value(5).toLongLong();
    invitation.revokedAtMs = row.value(6).toLongLong();
    return invitation;
}

// Why a token cannot register: one answer per cause, so the person holding it knows
// whether to ask again; an unknown and a revoked token look the same.
Error refusal(const std::optional<Invitation> &invitation, qint64 nowMs)
{
    if (!invitation || invitation->revokedAtMs != 0)
        return makeError(ErrorCode::InvitationInvalid,
                         u"this invitation is not valid; ask for a new one"_s);
    if (nowMs >= invitation->expiresAtMs)
        return makeError(ErrorCode::InvitationExpired, u"this invitation has expired"_s);
    return makeError(ErrorCode::InvitationUsed, u"this invitation has been used up"_s);
}
} // namespace

Result<Invitation> SqlInvitationRepository::create(const QByteArray &tokenHash, const QString &name,
                                                   int maxUses, qint64 nowMs, qint64 expiresAtMs)
{
    Result<SqlCursor> q = m_session.exec(
        u"INSERT INTO invitations (token_hash, name, max_uses, uses_left, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"_s,
        {tokenHash, name, maxUses, maxUses, nowMs, expiresAtMs});
    if (!q)
        return q.error();
    q->next();
    Invitation invitation;
    invitation.id = q->value(0).toLongLong();
    invitation.name = name;
    invitation.maxUses = maxUses;
    invitation.usesLeft = maxUses;
    invitation.createdAtMs = nowMs;
    invitation.expiresAtMs = expiresAtMs;
    return invitation;
}

Result<QList<Invitation>> SqlInvitationRepository::list(int limit)
{
    Result<SqlCursor> q = m_session.exec(
        u"SELECT "_s + Columns + u" FROM invitations ORDER BY id DESC LIMIT ?"_s, {limit});
    if (!q)
        return q.error();
    QList<Invitation> invitations;
    while (q->next())
        invitations.append(invitationFrom(*q));
    return invitations;
}

Status SqlInvitationRepository::revoke(qint64 id, qint64 nowMs)
{
    Result<SqlCursor> q = m_session.exec(
        u"UPDATE invitations SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?"_s, {nowMs, id});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return makeError(ErrorCode::NotFound, u"there is no invitation %1"_s.arg(id));
    return success();
}

Status SqlInvitationRepository::check(const QByteArray &tokenHash, qint64 nowMs)
{
    Result<SqlCursor> q = m_session.exec(
        u"SELECT "_s + Columns + u" FROM invitations WHERE token_hash = ?"_s, {tokenHash});
    if (!q)
        return q.error();
    std::optional<Invitation> found;
    if (q->next())
        found = invitationFrom(*q);
    if (found && found->usable(nowMs))
        return success();
    return refusal(found, nowMs);
}

Status SqlInvitationRepository::consume(const QByteArray &tokenHash, qint64 nowMs)
{
    // One statement, so two registrations racing for the last use cannot both get it.
    Result<SqlCursor> q = m_session.exec(
        u"UPDATE invitations SET uses_left = uses_left - 1 WHERE token_hash = ? AND uses_left > 0 AND revoked_at IS NULL AND expires_at > ?"_s,
        {tokenHash, nowMs});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 1)
        return success();
    // Not usable: say why. (Should check() find it usable after all, the row changed in
    // between; a refusal is still the right answer for this attempt.)
    Status why = check(tokenHash, nowMs);
    return why ? Status(refusal(std::nullopt, nowMs)) : why;
}

} // namespace Banter::Server
