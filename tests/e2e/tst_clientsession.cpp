// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// ClientSession against a real banterd: acks and pushes, delivery receipts, catching up after
// a disconnect without gaps or duplicates, the offline outbox surviving a server restart,
// token refresh on reconnect, and revocation.
#include "sessionhelpers.h"
#include "storage/storagefactory.h"
#include "testserver.h"
#include <banter/client/clientsession.h>
#include <banter/protocol/domainjson.h>

#include <QSignalSpy>
#include <QTest>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
ClientSession::Options fastOptions()
{
    ClientSession::Options options;
    options.reconnectBaseMs = 50;
    options.reconnectMaxMs = 300;
    options.requestTimeoutMs = 10'000;
    return options;
}

bool waitReady(ClientSession &session, int timeoutMs = 10'000)
{
    return waitFor([&session] { return session.isReady(); }, timeoutMs, "the session's sync");
}
} // namespace

class TestClientSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void sendAckPushAndDeliveredReceipt();
    void catchUpAfterDisconnectWithoutGapsOrDuplicates();
    void outboxSurvivesServerRestart();
    void expiredAccessTokenIsRefreshed();
    void logoutEndsTheSession();
    void groupMembershipArrivesThroughSync();
    void membershipDeltasKeepOtherSessionsRight();
    void avatarsFetchedOncePerVersion();
    void adminRequestsThroughTheSession();

private:
    std::unique_ptr<ClientSession> signedIn(const QString &name);

    std::unique_ptr<TestServer> m_server;
};

void TestClientSession::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
}

void TestClientSession::cleanup()
{
    m_server.reset();
}

std::unique_ptr<ClientSession> TestClientSession::signedIn(const QString &name)
{
    auto session = std::make_unique<ClientSession>();
    session->setOptions(fastOptions());
    session->connectToServer(m_server->url());
    if (!waitFor([&] { return session->state() == ClientSession::State::Connected; }, 5000,
                 "the session to connect"))
        return nullptr;
    const auto grant =
        await(session->registerUser(name, u"correct horse"_s, name.toUpper(), u"test"_s));
    if (!grant || !waitReady(*session))
        return nullptr;
    return session;
}

void TestClientSession::sendAckPushAndDeliveredReceipt()
{
    auto alice = signedIn(u"alice"_s);
    auto bob = signedIn(u"bob"_s);
    QVERIFY(alice && bob);
    const auto conversation = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(conversation);
    QSignalSpy received(bob.get(), &ClientSession::messageReceived);
    QSignalSpy receipts(alice.get(), &ClientSession::receiptReceived);
    QSignalSpy acked(alice.get(), &ClientSession::messageAcked);
    const auto sent = await(alice->sendMessage(conversation->id, u"hello bob"_s));
    QVERIFY(sent);
    QCOMPARE(sent->seq, 1);
    QCOMPARE(acked.count(), 1);
    QTRY_COMPARE(received.count(), 1);
    QCOMPARE(received.first().first().value<Message>().content, u"hello bob"_s);
    // Bob's session acknowledges delivery by itself; Alice sees it.
    QTRY_VERIFY(!receipts.isEmpty());
    const auto receipt = receipts.first().first().value<Protocol::ReceiptPush>();
    QCOMPARE(receipt.kind, Protocol::ReceiptKind::Delivered);
    QCOMPARE(receipt.seq, 1);
    QVERIFY(alice->pendingMessages().isEmpty());
}

void TestClientSession::catchUpAfterDisconnectWithoutGapsOrDuplicates()
{
    auto alice = signedIn(u"alice"_s);
    auto bob = signedIn(u"bob"_s);
    QVERIFY(alice && bob);
    const auto conversation = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(await(alice->sendMessage(conversation->id, u"before"_s)));
    QTRY_COMPARE(bob->positions().value(conversation->id), 1);
    bob->disconnectFromServer();
    QTRY_COMPARE(bob->state(), ClientSession::State::Disconnected);
    for (int i = 0; i < 30; ++i)
        QVERIFY(await(alice->sendMessage(conversation->id, u"missed %1"_s.arg(i))));
    QSignalSpy received(bob.get(), &ClientSession::messageReceived);
    auto options = fastOptions();
    options.syncPageSize = 7; // several pages
    bob->setOptions(options);
    bob->connectToServer(m_server->url());
    QVERIFY(waitReady(*bob));
    QCOMPARE(received.count(), 30);
    for (int i = 0; i < 30; ++i) {
        const Message m = received.at(i).first().value<Message>();
        QCOMPARE(m.seq, Seq(i + 2));
        QCOMPARE(m.content, u"missed %1"_s.arg(i));
    }
    // Live messages continue right after.
    QVERIFY(await(alice->sendMessage(conversation->id, u"live"_s)));
    QTRY_COMPARE(received.count(), 31);
    QCOMPARE(received.last().first().value<Message>().seq, 32);
}

