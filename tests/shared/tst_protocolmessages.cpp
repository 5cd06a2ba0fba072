// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Every request, reply and push survives encode → decode unchanged, and malformed variants
// are rejected with the right error code.
#include "protocol/chatmessages.h"
#include "protocol/conversationmessages.h"
#include "protocol/domainjson.h"
#include "protocol/frame.h"
#include "protocol/peoplemessages.h"
#include "protocol/sessionmessages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Banter;
using namespace Banter::Protocol;
using namespace Qt::StringLiterals;

namespace {
template<typename T>
bool roundTrips(const T &value)
{
    // Through text, as on the wire.
    const QByteArray text = QJsonDocument(value.toJson()).toJson(QJsonDocument::Compact);
    const Result<T> decoded = T::fromJson(QJsonDocument::fromJson(text).object());
    if (!decoded) {
        qWarning("decode failed: %s", qPrintable(decoded.error().message));
        return false;
    }
    return *decoded == value;
}

User sampleUser()
{
    return User{42, u"alice"_s, u"Alice A."_s, 1700000000000};
}

Message sampleMessage()
{
    Message m;
    m.id = QUuid::createUuid();
    m.conversationId = 7;
    m.seq = 19;
    m.senderId = 42;
    m.type = MessageType::Image;
    m.content = u"look 👀"_s;
    m.attachment =
        Attachment{u"sha256-abc"_s, u"cat.png"_s, 2048, u"image/png"_s, 640, 480, "\x89PNG"_ba};
    m.createdAtMs = 1700000000123;
    return m;
}

Conversation sampleConversation()
{
    Conversation c;
    c.id = 7;
    c.type = ConversationType::Group;
    c.name = u"Team 🚀"_s;
    c.createdAtMs = 1700000000000;
    c.lastSeq = 19;
    c.participants = {{42, ParticipantRole::Admin, u"alice"_s, u"Alice"_s, 1, 19, 19},
                      {43, ParticipantRole::Member, u"bob"_s, QString(), 2, 3, 18}};
    return c;
}

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}
} // namespace

class TestProtocolMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sessionFamilyRoundTrips();
    void conversationFamilyRoundTrips();
    void chatFamilyRoundTrips();
    void peopleFamilyRoundTrips();
    void defaultsForOptionalFields();
    void malformedRejected_data();
    void malformedRejected();
    void envelopeRoundTrip();
    void serverFrames();
};

void TestProtocolMessages::sessionFamilyRoundTrips()
{
    QVERIFY(roundTrips(HelloRequest{1, u"banter/0.1"_s}));
    QVERIFY(roundTrips(
        HelloReply{1, u"banterd/0.1"_s, ServerLimits{5000, 65536, 100, 500, 500, false}}));
    QVERIFY(roundTrips(RegisterRequest{u"alice"_s, u"correct horse"_s, u"Alice"_s, u"laptop"_s}));
    QVERIFY(roundTrips(LoginRequest{u"alice"_s, u"correct horse"_s, u"phone"_s}));
    QVERIFY(roundTrips(AuthGrant{sampleUser(), 9, u"a.b.c"_s, 1700000900000, u"refresh"_s}));
    QVERIFY(roundTrips(AuthRequest{u"a.b.c"_s}));
    QVERIFY(roundTrips(AuthReply{sampleUser(), 9, 1700000900000}));
    QVERIFY(roundTrips(RefreshRequest{u"refresh"_s}));
    QVERIFY(
        roundTrips(SessionsReply{{{9, u"laptop"_s, 1, 2, true}, {10, u"phone"_s, 3, 4, false}}}));
    QVERIFY(roundTrips(RevokeSessionRequest{10}));
    QVERIFY(roundTrips(ChangePasswordRequest{u"old secret"_s, u"new secret"_s}));
    QVERIFY(roundTrips(PongReply{1700000000000}));
}

