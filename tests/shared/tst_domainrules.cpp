// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The domain rules: message content, names and passwords, conversation access, enum names.
#include "domain/conversation.h"
#include "domain/errorcode.h"
#include "domain/messagecontent.h"
#include "domain/presence.h"
#include "domain/user.h"

#include <QTest>

using namespace Banter;
using namespace Qt::StringLiterals;

class TestDomainRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void characterCountCountsCodePoints();
    void wellFormedText_data();
    void wellFormedText();
    void strictUtf8_data();
    void strictUtf8();
    void messageValidation_data();
    void messageValidation();
    void usernames_data();
    void usernames();
    void passwords();
    void conversationAccess();
    void enumNamesRoundTrip();
    void errorCodeNamesRoundTrip();
};

void TestDomainRules::characterCountCountsCodePoints()
{
    QCOMPARE(MessageContent::characterCount(u"abc"_s), 3);
    QCOMPARE(MessageContent::characterCount(u"😀😀"_s), 2); // surrogate pairs
    QCOMPARE(MessageContent::characterCount(u"你好"_s), 2);
}

void TestDomainRules::wellFormedText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::newRow("ascii") << u"hello"_s << true;
    QTest::newRow("emoji") << u"👋🏽"_s << true;
    QTest::newRow("rtl") << u"שלום"_s << true;
    QTest::newRow("nul") << QString(u"a\0b"_s) << false;
    QTest::newRow("lone high") << QString(QChar(0xD800)) << false;
    QTest::newRow("lone low") << QString(QChar(0xDC00)) << false;
    QTest::newRow("reversed pair") << QString(QChar(0xDC00)) + QChar(0xD800) << false;
}

void TestDomainRules::wellFormedText()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QCOMPARE(MessageContent::isWellFormedText(text), ok);
}

void TestDomainRules::strictUtf8_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("ok");
    QTest::newRow("ascii") << "plain"_ba << true;
    QTest::newRow("multibyte") << QByteArray("\xe4\xbd\xa0\xe5\xa5\xbd") << true;
    QTest::newRow("overlong") << QByteArray("\xc0\xaf") << false;
    QTest::newRow("truncated") << QByteArray("\xe4\xbd") << false;
    QTest::newRow("lone continuation") << QByteArray("\x80") << false;
    QTest::newRow("surrogate encoded") << QByteArray("\xed\xa0\x80") << false;
}

void TestDomainRules::strictUtf8()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, ok);
    QCOMPARE(bool(MessageContent::decodeUtf8(bytes)), ok);
}

void TestDomainRules::messageValidation_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("content");
    QTest::addColumn<bool>("withAttachment");
    QTest::addColumn<int>("code"); // -1: valid
    QTest::newRow("text") << int(MessageType::Text) << u"hi"_s << false << -1;
    QTest::newRow("empty") << int(MessageType::Text) << QString() << false
                           << int(ErrorCode::BadRequest);
    QTest::newRow("blank") << int(MessageType::Text) << u" \n\t"_s << false
                           << int(ErrorCode::BadRequest);
    QTest::newRow("5000") << int(MessageType::Text) << QString(5000, u'x') << false << -1;
    QTest::newRow("5001") << int(MessageType::Text) << QString(5001, u'x') << false
                          << int(ErrorCode::TooLarge);
    QString emoji;
    for (int i = 0; i < 5000; ++i)
        emoji += u"😀"_s;
    QTest::newRow("5000 emoji") << int(MessageType::Text) << emoji << false << -1;
    QTest::newRow("text with attachment")
        << int(MessageType::Text) << u"x"_s << true << int(ErrorCode::BadRequest);
    QTest::newRow("file") << int(MessageType::File) << QString() << true << -1;
    QTest::newRow("file without attachment")
        << int(MessageType::File) << u"x"_s << false << int(ErrorCode::BadRequest);
    QTest::newRow("image without size")
        << int(MessageType::Image) << QString() << true << int(ErrorCode::BadRequest);
    QTest::newRow("system") << int(MessageType::System) << u"x"_s << false
                            << int(ErrorCode::BadRequest);
}

void TestDomainRules::messageValidation()
{
    QFETCH(int, type);
    QFETCH(QString, content);
    QFETCH(bool, withAttachment);
    QFETCH(int, code);
    Message m;
    m.id = QUuid::createUuid();
    m.type = MessageType(type);
    m.content = content;
    if (withAttachment)
        m.attachment = Attachment{u"f1"_s, u"report.pdf"_s, 1234, u"application/pdf"_s, 0, 0, {}};
    const Status status = MessageContent::validateForSend(m);
    if (code < 0)
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
    else
        QCOMPARE(int(status.error().code), code);
    m.id = QUuid();
    QVERIFY(!MessageContent::validateForSend(m)); // a null id is never valid
}

