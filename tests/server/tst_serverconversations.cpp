// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Groups through the real server: create, add, remove, rename, leave, admin rules, size
// limit, and the system messages that put every change into the conversation's seq stream.
#include "rawclient.h"
#include "testserver.h"
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/conversationmessages.h>
#include <banter/protocol/systemevent.h>

#include <QJsonArray>
#include <QTest>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

class TestServerConversations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createGroupNotifiesMembers();
    void createGroupValidates_data();
    void createGroupValidates();
    void adminsManageMembers();
    void nonAdminCannotManage();
    void addingExistingMembersKeepsNames();
    void removedMemberLosesAccess();
    void leavingAdminHandsOver();
    void privateConversationsCannotBeChanged();
    void groupSizeIsLimited();
    void listShowsLastMessageAndUnread();

private:
    Conversation createGroup(RawClient &by, const QString &name, const QList<qint64> &members);

    std::unique_ptr<TestServer> m_server;
    QList<std::shared_ptr<RawClient>> m_clients; // alice, bob, carol
    QList<qint64> m_ids;
};

void TestServerConversations::init()
{
    Server::ServerConfig config = TestServer::defaultConfig();
    config.limits.maxGroupSize = 4;
    m_server = std::make_unique<TestServer>(config);
    QVERIFY(m_server->start());
    m_clients.clear();
    m_ids.clear();
    for (const QString &name : {u"alice"_s, u"bob"_s, u"carol"_s}) {
        auto client = std::make_shared<RawClient>();
        QVERIFY(client->open(m_server->url()));
        const auto grant = client->registerUser(name);
        QVERIFY(grant);
        m_ids.append(qint64(grant->value(u"user"_s).toObject().value(u"id"_s).toDouble()));
        m_clients.append(client);
    }
}

void TestServerConversations::cleanup()
{
    m_clients.clear();
    m_server.reset();
}

Conversation TestServerConversations::createGroup(RawClient &by, const QString &name,
                                                  const QList<qint64> &members)
{
    Protocol::CreateGroupRequest request{name, members};
    const auto reply = by.request(u"create_group"_s, request.toJson());
    if (!reply || !reply->success)
        return {};
    return Protocol::ConversationReply::fromJson(reply->data)->conversation;
}

void TestServerConversations::createGroupNotifiesMembers()
{
    const Conversation group = createGroup(*m_clients[0], u"Team"_s, {m_ids[1], m_ids[2]});
    QVERIFY(group.id > 0);
    QCOMPARE(group.type, ConversationType::Group);
    QCOMPARE(group.name, u"Team"_s);
    QCOMPARE(group.participants.size(), 3);
    QVERIFY(group.isAdmin(m_ids[0]));
    QVERIFY(!group.isAdmin(m_ids[1]));
    QCOMPARE(group.participant(m_ids[1])->username, u"bob"_s);
    QCOMPARE(group.lastSeq, 1); // the group_created system message
    for (int i : {1, 2}) {
        const auto updated = m_clients[i]->waitForPush(u"conversation_updated"_s);
        QVERIFY(updated);
        const auto system = m_clients[i]->waitForPush(u"new_message"_s);
        QVERIFY(system);
        const Message m = Protocol::MessageReply::fromJson(system->data)->message;
        QCOMPARE(m.type, MessageType::System);
        QVERIFY(m.event);
        QCOMPARE(Protocol::systemEventKindName(m.event->kind), u"group_created"_s);
        QCOMPARE(*m.event, SystemEvent::groupCreated(u"Team"_s, {m_ids[1], m_ids[2]}));
        // The wire form is the documented one (docs/PROTOCOL.md §6).
        const QJsonObject wire{{u"event"_s, u"group_created"_s},
                               {u"name"_s, u"Team"_s},
                               {u"user_ids"_s, QJsonArray{m_ids[1], m_ids[2]}}};
        QCOMPARE(system->data.value(u"message"_s).toObject().value(u"event"_s).toObject(), wire);
    }
}

