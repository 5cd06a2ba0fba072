// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Presence across devices, contacts and blocking, user search and typing indicators.
#include "rawclient.h"
#include "testserver.h"
#include <banter/protocol/peoplemessages.h>

#include <QJsonArray>
#include <QTest>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

class TestServerPeople : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void presenceAcrossTwoDevices();
    void awayStatusIsPushed();
    void contactsListWithPresence();
    void contactRequestsValidated();
    void searchFindsUsersByPrefix();
    void typingIsPushedAndLimited();
    void presenceOfPeopleInMyChats();
    void blocksEndPresenceBothWays();
    void profileChangeReachesPeopleInChats();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<RawClient> m_alice;
    std::unique_ptr<RawClient> m_bob;
    qint64 m_aliceId = 0;
    qint64 m_bobId = 0;
};

void TestServerPeople::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_alice = std::make_unique<RawClient>();
    m_bob = std::make_unique<RawClient>();
    QVERIFY(m_alice->open(m_server->url()) && m_bob->open(m_server->url()));
    const auto alice = m_alice->registerUser(u"alice"_s);
    const auto bob = m_bob->registerUser(u"bob"_s);
    QVERIFY(alice && bob);
    m_aliceId = qint64(alice->value(u"user"_s).toObject().value(u"id"_s).toDouble());
    m_bobId = qint64(bob->value(u"user"_s).toObject().value(u"id"_s).toDouble());
    QVERIFY(m_aliceId > 0 && m_bobId > 0);
    QVERIFY(succeeded(m_bob->request(u"add_contact"_s, {{u"user_id"_s, m_aliceId}})));
    // Presence needs both to agree (issue 17): Alice keeps Bob too, and each is told at once
    // that the other is now visible.
    QVERIFY(succeeded(m_alice->request(u"add_contact"_s, {{u"user_id"_s, m_bobId}})));
    for (RawClient *told : {m_alice.get(), m_bob.get()}) {
        const auto push = told->waitForPush(u"presence"_s);
        QVERIFY(push);
        QCOMPARE(push->data.value(u"status"_s).toString(), u"online"_s);
    }
}

void TestServerPeople::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_server.reset();
}

void TestServerPeople::presenceAcrossTwoDevices()
{
    auto phone = std::make_unique<RawClient>();
    QVERIFY(phone->open(m_server->url()));
    QVERIFY(phone->login(u"alice"_s));
    // Alice was already online: a second device announces nothing new.
    QVERIFY(m_bob->noPush(u"presence"_s, 300));
    m_alice->close();
    QVERIFY(m_bob->noPush(u"presence"_s, 300)); // still online on the phone
    auto contacts = m_bob->request(u"contacts"_s);
    QVERIFY(succeeded(contacts));
    auto list = Protocol::ContactsReply::fromJson(contacts->data);
    QVERIFY(list && list->contacts.size() == 1);
    QCOMPARE(list->contacts.first().presence.status, PresenceStatus::Online);
    phone->close();
    const auto offline = m_bob->waitForPush(u"presence"_s);
    QVERIFY(offline);
    const auto pushed = Protocol::PresencePush::fromJson(offline->data);
    QVERIFY(pushed);
    const auto presence = pushed->presence;
    QCOMPARE(presence.userId, m_aliceId);
    QCOMPARE(presence.status, PresenceStatus::Offline);
    QVERIFY(presence.lastSeenMs > 0);
    // Back online.
    RawClient again;
    QVERIFY(again.open(m_server->url()));
    QVERIFY(again.login(u"alice"_s));
    const auto online = m_bob->waitForPush(u"presence"_s);
    QVERIFY(online);
    QCOMPARE(online->data.value(u"status"_s).toString(), u"online"_s);
    contacts = m_bob->request(u"contacts"_s);
    QVERIFY(succeeded(contacts));
    list = Protocol::ContactsReply::fromJson(contacts->data);
    QVERIFY(list && list->contacts.size() == 1);
    QCOMPARE(list->contacts.first().presence.status, PresenceStatus::Online);
}

