// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Two banterd instances on one database (as two processes would be), many connections
// sending into one conversation at once: seqs stay unique and gapless, and the same message
// id sent through both servers at the same moment is stored once.
#include "rawclient.h"
#include "testdatabase.h"
#include "testserver.h"
#include <banter/protocol/chatmessages.h>

#include <QJsonArray>
#include <QTest>

#include <algorithm>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

class TestConcurrentWriters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void seqsStayGaplessAcrossServers();
    void sameIdThroughBothServersIsStoredOnce();

private:
    Server::ServerConfig config() const;
    std::unique_ptr<RawClient> client(TestServer &server, const QString &user);

    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<TestServer> m_a;
    std::unique_ptr<TestServer> m_b;
    qint64 m_conversation = 0;
};

Server::ServerConfig TestConcurrentWriters::config() const
{
    Server::ServerConfig config = TestServer::defaultConfig();
    config.databaseUrl = m_database->url();
    config.limits.messageBurst = 10'000;
    config.limits.requestBurst = 10'000;
    return config;
}

std::unique_ptr<RawClient> TestConcurrentWriters::client(TestServer &server, const QString &user)
{
    auto c = std::make_unique<RawClient>();
    if (!c->open(server.url()) || !c->login(user))
        return nullptr;
    return c;
}

void TestConcurrentWriters::initTestCase()
{
    m_database = std::make_unique<TestDatabase>();
    QVERIFY2(m_database->isValid(), qPrintable(m_database->error()));
    m_a = std::make_unique<TestServer>(config());
    QVERIFY(m_a->start());
    m_b = std::make_unique<TestServer>(config());
    QVERIFY(m_b->start());
    RawClient setup;
    QVERIFY(setup.open(m_a->url()));
    QVERIFY(setup.registerUser(u"alice"_s));
    RawClient bob;
    QVERIFY(bob.open(m_b->url()));
    const auto grant = bob.registerUser(u"bob"_s);
    QVERIFY(grant);
    const qint64 bobId = qint64(grant->value(u"user"_s).toObject().value(u"id"_s).toDouble());
    const auto group = setup.request(
        u"create_group"_s, {{u"name"_s, u"busy"_s}, {u"member_ids"_s, QJsonArray{bobId}}});
    QVERIFY(group && group->success);
    m_conversation =
        qint64(group->data.value(u"conversation"_s).toObject().value(u"id"_s).toDouble());
}

void TestConcurrentWriters::cleanupTestCase()
{
    m_a.reset();
    m_b.reset();
    m_database.reset();
}

void TestConcurrentWriters::seqsStayGaplessAcrossServers()
{
    constexpr int PerClient = 60;
    std::vector<std::unique_ptr<RawClient>> clients;
    clients.push_back(client(*m_a, u"alice"_s));
    clients.push_back(client(*m_a, u"bob"_s));
    clients.push_back(client(*m_b, u"alice"_s));
    clients.push_back(client(*m_b, u"bob"_s));
    for (const auto &c : clients)
        QVERIFY(c);
    // Everyone fires at once; nobody waits for an ack before sending the next.
    for (int i = 0; i < PerClient; ++i) {
        for (size_t k = 0; k < clients.size(); ++k) {
            const QJsonObject data{{u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                   {u"conversation_id"_s, m_conversation},
                                   {u"content"_s, u"c%1 m%2"_s.arg(k).arg(i)}};
            clients[k]->sendText(Protocol::encodeRequest(u"message"_s, u"m%1"_s.arg(i), data));
        }
    }
    QList<Seq> seqs;
    for (const auto &c : clients) {
        for (int i = 0; i < PerClient; ++i) {
            const auto reply = c->nextResponse(20'000);
            QVERIFY(reply);
            QVERIFY2(reply->success, qPrintable(reply->error.message));
            seqs.append(Protocol::MessageReply::fromJson(reply->data)->message.seq);
        }
    }
    std::sort(seqs.begin(), seqs.end());
    const Seq first = seqs.first();
    QCOMPARE(first, 2); // seq 1 is the group_created message
    for (qsizetype i = 0; i < seqs.size(); ++i)
        QCOMPARE(seqs.at(i), first + i);
}

void TestConcurrentWriters::sameIdThroughBothServersIsStoredOnce()
{
    auto viaA = client(*m_a, u"alice"_s);
    auto viaB = client(*m_b, u"alice"_s);
    QVERIFY(viaA && viaB);
    const auto before = viaA->request(u"conversation"_s, {{u"conversation_id"_s, m_conversation}});
    const qint64 lastBefore =
        qint64(before->data.value(u"conversation"_s).toObject().value(u"last_seq"_s).toDouble());
    constexpr int Count = 40;
    for (int i = 0; i < Count; ++i) {
        const QJsonObject data{{u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                               {u"conversation_id"_s, m_conversation},
                               {u"content"_s, u"twice %1"_s.arg(i)}};
        viaA->sendText(Protocol::encodeRequest(u"message"_s, u"x%1"_s.arg(i), data));
        viaB->sendText(Protocol::encodeRequest(u"message"_s, u"x%1"_s.arg(i), data));
    }
    for (int i = 0; i < Count; ++i) {
        const auto a = viaA->nextResponse(20'000);
        const auto b = viaB->nextResponse(20'000);
        QVERIFY(a && b);
        QVERIFY2(a->success && b->success, qPrintable(a->error.message + b->error.message));
        QCOMPARE(a->rid, b->rid);
        // Both servers answer with the one stored message.
        QCOMPARE(Protocol::MessageReply::fromJson(a->data)->message,
                 Protocol::MessageReply::fromJson(b->data)->message);
    }
    const auto after = viaA->request(u"conversation"_s, {{u"conversation_id"_s, m_conversation}});
    const qint64 lastAfter =
        qint64(after->data.value(u"conversation"_s).toObject().value(u"last_seq"_s).toDouble());
    QCOMPARE(lastAfter - lastBefore, qint64(Count));
}

QTEST_GUILESS_MAIN(TestConcurrentWriters)
#include "tst_concurrentwriters.moc"
