// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/domain/ids.h>
#include <banter/protocol/domainjson.h>
#include <banter/protocol/jsonreader_p.h>
#include <banter/protocol/sessionmessages.h>

namespace Banter::Protocol {

using namespace Qt::StringLiterals;

namespace {
constexpr int MaxTokenChars = 4096;
constexpr int MaxClientNameChars = 128;
constexpr qint64 MaxTimeMs = MaxJsonSafeInteger;
using R = JsonReader;

// An optional list of short names: `features` of hello and of its reply.
QStringList featureList(R &r)
{
    const QJsonArray items = r.array("features"_L1, HelloRequest::MaxFeatures, R::Optional);
    QStringList names;
    for (const auto &item : items) {
        const QString name = item.toString();
        if (!item.isString() || name.isEmpty() || name.size() > HelloRequest::MaxFeatureChars) {
            r.fail(ErrorCode::BadRequest,
                   u"'features' must be a list of names of 1 to %1 characters"_s.arg(
                       HelloRequest::MaxFeatureChars));
            return {};
        }
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

void insertFeatures(QJsonObject &json, const QStringList &features)
{
    if (!features.isEmpty())
        json.insert(u"features"_s, QJsonArray::fromStringList(features));
}

} // namespace

QJsonObject HelloRequest::toJson() const
{
    QJsonObject json{{u"protocol"_s, protocol}, {u"client"_s, client}};
    insertFeatures(json, features);
    return json;
}

Result<HelloRequest> HelloRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    HelloRequest v;
    v.protocol = int(r.integer("protocol"_L1, 1, 1'000'000));
    v.client = r.string("client"_L1, MaxClientNameChars, R::Optional);
    v.features = featureList(r);
    return r.finish(v);
}

QJsonObject HelloReply::toJson() const
{
    QJsonObject jsonLimits{{u"max_message_chars"_s, limits.maxMessageChars},
                           {u"max_request_bytes"_s, limits.maxRequestBytes},
                           {u"history_page_max"_s, limits.historyPageMax},
                           {u"sync_page_max"_s, limits.syncPageMax},
                           {u"max_group_size"_s, limits.maxGroupSize},
                           {u"registration_open"_s, limits.registrationOpen},
                           {u"requests_per_second"_s, limits.requestsPerSecond},
                           {u"request_burst"_s, limits.requestBurst},
                           {u"edit_window_seconds"_s, limits.editWindowSeconds}};
    if (limits.invitationRequired)
        jsonLimits.insert(u"invitation_required"_s, true);
    QJsonObject json{{u"protocol"_s, protocol}, {u"server"_s, server}, {u"limits"_s, jsonLimits}};
    insertFeatures(json, features);
    return json;
}

Result<HelloReply> HelloReply::fromJson(const QJsonObject &object)
{
    R r(object);
    HelloReply v;
    v.protocol = int(r.integer("protocol"_L1, 1, 1'000'000));
    v.server = r.string("server"_L1, MaxClientNameChars, R::Optional);
    R l(r.object("limits"_L1), u"limits"_s);
    v.limits.maxMessageChars = int(l.integer("max_message_chars"_L1, 1, 1 << 30));
    v.limits.maxRequestBytes = l.integer("max_request_bytes"_L1, 1, MaxJsonSafeInteger);
    v.limits.historyPageMax = int(l.integer("history_page_max"_L1, 1, 1 << 20));
    v.limits.syncPageMax = int(l.integer("sync_page_max"_L1, 1, 1 << 20));
    v.limits.maxGroupSize = int(l.integer("max_group_size"_L1, 2, 1 << 20));
    v.limits.registrationOpen = l.boolean("registration_open"_L1);
    // Added in 1.x: a server that does not send them has the documented defaults.
    v.limits.requestsPerSecond =
        int(l.integer("requests_per_second"_L1, 1, 1 << 30, R::Optional, 50));
    v.limits.requestBurst = int(l.integer("request_burst"_L1, 1, 1 << 30, R::Optional, 100));
    v.limits.invitationRequired = l.boolean("invitation_required"_L1, R::Optional, false);
    v.limits.editWindowSeconds =
        int(l.integer("edit_window_seconds"_L1, 0, 1 << 30, R::Optional, 0));
    if (const auto &e = l.error())
        r.fail(*e);
    v.features = featureList(r);
    return r.finish(v);
}

QJsonObject RegisterRequest::toJson() const
{
    QJsonObject object{{u"username"_s, username},
                       {u"password"_s, password},
                       {u"display_name"_s, displayName},
                       {u"device"_s, device}};
    if (!invite.isEmpty())
        object.insert(u"invite"_s, invite);
    return object;
}

Result<RegisterRequest> RegisterRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    RegisterRequest v;
    v.username = r.string("username"_L1, UserRules::MaxUsernameLength);
    v.password = r.string("password"_L1, UserRules::MaxPasswordBytes);
    v.displayName = r.string("display_name"_L1, UserRules::MaxDisplayNameLength, R::Optional);
    v.device = r.string("device"_L1, UserRules::MaxDeviceNameLength);
    v.invite = r.string("invite"_L1, MaxInviteChars, R::Optional);
    return r.finish(v);
}

QJsonObject LoginRequest::toJson() const
{
    return {{u"username"_s, username}, {u"password"_s, password}, {u"device"_s, device}};
}

Result<LoginRequest> LoginRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    LoginRequest v;
    v.username = r.string("username"_L1, UserRules::MaxUsernameLength);
    v.password = r.string("password"_L1, UserRules::MaxPasswordBytes);
    v.device = r.string("device"_L1, UserRules::MaxDeviceNameLength);
    return r.finish(v);
}

