// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 17, "one request must not fan out without bound": a membership change or rename is
// pushed as what changed (members_added, member_removed, conversation_renamed) to
// connections that announced `member_deltas` in hello, and as the whole conversation
// (conversation_updated) to the others, as before. A copy kept by applying the deltas equals
// the server's; the bytes a toggle of one member of a 500-member group queues per
// connection are measured both ways.
#include "rawclient.h"
#include "storage/sqlconversationrepository.h"
#include "storage/sqluserrepository.h"
#include "storagetest.h"
#include "testserver.h"
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/conversationmessages.h>
#include <banter/protocol/domainjson.h>
#include <banter/protocol/memberdeltas.h>
#include <banter/protocol/types.h>

#include <QJsonArray>
#include <QTest>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
QJsonObject helloWith(const QJsonArray &features)
{
    return {{u"protocol"_s, 1}, {u"client"_s, u"test"_s}, {u"features"_s, features}};
}

// What a copy must agree on with the server: who is in, with which role and names.
struct MemberView
{
    UserId userId;
    ParticipantRole role;
    QString username;
    QString displayName;
    qint64 joinedAtMs;
    friend bool operator==(const MemberView &, const MemberView &) = default;
};

QList<MemberView> membersOf(const Conversation &c)
{
    QList<MemberView> view;
    for (const Participant &p : c.participants)
        view.append({p.userId, p.role, p.username, p.displayName, p.joinedAtMs});
    std::ranges::sort(view, {}, &MemberView::userId);
    return view;
}

// The pushes taken so far, by type, in order.
QStringList typesOf(const QList<Protocol::ServerFrame> &pushes)
{
    QStringList types;
    for (const Protocol::ServerFrame &f : pushes)
        types.append(f.type);
    return types;
}
} // namespace

class TestServerMemberDeltas : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void helloConfirmsKnownFeaturesOnly();
    void helloRefusesMalformedFeatures_data();
    void helloRefusesMalformedFeatures();
    void deltasKeepACopyEqualToTheServers();
    void newMembersGetTheWholeConversation();
    void lastAdminLeavingNamesTheHeir();
    void noChangeIsNoPush();
    void toggleInABigGroupQueuesLittle();

private:
    Conversation createGroup(const QList<qint64> &members);
    // Waits for the change's system message on `client` and returns the pushes that came
    // before it (pushes of one change are sent in order: the change, then the message).
    QList<Protocol::ServerFrame> pushesUntilSystemMessage(RawClient &client);
    bool checkCopy(RawClient &client, const Conversation &copy);

    std::unique_ptr<TestServer> m_server;
    QList<std::shared_ptr<RawClient>> m_clients; // alice, bob (member_deltas), carol, dave
    QList<qint64> m_ids;
};

void TestServerMemberDeltas::init()
{
    m_server = std::make_unique<TestServer>(TestServer::unthrottledConfig());
    QVERIFY(m_server->start());
    m_clients.clear();
    m_ids.clear();
    for (const QString &name : {u"alice"_s, u"bob"_s, u"carol"_s, u"dave"_s}) {
        auto client = std::make_shared<RawClient>();
        QVERIFY(client->open(m_server->url()));
        if (name == u"alice"_s || name == u"bob"_s) {
            const auto hello = client->request(
                u"hello"_s, helloWith({Protocol::Feature::MemberDeltas.toString()}));
            QVERIFY(succeeded(hello));
        }
        const auto grant = client->registerUser(name);
        QVERIFY(grant);
        m_ids.append(qint64(grant->value(u"user"_s).toObject().value(u"id"_s).toDouble()));
        m_clients.append(client);
    }
}

void TestServerMemberDeltas::cleanup()
{
    m_clients.clear();
    m_server.reset();
}

Conversation TestServerMemberDeltas::createGroup(const QList<qint64> &members)
{
    const auto reply = m_clients[0]->request(
        u"create_group"_s, Protocol::CreateGroupRequest{u"Team"_s, members}.toJson());
    if (!succeeded(reply))
        return {};
    // Everyone drains the creation's pushes: tests look at what comes after.
    for (qint64 id : members) {
        RawClient &c = *m_clients[int(m_ids.indexOf(id))];
        if (!c.waitForPush(u"new_message"_s))
            return {};
        c.pushes.clear();
    }
    m_clients[0]->waitForPush(u"new_message"_s);
    m_clients[0]->pushes.clear();
    return Protocol::ConversationReply::fromJson(reply->data)->conversation;
}

