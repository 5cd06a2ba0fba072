// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The system-event codec (protocol/systemevent.h): every kind's wire form exactly as
// docs/PROTOCOL.md §6 shows it, round trips, unknown kinds kept, malformed input refused.
#include "testoutcome.h"
#include <banter/domain/conversation.h>
#include <banter/protocol/domainjson.h>
#include <banter/protocol/systemevent.h>
#include <banter/protocol/types.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Banter;
using namespace Banter::Protocol;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Banter::SystemEvent)

namespace {
QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}
} // namespace

class TestSystemEvent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wireForm_data();
    void wireForm();
    void everyKindHasAName();
    void unknownKindIsKept();
    void malformed_data();
    void malformed();
    void messageCarriesTheEvent();
};

void TestSystemEvent::wireForm_data()
{
    QTest::addColumn<SystemEvent>("event");
    QTest::addColumn<QByteArray>("json"); // as the server has always written it
    QTest::newRow("group_created") << SystemEvent::groupCreated(u"Team"_s, {43, 44})
                                   << QByteArray(R"({"event":"group_created","name":"Team",)"
                                                 R"("user_ids":[43,44]})");
    QTest::newRow("group_created alone")
        << SystemEvent::groupCreated(u"Solo"_s, {})
        << QByteArray(R"({"event":"group_created","name":"Solo","user_ids":[]})");
    QTest::newRow("members_added") << SystemEvent::membersAdded({45})
                                   << QByteArray(R"({"event":"members_added","user_ids":[45]})");
    QTest::newRow("member_removed") << SystemEvent::memberRemoved(45)
                                    << QByteArray(R"({"event":"member_removed","user_id":45})");
    QTest::newRow("member_left") << SystemEvent::memberLeft(43)
                                 << QByteArray(R"({"event":"member_left","user_id":43})");
    QTest::newRow("renamed") << SystemEvent::renamed(u"Crew 🚀"_s)
                             << QByteArray(R"({"event":"renamed","name":"Crew 🚀"})");
    QTest::newRow("renamed at the cap")
        << SystemEvent::renamed(QString(ConversationRules::MaxGroupNameLength, u'n'))
        << (R"({"event":"renamed","name":")"
            + QByteArray(ConversationRules::MaxGroupNameLength, 'n') + R"("})");
}

// Encoding gives the documented bytes, and decoding them gives the event back.
void TestSystemEvent::wireForm()
{
    QFETCH(SystemEvent, event);
    QFETCH(QByteArray, json);
    QCOMPARE(compact(toJson(event)), json);
    const Result<SystemEvent> decoded = systemEventFromJson(parse(json));
    QVERIFY2(decoded, qPrintable(describe(decoded)));
    QCOMPARE(*decoded, event);
}

void TestSystemEvent::everyKindHasAName()
{
    using Kind = SystemEvent::Kind;
    const QList<std::pair<Kind, QLatin1String>> kinds{{Kind::GroupCreated, Event::GroupCreated},
                                                      {Kind::MembersAdded, Event::MembersAdded},
                                                      {Kind::MemberRemoved, Event::MemberRemoved},
                                                      {Kind::MemberLeft, Event::MemberLeft},
                                                      {Kind::Renamed, Event::Renamed}};
    for (const auto &[kind, name] : kinds) {
        QCOMPARE(systemEventKindName(kind), QString(name));
        QCOMPARE(systemEventKindFromName(name), kind);
    }
    QVERIFY(systemEventKindName(Kind::Unknown).isEmpty());
    QCOMPARE(systemEventKindFromName(u"Renamed"_s), Kind::Unknown); // names are exact
    QCOMPARE(systemEventKindFromName(QString()), Kind::Unknown);
}

// A newer server's kind decodes (its fields ignored) and encodes back under its own name.
void TestSystemEvent::unknownKindIsKept()
{
    const Result<SystemEvent> decoded =
        systemEventFromJson(parse(R"({"event":"reacted","message_id":"x","emoji":3})"));
    QVERIFY2(decoded, qPrintable(describe(decoded)));
    QCOMPARE(decoded->kind, SystemEvent::Kind::Unknown);
    QCOMPARE(decoded->unknownKind, u"reacted"_s);
    QVERIFY(decoded->userIds.isEmpty());
    QVERIFY(decoded->name.isEmpty());
    QCOMPARE(compact(toJson(*decoded)), QByteArray(R"({"event":"reacted"})"));
}

