// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// ClientSession's logic without a server: hello, sign-in with tokens, sync paging, the
// outbox and delivery acknowledgements, with the test playing the server on a memory pair.
#include "fakeserver.h"
#include <banter/client/clientsession.h>
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/memberdeltas.h>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Banter;
using namespace Qt::StringLiterals;
namespace P = Banter::Protocol;

namespace {
constexpr UserId Me = 1;
constexpr UserId Other = 2;

Message message(ConversationId conversation, Seq seq, UserId sender = Other)
{
    Message m;
    m.id = QUuid::createUuid();
    m.conversationId = conversation;
    m.seq = seq;
    m.senderId = sender;
    m.content = u"hello"_s;
    m.createdAtMs = 1000 + seq;
    return m;
}

Conversation conversation(ConversationId id)
{
    Conversation c;
    c.id = id;
    c.type = ConversationType::Group;
    c.name = u"chat %1"_s.arg(id);
    c.createdAtMs = 1;
    c.participants = {Participant{Me, ParticipantRole::Admin, u"me"_s, u"Me"_s, 1, 0, 0},
                      Participant{Other, ParticipantRole::Member, u"other"_s, u"Other"_s, 1, 0, 0}};
    return c;
}

User me()
{
    return User{Me, u"me"_s, u"Me"_s, 1};
}
} // namespace

class TestSessionLogic : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ClientSession> session;
    std::unique_ptr<Test::FakeServer> server;

    void makeSession(ClientSession::Options options = {})
    {
        auto [client, end] = MemoryTransport::createPair();
        server = std::make_unique<Test::FakeServer>(std::move(end));
        session = std::make_unique<ClientSession>(std::move(client));
        options.heartbeatMs = 0;
        options.reconnectBaseMs = 10;
        options.reconnectMaxMs = 20;
        options.clientName = u"logic-test"_s;
        session->setOptions(options);
    }
    // Connects with stored tokens and answers auth and one empty sync: Ready.
    void signIn(const QList<Conversation> &conversations = {})
    {
        session->setTokens(u"access"_s, u"refresh"_s);
        session->connectToServer(QUrl(u"ws://fake.example"_s));
        answerAuth();
        answerSync(conversations, {});
        QTRY_COMPARE(session->state(), ClientSession::State::Ready);
    }
    void answerAuth()
    {
        const qsizetype before = server->count(P::Type::Auth);
        QTRY_COMPARE(server->count(P::Type::Auth), before + 1);
        server->reply(server->last(P::Type::Auth), P::AuthReply{me(), 7, 0}.toJson());
    }
    // Answers the next unanswered sync request; `asked` gets what it asked for.
    void answerSync(const QList<Conversation> &conversations, const QList<Message> &messages,
                    bool hasMore = false, const QList<ConversationId> &limited = {},
                    P::SyncRequest *asked = nullptr)
    {
        QTRY_COMPARE(server->count(P::Type::Sync), m_syncsAnswered + 1);
        const P::Request request = server->ofType(P::Type::Sync).at(m_syncsAnswered++);
        P::SyncReply reply;
        reply.conversations = conversations;
        reply.messages = messages;
        reply.hasMore = hasMore;
        reply.limited = limited;
        server->reply(request, reply.toJson());
        if (asked)
            *asked = P::SyncRequest::fromJson(request.data).value();
    }
    qsizetype m_syncsAnswered = 0;

private Q_SLOTS:
    void init() { m_syncsAnswered = 0; }
    void cleanup()
    {
        session.reset();
        server.reset();
    }
    void helloComesFirst();
    void tokenSignsInAndSyncs();
    void memberDeltasAreAppliedToTheConversation();
    void deltaForAnUnknownConversationFetchesIt();
    void expiredTokenIsRefreshed();
    void rejectedTokenIsForgotten();
    void syncPagesUntilDone();
    void limitedConversationIsReset();
    void limitedConversationWithNothingLeftIsReset();
    void conversationsNoLongerListedAreRemoved();
    void pushedMessagesDeliverDropOrResync();
    void outboxResendsWithTheSameId();
    void rateLimitedMessageIsSentAgain();
    void rateLimitedSyncWaitsOnTheSameConnection();
    void requestsArePacedByTheServersLimits();
    void deliveryAcknowledgementsCoalesce();
    void requestTimesOut();
    void invalidCertificateIsAReason();
};