void TestServerConversations::createGroupValidates_data()
{
    QTest::addColumn<QJsonObject>("data");
    QTest::addColumn<int>("code");
    QTest::newRow("blank name") << QJsonObject{{u"name"_s, u"  "_s},
                                               {u"member_ids"_s, QJsonArray{}}}
                                << int(ErrorCode::BadRequest);
    QTest::newRow("long name") << QJsonObject{{u"name"_s, QString(101, u'n')},
                                              {u"member_ids"_s, QJsonArray{}}}
                               << int(ErrorCode::TooLarge);
    QTest::newRow("no members field")
        << QJsonObject{{u"name"_s, u"x"_s}} << int(ErrorCode::BadRequest);
    QTest::newRow("string member")
        << QJsonObject{{u"name"_s, u"x"_s}, {u"member_ids"_s, QJsonArray{u"2"_s}}}
        << int(ErrorCode::BadRequest);
    QTest::newRow("unknown member")
        << QJsonObject{{u"name"_s, u"x"_s}, {u"member_ids"_s, QJsonArray{424242}}}
        << int(ErrorCode::NotFound);
    QTest::newRow("too many") << QJsonObject{{u"name"_s, u"x"_s},
                                             {u"member_ids"_s, QJsonArray{11, 12, 13, 14}}}
                              << int(ErrorCode::LimitExceeded);
}

void TestServerConversations::createGroupValidates()
{
    QFETCH(QJsonObject, data);
    QFETCH(int, code);
    const auto reply = m_clients[0]->request(u"create_group"_s, data);
    QVERIFY(reply && !reply->success);
    QCOMPARE(int(reply->error.code), code);
}

void TestServerConversations::adminsManageMembers()
{
    const Conversation group = createGroup(*m_clients[0], u"Team"_s, {m_ids[1]});
    auto reply = m_clients[0]->request(u"add_members"_s,
                                       Protocol::AddMembersRequest{group.id, {m_ids[2]}}.toJson());
    QVERIFY(reply && reply->success);
    auto updated = Protocol::ConversationReply::fromJson(reply->data)->conversation;
    QVERIFY(updated.isMember(m_ids[2]));
    QVERIFY(m_clients[2]->waitForPush(u"conversation_updated"_s));
    reply =
        m_clients[0]->request(u"rename"_s, Protocol::RenameRequest{group.id, u"Crew"_s}.toJson());
    QVERIFY(reply && reply->success);
    QCOMPARE(Protocol::ConversationReply::fromJson(reply->data)->conversation.name, u"Crew"_s);
    // Every change is a system message, in seq order.
    const auto history = m_clients[1]->request(u"history"_s, {{u"conversation_id"_s, group.id}});
    const auto messages = Protocol::HistoryReply::fromJson(history->data)->messages;
    QCOMPARE(messages.size(), 3);
    QVERIFY(messages.at(1).event && messages.at(2).event);
    QCOMPARE(Protocol::systemEventKindName(messages.at(1).event->kind), u"members_added"_s);
    QCOMPARE(Protocol::systemEventKindName(messages.at(2).event->kind), u"renamed"_s);
    const QJsonArray wire = history->data.value(u"messages"_s).toArray();
    QCOMPARE(
        wire.at(1).toObject().value(u"event"_s).toObject(),
        (QJsonObject{{u"event"_s, u"members_added"_s}, {u"user_ids"_s, QJsonArray{m_ids[2]}}}));
    QCOMPARE(wire.at(2).toObject().value(u"event"_s).toObject(),
             (QJsonObject{{u"event"_s, u"renamed"_s}, {u"name"_s, u"Crew"_s}}));
}

void TestServerConversations::addingExistingMembersKeepsNames()
{
    const Conversation group = createGroup(*m_clients[0], u"Team"_s, {m_ids[1]});
    const auto reply = m_clients[0]->request(
        u"add_members"_s, Protocol::AddMembersRequest{group.id, {m_ids[1]}}.toJson());
    QVERIFY(reply && reply->success);
    const Conversation same = Protocol::ConversationReply::fromJson(reply->data)->conversation;
    QCOMPARE(same.participants.size(), 2);
    QCOMPARE(same.participant(m_ids[1])->username, u"bob"_s);
    QCOMPARE(same.lastSeq, group.lastSeq); // nothing changed, no system message
}

void TestServerConversations::nonAdminCannotManage()
{
    const Conversation group = createGroup(*m_clients[0], u"Team"_s, {m_ids[1]});
    auto reply = m_clients[1]->request(u"add_members"_s,
                                       Protocol::AddMembersRequest{group.id, {m_ids[2]}}.toJson());
    QVERIFY(reply && !reply->success);
    QCOMPARE(reply->error.code, ErrorCode::Forbidden);
    reply =
        m_clients[1]->request(u"rename"_s, Protocol::RenameRequest{group.id, u"Mine"_s}.toJson());
    QCOMPARE(reply->error.code, ErrorCode::Forbidden);
    reply = m_clients[1]->request(u"remove_member"_s,
                                  Protocol::RemoveMemberRequest{group.id, m_ids[0]}.toJson());
    QCOMPARE(reply->error.code, ErrorCode::Forbidden);
}

