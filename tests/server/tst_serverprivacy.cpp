// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 17, "Privacy between users", performed as attacks by an ordinary account (Mallory)
// over real sockets: following a stranger's presence, staying in the audience of someone who
// blocked you, pulling them into conversations, flooding their conversation list, fanning
// membership changes out without bound, and names that disguise what they are.
#include "rawclient.h"
#include "testserver.h"
#include <banter/protocol/peoplemessages.h>
#include <banter/protocol/transferframe.h>
#include <banter/protocol/transfermessages.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTest>
#include <QUuid>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
struct Person
{
    std::unique_ptr<RawClient> chat;
    qint64 id = 0;
    QString token;
};

// The presence a client has of `user` in its "contacts" reply (unknown when not listed).
std::optional<Presence> contactPresence(RawClient &client, qint64 user)
{
    const auto reply = client.request(u"contacts"_s);
    if (!succeeded(reply))
        return std::nullopt;
    const auto list = Protocol::ContactsReply::fromJson(reply->data);
    if (!list)
        return std::nullopt;
    for (const Protocol::Contact &c : list->contacts) {
        if (c.user.id == user)
            return c.presence;
    }
    return std::nullopt;
}

bool isUnknown(const std::optional<Presence> &p)
{
    return p && p->status == PresenceStatus::Offline && p->lastSeenMs == 0;
}

// Refusals of a loop of requests: how many went through before the first rate_limited.
int acceptedBeforeLimited(const std::function<std::optional<Protocol::ServerFrame>(int)> &step,
                          int maxSteps)
{
    for (int i = 0; i < maxSteps; ++i) {
        const auto reply = step(i);
        if (refusal(reply) == ErrorCode::RateLimited)
            return i;
        if (!succeeded(reply))
            return -1;
    }
    return maxSteps;
}
} // namespace

class TestServerPrivacy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void oneWayContactSeesNothing();
    void blockedUserLosesPresenceAtOnce();
    void blockerCannotBePulledIntoConversations();
    void groupAddsPerPersonAreCapped();
    void membershipChangesAreBudgeted();
    void presenceChangesAreBudgeted();
    void disguisingNamesAreRefused();
    void disguisingFileNamesAreNeutralised();
    void userSearchCanBeLimitedToKnownPeople();
    void lastSeenCanBeHidden();
    void groupAddsCanBeLimitedToContacts();

private:
    void startServer(const Server::ServerConfig &config);
    Person signUp(const QString &name);
    static qint64 groupWith(RawClient &creator, const QList<qint64> &members,
                            const QString &name = u"Group"_s);

    std::unique_ptr<TestServer> m_server;
    Person m_alice;
    Person m_mallory;
};

void TestServerPrivacy::startServer(const Server::ServerConfig &config)
{
    m_server = std::make_unique<TestServer>(config);
    QVERIFY(m_server->start());
    m_alice = signUp(u"alice"_s);
    m_mallory = signUp(u"mallory"_s);
    QVERIFY(m_alice.id > 0 && m_mallory.id > 0);
}

void TestServerPrivacy::init()
{
    startServer(TestServer::defaultConfig());
}

void TestServerPrivacy::cleanup()
{
    m_alice = {};
    m_mallory = {};
    m_server.reset();
}

Person TestServerPrivacy::signUp(const QString &name)
{
    Person person;
    person.chat = std::make_unique<RawClient>();
    if (!person.chat->open(m_server->url()))
        return person;
    const auto grant = person.chat->registerUser(name);
    if (!grant)
        return person;
    person.id = grant->value(u"user"_s).toObject().value(u"id"_s).toInteger();
    person.token = grant->value(u"access_token"_s).toString();
    return person;
}

qint64 TestServerPrivacy::groupWith(RawClient &creator, const QList<qint64> &members,
                                    const QString &name)
{
    QJsonArray ids;
    for (qint64 id : members)
        ids.append(id);
    const auto reply =
        creator.request(u"create_group"_s, {{u"name"_s, name}, {u"member_ids"_s, ids}});
    if (!succeeded(reply))
        return 0;
    return reply->data.value(u"conversation"_s).toObject().value(u"id"_s).toInteger();
}