void TestProtocolMessages::conversationFamilyRoundTrips()
{
    QVERIFY(roundTrips(ConversationRef{7}));
    QVERIFY(roundTrips(ConversationReply{sampleConversation()}));
    ConversationsReply list;
    list.conversations = {{sampleConversation(), sampleMessage(), 3},
                          {sampleConversation(), std::nullopt, 0}};
    QVERIFY(roundTrips(list));
    QVERIFY(roundTrips(CreatePrivateRequest{43}));
    QVERIFY(roundTrips(CreateGroupRequest{u"Team"_s, {43, 44}}));
    QVERIFY(roundTrips(AddMembersRequest{7, {45}}));
    QVERIFY(roundTrips(RemoveMemberRequest{7, 45}));
    QVERIFY(roundTrips(RenameRequest{7, u"Crew"_s}));
}

void TestProtocolMessages::chatFamilyRoundTrips()
{
    SendMessageRequest send;
    send.id = QUuid::createUuid();
    send.conversationId = 7;
    send.content = u"hi"_s;
    QVERIFY(roundTrips(send));
    send.conversationId = 0;
    send.to = 43;
    send.type = MessageType::File;
    send.attachment = Attachment{u"f"_s, u"a.txt"_s, 3, u"text/plain"_s, 0, 0, {}};
    QVERIFY(roundTrips(send));
    QVERIFY(roundTrips(MessageReply{sampleMessage()}));
    Message system;
    system.id = QUuid::createUuid();
    system.conversationId = 7;
    system.seq = 1;
    system.senderId = 42;
    system.type = MessageType::System;
    system.event = QJsonObject{{u"event"_s, u"renamed"_s}, {u"name"_s, u"Crew"_s}};
    QVERIFY(roundTrips(MessageReply{system}));
    QVERIFY(roundTrips(HistoryRequest{7, 100, 20}));
    QVERIFY(roundTrips(HistoryReply{{sampleMessage()}, true}));
    SyncRequest sync;
    sync.positions = {{7, 19}, {8, 0}};
    sync.limit = 300;
    QVERIFY(roundTrips(sync));
    QVERIFY(roundTrips(SyncReply{{sampleConversation()}, {sampleMessage()}, true, {8}}));
    QVERIFY(roundTrips(ReceiptRequest{7, 19}));
    QVERIFY(roundTrips(ReceiptPush{7, 43, ReceiptKind::Delivered, 19}));
    QVERIFY(roundTrips(ReceiptPush{7, 43, ReceiptKind::Read, 18}));
    QVERIFY(roundTrips(TypingRequest{7, false}));
    QVERIFY(roundTrips(TypingPush{7, 43, true}));
}

void TestProtocolMessages::peopleFamilyRoundTrips()
{
    QVERIFY(roundTrips(UserSearchRequest{u"al"_s, 10}));
    QVERIFY(roundTrips(UsersReply{{sampleUser()}}));
    QVERIFY(roundTrips(SetPresenceRequest{PresenceStatus::Away}));
    QVERIFY(roundTrips(PresencePush{{42, PresenceStatus::Offline, 1700000000000}}));
    const Contact contact{sampleUser(), {42, PresenceStatus::Online, 0}, true};
    QVERIFY(roundTrips(ContactsReply{{contact}}));
    QVERIFY(roundTrips(ContactReply{contact}));
    QVERIFY(roundTrips(AddContactRequest{42, {}}));
    QVERIFY(roundTrips(AddContactRequest{0, u"alice"_s}));
    QVERIFY(roundTrips(UserRef{42}));
    QVERIFY(roundTrips(SessionRevokedPush{u"logout"_s}));
}

void TestProtocolMessages::defaultsForOptionalFields()
{
    QCOMPARE(HistoryRequest::fromJson(parse(R"({"conversation_id":1})"))->limit, 50);
    QCOMPARE(HistoryRequest::fromJson(parse(R"({"conversation_id":1})"))->beforeSeq, 0);
    QVERIFY(TypingRequest::fromJson(parse(R"({"conversation_id":1})"))->typing);
    QCOMPARE(SendMessageRequest::fromJson(
                 parse(R"({"id":"6f1c7d6e-7b39-4d1b-9d63-0b1a3a0d9a11","to":2,"content":"x"})"))
                 ->type,
             MessageType::Text);
    QCOMPARE(SyncRequest::fromJson({})->limit, 200);
}