QList<Protocol::ServerFrame> TestServerMemberDeltas::pushesUntilSystemMessage(RawClient &client)
{
    if (!client.waitForPush(u"new_message"_s))
        return {};
    QList<Protocol::ServerFrame> before = client.pushes;
    client.pushes.clear();
    return before;
}

bool TestServerMemberDeltas::checkCopy(RawClient &client, const Conversation &copy)
{
    const auto reply = client.request(u"conversation"_s, {{u"conversation_id"_s, copy.id}});
    if (!succeeded(reply))
        return false;
    const Conversation server = Protocol::ConversationReply::fromJson(reply->data)->conversation;
    if (membersOf(server) != membersOf(copy) || server.name != copy.name
        || server.lastSeq != copy.lastSeq) {
        qWarning() << "copy differs:" << Protocol::toJson(copy)
                   << "server:" << Protocol::toJson(server);
        return false;
    }
    return true;
}

void TestServerMemberDeltas::helloConfirmsKnownFeaturesOnly()
{
    RawClient client;
    QVERIFY(client.open(m_server->url()));
    const auto both = client.request(
        u"hello"_s, helloWith({u"from_the_future"_s, Protocol::Feature::MemberDeltas.toString()}));
    QVERIFY(succeeded(both));
    QCOMPARE(both->data.value(u"features"_s).toArray(),
             QJsonArray{Protocol::Feature::MemberDeltas.toString()});
    const auto none = client.request(u"hello"_s, {{u"protocol"_s, 1}});
    QVERIFY(succeeded(none));
    QVERIFY(!none->data.contains(u"features"_s)); // absent when none is used
    const auto unknown = client.request(u"hello"_s, helloWith({u"from_the_future"_s}));
    QVERIFY(succeeded(unknown));
    QVERIFY(!unknown->data.contains(u"features"_s));
}

void TestServerMemberDeltas::helloRefusesMalformedFeatures_data()
{
    QTest::addColumn<QJsonValue>("features");
    QTest::addColumn<int>("code");
    QJsonArray tooMany;
    for (int i = 0; i < 33; ++i)
        tooMany.append(u"f%1"_s.arg(i));
    QTest::newRow("not a list") << QJsonValue(u"member_deltas"_s) << int(ErrorCode::BadRequest);
    QTest::newRow("a number in it") << QJsonValue(QJsonArray{1}) << int(ErrorCode::BadRequest);
    QTest::newRow("an empty name") << QJsonValue(QJsonArray{u""_s}) << int(ErrorCode::BadRequest);
    QTest::newRow("a long name") << QJsonValue(QJsonArray{QString(65, u'x')})
                                 << int(ErrorCode::BadRequest);
    QTest::newRow("33 names") << QJsonValue(tooMany) << int(ErrorCode::TooLarge);
}

void TestServerMemberDeltas::helloRefusesMalformedFeatures()
{
    QFETCH(QJsonValue, features);
    QFETCH(int, code);
    RawClient client;
    QVERIFY(client.open(m_server->url()));
    const auto reply = client.request(u"hello"_s, {{u"protocol"_s, 1}, {u"features"_s, features}});
    QCOMPARE(int(refusal(reply)), code);
    // The connection is still served, and without deltas.
    QVERIFY(succeeded(client.request(u"ping"_s)));
}