// Adding Alice as a contact, without her adding Mallory back, shows Mallory nothing: no
// presence in the contacts list or the add_contact reply, no pushes when Alice changes.
void TestServerPrivacy::oneWayContactSeesNothing()
{
    const auto added = m_mallory.chat->request(u"add_contact"_s, {{u"user_id"_s, m_alice.id}});
    QVERIFY(succeeded(added));
    const auto contact = Protocol::ContactReply::fromJson(added->data);
    QVERIFY(contact);
    QVERIFY(isUnknown(contact->contact.presence));
    QVERIFY(isUnknown(contactPresence(*m_mallory.chat, m_alice.id)));
    QVERIFY(succeeded(m_alice.chat->request(u"presence"_s, {{u"status"_s, u"away"_s}})));
    QVERIFY(m_mallory.chat->noPush(u"presence"_s, 300));
    m_alice.chat->close();
    QVERIFY(m_mallory.chat->noPush(u"presence"_s, 300)); // nor her last_seen
    QVERIFY(isUnknown(contactPresence(*m_mallory.chat, m_alice.id)));

    // Once Alice agrees (adds Mallory back), each sees the other, told at once.
    RawClient alice;
    QVERIFY(alice.open(m_server->url()) && alice.login(u"alice"_s));
    QVERIFY(succeeded(alice.request(u"add_contact"_s, {{u"user_id"_s, m_mallory.id}})));
    const auto push = m_mallory.chat->waitForPush(u"presence"_s);
    QVERIFY(push);
    QCOMPARE(push->data.value(u"user_id"_s).toInteger(), m_alice.id);
    QCOMPARE(push->data.value(u"status"_s).toString(), u"online"_s);
    QCOMPARE(contactPresence(*m_mallory.chat, m_alice.id)->status, PresenceStatus::Online);
}

// Mallory shares a conversation with Alice and keeps her as a contact. Alice blocks her:
// Mallory's client is told at once that Alice is unknown, and no request shows more.
void TestServerPrivacy::blockedUserLosesPresenceAtOnce()
{
    QVERIFY(succeeded(m_mallory.chat->request(u"add_contact"_s, {{u"user_id"_s, m_alice.id}})));
    QVERIFY(succeeded(m_alice.chat->request(u"add_contact"_s, {{u"user_id"_s, m_mallory.id}})));
    QVERIFY(succeeded(m_mallory.chat->request(u"create_private"_s, {{u"user_id"_s, m_alice.id}})));
    QVERIFY(m_mallory.chat->waitForPush(u"presence"_s)); // visible since the mutual add
    QCOMPARE(contactPresence(*m_mallory.chat, m_alice.id)->status, PresenceStatus::Online);

    QVERIFY(succeeded(m_alice.chat->request(u"block"_s, {{u"user_id"_s, m_mallory.id}})));
    const auto push = m_mallory.chat->waitForPush(u"presence"_s);
    QVERIFY(push);
    const auto pushed = Protocol::PresencePush::fromJson(push->data);
    QVERIFY(pushed);
    QCOMPARE(pushed->presence.userId, m_alice.id);
    QVERIFY(isUnknown(pushed->presence));
    // Not through the contacts list, nor "presences", nor later changes.
    QVERIFY(isUnknown(contactPresence(*m_mallory.chat, m_alice.id)));
    const auto presences = m_mallory.chat->request(u"presences"_s);
    QVERIFY(succeeded(presences));
    QVERIFY(Protocol::PresencesReply::fromJson(presences->data)->presences.isEmpty());
    QVERIFY(succeeded(m_alice.chat->request(u"presence"_s, {{u"status"_s, u"away"_s}})));
    QVERIFY(m_mallory.chat->noPush(u"presence"_s, 300));
    m_alice.chat->close();
    QVERIFY(m_mallory.chat->noPush(u"presence"_s, 300));
    QVERIFY(isUnknown(contactPresence(*m_mallory.chat, m_alice.id)));
}