void TestSessionLogic::helloComesFirst()
{
    makeSession();
    QSignalSpy states(session.get(), &ClientSession::stateChanged);
    session->connectToServer(QUrl(u"ws://fake.example"_s));
    QTRY_COMPARE(session->state(), ClientSession::State::Connected);
    QCOMPARE(server->requests.size(), 1);
    QCOMPARE(server->requests.first().type, u"hello"_s);
    const auto hello = P::HelloRequest::fromJson(server->requests.first().data);
    QVERIFY(hello.ok());
    QCOMPARE(hello->client, u"logic-test"_s);
    QCOMPARE(hello->protocol, P::Version);
    QCOMPARE(hello->features, QStringList{P::Feature::MemberDeltas}); // deltas understood
    QCOMPARE(states.first().first().value<ClientSession::State>(),
             ClientSession::State::Connecting);
}

void TestSessionLogic::tokenSignsInAndSyncs()
{
    makeSession();
    QSignalSpy authenticated(session.get(), &ClientSession::authenticated);
    QSignalSpy synced(session.get(), &ClientSession::synced);
    signIn({conversation(10)});
    QCOMPARE(server->requests.at(0).type, u"hello"_s);
    QCOMPARE(P::AuthRequest::fromJson(server->last(P::Type::Auth).data)->token, u"access"_s);
    QCOMPARE(authenticated.count(), 1);
    QCOMPARE(session->currentUser(), me());
    QCOMPARE(session->sessionId(), SessionId(7));
    QCOMPARE(synced.count(), 1);
}

// member_deltas pushes become whole conversations again, with what else the session
// learnt since (receipts, newer messages), so the app never sees a stale member list.
void TestSessionLogic::memberDeltasAreAppliedToTheConversation()
{
    makeSession();
    signIn({conversation(10)});
    QSignalSpy updated(session.get(), &ClientSession::conversationUpdated);
    server->push(P::Type::Receipt, P::ReceiptPush{10, Other, P::ReceiptKind::Read, 3}.toJson());
    server->push(P::Type::NewMessage, P::MessageReply{message(10, 1)}.toJson());
    const Participant carol{3, ParticipantRole::Member, u"carol"_s, u"Carol"_s, 5, 0, 0};
    server->push(P::Type::MembersAdded, P::MembersAddedPush{10, 2, {carol}}.toJson());
    QTRY_COMPARE(updated.count(), 1);
    Conversation c = updated.last().first().value<Conversation>();
    QCOMPARE(c.participants.size(), 3);
    QCOMPARE(*c.participant(3), carol);
    QCOMPARE(c.participant(Other)->readSeq, Seq(3)); // the receipt was kept
    QCOMPARE(c.lastSeq, Seq(2));

    server->push(P::Type::ConversationRenamed,
                 P::ConversationRenamedPush{10, 3, u"Crew"_s}.toJson());
    QTRY_COMPARE(updated.count(), 2);
    c = updated.last().first().value<Conversation>();
    QCOMPARE(c.name, u"Crew"_s);
    QCOMPARE(c.participants.size(), 3);

    server->push(P::Type::MemberRemoved, P::MemberRemovedPush{10, 4, Me, Other}.toJson());
    QTRY_COMPARE(updated.count(), 3);
    c = updated.last().first().value<Conversation>();
    QVERIFY(!c.isMember(Me));
    QVERIFY(c.isAdmin(Other)); // the heir
    QCOMPARE(c.lastSeq, Seq(4));
    QCOMPARE(c.name, u"Crew"_s);

    // A malformed delta is dropped; nothing is emitted and nothing is asked.
    server->push(P::Type::MemberRemoved, QJsonObject{{u"conversation_id"_s, 10}});
    server->push(P::Type::ConversationRenamed,
                 P::ConversationRenamedPush{10, 5, u"Last"_s}.toJson());
    QTRY_COMPARE(updated.count(), 4);
    QCOMPARE(updated.last().first().value<Conversation>().name, u"Last"_s);
    QCOMPARE(server->count(P::Type::ConversationInfo), 0);
}