void TestServerPeople::awayStatusIsPushed()
{
    QVERIFY(succeeded(m_alice->request(u"presence"_s, {{u"status"_s, u"away"_s}})));
    const auto push = m_bob->waitForPush(u"presence"_s);
    QVERIFY(push);
    QCOMPARE(push->data.value(u"status"_s).toString(), u"away"_s);
    const auto invalid = m_alice->request(u"presence"_s, {{u"status"_s, u"offline"_s}});
    QCOMPARE(refusal(invalid), ErrorCode::BadRequest);
}

void TestServerPeople::contactsListWithPresence()
{
    const auto reply = m_bob->request(u"contacts"_s);
    QVERIFY(reply && reply->success);
    const auto list = Protocol::ContactsReply::fromJson(reply->data);
    QVERIFY(list);
    QCOMPARE(list->contacts.size(), 1);
    QCOMPARE(list->contacts.first().user.username, u"alice"_s);
    QCOMPARE(list->contacts.first().presence.status, PresenceStatus::Online);
    QVERIFY(!list->contacts.first().blocked);
    auto bobsContacts = [this]() -> QList<Protocol::Contact> {
        const auto reply = m_bob->request(u"contacts"_s);
        if (!succeeded(reply))
            return {};
        const auto decoded = Protocol::ContactsReply::fromJson(reply->data);
        return decoded ? decoded->contacts : QList<Protocol::Contact>{};
    };
    QVERIFY(succeeded(m_bob->request(u"block"_s, {{u"user_id"_s, m_aliceId}})));
    QList<Protocol::Contact> now = bobsContacts();
    QCOMPARE(now.size(), 1);
    QVERIFY(now.first().blocked);
    QVERIFY(succeeded(m_bob->request(u"remove_contact"_s, {{u"user_id"_s, m_aliceId}})));
    // The block outlives "remove contact"...
    now = bobsContacts();
    QCOMPARE(now.size(), 1);
    QVERIFY(now.first().blocked);
    QVERIFY(succeeded(m_bob->request(u"unblock"_s, {{u"user_id"_s, m_aliceId}})));
    QVERIFY(succeeded(m_bob->request(u"remove_contact"_s, {{u"user_id"_s, m_aliceId}})));
    // ...and once unblocked, removing really removes.
    const auto empty = m_bob->request(u"contacts"_s);
    QVERIFY(succeeded(empty));
    const auto emptyList = Protocol::ContactsReply::fromJson(empty->data);
    QVERIFY(emptyList);
    QVERIFY(emptyList->contacts.isEmpty());
    // By username too.
    const auto byName = m_bob->request(u"add_contact"_s, {{u"username"_s, u"alice"_s}});
    QVERIFY(succeeded(byName));
    const auto added = Protocol::ContactReply::fromJson(byName->data);
    QVERIFY(added);
    QCOMPARE(added->contact.user.id, m_aliceId);
}

void TestServerPeople::contactRequestsValidated()
{
    QCOMPARE(refusal(m_bob->request(u"add_contact"_s, {{u"user_id"_s, m_bobId}})),
             ErrorCode::BadRequest);
    QCOMPARE(refusal(m_bob->request(u"add_contact"_s, {{u"username"_s, u"nobody"_s}})),
             ErrorCode::NotFound);
    QCOMPARE(refusal(m_bob->request(u"add_contact"_s, {})), ErrorCode::BadRequest);
    QCOMPARE(refusal(m_bob->request(u"block"_s, {{u"user_id"_s, 987654}})), ErrorCode::NotFound);
    QCOMPARE(refusal(m_bob->request(u"block"_s, {{u"user_id"_s, -1}})), ErrorCode::BadRequest);
}

void TestServerPeople::searchFindsUsersByPrefix()
{
    auto reply = m_bob->request(u"users"_s, {{u"query"_s, u"ali"_s}});
    QVERIFY(reply && reply->success);
    const auto found = Protocol::UsersReply::fromJson(reply->data);
    QVERIFY(found);
    const auto users = found->users;
    QCOMPARE(users.size(), 1);
    QCOMPARE(users.first().username, u"alice"_s);
    QCOMPARE(refusal(m_bob->request(u"users"_s, {{u"query"_s, u""_s}})), ErrorCode::BadRequest);
}