// Whom Alice has blocked cannot open a private conversation with her, make a group with her
// or add her to one; others still can, and Mallory's own group is unaffected.
void TestServerPrivacy::blockerCannotBePulledIntoConversations()
{
    Person bob = signUp(u"bob"_s);
    QVERIFY(bob.id > 0);
    const qint64 group = groupWith(*m_mallory.chat, {bob.id});
    QVERIFY(group > 0);
    QVERIFY(succeeded(m_alice.chat->request(u"block"_s, {{u"user_id"_s, m_mallory.id}})));

    QCOMPARE(refusal(m_mallory.chat->request(u"create_private"_s, {{u"user_id"_s, m_alice.id}})),
             ErrorCode::Blocked);
    QCOMPARE(refusal(m_mallory.chat->request(
                 u"create_group"_s,
                 {{u"name"_s, u"Trap"_s}, {u"member_ids"_s, QJsonArray{bob.id, m_alice.id}}})),
             ErrorCode::Blocked);
    QCOMPARE(refusal(m_mallory.chat->request(
                 u"add_members"_s,
                 {{u"conversation_id"_s, group}, {u"user_ids"_s, QJsonArray{m_alice.id}}})),
             ErrorCode::Blocked);
    QVERIFY(m_alice.chat->noPush(u"conversation_updated"_s, 200));
    const auto list = m_alice.chat->request(u"conversations"_s);
    QVERIFY(succeeded(list));
    QVERIFY(list->data.value(u"conversations"_s).toArray().isEmpty());
    // Bob has not blocked anyone: he can still start a conversation with Alice.
    QVERIFY(succeeded(bob.chat->request(u"create_private"_s, {{u"user_id"_s, m_alice.id}})));
    // Unblocked, Mallory may again.
    QVERIFY(succeeded(m_alice.chat->request(u"unblock"_s, {{u"user_id"_s, m_mallory.id}})));
    QVERIFY(succeeded(m_mallory.chat->request(u"create_private"_s, {{u"user_id"_s, m_alice.id}})));
}

// Mallory tries to bury Alice in groups: past the allowance per person and hour she is
// refused, while adding someone else still works.
void TestServerPrivacy::groupAddsPerPersonAreCapped()
{
    Server::ServerConfig config = TestServer::defaultConfig();
    config.limits.groupAddsPerPairPerHour = 3;
    config.limits.groupAddPeoplePerHour = 4;
    config.limits.membershipChangesPerMinute = config.limits.membershipChangeBurst = 1000;
    cleanup();
    startServer(config);
    for (int i = 0; i < 3; ++i)
        QVERIFY(groupWith(*m_mallory.chat, {m_alice.id}, u"Spam %1"_s.arg(i)) > 0);
    const auto refused = m_mallory.chat->request(
        u"create_group"_s, {{u"name"_s, u"Spam"_s}, {u"member_ids"_s, QJsonArray{m_alice.id}}});
    QCOMPARE(refusal(refused), ErrorCode::RateLimited);
    QVERIFY(refused->error.retryAfterMs > 0);
    const qint64 empty = groupWith(*m_mallory.chat, {});
    QVERIFY(empty > 0);
    QCOMPARE(refusal(m_mallory.chat->request(
                 u"add_members"_s,
                 {{u"conversation_id"_s, empty}, {u"user_ids"_s, QJsonArray{m_alice.id}}})),
             ErrorCode::RateLimited);
    // Other people: up to four different ones an hour, which bounds what is kept per adder.
    QList<qint64> others;
    for (const QString &name : {u"person1"_s, u"person2"_s, u"person3"_s, u"person4"_s}) {
        Person p = signUp(name);
        QVERIFY(p.id > 0);
        others.append(p.id);
    }
    QVERIFY(groupWith(*m_mallory.chat, {others.at(0), others.at(1), others.at(2)}) > 0);
    QCOMPARE(refusal(m_mallory.chat->request(
                 u"create_group"_s,
                 {{u"name"_s, u"More"_s}, {u"member_ids"_s, QJsonArray{others.at(3)}}})),
             ErrorCode::RateLimited);
    // Alice's conversation list holds the three groups and nothing more.
    const auto list = m_alice.chat->request(u"conversations"_s);
    QVERIFY(succeeded(list));
    QCOMPARE(list->data.value(u"conversations"_s).toArray().size(), 3);
}