void TestSessionLogic::deltaForAnUnknownConversationFetchesIt()
{
    makeSession();
    signIn();
    QSignalSpy updated(session.get(), &ClientSession::conversationUpdated);
    server->push(P::Type::ConversationRenamed,
                 P::ConversationRenamedPush{12, 2, u"Crew"_s}.toJson());
    QTRY_COMPARE(server->count(P::Type::ConversationInfo), 1);
    QCOMPARE(
        P::ConversationRef::fromJson(server->last(P::Type::ConversationInfo).data)->conversationId,
        ConversationId(12));
    Conversation whole = conversation(12);
    whole.name = u"Crew"_s;
    server->reply(server->last(P::Type::ConversationInfo), P::ConversationReply{whole}.toJson());
    QTRY_COMPARE(updated.count(), 1);
    QCOMPARE(updated.first().first().value<Conversation>(), whole);
    // Known from now on: the next delta is applied without asking.
    server->push(P::Type::MemberRemoved, P::MemberRemovedPush{12, 3, Other, 0}.toJson());
    QTRY_COMPARE(updated.count(), 2);
    QVERIFY(!updated.last().first().value<Conversation>().isMember(Other));
    QCOMPARE(server->count(P::Type::ConversationInfo), 1);
}

void TestSessionLogic::expiredTokenIsRefreshed()
{
    makeSession();
    QSignalSpy tokens(session.get(), &ClientSession::tokensChanged);
    session->setTokens(u"old"_s, u"refresh"_s);
    session->connectToServer(QUrl(u"ws://fake.example"_s));
    QTRY_COMPARE(server->count(P::Type::Auth), 1);
    server->fail(server->last(P::Type::Auth), makeError(ErrorCode::TokenExpired, u"expired"_s));
    QTRY_COMPARE(server->count(P::Type::Refresh), 1);
    QCOMPARE(P::RefreshRequest::fromJson(server->last(P::Type::Refresh).data)->refreshToken,
             u"refresh"_s);
    server->reply(server->last(P::Type::Refresh),
                  P::AuthGrant{me(), 7, u"new-access"_s, 0, u"new-refresh"_s}.toJson());
    answerSync({}, {});
    QTRY_COMPARE(session->state(), ClientSession::State::Ready);
    QCOMPARE(tokens.count(), 1);
    QCOMPARE(tokens.first().at(0).toString(), u"new-access"_s);
    QCOMPARE(session->refreshToken(), u"new-refresh"_s);
}

void TestSessionLogic::rejectedTokenIsForgotten()
{
    makeSession();
    QSignalSpy tokens(session.get(), &ClientSession::tokensChanged);
    QSignalSpy errors(session.get(), &ClientSession::errorOccurred);
    session->setTokens(u"stale"_s, u"refresh"_s);
    session->connectToServer(QUrl(u"ws://fake.example"_s));
    QTRY_COMPARE(server->count(P::Type::Auth), 1);
    server->fail(server->last(P::Type::Auth),
                 makeError(ErrorCode::InvalidCredentials, u"unknown token"_s));
    QTRY_COMPARE(session->state(), ClientSession::State::Connected);
    QCOMPARE(tokens.count(), 1);
    QVERIFY(session->accessToken().isEmpty());
    QVERIFY(session->refreshToken().isEmpty());
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.first().first().value<Error>().code, ErrorCode::InvalidCredentials);
}