void TestServerPeople::typingIsPushedAndLimited()
{
    const auto created = m_alice->request(u"create_private"_s, {{u"user_id"_s, m_bobId}});
    QVERIFY(succeeded(created));
    const qint64 id =
        qint64(created->data.value(u"conversation"_s).toObject().value(u"id"_s).toDouble());
    auto reply = m_alice->request(u"typing"_s, {{u"conversation_id"_s, id}, {u"typing"_s, true}});
    QVERIFY(reply && reply->success);
    const auto push = m_bob->waitForPush(u"typing"_s);
    QVERIFY(push);
    QCOMPARE(qint64(push->data.value(u"user_id"_s).toDouble()), m_aliceId);
    QVERIFY(push->data.value(u"typing"_s).toBool());
    bool limited = false;
    for (int i = 0; i < 10 && !limited; ++i) {
        reply = m_alice->request(u"typing"_s, {{u"conversation_id"_s, id}});
        QVERIFY(reply);
        limited = !reply->success && reply->error.code == ErrorCode::RateLimited;
    }
    QVERIFY(limited);
}

namespace {
// The "presences" reply of a client as user id → presence (empty on any failure).
QHash<UserId, Presence> presencesOf(RawClient &client)
{
    const auto reply = client.request(u"presences"_s);
    if (!succeeded(reply))
        return {};
    const auto decoded = Protocol::PresencesReply::fromJson(reply->data);
    QHash<UserId, Presence> byUser;
    if (decoded) {
        for (const Presence &p : decoded->presences)
            byUser.insert(p.userId, p);
    }
    return byUser;
}
} // namespace

// Carol is nobody's contact, but she shares a group with Alice: each sees the other's
// presence (the "presences" request at sign-in, pushes after), a stranger sees nothing.
void TestServerPeople::presenceOfPeopleInMyChats()
{
    RawClient carol;
    QVERIFY(carol.open(m_server->url()));
    const auto grant = carol.registerUser(u"carol"_s);
    QVERIFY(grant);
    const qint64 carolId = qint64(grant->value(u"user"_s).toObject().value(u"id"_s).toDouble());
    QVERIFY(presencesOf(*m_alice).isEmpty()); // no conversation yet: Bob is only a watcher
    const auto group = m_alice->request(
        u"create_group"_s, {{u"name"_s, u"Trip"_s}, {u"member_ids"_s, QJsonArray{carolId}}});
    QVERIFY(succeeded(group));
    auto seen = presencesOf(*m_alice);
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.value(carolId).status, PresenceStatus::Online);
    QCOMPARE(presencesOf(carol).value(m_aliceId).status, PresenceStatus::Online);
    QVERIFY(!presencesOf(*m_bob).contains(carolId)); // Bob shares nothing with Carol
    // Carol goes away and offline: Alice is told, though Carol is not her contact.
    QVERIFY(succeeded(carol.request(u"presence"_s, {{u"status"_s, u"away"_s}})));
    auto push = m_alice->waitForPush(u"presence"_s);
    QVERIFY(push);
    QCOMPARE(qint64(push->data.value(u"user_id"_s).toDouble()), carolId);
    QCOMPARE(push->data.value(u"status"_s).toString(), u"away"_s);
    carol.close();
    push = m_alice->waitForPush(u"presence"_s);
    QVERIFY(push);
    QCOMPARE(push->data.value(u"status"_s).toString(), u"offline"_s);
    QTRY_COMPARE(presencesOf(*m_alice).value(carolId).status, PresenceStatus::Offline);
    QVERIFY(presencesOf(*m_alice).value(carolId).lastSeenMs > 0);
}