// A loop of renames (each pushed to every connection of every member) is cut off at the
// actor's budget; the refusal says when to try again.
void TestServerPrivacy::membershipChangesAreBudgeted()
{
    const qint64 group = groupWith(*m_mallory.chat, {m_alice.id});
    QVERIFY(group > 0);
    const double burst = m_server->config().limits.membershipChangeBurst;
    const int accepted = acceptedBeforeLimited(
        [&](int i) {
            return m_mallory.chat->request(
                u"rename"_s, {{u"conversation_id"_s, group}, {u"name"_s, u"Name %1"_s.arg(i)}});
        },
        200);
    QVERIFY2(accepted > 0 && accepted < burst + 5, qPrintable(QString::number(accepted)));
    // Removing and adding a member draws on the same budget.
    QCOMPARE(refusal(m_mallory.chat->request(
                 u"remove_member"_s, {{u"conversation_id"_s, group}, {u"user_id"_s, m_alice.id}})),
             ErrorCode::RateLimited);
    // Alice's own budget is untouched: she may leave.
    QVERIFY(succeeded(m_alice.chat->request(u"leave"_s, {{u"conversation_id"_s, group}})));
}

// Flipping away/online in a loop (each pushed to the whole audience) is cut off too.
void TestServerPrivacy::presenceChangesAreBudgeted()
{
    const double burst = m_server->config().limits.presenceChangeBurst;
    const int accepted = acceptedBeforeLimited(
        [&](int i) {
            return m_mallory.chat->request(u"presence"_s,
                                           {{u"status"_s, i % 2 ? u"online"_s : u"away"_s}});
        },
        200);
    QVERIFY2(accepted > 0 && accepted < burst + 5, qPrintable(QString::number(accepted)));
}

// Display and group names that could read as something else are refused with a message
// that says why; ordinary non-Latin names still pass.
void TestServerPrivacy::disguisingNamesAreRefused()
{
    const QString disguised = u"Alice\u202Egnp.exe"_s;
    for (const QString &name : {disguised, u"Ali\u2066ce"_s, u"Ali\u0007ce"_s, u"Al\nice"_s}) {
        const auto reply =
            m_mallory.chat->request(u"update_profile"_s, {{u"display_name"_s, name}});
        QCOMPARE(refusal(reply), ErrorCode::BadRequest);
        QVERIFY2(reply->error.message.contains(u"direction"_s), qPrintable(reply->error.message));
    }
    QVERIFY(succeeded(
        m_mallory.chat->request(u"update_profile"_s, {{u"display_name"_s, u"مالوری 马洛里"_s}})));
    RawClient fresh;
    QVERIFY(fresh.open(m_server->url()));
    QCOMPARE(refusal(fresh.request(u"register"_s,
                                   {{u"username"_s, u"eve"_s},
                                    {u"password"_s, u"correct horse"_s},
                                    {u"display_name"_s, disguised},
                                    {u"device"_s, u"test"_s}})),
             ErrorCode::BadRequest);
    QCOMPARE(refusal(m_mallory.chat->request(
                 u"create_group"_s,
                 {{u"name"_s, u"Pay\u202Efdp.exe"_s}, {u"member_ids"_s, QJsonArray{}}})),
             ErrorCode::BadRequest);
}