void TestSessionLogic::syncPagesUntilDone()
{
    makeSession();
    QSignalSpy received(session.get(), &ClientSession::messageReceived);
    session->setPositions({{10, 5}});
    session->setTokens(u"access"_s, u"refresh"_s);
    session->connectToServer(QUrl(u"ws://fake.example"_s));
    answerAuth();
    P::SyncRequest first;
    answerSync({conversation(10), conversation(11)}, {message(10, 6), message(10, 7)}, true, {},
               &first);
    QCOMPARE(first.positions, (QHash<ConversationId, Seq>{{10, 5}}));
    P::SyncRequest second;
    answerSync({conversation(10), conversation(11)}, {message(11, 1)}, false, {}, &second);
    // The second page starts where the first ended.
    QCOMPARE(second.positions, (QHash<ConversationId, Seq>{{10, 7}}));
    QTRY_COMPARE(session->state(), ClientSession::State::Ready);
    QCOMPARE(received.count(), 3);
    QCOMPARE(session->positions(), (QHash<ConversationId, Seq>{{10, 7}, {11, 1}}));
}

void TestSessionLogic::limitedConversationIsReset()
{
    makeSession();
    QSignalSpy reset(session.get(), &ClientSession::conversationReset);
    QSignalSpy received(session.get(), &ClientSession::messageReceived);
    session->setPositions({{10, 5}});
    session->setTokens(u"access"_s, u"refresh"_s);
    session->connectToServer(QUrl(u"ws://fake.example"_s));
    answerAuth();
    // Too far behind: only the newest messages come, and the local copy is dropped first.
    answerSync({conversation(10)}, {message(10, 500), message(10, 501)}, false, {10});
    QTRY_COMPARE(session->state(), ClientSession::State::Ready);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(reset.first().first().value<ConversationId>(), ConversationId(10));
    QCOMPARE(received.count(), 2);
    QCOMPARE(session->positions().value(10), Seq(501));
}

// Retention removed every message of the conversation: limited, and no page to show.
void TestSessionLogic::limitedConversationWithNothingLeftIsReset()
{
    makeSession();
    QSignalSpy reset(session.get(), &ClientSession::conversationReset);
    session->setPositions({{10, 5}});
    session->setTokens(u"access"_s, u"refresh"_s);
    session->connectToServer(QUrl(u"ws://fake.example"_s));
    answerAuth();
    Conversation pruned = conversation(10);
    pruned.lastSeq = 30;
    pruned.prunedSeq = 30;
    answerSync({pruned}, {}, false, {10});
    QTRY_COMPARE(session->state(), ClientSession::State::Ready);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(reset.first().first().value<ConversationId>(), ConversationId(10));
    QCOMPARE(session->positions().value(10), Seq(30));
}

void TestSessionLogic::conversationsNoLongerListedAreRemoved()
{
    makeSession();
    QSignalSpy removed(session.get(), &ClientSession::conversationRemoved);
    session->setPositions({{10, 5}, {12, 9}});
    session->setTokens(u"access"_s, u"refresh"_s);
    session->connectToServer(QUrl(u"ws://fake.example"_s));
    answerAuth();
    answerSync({conversation(10)}, {});
    QTRY_COMPARE(session->state(), ClientSession::State::Ready);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().first().value<ConversationId>(), ConversationId(12));
    QVERIFY(!session->positions().contains(12));
    QCOMPARE(session->positions().value(10), Seq(5));
}

void TestSessionLogic::pushedMessagesDeliverDropOrResync()
{
    ClientSession::Options options;
    options.autoDelivered = false;
    makeSession(options);
    session->setPositions({{10, 5}});
    signIn({conversation(10)});
    QSignalSpy received(session.get(), &ClientSession::messageReceived);
    server->push(P::Type::NewMessage, P::MessageReply{message(10, 6)}.toJson());
    QTRY_COMPARE(received.count(), 1);
    server->push(P::Type::NewMessage, P::MessageReply{message(10, 6)}.toJson()); // duplicate
    server->push(P::Type::NewMessage, P::MessageReply{message(10, 9)}.toJson()); // gap
    // The gap starts a sync from seq 6 instead of showing 9 out of order.
    P::SyncRequest again;
    answerSync({conversation(10)}, {message(10, 7), message(10, 8), message(10, 9)}, false, {},
               &again);
    QCOMPARE(again.positions.value(10), Seq(6));
    QTRY_COMPARE(session->state(), ClientSession::State::Ready);
    QCOMPARE(received.count(), 4);
    QCOMPARE(received.last().first().value<Message>().seq, Seq(9));
}

