// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/domain/ids.h>
#include <banter/protocol/domainjson.h>
#include <banter/protocol/jsonreader_p.h>
#include <banter/protocol/peoplemessages.h>

namespace Banter::Protocol {

using namespace Qt::StringLiterals;

namespace {
using R = JsonReader;
constexpr int MaxUsersOnWire = 100'000;
} // namespace

QJsonObject UserSearchRequest::toJson() const
{
    return {{u"query"_s, query}, {u"limit"_s, limit}};
}

Result<UserSearchRequest> UserSearchRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    UserSearchRequest v;
    v.query = r.string("query"_L1, UserRules::MaxDisplayNameLength);
    v.limit = int(r.integer("limit"_L1, 1, MaxLimit, R::Optional, DefaultLimit));
    if (r.ok() && v.query.trimmed().isEmpty())
        r.fail(ErrorCode::BadRequest, u"'query' must not be empty"_s);
    return r.finish(v);
}

QJsonObject UsersReply::toJson() const
{
    return {{u"users"_s, toJsonArray(users)}};
}

Result<UsersReply> UsersReply::fromJson(const QJsonObject &object)
{
    R r(object);
    UsersReply v;
    const QJsonArray list = r.array("users"_L1, MaxUsersOnWire);
    if (r.ok()) {
        auto users = listFromJson<User>(list, userFromJson);
        if (users)
            v.users = *users;
        else
            r.fail(users.error());
    }
    return r.finish(v);
}

QJsonObject SetPresenceRequest::toJson() const
{
    return {{u"status"_s, presenceStatusName(status)}};
}

Result<SetPresenceRequest> SetPresenceRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    SetPresenceRequest v;
    const std::optional<PresenceStatus> status = presenceStatusFromName(r.string("status"_L1, 16));
    if (r.ok() && (!status || *status == PresenceStatus::Offline))
        r.fail(ErrorCode::BadRequest, u"'status' must be online or away"_s);
    v.status = status.value_or(PresenceStatus::Online);
    return r.finish(v);
}

QJsonObject PresencePush::toJson() const
{
    return Protocol::toJson(presence);
}

Result<PresencePush> PresencePush::fromJson(const QJsonObject &object)
{
    Result<Presence> presence = presenceFromJson(object);
    if (!presence)
        return presence.error();
    return PresencePush{*presence};
}

QJsonObject PresencesReply::toJson() const
{
    QJsonObject object{{u"presences"_s, toJsonArray(presences)}};
    if (hasMore)
        object.insert(u"has_more"_s, true);
    return object;
}

Result<PresencesReply> PresencesReply::fromJson(const QJsonObject &object)
{
    R r(object);
    PresencesReply v;
    const QJsonArray list = r.array("presences"_L1, MaxUsersOnWire);
    if (r.ok()) {
        auto presences = listFromJson<Presence>(list, presenceFromJson);
        if (presences)
            v.presences = *presences;
        else
            r.fail(presences.error());
    }
    v.hasMore = r.boolean("has_more"_L1, R::Optional);
    return r.finish(v);
}

QJsonObject PeoplePageRequest::toJson() const
{
    if (after == 0)
        return {};
    return {{u"after"_s, after}};
}

Result<PeoplePageRequest> PeoplePageRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    PeoplePageRequest v;
    v.after = r.integer("after"_L1, 0, MaxJsonSafeInteger, R::Optional, 0);
    return r.finish(v);
}

namespace {
QString groupAddsName(bool contactsOnly)
{
    return contactsOnly ? u"contacts"_s : u"everyone"_s;
}

// "everyone" or "contacts" into `target`; anything else fails the reader.
void readGroupAdds(R &r, std::optional<bool> &target)
{
    const QString value = r.string("group_adds"_L1, 16, R::Required);
    if (!r.ok())
        return;
    if (value != "everyone"_L1 && value != "contacts"_L1) {
        r.fail(ErrorCode::BadRequest, u"group_adds must be everyone or contacts"_s);
        return;
    }
    target = value == "contacts"_L1;
}
} // namespace

QJsonObject PrivacySettings::toJson() const
{
    return {{u"hide_last_seen"_s, hideLastSeen},
            {u"group_adds"_s, groupAddsName(groupAddsFromContactsOnly)}};
}

Result<PrivacySettings> PrivacySettings::fromJson(const QJsonObject &object)
{
    R r(object, u"privacy"_s);
    PrivacySettings v;
    v.hideLastSeen = r.boolean("hide_last_seen"_L1);
    std::optional<bool> contactsOnly;
    readGroupAdds(r, contactsOnly);
    v.groupAddsFromContactsOnly = contactsOnly.value_or(false);
    return r.finish(v);
}

QJsonObject UpdateProfileRequest::toJson() const
{
    QJsonObject object;
    if (displayName)
        object.insert(u"display_name"_s, *displayName);
    if (avatar)
        object.insert(u"avatar"_s, QString::fromLatin1(avatar->toBase64()));
    if (hideLastSeen)
        object.insert(u"hide_last_seen"_s, *hideLastSeen);
    if (groupAddsFromContactsOnly)
        object.insert(u"group_adds"_s, groupAddsName(*groupAddsFromContactsOnly));
    return object;
}