// A file name with a direction override is stored and shown neutralised: the override
// becomes U+FFFD, in the stored file and in the message others receive.
void TestServerPrivacy::disguisingFileNamesAreNeutralised()
{
    RawClient transfer;
    QUrl url = m_server->url();
    url.setPath(u"/transfer"_s);
    QVERIFY(transfer.open(url));
    QVERIFY(succeeded(transfer.request(u"auth"_s, {{u"token"_s, m_mallory.token}})));
    const QByteArray data("MZ not really a pdf");
    const QString disguised = u"invoice\u202Efdp.exe"_s;
    const QString neutral = u"invoice\uFFFDfdp.exe"_s;
    const auto started = transfer.request(
        u"upload_start"_s,
        Protocol::UploadStartRequest{
            disguised,
            data.size(),
            QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()),
            {}}
            .toJson());
    QVERIFY(succeeded(started));
    const auto start = Protocol::UploadStartReply::fromJson(started->data);
    QVERIFY(start);
    transfer.socket().sendBinaryMessage(
        Protocol::encodeChunk(Protocol::ChunkKind::Upload, start->uploadId.toLatin1(), 0, data));
    QVERIFY(transfer.waitForPush(u"upload_progress"_s));
    const auto finished =
        transfer.request(u"upload_finish"_s, Protocol::UploadRef{start->uploadId, 0}.toJson());
    QVERIFY(succeeded(finished));
    const auto file = Protocol::FileReply::fromJson(finished->data);
    QVERIFY(file);
    QCOMPARE(file->file.name, neutral);

    const auto sent =
        m_mallory.chat->request(u"message"_s,
                                {{u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                 {u"to"_s, m_alice.id},
                                 {u"type"_s, u"file"_s},
                                 {u"content"_s, u"the invoice"_s},
                                 {u"attachment"_s,
                                  QJsonObject{{u"file_id"_s, file->file.id},
                                              {u"name"_s, disguised},
                                              {u"size"_s, 1},
                                              {u"mime_type"_s, u"application/pdf"_s}}}});
    QVERIFY2(succeeded(sent), sent ? qPrintable(sent->error.message) : "no reply");
    const auto push = m_alice.chat->waitForPush(u"new_message"_s);
    QVERIFY(push);
    QCOMPARE(push->data.value(u"message"_s)
                 .toObject()
                 .value(u"attachment"_s)
                 .toObject()
                 .value(u"name"_s)
                 .toString(),
             neutral);
}

// With server/user_search = contacts, the people search finds only contacts and people
// who share a conversation: usernames cannot be enumerated by an ordinary account.
void TestServerPrivacy::userSearchCanBeLimitedToKnownPeople()
{
    auto found = [this](const QString &query) {
        QStringList names;
        const auto reply = m_mallory.chat->request(u"users"_s, {{u"query"_s, query}});
        if (const auto users = succeeded(reply) ? Protocol::UsersReply::fromJson(reply->data)
                                                : Result<Protocol::UsersReply>(Error{})) {
            for (const User &u : users->users)
                names.append(u.username);
        }
        return names;
    };
    QCOMPARE(found(u"ali"_s), QStringList{u"alice"_s}); // the default: everyone
    Server::ServerConfig config = TestServer::defaultConfig();
    config.limits.userSearchContactsOnly = true;
    cleanup();
    startServer(config);
    Person bob = signUp(u"bob"_s);
    Person alfred = signUp(u"alfred"_s);
    QVERIFY(bob.id > 0 && alfred.id > 0);
    QVERIFY(found(u"al"_s).isEmpty());
    QVERIFY(found(u"b"_s).isEmpty());
    QVERIFY(succeeded(m_mallory.chat->request(u"add_contact"_s, {{u"user_id"_s, alfred.id}})));
    QVERIFY(succeeded(bob.chat->request(u"create_private"_s, {{u"user_id"_s, m_mallory.id}})));
    QCOMPARE(found(u"al"_s), QStringList{u"alfred"_s});
    QCOMPARE(found(u"b"_s), QStringList{u"bob"_s});
    QVERIFY(found(u"mal"_s).isEmpty()); // not oneself
}