void TestSessionLogic::outboxResendsWithTheSameId()
{
    makeSession();
    QSignalSpy outboxChanged(session.get(), &ClientSession::outboxChanged);
    session->setPositions({{10, 5}});
    // Written while offline: it waits.
    auto sent = session->sendMessage(10, u"hi"_s);
    QCOMPARE(session->pendingMessages().size(), 1);
    signIn({conversation(10)});
    QTRY_COMPARE(server->count(P::Type::Message), 1);
    const auto firstTry = P::SendMessageRequest::fromJson(server->last(P::Type::Message).data);
    QVERIFY(firstTry.ok());
    // The connection drops before the acknowledgement: after reconnecting and syncing, the
    // same message goes again with the same id (the server treats it idempotently).
    server->end().abort();
    answerAuth();
    answerSync({conversation(10)}, {});
    QTRY_COMPARE(server->count(P::Type::Message), 2);
    const auto secondTry = P::SendMessageRequest::fromJson(server->last(P::Type::Message).data);
    QCOMPARE(secondTry->id, firstTry->id);
    QCOMPARE(secondTry->content, u"hi"_s);
    QVERIFY(!sent.isFinished());
    Message stored = message(10, 6, Me);
    stored.id = firstTry->id;
    server->reply(server->last(P::Type::Message), P::MessageReply{stored}.toJson());
    QTRY_VERIFY(sent.isFinished());
    QVERIFY(sent.result().ok());
    QCOMPARE(sent.result()->seq, Seq(6));
    QVERIFY(session->pendingMessages().isEmpty());
    QVERIFY(outboxChanged.count() >= 2);
    // Our own message, acknowledged, is known: a later push of seq 7 is no gap.
    QCOMPARE(session->positions().value(10), Seq(6));
}

void TestSessionLogic::rateLimitedMessageIsSentAgain()
{
    makeSession();
    signIn({conversation(10)});
    auto sent = session->sendMessage(10, u"slow down"_s);
    QTRY_COMPARE(server->count(P::Type::Message), 1);
    server->fail(server->last(P::Type::Message),
                 makeError(ErrorCode::RateLimited, u"too fast"_s, 60));
    QTRY_COMPARE(server->count(P::Type::Message), 2);
    QCOMPARE(P::SendMessageRequest::fromJson(server->ofType(P::Type::Message).at(0).data)->id,
             P::SendMessageRequest::fromJson(server->ofType(P::Type::Message).at(1).data)->id);
    // A final refusal resolves the future with the error.
    server->fail(server->last(P::Type::Message), makeError(ErrorCode::Forbidden, u"no"_s));
    QTRY_VERIFY(sent.isFinished());
    QCOMPARE(sent.result().error().code, ErrorCode::Forbidden);
    QVERIFY(session->pendingMessages().isEmpty());
}

// A server stricter than the client's pacing refuses a catch-up step: the session waits as
// told and asks again, without dropping the connection and starting over.
void TestSessionLogic::rateLimitedSyncWaitsOnTheSameConnection()
{
    makeSession();
    session->setTokens(u"access"_s, u"refresh"_s);
    session->connectToServer(QUrl(u"ws://fake.example"_s));
    answerAuth();
    QTRY_COMPARE(server->count(P::Type::Sync), 1);
    server->fail(server->last(P::Type::Sync),
                 makeError(ErrorCode::RateLimited, u"too many requests; slow down"_s, 40));
    ++m_syncsAnswered;
    answerSync({conversation(10)}, {message(10, 1)});
    QTRY_COMPARE(session->state(), ClientSession::State::Ready);
    QCOMPARE(server->end().openCount(), 1);
    QCOMPARE(session->positions(), (QHash<ConversationId, Seq>{{10, 1}}));
}

