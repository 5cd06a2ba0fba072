// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/domain/ids.h>
#include <banter/protocol/adminmessages.h>
#include <banter/protocol/domainjson.h>
#include <banter/protocol/jsonreader_p.h>

namespace Banter::Protocol {

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 MaxTimeMs = MaxJsonSafeInteger;
// More than a page can hold: a client decodes what any server version may send.
constexpr int MaxAccountsOnWire = 10'000;
using R = JsonReader;
} // namespace

QJsonObject AdminUsersRequest::toJson() const
{
    QJsonObject object{{u"after"_s, after}, {u"limit"_s, limit}};
    if (!query.isEmpty())
        object.insert(u"query"_s, query);
    return object;
}

Result<AdminUsersRequest> AdminUsersRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    AdminUsersRequest v;
    v.after = r.string("after"_L1, UserRules::MaxUsernameLength, R::Optional);
    v.limit = int(r.integer("limit"_L1, 1, MaxLimit, R::Optional, DefaultLimit));
    v.query = r.string("query"_L1, UserRules::MaxDisplayNameLength, R::Optional);
    return r.finish(v);
}

QJsonObject AdminAccount::toJson() const
{
    return {
        {u"user"_s, Protocol::toJson(user)}, {u"disabled"_s, disabled},    {u"admin"_s, admin},
        {u"disabled_at"_s, disabledAtMs},    {u"last_seen"_s, lastSeenMs}, {u"online"_s, online}};
}

Result<AdminAccount> AdminAccount::fromJson(const QJsonObject &object)
{
    R r(object, u"account"_s);
    AdminAccount v;
    v.user = r.nested<User>("user"_L1, userFromJson);
    v.disabled = r.boolean("disabled"_L1);
    v.admin = r.boolean("admin"_L1);
    v.disabledAtMs = r.integer("disabled_at"_L1, 0, MaxTimeMs);
    v.lastSeenMs = r.integer("last_seen"_L1, 0, MaxTimeMs);
    v.online = r.boolean("online"_L1, R::Optional);
    return r.finish(v);
}

QJsonObject AdminUsersReply::toJson() const
{
    QJsonArray list;
    for (const AdminAccount &account : users)
        list.append(account.toJson());
    return {{u"users"_s, list}, {u"has_more"_s, hasMore}};
}

Result<AdminUsersReply> AdminUsersReply::fromJson(const QJsonObject &object)
{
    R r(object);
    AdminUsersReply v;
    const QJsonArray list = r.array("users"_L1, MaxAccountsOnWire);
    v.hasMore = r.boolean("has_more"_L1);
    for (const auto &item : list) {
        if (!r.ok())
            break;
        if (!item.isObject()) {
            r.fail(ErrorCode::BadRequest, u"users entries must be objects"_s);
            break;
        }
        Result<AdminAccount> account = AdminAccount::fromJson(item.toObject());
        if (!account)
            r.fail(account.error());
        else
            v.users.append(*account);
    }
    return r.finish(v);
}

QJsonObject AdminSetDisabledRequest::toJson() const
{
    return {{u"username"_s, username}, {u"disabled"_s, disabled}};
}

Result<AdminSetDisabledRequest> AdminSetDisabledRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    AdminSetDisabledRequest v;
    v.username = r.string("username"_L1, UserRules::MaxUsernameLength);
    v.disabled = r.boolean("disabled"_L1);
    return r.finish(v);
}

QJsonObject AdminSetAdminRequest::toJson() const
{
    return {{u"username"_s, username}, {u"admin"_s, admin}};
}

Result<AdminSetAdminRequest> AdminSetAdminRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    AdminSetAdminRequest v;
    v.username = r.string("username"_L1, UserRules::MaxUsernameLength);
    v.admin = r.boolean("admin"_L1);
    return r.finish(v);
}

QJsonObject AdminResetPasswordRequest::toJson() const
{
    QJsonObject object{{u"username"_s, username}};
    if (!password.isEmpty())
        object.insert(u"password"_s, password);
    return object;
}

Result<AdminResetPasswordRequest> AdminResetPasswordRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    AdminResetPasswordRequest v;
    v.username = r.string("username"_L1, UserRules::MaxUsernameLength);
    v.password = r.string("password"_L1, UserRules::MaxPasswordBytes, R::Optional);
    return r.finish(v);
}

QJsonObject AdminResetPasswordReply::toJson() const
{
    return {{u"password"_s, password}};
}

Result<AdminResetPasswordReply> AdminResetPasswordReply::fromJson(const QJsonObject &object)
{
    R r(object);
    AdminResetPasswordReply v;
    v.password = r.string("password"_L1, UserRules::MaxPasswordBytes);
    return r.finish(v);
}

QJsonObject AdminSessionsRequest::toJson() const
{
    return {{u"username"_s, username}};
}

Result<AdminSessionsRequest> AdminSessionsRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    AdminSessionsRequest v;
    v.username = r.string("username"_L1, UserRules::MaxUsernameLength);
    return r.finish(v);
}

QJsonObject AdminRevokeSessionRequest::toJson() const
{
    if (sessionId != 0)
        return {{u"session_id"_s, sessionId}};
    return {{u"username"_s, username}};
}

Result<AdminRevokeSessionRequest> AdminRevokeSessionRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    AdminRevokeSessionRequest v;
    v.sessionId = r.id("session_id"_L1, R::Optional);
    v.username = r.string("username"_L1, UserRules::MaxUsernameLength, R::Optional);
    if (r.ok() && (v.sessionId != 0) == !v.username.isEmpty())
        r.fail(ErrorCode::BadRequest, u"give either 'session_id' or 'username'"_s);
    return r.finish(v);
}

QJsonObject AdminRevokeSessionReply::toJson() const
{
    return {{u"revoked"_s, revoked}};
}

Result<AdminRevokeSessionReply> AdminRevokeSessionReply::fromJson(const QJsonObject &object)
{
    R r(object);
    AdminRevokeSessionReply v;
    v.revoked = int(r.integer("revoked"_L1, 0, 1'000'000));
    return r.finish(v);
}

} // namespace Banter::Protocol