void TestSystemEvent::malformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<Outcome>("expected");
    const Outcome bad = fails(ErrorCode::BadRequest);
    const Outcome tooLarge = fails(ErrorCode::TooLarge);
    QTest::newRow("no kind") << QByteArray(R"({"name":"Team"})") << bad;
    QTest::newRow("kind null") << QByteArray(R"({"event":null})") << bad;
    QTest::newRow("kind empty") << QByteArray(R"({"event":""})") << bad;
    QTest::newRow("kind a number") << QByteArray(R"({"event":1})") << bad;
    QTest::newRow("kind an object") << QByteArray(R"({"event":{}})") << bad;
    QTest::newRow("kind too long") << (R"({"event":")" + QByteArray(65, 'k') + R"("})") << tooLarge;
    QTest::newRow("group_created without user_ids")
        << QByteArray(R"({"event":"group_created","name":"Team"})") << bad;
    QTest::newRow("group_created without a name")
        << QByteArray(R"({"event":"group_created","user_ids":[43]})") << bad;
    QTest::newRow("members_added without user_ids")
        << QByteArray(R"({"event":"members_added"})") << bad;
    QTest::newRow("members_added with user_id only")
        << QByteArray(R"({"event":"members_added","user_id":45})") << bad;
    QTest::newRow("members_added, ids as strings")
        << QByteArray(R"({"event":"members_added","user_ids":["45"]})") << bad;
    QTest::newRow("members_added, id zero")
        << QByteArray(R"({"event":"members_added","user_ids":[0]})") << bad;
    QTest::newRow("members_added, ids an object")
        << QByteArray(R"({"event":"members_added","user_ids":{}})") << bad;
    QTest::newRow("member_removed without user_id")
        << QByteArray(R"({"event":"member_removed"})") << bad;
    QTest::newRow("member_removed, user_id negative")
        << QByteArray(R"({"event":"member_removed","user_id":-1})") << bad;
    QTest::newRow("member_removed, user_id fractional")
        << QByteArray(R"({"event":"member_removed","user_id":4.5})") << bad;
    QTest::newRow("member_left, user_id a string")
        << QByteArray(R"({"event":"member_left","user_id":"43"})") << bad;
    QTest::newRow("renamed without a name") << QByteArray(R"({"event":"renamed"})") << bad;
    QTest::newRow("renamed, name a number") << QByteArray(R"({"event":"renamed","name":7})") << bad;
    QTest::newRow("renamed, name over the cap")
        << (R"({"event":"renamed","name":")" + QByteArray(101, 'n') + R"("})") << tooLarge;
}

void TestSystemEvent::malformed()
{
    QFETCH(QByteArray, json);
    QFETCH(Outcome, expected);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, "the row's JSON must parse");
    BANTER_COMPARE_OUTCOME(systemEventFromJson(document.object()), expected);
}

// A system message carries the typed event; a text message carries none on the wire.
void TestSystemEvent::messageCarriesTheEvent()
{
    Message m;
    m.id = QUuid::createUuid();
    m.conversationId = 7;
    m.seq = 3;
    m.senderId = 42;
    m.type = MessageType::System;
    m.event = SystemEvent::memberRemoved(45);
    const QJsonObject json = toJson(m);
    QCOMPARE(json.value(u"event"_s).toObject(),
             (QJsonObject{{u"event"_s, u"member_removed"_s}, {u"user_id"_s, 45}}));
    const Result<Message> decoded = messageFromJson(json);
    QVERIFY2(decoded, qPrintable(describe(decoded)));
    QCOMPARE(*decoded, m);

    m.type = MessageType::Text;
    m.event.reset();
    QVERIFY(!toJson(m).contains(u"event"_s));
    QVERIFY(!messageFromJson(toJson(m))->event);
}

QTEST_GUILESS_MAIN(TestSystemEvent)
#include "tst_systemevent.moc"