// The hello reply says how fast the server lets a connection go; the session keeps under it.
void TestSessionLogic::requestsArePacedByTheServersLimits()
{
    for (const bool pace : {true, false}) {
        ClientSession::Options options;
        options.paceRequests = pace;
        makeSession(options);
        m_syncsAnswered = 0;
        server->limits.requestsPerSecond = 10; // paced at 8 a second, 1 at once
        server->limits.requestBurst = 2;
        signIn();
        QElapsedTimer elapsed;
        elapsed.start();
        for (int i = 0; i < 5; ++i)
            session->request(P::Type::Contacts);
        QTRY_COMPARE(server->count(P::Type::Contacts), 5);
        if (pace)
            QVERIFY2(elapsed.elapsed() >= 4 * 1000 / 8 - 20,
                     qPrintable(QString::number(elapsed.elapsed())));
        QCOMPARE(server->end().openCount(), 1);
    }
}

void TestSessionLogic::deliveryAcknowledgementsCoalesce()
{
    makeSession();
    session->setPositions({{10, 5}});
    signIn({conversation(10)});
    server->push(P::Type::NewMessage, P::MessageReply{message(10, 6)}.toJson());
    QTRY_COMPARE(server->count(P::Type::Delivered), 1);
    // While the first acknowledgement is unanswered, three more arrive: one request follows
    // for the newest, not three.
    for (Seq seq : {7, 8, 9})
        server->push(P::Type::NewMessage, P::MessageReply{message(10, seq)}.toJson());
    server->push(P::Type::NewMessage, P::MessageReply{message(10, 10, Me)}.toJson()); // own
    QTRY_COMPARE(session->positions().value(10), Seq(10));
    QCOMPARE(server->count(P::Type::Delivered), 1);
    const auto first = P::ReceiptRequest::fromJson(server->last(P::Type::Delivered).data);
    QCOMPARE(first->seq, Seq(6));
    server->reply(server->last(P::Type::Delivered), first->toJson());
    QTRY_COMPARE(server->count(P::Type::Delivered), 2);
    const auto second = P::ReceiptRequest::fromJson(server->last(P::Type::Delivered).data);
    QCOMPARE(second->seq, Seq(9)); // our own message is not acknowledged
    QCOMPARE(second->conversationId, ConversationId(10));
    server->reply(server->last(P::Type::Delivered), second->toJson());
    // Nothing newer was wanted: no third request. A later message starts a fresh one.
    server->push(P::Type::NewMessage, P::MessageReply{message(10, 11)}.toJson());
    QTRY_COMPARE(server->count(P::Type::Delivered), 3);
    QCOMPARE(P::ReceiptRequest::fromJson(server->last(P::Type::Delivered).data)->seq, Seq(11));
}

void TestSessionLogic::requestTimesOut()
{
    ClientSession::Options options;
    options.requestTimeoutMs = 80;
    makeSession(options);
    signIn();
    auto reply = session->contacts();
    QTRY_VERIFY(reply.isFinished());
    QCOMPARE(reply.result().error().code, ErrorCode::Unavailable);
    QCOMPARE(server->count(P::Type::Contacts), 1);
}

void TestSessionLogic::invalidCertificateIsAReason()
{
    makeSession();
    // An expired certificate is never overridden, pinned or not: the library refuses it and
    // says why as a reason, not as text.
    server->end().setPresentedErrors({QSslError(QSslError::CertificateExpired)});
    QSignalSpy errors(session.get(), &ClientSession::errorOccurred);
    session->connectToServer(QUrl(u"wss://fake.example"_s));
    QTRY_VERIFY(errors.count() >= 1);
    const Error error = errors.first().first().value<Error>();
    QCOMPARE(error.failure, ClientFailure::CertificateInvalid);
    QCOMPARE(error.code, ErrorCode::Forbidden);
    QCOMPARE(server->end().openCount(), 0);
    QTRY_COMPARE(session->state(), ClientSession::State::Reconnecting);
}

QTEST_GUILESS_MAIN(TestSessionLogic)
#include "tst_sessionlogic.moc"