// A block in either direction ends presence between two people who share a conversation.
void TestServerPeople::blocksEndPresenceBothWays()
{
    const auto created = m_alice->request(u"create_private"_s, {{u"user_id"_s, m_bobId}});
    QVERIFY(succeeded(created));
    QVERIFY(presencesOf(*m_alice).contains(m_bobId));
    QVERIFY(presencesOf(*m_bob).contains(m_aliceId));
    // Alice blocks Bob (who keeps her as a contact): neither follows the other any more, and
    // each is told at once that the other is unknown (offline, no last_seen).
    QVERIFY(succeeded(m_alice->request(u"block"_s, {{u"user_id"_s, m_bobId}})));
    for (RawClient *told : {m_alice.get(), m_bob.get()}) {
        const auto push = told->waitForPush(u"presence"_s);
        QVERIFY(push);
        QCOMPARE(push->data.value(u"status"_s).toString(), u"offline"_s);
        QCOMPARE(push->data.value(u"last_seen"_s).toDouble(0), 0.0);
    }
    QVERIFY(!presencesOf(*m_alice).contains(m_bobId));
    QVERIFY(!presencesOf(*m_bob).contains(m_aliceId));
    QVERIFY(succeeded(m_alice->request(u"presence"_s, {{u"status"_s, u"away"_s}})));
    QVERIFY(m_bob->noPush(u"presence"_s, 300));
    QVERIFY(succeeded(m_bob->request(u"presence"_s, {{u"status"_s, u"away"_s}})));
    QVERIFY(m_alice->noPush(u"presence"_s, 300));
    // Unblocked, they follow each other again.
    QVERIFY(succeeded(m_alice->request(u"unblock"_s, {{u"user_id"_s, m_bobId}})));
    QCOMPARE(presencesOf(*m_alice).value(m_bobId).status, PresenceStatus::Away);
    const auto again = m_bob->waitForPush(u"presence"_s); // visible again, told at once
    QVERIFY(again);
    QCOMPARE(again->data.value(u"status"_s).toString(), u"away"_s);
    QVERIFY(succeeded(m_alice->request(u"presence"_s, {{u"status"_s, u"online"_s}})));
    const auto push = m_bob->waitForPush(u"presence"_s);
    QVERIFY(push);
    QCOMPARE(push->data.value(u"status"_s).toString(), u"online"_s);
}

// update_profile: the new name is stored and answered, pushed as user_updated to people who
// share a conversation (and to the user's other devices), not to strangers; bad names refused.
void TestServerPeople::profileChangeReachesPeopleInChats()
{
    RawClient carol; // a stranger to Alice
    QVERIFY(carol.open(m_server->url()));
    QVERIFY(carol.registerUser(u"carol"_s));
    RawClient phone; // Alice's other device
    QVERIFY(phone.open(m_server->url()));
    QVERIFY(phone.login(u"alice"_s));
    QVERIFY(succeeded(m_alice->request(u"create_private"_s, {{u"user_id"_s, m_bobId}})));

    const auto reply =
        m_alice->request(u"update_profile"_s, {{u"display_name"_s, u"Alice Martin"_s}});
    QVERIFY(succeeded(reply));
    const auto answered = Protocol::UserReply::fromJson(reply->data);
    QVERIFY(answered);
    QCOMPARE(answered->user.id, m_aliceId);
    QCOMPARE(answered->user.displayName, u"Alice Martin"_s);
    for (RawClient *told : {m_bob.get(), &phone}) {
        const auto push = told->waitForPush(u"user_updated"_s);
        QVERIFY(push);
        const auto pushed = Protocol::UserReply::fromJson(push->data);
        QVERIFY(pushed);
        QCOMPARE(pushed->user, answered->user);
    }
    QVERIFY(carol.noPush(u"user_updated"_s, 300));
    QVERIFY(m_alice->noPush(u"user_updated"_s, 100)); // the asking connection has the reply
    // Stored: others find the new name.
    const auto found = m_bob->request(u"users"_s, {{u"query"_s, u"Alice M"_s}});
    QVERIFY(succeeded(found));
    QCOMPARE(Protocol::UsersReply::fromJson(found->data)->users.value(0).displayName,
             u"Alice Martin"_s);
    // The registration rules apply.
    QCOMPARE(
        refusal(m_alice->request(u"update_profile"_s, {{u"display_name"_s, QString(65, u'x')}})),
        ErrorCode::TooLarge);
    QCOMPARE(refusal(m_alice->request(u"update_profile"_s, {})), ErrorCode::BadRequest);
    QCOMPARE(refusal(m_alice->request(u"update_profile"_s, {{u"display_name"_s, 42}})),
             ErrorCode::BadRequest);
}

QTEST_GUILESS_MAIN(TestServerPeople)
#include "tst_serverpeople.moc"