// hide_last_seen: people in Alice's audience see her online and offline, never when.
void TestServerPrivacy::lastSeenCanBeHidden()
{
    Person bob = signUp(u"bob"_s);
    QVERIFY(bob.id > 0);
    QVERIFY(succeeded(bob.chat->request(u"create_private"_s, {{u"user_id"_s, m_alice.id}})));
    const auto reply = m_alice.chat->request(u"update_profile"_s, {{u"hide_last_seen"_s, true}});
    QVERIFY(succeeded(reply));
    const auto answered = Protocol::UserReply::fromJson(reply->data);
    QVERIFY(answered && answered->privacy);
    QVERIFY(answered->privacy->hideLastSeen);
    QVERIFY(!answered->privacy->groupAddsFromContactsOnly);
    QVERIFY(bob.chat->noPush(u"user_updated"_s, 200)); // a setting is nobody else's business
    m_alice.chat->close();
    const auto push = bob.chat->waitForPush(u"presence"_s);
    QVERIFY(push);
    QCOMPARE(push->data.value(u"status"_s).toString(), u"offline"_s);
    QCOMPARE(push->data.value(u"last_seen"_s).toInteger(-1), 0);
    const auto presences = bob.chat->request(u"presences"_s);
    QVERIFY(succeeded(presences));
    const auto listed = Protocol::PresencesReply::fromJson(presences->data);
    QVERIFY(listed && listed->presences.size() == 1);
    QCOMPARE(listed->presences.first().lastSeenMs, 0);
    // Shown again once she changes her mind.
    RawClient alice;
    QVERIFY(alice.open(m_server->url()) && alice.login(u"alice"_s));
    QCOMPARE(refusal(alice.request(u"update_profile"_s, {{u"group_adds"_s, u"friends"_s}})),
             ErrorCode::BadRequest);
    QVERIFY(succeeded(alice.request(u"update_profile"_s, {{u"hide_last_seen"_s, false}})));
    alice.close();
    QTRY_VERIFY([&] {
        const auto again = bob.chat->request(u"presences"_s);
        const auto decoded = succeeded(again) ? Protocol::PresencesReply::fromJson(again->data)
                                              : Result<Protocol::PresencesReply>(Error{});
        return decoded && decoded->presences.size() == 1
            && decoded->presences.first().lastSeenMs > 0;
    }());
}

// group_adds = contacts: only people Alice keeps as a contact may put her in a group.
void TestServerPrivacy::groupAddsCanBeLimitedToContacts()
{
    const auto set = m_alice.chat->request(u"update_profile"_s, {{u"group_adds"_s, u"contacts"_s}});
    QVERIFY(succeeded(set));
    QVERIFY(Protocol::UserReply::fromJson(set->data)->privacy->groupAddsFromContactsOnly);
    const auto refused = m_mallory.chat->request(
        u"create_group"_s, {{u"name"_s, u"Hi"_s}, {u"member_ids"_s, QJsonArray{m_alice.id}}});
    QCOMPARE(refusal(refused), ErrorCode::Blocked);
    QVERIFY(refused->error.message.contains(u"contacts"_s));
    const qint64 group = groupWith(*m_mallory.chat, {});
    QCOMPARE(refusal(m_mallory.chat->request(
                 u"add_members"_s,
                 {{u"conversation_id"_s, group}, {u"user_ids"_s, QJsonArray{m_alice.id}}})),
             ErrorCode::Blocked);
    // A private conversation is not a group: still allowed.
    QVERIFY(succeeded(m_mallory.chat->request(u"create_private"_s, {{u"user_id"_s, m_alice.id}})));
    // Once Alice keeps Mallory as a contact, Mallory may.
    QVERIFY(succeeded(m_alice.chat->request(u"add_contact"_s, {{u"user_id"_s, m_mallory.id}})));
    QVERIFY(succeeded(m_mallory.chat->request(
        u"add_members"_s,
        {{u"conversation_id"_s, group}, {u"user_ids"_s, QJsonArray{m_alice.id}}})));
}

QTEST_GUILESS_MAIN(TestServerPrivacy)
#include "tst_serverprivacy.moc"