void TestProtocolMessages::malformedRejected_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("code");
    const int bad = int(ErrorCode::BadRequest);
    const int large = int(ErrorCode::TooLarge);
    const QByteArray uuid = "6f1c7d6e-7b39-4d1b-9d63-0b1a3a0d9a11";
    QTest::newRow("login missing password")
        << u"login"_s << R"({"username":"a","device":"d"})"_ba << bad;
    QTest::newRow("login numeric username")
        << u"login"_s << R"({"username":5,"password":"p","device":"d"})"_ba << bad;
    QTest::newRow("register long name")
        << u"register"_s
        << (R"({"username":")"_ba + QByteArray(40, 'a') + R"(","password":"p","device":"d"})"_ba)
        << large;
    QTest::newRow("string id") << u"history"_s << R"({"conversation_id":"7"})"_ba << bad;
    QTest::newRow("float id") << u"history"_s << R"({"conversation_id":7.5})"_ba << bad;
    QTest::newRow("negative id") << u"history"_s << R"({"conversation_id":-7})"_ba << bad;
    QTest::newRow("zero id") << u"history"_s << R"({"conversation_id":0})"_ba << bad;
    QTest::newRow("id over 2^53") << u"history"_s << R"({"conversation_id":9007199254740993})"_ba
                                  << bad;
    QTest::newRow("limit too big")
        << u"history"_s << R"({"conversation_id":7,"limit":101})"_ba << bad;
    QTest::newRow("bool as string")
        << u"typing"_s << R"({"conversation_id":7,"typing":"yes"})"_ba << bad;
    QTest::newRow("send neither target")
        << u"message"_s << (R"({"id":")"_ba + uuid + R"(","content":"x"})"_ba) << bad;
    QTest::newRow("send both targets")
        << u"message"_s
        << (R"({"id":")"_ba + uuid + R"(","conversation_id":1,"to":2,"content":"x"})"_ba) << bad;
    QTest::newRow("send system") << u"message"_s
                                 << (R"({"id":")"_ba + uuid
                                     + R"(","conversation_id":1,"type":"system","content":"x"})"_ba)
                                 << bad;
    QTest::newRow("send bad type")
        << u"message"_s
        << (R"({"id":")"_ba + uuid + R"(","conversation_id":1,"type":"video","content":"x"})"_ba)
        << bad;
    QTest::newRow("send bad uuid")
        << u"message"_s << R"({"id":"not-a-uuid","conversation_id":1,"content":"x"})"_ba << bad;
    QTest::newRow("send lone surrogate")
        << u"message"_s
        << (R"({"id":")"_ba + uuid + R"(","conversation_id":1,"content":"\ud800"})"_ba) << bad;
    QTest::newRow("send bad thumbnail")
        << u"message"_s
        << (R"({"id":")"_ba + uuid
            + R"(","conversation_id":1,"type":"image","attachment":{"file_id":"f","name":"n","size":1,"thumbnail":"***"}})"_ba)
        << bad;
    QTest::newRow("sync bad key") << u"sync"_s << R"({"positions":{"abc":1}})"_ba << bad;
    QTest::newRow("sync negative seq") << u"sync"_s << R"({"positions":{"7":-1}})"_ba << bad;
    QTest::newRow("sync limit zero") << u"sync"_s << R"({"limit":0})"_ba << bad;
    QTest::newRow("add members empty")
        << u"add_members"_s << R"({"conversation_id":1,"user_ids":[]})"_ba << bad;
    QTest::newRow("add members not list")
        << u"add_members"_s << R"({"conversation_id":1,"user_ids":5})"_ba << bad;
    QTest::newRow("group members strings")
        << u"create_group"_s << R"({"name":"x","member_ids":["1"]})"_ba << bad;
    QTest::newRow("presence offline") << u"presence"_s << R"({"status":"offline"})"_ba << bad;
    QTest::newRow("contact both") << u"add_contact"_s << R"({"user_id":1,"username":"bob"})"_ba
                                  << bad;
    QTest::newRow("receipt seq zero") << u"read"_s << R"({"conversation_id":1,"seq":0})"_ba << bad;
    QTest::newRow("hello version string") << u"hello"_s << R"({"protocol":"1"})"_ba << bad;
    QTest::newRow("users empty query") << u"users"_s << R"({"query":"  "})"_ba << bad;
}