void TestServerMemberDeltas::deltasKeepACopyEqualToTheServers()
{
    Conversation copy = createGroup({m_ids[1], m_ids[2]});
    QVERIFY(copy.id > 0);
    RawClient &alice = *m_clients[0];
    RawClient &bob = *m_clients[1];
    RawClient &carol = *m_clients[2];

    QVERIFY(succeeded(alice.request(u"add_members"_s,
                                    Protocol::AddMembersRequest{copy.id, {m_ids[3]}}.toJson())));
    QList<Protocol::ServerFrame> got = pushesUntilSystemMessage(bob);
    QCOMPARE(typesOf(got), QStringList{u"members_added"_s});
    const auto added = Protocol::MembersAddedPush::fromJson(got.first().data);
    QVERIFY(added);
    QCOMPARE(added->members.size(), 1);
    QCOMPARE(added->members.first().username, u"dave"_s);
    Protocol::applyDelta(copy, *added);
    QVERIFY(checkCopy(bob, copy));
    // A client that did not ask for deltas gets the whole conversation, as before.
    QCOMPARE(typesOf(pushesUntilSystemMessage(carol)), QStringList{u"conversation_updated"_s});

    QVERIFY(succeeded(
        alice.request(u"rename"_s, Protocol::RenameRequest{copy.id, u"Crew"_s}.toJson())));
    got = pushesUntilSystemMessage(bob);
    QCOMPARE(typesOf(got), QStringList{u"conversation_renamed"_s});
    const auto renamed = Protocol::ConversationRenamedPush::fromJson(got.first().data);
    QVERIFY(renamed);
    QCOMPARE(renamed->name, u"Crew"_s);
    Protocol::applyDelta(copy, *renamed);
    QVERIFY(checkCopy(bob, copy));
    QCOMPARE(typesOf(pushesUntilSystemMessage(carol)), QStringList{u"conversation_updated"_s});

    QVERIFY(succeeded(alice.request(u"remove_member"_s,
                                    Protocol::RemoveMemberRequest{copy.id, m_ids[3]}.toJson())));
    got = pushesUntilSystemMessage(bob);
    QCOMPARE(typesOf(got), QStringList{u"member_removed"_s});
    const auto removed = Protocol::MemberRemovedPush::fromJson(got.first().data);
    QVERIFY(removed);
    QCOMPARE(removed->userId, m_ids[3]);
    QCOMPARE(removed->newAdminId, 0);
    Protocol::applyDelta(copy, *removed);
    QVERIFY(checkCopy(bob, copy));
    QVERIFY(m_clients[3]->waitForPush(u"conversation_removed"_s));
    // The actor's own connection announced the feature too: deltas there as well.
    for (int change = 0; change < 3; ++change)
        QVERIFY(alice.waitForPush(u"new_message"_s));
    QCOMPARE(typesOf(alice.pushes),
             (QStringList{u"members_added"_s, u"conversation_renamed"_s, u"member_removed"_s}));
}

void TestServerMemberDeltas::newMembersGetTheWholeConversation()
{
    const Conversation group = createGroup({m_ids[1]});
    QVERIFY(group.id > 0);
    QVERIFY(succeeded(m_clients[0]->request(
        u"add_members"_s, Protocol::AddMembersRequest{group.id, {m_ids[2], m_ids[3]}}.toJson())));
    for (int newcomer : {2, 3}) {
        const QList<Protocol::ServerFrame> got = pushesUntilSystemMessage(*m_clients[newcomer]);
        QCOMPARE(typesOf(got), QStringList{u"conversation_updated"_s});
        const auto whole = Protocol::ConversationReply::fromJson(got.first().data);
        QVERIFY(whole);
        QCOMPARE(whole->conversation.participants.size(), 4);
    }
    const QList<Protocol::ServerFrame> got = pushesUntilSystemMessage(*m_clients[1]);
    QCOMPARE(typesOf(got), QStringList{u"members_added"_s});
    QCOMPARE(Protocol::MembersAddedPush::fromJson(got.first().data)->members.size(), 2);
}

void TestServerMemberDeltas::lastAdminLeavingNamesTheHeir()
{
    Conversation copy = createGroup({m_ids[1], m_ids[2]});
    QVERIFY(copy.id > 0);
    QVERIFY(succeeded(m_clients[0]->request(u"leave"_s, {{u"conversation_id"_s, copy.id}})));
    const QList<Protocol::ServerFrame> got = pushesUntilSystemMessage(*m_clients[1]);
    QCOMPARE(typesOf(got), QStringList{u"member_removed"_s});
    const auto left = Protocol::MemberRemovedPush::fromJson(got.first().data);
    QVERIFY(left);
    QCOMPARE(left->userId, m_ids[0]);
    QVERIFY(left->newAdminId == m_ids[1] || left->newAdminId == m_ids[2]);
    Protocol::applyDelta(copy, *left);
    QVERIFY(copy.isAdmin(left->newAdminId));
    QVERIFY(checkCopy(*m_clients[1], copy));
}