void TestServerConversations::removedMemberLosesAccess()
{
    const Conversation group = createGroup(*m_clients[0], u"Team"_s, {m_ids[1], m_ids[2]});
    const auto reply = m_clients[0]->request(
        u"remove_member"_s, Protocol::RemoveMemberRequest{group.id, m_ids[2]}.toJson());
    QVERIFY(reply && reply->success);
    const auto removed = m_clients[2]->waitForPush(u"conversation_removed"_s);
    QVERIFY(removed);
    QCOMPARE(qint64(removed->data.value(u"conversation_id"_s).toDouble()), group.id);
    const auto history = m_clients[2]->request(u"history"_s, {{u"conversation_id"_s, group.id}});
    QCOMPARE(history->error.code, ErrorCode::NotFound);
    const auto again = m_clients[0]->request(
        u"remove_member"_s, Protocol::RemoveMemberRequest{group.id, m_ids[2]}.toJson());
    QCOMPARE(again->error.code, ErrorCode::NotFound);
}

void TestServerConversations::leavingAdminHandsOver()
{
    const Conversation group = createGroup(*m_clients[0], u"Team"_s, {m_ids[1], m_ids[2]});
    const auto reply = m_clients[0]->request(u"leave"_s, {{u"conversation_id"_s, group.id}});
    QVERIFY(reply && reply->success);
    const auto info = m_clients[1]->request(u"conversation"_s, {{u"conversation_id"_s, group.id}});
    QVERIFY(info && info->success);
    const Conversation after = Protocol::ConversationReply::fromJson(info->data)->conversation;
    QVERIFY(!after.isMember(m_ids[0]));
    QVERIFY(after.isAdmin(m_ids[1]) || after.isAdmin(m_ids[2]));
}

void TestServerConversations::privateConversationsCannotBeChanged()
{
    const auto created = m_clients[0]->request(u"create_private"_s, {{u"user_id"_s, m_ids[1]}});
    QVERIFY(created && created->success);
    const qint64 id =
        qint64(created->data.value(u"conversation"_s).toObject().value(u"id"_s).toDouble());
    auto reply = m_clients[0]->request(u"add_members"_s,
                                       Protocol::AddMembersRequest{id, {m_ids[2]}}.toJson());
    QCOMPARE(reply->error.code, ErrorCode::Forbidden);
    reply = m_clients[0]->request(u"leave"_s, {{u"conversation_id"_s, id}});
    QCOMPARE(reply->error.code, ErrorCode::Forbidden);
    reply = m_clients[0]->request(u"create_private"_s, {{u"user_id"_s, m_ids[0]}});
    QCOMPARE(reply->error.code, ErrorCode::BadRequest);
}

void TestServerConversations::groupSizeIsLimited()
{
    const Conversation group = createGroup(*m_clients[0], u"Team"_s, {m_ids[1], m_ids[2]});
    RawClient dave;
    RawClient erin;
    QVERIFY(dave.open(m_server->url()) && erin.open(m_server->url()));
    const auto d = dave.registerUser(u"dave"_s);
    const auto e = erin.registerUser(u"erin"_s);
    const qint64 daveId = qint64(d->value(u"user"_s).toObject().value(u"id"_s).toDouble());
    const qint64 erinId = qint64(e->value(u"user"_s).toObject().value(u"id"_s).toDouble());
    const auto reply = m_clients[0]->request(
        u"add_members"_s, Protocol::AddMembersRequest{group.id, {daveId, erinId}}.toJson());
    QVERIFY(reply && !reply->success);
    QCOMPARE(reply->error.code, ErrorCode::LimitExceeded);
}

void TestServerConversations::listShowsLastMessageAndUnread()
{
    const Conversation group = createGroup(*m_clients[0], u"Team"_s, {m_ids[1]});
    Protocol::SendMessageRequest send;
    send.id = QUuid::createUuid();
    send.conversationId = group.id;
    send.content = u"latest news"_s;
    QVERIFY(m_clients[0]->request(u"message"_s, send.toJson())->success);
    const auto reply = m_clients[1]->request(u"conversations"_s);
    QVERIFY(reply && reply->success);
    const auto list = Protocol::ConversationsReply::fromJson(reply->data);
    QVERIFY(list);
    QCOMPARE(list->conversations.size(), 1);
    QCOMPARE(list->conversations.first().lastMessage->content, u"latest news"_s);
    QCOMPARE(list->conversations.first().unreadCount, 1); // membership changes do not count
}

QTEST_GUILESS_MAIN(TestServerConversations)
#include "tst_serverconversations.moc"