void TestProtocolMessages::malformedRejected()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, json);
    QFETCH(int, code);
    const QJsonObject data = QJsonDocument::fromJson(json).object();
    QVERIFY2(!data.isEmpty() || json == "{}", "test JSON must parse");
    std::optional<Error> error;
    auto check = [&](auto result) {
        if (!result)
            error = result.error();
    };
    if (kind == "login"_L1)
        check(LoginRequest::fromJson(data));
    else if (kind == "register"_L1)
        check(RegisterRequest::fromJson(data));
    else if (kind == "history"_L1)
        check(HistoryRequest::fromJson(data));
    else if (kind == "typing"_L1)
        check(TypingRequest::fromJson(data));
    else if (kind == "message"_L1)
        check(SendMessageRequest::fromJson(data));
    else if (kind == "sync"_L1)
        check(SyncRequest::fromJson(data));
    else if (kind == "add_members"_L1)
        check(AddMembersRequest::fromJson(data));
    else if (kind == "create_group"_L1)
        check(CreateGroupRequest::fromJson(data));
    else if (kind == "presence"_L1)
        check(SetPresenceRequest::fromJson(data));
    else if (kind == "add_contact"_L1)
        check(AddContactRequest::fromJson(data));
    else if (kind == "read"_L1)
        check(ReceiptRequest::fromJson(data));
    else if (kind == "hello"_L1)
        check(HelloRequest::fromJson(data));
    else if (kind == "users"_L1)
        check(UserSearchRequest::fromJson(data));
    else
        QFAIL("unknown kind");
    QVERIFY(error.has_value());
    QCOMPARE(int(error->code), code);
    QVERIFY(!error->message.isEmpty());
}

void TestProtocolMessages::envelopeRoundTrip()
{
    const QByteArray frame = encodeRequest(u"ping"_s, u"r1"_s, {{u"x"_s, 1}});
    const auto decoded = decodeRequest(frame);
    QVERIFY(std::holds_alternative<Request>(decoded));
    const Request &r = std::get<Request>(decoded);
    QCOMPARE(r.type, u"ping"_s);
    QCOMPARE(r.rid, u"r1"_s);
    QCOMPARE(r.data.value(u"x"_s).toInt(), 1);
    const auto tooBig = decodeRequest(QByteArray(MaxRequestFrameBytes + 1, ' '));
    QCOMPARE(std::get<RequestError>(tooBig).error.code, ErrorCode::TooLarge);
}

void TestProtocolMessages::serverFrames()
{
    auto success = decodeServerFrame(encodeSuccess(u"history"_s, u"9"_s, {{u"a"_s, 1}}));
    QVERIFY(success && success->success && success->kind == ServerFrame::Kind::Response);
    QCOMPARE(success->rid, u"9"_s);
    auto failure = decodeServerFrame(
        encodeFailure(u"message"_s, u"3"_s, makeError(ErrorCode::RateLimited, u"slow"_s, 1500)));
    QVERIFY(failure && !failure->success);
    QCOMPARE(failure->error.code, ErrorCode::RateLimited);
    QCOMPARE(failure->error.retryAfterMs, 1500);
    auto noRid =
        decodeServerFrame(encodeFailure({}, {}, makeError(ErrorCode::BadRequest, u"bad"_s)));
    QVERIFY(noRid && noRid->rid.isEmpty());
    auto push = decodeServerFrame(encodePush(u"typing"_s, {{u"x"_s, 1}}));
    QVERIFY(push && push->kind == ServerFrame::Kind::Push);
    auto future = decodeServerFrame(
        R"({"type":"x","rid":"1","success":false,"error":{"code":"from_the_future","message":"m"}})"_ba);
    QVERIFY(future);
    QCOMPARE(future->error.code, ErrorCode::Internal);
    QVERIFY(
        !decodeServerFrame(R"({"type":"x","rid":"1","success":false,"error":{"message":"m"}})"_ba));
    QVERIFY(!decodeServerFrame("[]"_ba));
}

QTEST_GUILESS_MAIN(TestProtocolMessages)
#include "tst_protocolmessages.moc"