void TestServerMemberDeltas::noChangeIsNoPush()
{
    const Conversation group = createGroup({m_ids[1], m_ids[2]});
    QVERIFY(group.id > 0);
    // Adding members who are there already changes nothing: nobody is told anything, so
    // the first push after it is the rename's.
    QVERIFY(succeeded(m_clients[0]->request(
        u"add_members"_s, Protocol::AddMembersRequest{group.id, {m_ids[1], m_ids[2]}}.toJson())));
    QVERIFY(succeeded(
        m_clients[0]->request(u"rename"_s, Protocol::RenameRequest{group.id, u"Crew"_s}.toJson())));
    QCOMPARE(typesOf(pushesUntilSystemMessage(*m_clients[1])),
             QStringList{u"conversation_renamed"_s});
    QCOMPARE(typesOf(pushesUntilSystemMessage(*m_clients[2])),
             QStringList{u"conversation_updated"_s});
}

// The figure of the issue: an admin removes and re-adds one member of a 500-member group
// with long display names. Bytes each member's connection receives, both ways.
void TestServerMemberDeltas::toggleInABigGroupQueuesLittle()
{
    RawConnection raw(m_server->config().databaseUrl);
    QVERIFY2(raw.isOpen(), qPrintable(raw.error()));
    Server::SqlUserRepository users(raw.session());
    Server::SqlConversationRepository conversations(raw.session());
    QVERIFY(raw.session().run(raw.session().dialect().beginTransaction));
    QList<Participant> members{member(m_ids[0], ParticipantRole::Admin), member(m_ids[1]),
                               member(m_ids[2])};
    for (int i = 0; members.size() < 500; ++i) {
        const Result<User> u = users.create(u"member%1"_s.arg(i, 26, 10, QChar(u'0')),
                                            QString(64, u'm'), u"x"_s, 1000);
        QVERIFY(u);
        members.append(member(u->id));
    }
    const Result<Conversation> group =
        conversations.create(ConversationType::Group, u"Big"_s, members, 1000);
    QVERIFY(group);
    raw.session().finishAll();
    QVERIFY(raw.session().run(u"COMMIT"_s));
    const UserId toggled = members.last().userId;

    qint64 bytes[2] = {0, 0}; // bob (deltas), carol (whole conversations)
    for (int i : {1, 2}) {
        connect(&m_clients[i]->socket(), &QWebSocket::textMessageReceived, this,
                [&bytes, i](const QString &text) { bytes[i - 1] += text.toUtf8().size(); });
    }
    RawClient &alice = *m_clients[0];
    QVERIFY(succeeded(alice.request(
        u"remove_member"_s, Protocol::RemoveMemberRequest{group->id, toggled}.toJson(), 30'000)));
    QVERIFY(succeeded(alice.request(
        u"add_members"_s, Protocol::AddMembersRequest{group->id, {toggled}}.toJson(), 30'000)));
    for (int i : {1, 2}) { // each change ends with its system message
        QVERIFY(m_clients[i]->waitForPush(u"new_message"_s, 30'000));
        QVERIFY(m_clients[i]->waitForPush(u"new_message"_s, 30'000));
    }
    QCOMPARE(typesOf(m_clients[1]->pushes), (QStringList{u"member_removed"_s, u"members_added"_s}));
    QCOMPARE(typesOf(m_clients[2]->pushes),
             (QStringList{u"conversation_updated"_s, u"conversation_updated"_s}));
    const qint64 fanOut = members.size() - 1; // every member's connection, one each
    qInfo("toggle of one member of a 500-member group: %lld bytes per connection with "
          "whole conversations, %lld with deltas (system messages included); one connection "
          "per member: %.1f MB vs %.1f kB queued",
          bytes[1], bytes[0], double(bytes[1] * fanOut) / 1e6, double(bytes[0] * fanOut) / 1e3);
    QVERIFY2(bytes[1] > 100'000, qPrintable(QString::number(bytes[1])));
    QVERIFY2(bytes[0] * 50 < bytes[1], qPrintable(QString::number(bytes[0])));
}

QTEST_GUILESS_MAIN(TestServerMemberDeltas)
#include "tst_servermemberdeltas.moc"