Result<UpdateProfileRequest> UpdateProfileRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    UpdateProfileRequest v;
    if (object.contains("display_name"_L1) && !object.value("display_name"_L1).isNull())
        v.displayName = r.string("display_name"_L1, UserRules::MaxDisplayNameLength, R::Required);
    // Null is absent, as everywhere; "" is a picture removed.
    if (object.contains("avatar"_L1) && !object.value("avatar"_L1).isNull())
        v.avatar = r.base64("avatar"_L1, AvatarRules::MaxBytes, R::Required);
    if (object.contains("hide_last_seen"_L1) && !object.value("hide_last_seen"_L1).isNull())
        v.hideLastSeen = r.boolean("hide_last_seen"_L1, R::Required);
    if (object.contains("group_adds"_L1) && !object.value("group_adds"_L1).isNull())
        readGroupAdds(r, v.groupAddsFromContactsOnly);
    if (r.ok() && !v.displayName && !v.avatar && !v.hideLastSeen && !v.groupAddsFromContactsOnly)
        return makeError(ErrorCode::BadRequest,
                         u"nothing to change: give display_name, avatar, hide_last_seen or "
                         "group_adds"_s);
    return r.finish(v);
}

QJsonObject AvatarReply::toJson() const
{
    return {{u"user_id"_s, userId},
            {u"avatar_version"_s, avatarVersion},
            {u"data"_s, QString::fromLatin1(data.toBase64())}};
}

Result<AvatarReply> AvatarReply::fromJson(const QJsonObject &object)
{
    R r(object);
    AvatarReply v;
    v.userId = r.id("user_id"_L1);
    v.avatarVersion = r.integer("avatar_version"_L1, 0, MaxJsonSafeInteger);
    v.data = r.base64("data"_L1, AvatarRules::MaxBytes, R::Optional);
    return r.finish(v);
}

QJsonObject UserReply::toJson() const
{
    QJsonObject object{{u"user"_s, Protocol::toJson(user)}};
    if (privacy)
        object.insert(u"privacy"_s, privacy->toJson());
    return object;
}

Result<UserReply> UserReply::fromJson(const QJsonObject &object)
{
    R r(object);
    UserReply v;
    v.user = r.nested<User>("user"_L1, userFromJson);
    if (r.has("privacy"_L1))
        v.privacy = r.nested<PrivacySettings>("privacy"_L1, PrivacySettings::fromJson);
    return r.finish(v);
}

QJsonObject toJson(const Contact &c)
{
    return {{u"user"_s, toJson(c.user)},
            {u"presence"_s, toJson(c.presence)},
            {u"blocked"_s, c.blocked}};
}

Result<Contact> contactFromJson(const QJsonObject &object)
{
    R r(object, u"contact"_s);
    Contact c;
    c.user = r.nested<User>("user"_L1, userFromJson);
    c.presence = r.nested<Presence>("presence"_L1, presenceFromJson);
    c.blocked = r.boolean("blocked"_L1);
    return r.finish(c);
}

QJsonObject ContactsReply::toJson() const
{
    QJsonObject object{{u"contacts"_s, toJsonArray(contacts)}};
    if (hasMore)
        object.insert(u"has_more"_s, true);
    return object;
}

Result<ContactsReply> ContactsReply::fromJson(const QJsonObject &object)
{
    R r(object);
    ContactsReply v;
    const QJsonArray list = r.array("contacts"_L1, MaxUsersOnWire);
    if (r.ok()) {
        auto contacts = listFromJson<Contact>(list, contactFromJson);
        if (contacts)
            v.contacts = *contacts;
        else
            r.fail(contacts.error());
    }
    v.hasMore = r.boolean("has_more"_L1, R::Optional);
    return r.finish(v);
}

QJsonObject ContactReply::toJson() const
{
    return {{u"contact"_s, Protocol::toJson(contact)}};
}

Result<ContactReply> ContactReply::fromJson(const QJsonObject &object)
{
    R r(object);
    ContactReply v;
    v.contact = r.nested<Contact>("contact"_L1, contactFromJson);
    return r.finish(v);
}

QJsonObject AddContactRequest::toJson() const
{
    QJsonObject object;
    if (userId > 0)
        object.insert(u"user_id"_s, userId);
    if (!username.isEmpty())
        object.insert(u"username"_s, username);
    return object;
}

Result<AddContactRequest> AddContactRequest::fromJson(const QJsonObject &object)
{
    R r(object);
    AddContactRequest v;
    v.userId = r.id("user_id"_L1, R::Optional);
    v.username = r.string("username"_L1, UserRules::MaxUsernameLength, R::Optional);
    if (r.ok() && (v.userId > 0) == !v.username.isEmpty())
        r.fail(ErrorCode::BadRequest, u"give exactly one of 'user_id' and 'username'"_s);
    return r.finish(v);
}

QJsonObject UserRef::toJson() const
{
    return {{u"user_id"_s, userId}};
}

Result<UserRef> UserRef::fromJson(const QJsonObject &object)
{
    R r(object);
    UserRef v;
    v.userId = r.id("user_id"_L1);
    return r.finish(v);
}

QJsonObject SessionRevokedPush::toJson() const
{
    return {{u"reason"_s, reason}};
}

Result<SessionRevokedPush> SessionRevokedPush::fromJson(const QJsonObject &object)
{
    R r(object);
    SessionRevokedPush v;
    v.reason = r.string("reason"_L1, 64);
    return r.finish(v);
}

} // namespace Banter::Protocol