void TestClientSession::outboxSurvivesServerRestart()
{
    auto alice = signedIn(u"alice"_s);
    auto bob = signedIn(u"bob"_s);
    QVERIFY(alice && bob);
    const auto conversation = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(conversation);
    m_server->stop();
    QTRY_VERIFY(alice->state() == ClientSession::State::Reconnecting);
    QSignalSpy received(bob.get(), &ClientSession::messageReceived);
    QList<QFuture<Result<Message>>> sends;
    for (int i = 0; i < 3; ++i)
        sends.append(alice->sendMessage(conversation->id, u"written offline %1"_s.arg(i)));
    QCOMPARE(alice->pendingMessages().size(), 3);
    QVERIFY(m_server->restart());
    QVERIFY(waitReady(*alice, 15'000));
    QVERIFY(waitReady(*bob, 15'000));
    for (int i = 0; i < 3; ++i) {
        const auto sent = await(sends[i]);
        QVERIFY(sent);
        QCOMPARE(sent->seq, Seq(i + 1));
    }
    QTRY_COMPARE(received.count(), 3);
    // A message sent now reaches Bob after anything about the first three (seq order): once
    // it is there, a second copy of any of them would have arrived too.
    QVERIFY(await(alice->sendMessage(conversation->id, u"after the restart"_s)));
    QTRY_VERIFY(received.count() >= 4
                && received.last().at(0).value<Message>().content == u"after the restart"_s);
    QCOMPARE(received.count(), 4); // once each
    for (int i = 0; i < 4; ++i)
        QCOMPARE(received.at(i).at(0).value<Message>().seq, Seq(i + 1));
    QVERIFY(alice->pendingMessages().isEmpty());
}

void TestClientSession::expiredAccessTokenIsRefreshed()
{
    m_server.reset();
    Server::ServerConfig config = TestServer::defaultConfig();
    config.accessTokenMinutes = 0; // every access token is born expired
    m_server = std::make_unique<TestServer>(config);
    QVERIFY(m_server->start());
    auto alice = signedIn(u"alice"_s);
    QVERIFY(alice);
    const QString firstRefresh = alice->refreshToken();
    QSignalSpy tokens(alice.get(), &ClientSession::tokensChanged);
    alice->disconnectFromServer();
    QTRY_COMPARE(alice->state(), ClientSession::State::Disconnected);
    alice->connectToServer(m_server->url());
    QVERIFY(waitReady(*alice));
    QVERIFY(!tokens.isEmpty());
    QVERIFY(alice->refreshToken() != firstRefresh);
    QVERIFY(await(alice->conversations()));
}

void TestClientSession::logoutEndsTheSession()
{
    auto alice = signedIn(u"alice"_s);
    QVERIFY(alice);
    QSignalSpy tokens(alice.get(), &ClientSession::tokensChanged);
    QVERIFY(await(alice->logout()));
    QTRY_COMPARE(alice->state(), ClientSession::State::Disconnected);
    QVERIFY(alice->accessToken().isEmpty());
    QVERIFY(!tokens.isEmpty());
    // Proving that no reconnect follows takes a wait by nature: longer than the longest
    // reconnect delay (fastOptions: 300 ms), and no longer.
    QTest::qWait(400);
    QCOMPARE(alice->state(), ClientSession::State::Disconnected); // and stays so
}

void TestClientSession::groupMembershipArrivesThroughSync()
{
    auto alice = signedIn(u"alice"_s);
    auto bob = signedIn(u"bob"_s);
    QVERIFY(alice && bob);
    const UserId bobId = bob->currentUser().id;
    bob->disconnectFromServer();
    QTRY_COMPARE(bob->state(), ClientSession::State::Disconnected);
    const auto group = await(alice->createGroup(u"Team"_s, {bobId}));
    QVERIFY(group);
    QVERIFY(await(alice->sendMessage(group->id, u"welcome"_s)));
    QSignalSpy updated(bob.get(), &ClientSession::conversationUpdated);
    QSignalSpy received(bob.get(), &ClientSession::messageReceived);
    bob->connectToServer(m_server->url());
    QVERIFY(waitReady(*bob));
    QVERIFY(!updated.isEmpty());
    QCOMPARE(received.count(), 2);
    QCOMPARE(received.at(0).first().value<Message>().type, MessageType::System);
    QCOMPARE(received.at(1).first().value<Message>().content, u"welcome"_s);
}

// With member_deltas the server pushes only what changed; the session turns each change
// back into the whole conversation, which must equal what the server answers for it.
void TestClientSession::membershipDeltasKeepOtherSessionsRight()
{
    auto alice = signedIn(u"alice"_s);
    auto bob = signedIn(u"bob"_s);
    auto carol = signedIn(u"carol"_s);
    QVERIFY(alice && bob && carol);
    const UserId carolId = carol->currentUser().id;
    QSignalSpy updated(bob.get(), &ClientSession::conversationUpdated);
    const auto group = await(alice->createGroup(u"Team"_s, {bob->currentUser().id}));
    QVERIFY(group);
    QTRY_COMPARE(updated.count(), 1);

    // Every change, as bob's session reports it, against the server's own copy.
    auto sameAsServer = [&]() -> bool {
        const Conversation pushed = updated.last().first().value<Conversation>();
        const auto fetched = await(bob->conversation(group->id));
        if (!fetched)
            return false;
        Conversation server = *fetched;
        Conversation copy = pushed;
        // Receipt positions move on their own (delivery acknowledgements race the fetch);
        // tst_sessionlogic checks that the session keeps them.
        for (Conversation *c : {&copy, &server}) {
            std::sort(
                c->participants.begin(), c->participants.end(),
                [](const Participant &a, const Participant &b) { return a.userId < b.userId; });
            for (Participant &p : c->participants)
                p.readSeq = p.deliveredSeq = 0;
        }
        if (copy != server)
            qWarning() << "pushed" << Protocol::toJson(copy) << "server"
                       << Protocol::toJson(server);
        return copy == server;
    };
    QVERIFY(await(alice->addMembers(group->id, {carolId})));
    QTRY_COMPARE(updated.count(), 2);
    QVERIFY(updated.last().first().value<Conversation>().isMember(carolId));
    QVERIFY(sameAsServer());
    QVERIFY(await(alice->rename(group->id, u"Crew"_s)));
    QTRY_COMPARE(updated.count(), 3);
    QVERIFY(sameAsServer());
    QVERIFY(await(alice->removeMember(group->id, carolId)));
    QTRY_COMPARE(updated.count(), 4);
    QVERIFY(sameAsServer());
    QVERIFY(await(alice->leave(group->id)));
    QTRY_COMPARE(updated.count(), 5);
    QVERIFY(updated.last().first().value<Conversation>().isAdmin(bob->currentUser().id));
    QVERIFY(sameAsServer());
}

// setAvatar() sends a picture and keeps it; another session learns the version from
// user_updated and from the conversation's members, fetches the bytes once per version
// (avatar() answers from memory afterwards) and hears of a removal.
void TestClientSession::avatarsFetchedOncePerVersion()
{
    // A real 8×8 PNG.
    const QByteArray png = QByteArray::fromBase64(
        "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAbElEQVR4nBXNQRUAUQhCUaMYhShGeVGIQhSizB+XX"
        "A7ODDtouIHBQ4YOM8suWm5h8ZKl+0CskDiBsIioHhx76LiDw0eO3oN/4FVf+J8h0PduzBqZ8x/bxNQPwgaFy192SGg"
        "elC0q13/CJaXlA8Z7WAGfV950AAAAAElFTkSuQmCC");
    QVERIFY(AvatarRules::validateAvatar(png));
    auto alice = signedIn(u"alice"_s);
    auto bob = signedIn(u"bob"_s);
    QVERIFY(alice && bob);
    const UserId aliceId = alice->currentUser().id;
    const auto chat = await(bob->createPrivate(aliceId));
    QVERIFY(chat);
    QSignalSpy updated(bob.get(), &ClientSession::userUpdated);
    QSignalSpy arrived(bob.get(), &ClientSession::avatarReceived);
    QSignalSpy ownArrived(alice.get(), &ClientSession::avatarReceived);

    const auto set = await(alice->setAvatar(png));
    QVERIFY2(set, set ? "" : qPrintable(set.error().message));
    const qint64 version = set->avatarVersion;
    QVERIFY(version > 0);
    QCOMPARE(alice->currentUser().avatarVersion, version);
    QCOMPARE(ownArrived.count(), 1);
    QCOMPARE(alice->avatar(aliceId, version), png); // kept from sending: no fetch
    QTRY_COMPARE(updated.count(), 1);
    QCOMPARE(updated.first().first().value<User>().avatarVersion, version);

    QVERIFY(bob->avatar(aliceId, version).isEmpty()); // not held yet: fetched
    QVERIFY(bob->avatar(aliceId, version).isEmpty()); // one request is enough
    QTRY_COMPARE(arrived.count(), 1);
    QCOMPARE(arrived.first().at(0).value<UserId>(), aliceId);
    QCOMPARE(arrived.first().at(1).toLongLong(), version);
    QCOMPARE(arrived.first().at(2).toByteArray(), png);
    QCOMPARE(bob->avatar(aliceId, version), png); // from memory now
    QVERIFY(!QTest::qWaitFor([&] { return arrived.count() > 1; }, 300));
    const auto listed = await(bob->conversations());
    QVERIFY(listed);
    QCOMPARE(listed->conversations.first().conversation.participant(aliceId)->avatarVersion,
             version);

    // A stranger may not fetch it; the future says so and nothing arrives.
    auto carol = signedIn(u"carol"_s);
    QVERIFY(carol);
    const auto refused = await(carol->fetchAvatar(aliceId));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::NotFound);

    // Removed: version 0, and the old bytes are no answer for a newer version.
    QVERIFY(await(alice->setAvatar({})));
    QTRY_COMPARE(updated.count(), 2);
    QCOMPARE(updated.last().first().value<User>().avatarVersion, 0);
    QVERIFY(bob->avatar(aliceId, 0).isEmpty());
    const auto again = await(alice->setAvatar(png));
    QVERIFY(again && again->avatarVersion > version);
    QVERIFY(bob->avatar(aliceId, again->avatarVersion).isEmpty());
    QTRY_COMPARE(arrived.count(), 2);
    QCOMPARE(arrived.last().at(1).toLongLong(), again->avatarVersion);
}

// Issue 15: the admin_* requests through ClientSession's typed calls.
void TestClientSession::adminRequestsThroughTheSession()
{
    auto alice = signedIn(u"alice"_s);
    auto bob = signedIn(u"bob"_s);
    QVERIFY(alice && bob);
    QCOMPARE(await(alice->adminUsers({})).error().code, ErrorCode::Forbidden);
    {
        // What `banterd user set-admin alice on` does, through a connection of its own.
        auto storage = Server::openStorage(m_server->config().effectiveDatabaseUrl());
        QVERIFY(storage);
        QObject context;
        std::optional<Status> set;
        Server::runInStorage<Done>(
            **storage, &context,
            [id = alice->currentUser().id](Server::Repositories &r) {
                return r.users.setAdmin(id, true);
            },
            [&set](Status s) { set = s; });
        QVERIFY(waitFor([&set] { return set.has_value(); }, 10'000, "the admin flag"));
        QVERIFY(*set);
        (*storage)->stop();
    }
    const auto users = await(alice->adminUsers({}));
    QVERIFY(users);
    QCOMPARE(users->users.size(), 2);
    QVERIFY(users->users.at(0).admin);
    QVERIFY(!users->hasMore);
    const auto sessions = await(alice->adminSessions(u"bob"_s));
    QVERIFY(sessions);
    QCOMPARE(sessions->sessions.size(), 1);

    QSignalSpy revoked(bob.get(), &ClientSession::sessionRevoked);
    const auto disabled = await(alice->adminSetDisabled(u"bob"_s, true));
    QVERIFY(disabled);
    QVERIFY(disabled->disabled);
    QTRY_COMPARE(revoked.count(), 1);
    QCOMPARE(revoked.first().first().toString(), u"account_disabled"_s);
    QVERIFY(await(alice->adminSetDisabled(u"bob"_s, false)));
    const auto reset = await(alice->adminResetPassword(u"bob"_s));
    QVERIFY(reset && !reset->password.isEmpty());
    const auto granted = await(alice->adminSetAdmin(u"bob"_s, true));
    QVERIFY(granted && granted->admin);
    const auto none = await(alice->adminRevokeSession({0, u"bob"_s}));
    QVERIFY(none);
    QCOMPARE(none->revoked, 0); // the reset ended bob's sessions already
    QCOMPARE(await(alice->adminSessions(u"nobody"_s)).error().code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestClientSession)
#include "tst_clientsession.moc"