void TestDomainRules::usernames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("ok");
    QTest::newRow("simple") << u"alice"_s << true;
    QTest::newRow("with punctuation") << u"a.l-i_ce9"_s << true;
    QTest::newRow("too short") << u"al"_s << false;
    QTest::newRow("too long") << QString(33, u'a') << false;
    QTest::newRow("uppercase") << u"Alice"_s << false;
    QTest::newRow("space") << u"al ice"_s << false;
    QTest::newRow("leading dot") << u".alice"_s << false;
    QTest::newRow("unicode") << u"аlice"_s << false; // Cyrillic a
}

void TestDomainRules::usernames()
{
    QFETCH(QString, name);
    QFETCH(bool, ok);
    QCOMPARE(UserRules::validateUsername(name).ok(), ok);
}

void TestDomainRules::passwords()
{
    QVERIFY(UserRules::validatePassword(u"long enough"_s));
    QCOMPARE(UserRules::validatePassword(u"short"_s).error().code, ErrorCode::BadRequest);
    QCOMPARE(UserRules::validatePassword(QString(1025, u'p')).error().code, ErrorCode::TooLarge);
    QVERIFY(!UserRules::validateDeviceName(u"  "_s));
    QVERIFY(UserRules::validateDeviceName(u"laptop"_s));
    QCOMPARE(UserRules::validateDisplayName(QString(65, u'd')).error().code, ErrorCode::TooLarge);
}

void TestDomainRules::conversationAccess()
{
    Conversation group;
    group.type = ConversationType::Group;
    group.participants = {{1, ParticipantRole::Admin, {}, {}, 0, 0, 0},
                          {2, ParticipantRole::Member, {}, {}, 0, 0, 0}};
    QVERIFY(ConversationRules::checkMember(group, 1));
    QCOMPARE(ConversationRules::checkMember(group, 3).error().code, ErrorCode::NotFound);
    QVERIFY(ConversationRules::checkCanManage(group, 1));
    QCOMPARE(ConversationRules::checkCanManage(group, 2).error().code, ErrorCode::Forbidden);
    QCOMPARE(ConversationRules::checkCanManage(group, 3).error().code, ErrorCode::NotFound);
    Conversation direct = group;
    direct.type = ConversationType::Private;
    QCOMPARE(ConversationRules::checkCanManage(direct, 1).error().code, ErrorCode::Forbidden);
    QVERIFY(!ConversationRules::validateGroupName(u"  "_s));
    QString emoji100;
    for (int i = 0; i < 100; ++i)
        emoji100 += u"🚀"_s;
    QVERIFY(ConversationRules::validateGroupName(emoji100)); // 100 characters, 200 UTF-16 units
    QCOMPARE(ConversationRules::validateGroupName(emoji100 + u"🚀"_s).error().code,
             ErrorCode::TooLarge);
    QVERIFY(UserRules::validateDisplayName(emoji100.left(128)));
    QCOMPARE(ConversationRules::validateGroupName(QString(101, u'n')).error().code,
             ErrorCode::TooLarge);
}

void TestDomainRules::enumNamesRoundTrip()
{
    for (MessageType t :
         {MessageType::Text, MessageType::Image, MessageType::File, MessageType::System})
        QCOMPARE(messageTypeFromName(messageTypeName(t)), t);
    for (MessageStatus s : {MessageStatus::Sending, MessageStatus::Sent, MessageStatus::Delivered,
                            MessageStatus::Read})
        QCOMPARE(messageStatusFromName(messageStatusName(s)), s);
    for (ConversationType t : {ConversationType::Private, ConversationType::Group})
        QCOMPARE(conversationTypeFromName(conversationTypeName(t)), t);
    for (ParticipantRole r : {ParticipantRole::Member, ParticipantRole::Admin})
        QCOMPARE(participantRoleFromName(participantRoleName(r)), r);
    for (PresenceStatus p : {PresenceStatus::Offline, PresenceStatus::Online, PresenceStatus::Away})
        QCOMPARE(presenceStatusFromName(presenceStatusName(p)), p);
    QVERIFY(!messageTypeFromName(u"video"_s));
    QVERIFY(!presenceStatusFromName(u"ONLINE"_s));
}

void TestDomainRules::errorCodeNamesRoundTrip()
{
    QSet<QString> names;
    for (int c = int(ErrorCode::BadRequest); c <= int(ErrorCode::Unavailable); ++c) {
        const QString name = errorCodeName(ErrorCode(c));
        QVERIFY(!name.isEmpty());
        names.insert(name);
        QCOMPARE(errorCodeFromName(name), ErrorCode(c));
    }
    QCOMPARE(names.size(), int(ErrorCode::Unavailable) + 1); // all distinct
    QVERIFY(!errorCodeFromName(u"teapot"_s));
}

QTEST_GUILESS_MAIN(TestDomainRules)
#include "tst_domainrules.moc"