QJsonObject AuthGrant::toJson() const
{
    return {{u"user"_s, Protocol::toJson(user)},
            {u"session_id"_s, sessionId},
            {u"access_token"_s, accessToken},
            {u"access_expires_at"_s, accessExpiresAtMs},
            {u"refresh_token"_s, refreshToken}};
}

Result<AuthGrant> AuthGrant::fromJson(const QJsonObject &object)
{
    R r(object);
    AuthGrant v;
    v.user = r.nested<User>("user"_L1, userFromJson);
    v.sessionId = r.id("session_id"_L1);
    v.accessToken = r.string("access_token"_L1, MaxTokenChars);
    v.accessExpiresAtMs = r.integer("access_expires_at"_L1, 0, MaxTimeMs);
    v.refreshToken = r.string("refresh_token"_L1, MaxTokenChars);
    return r.finish(v);
}

QJsonObject AuthRequest::toJson() const
{
    return {{u"token"_s, token}};
}

Result<AuthRequest> AuthRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    AuthRequest v;
    v.token = r.string("token"_L1, MaxTokenChars);
    return r.finish(v);
}

QJsonObject AuthReply::toJson() const
{
    return {{u"user"_s, Protocol::toJson(user)},
            {u"session_id"_s, sessionId},
            {u"access_expires_at"_s, accessExpiresAtMs}};
}

Result<AuthReply> AuthReply::fromJson(const QJsonObject &object)
{
    R r(object);
    AuthReply v;
    v.user = r.nested<User>("user"_L1, userFromJson);
    v.sessionId = r.id("session_id"_L1);
    v.accessExpiresAtMs = r.integer("access_expires_at"_L1, 0, MaxTimeMs);
    return r.finish(v);
}

QJsonObject RefreshRequest::toJson() const
{
    return {{u"refresh_token"_s, refreshToken}};
}

Result<RefreshRequest> RefreshRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    RefreshRequest v;
    v.refreshToken = r.string("refresh_token"_L1, MaxTokenChars);
    return r.finish(v);
}

QJsonObject SessionsReply::toJson() const
{
    QJsonArray list;
    for (const SessionInfo &s : sessions) {
        list.append(QJsonObject{{u"id"_s, s.id},
                                {u"device"_s, s.device},
                                {u"created_at"_s, s.createdAtMs},
                                {u"last_used_at"_s, s.lastUsedAtMs},
                                {u"current"_s, s.current}});
    }
    return {{u"sessions"_s, list}};
}

Result<SessionsReply> SessionsReply::fromJson(const QJsonObject &object)
{
    R r(object);
    SessionsReply v;
    const QJsonArray list = r.array("sessions"_L1, 10'000);
    for (const auto &item : list) {
        R s(item.toObject(), u"sessions[]"_s);
        if (!item.isObject())
            s.fail(ErrorCode::BadRequest, u"sessions entries must be objects"_s);
        SessionInfo info;
        info.id = s.id("id"_L1);
        info.device = s.string("device"_L1, UserRules::MaxDeviceNameLength);
        info.createdAtMs = s.integer("created_at"_L1, 0, MaxTimeMs);
        info.lastUsedAtMs = s.integer("last_used_at"_L1, 0, MaxTimeMs);
        info.current = s.boolean("current"_L1);
        if (const auto &e = s.error())
            r.fail(*e);
        v.sessions.append(info);
    }
    return r.finish(v);
}

QJsonObject RevokeSessionRequest::toJson() const
{
    return {{u"session_id"_s, sessionId}};
}

Result<RevokeSessionRequest> RevokeSessionRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    RevokeSessionRequest v;
    v.sessionId = r.id("session_id"_L1);
    return r.finish(v);
}

QJsonObject ChangePasswordRequest::toJson() const
{
    return {{u"old_password"_s, oldPassword}, {u"new_password"_s, newPassword}};
}

Result<ChangePasswordRequest> ChangePasswordRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    ChangePasswordRequest v;
    v.oldPassword = r.string("old_password"_L1, UserRules::MaxPasswordBytes);
    v.newPassword = r.string("new_password"_L1, UserRules::MaxPasswordBytes);
    return r.finish(v);
}

QJsonObject PongReply::toJson() const
{
    return {{u"time"_s, timeMs}};
}

Result<PongReply> PongReply::fromJson(const QJsonObject &object)
{
    R r(object);
    PongReply v;
    v.timeMs = r.integer("time"_L1, 0, MaxTimeMs);
    return r.finish(v);
}

} // namespace Banter::Protocol
