// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The domain rules: message content, names and passwords, conversation access, enum names.
#include "testoutcome.h"
#include <banter/domain/conversation.h>
#include <banter/domain/errorcode.h>
#include <banter/domain/imageheader.h>
#include <banter/domain/messagechange.h>
#include <banter/domain/messagecontent.h>
#include <banter/domain/messageid.h>
#include <banter/domain/presence.h>
#include <banter/domain/user.h>

#include <QSet>
#include <QTest>

#include <functional>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Banter::MessageType)
Q_DECLARE_METATYPE(Banter::Attachment)
Q_DECLARE_METATYPE(Banter::ConversationType)

namespace {
const QString loneHigh = QString(QChar(0xD800));
const QString loneLow = QString(QChar(0xDC00));
const QString grinning = u"\U0001F600"_s; // one code point, two UTF-16 units

QString emoji(int count)
{
    return grinning.repeated(count);
}

Attachment fileAttachment()
{
    return Attachment{u"sha256-f1"_s, u"report.pdf"_s, 1234, u"application/pdf"_s, 0, 0, {}};
}

Attachment imageAttachment()
{
    return Attachment{u"sha256-i1"_s, u"cat.png"_s, 2048, u"image/png"_s, 640, 480, "png"_ba};
}

template<typename Change>
Attachment changed(Attachment attachment, Change change)
{
    change(attachment);
    return attachment;
}

// Members 1 (admin) and 2 (member), in a conversation of the given type.
Conversation conversationOf(ConversationType type)
{
    Conversation c;
    c.id = 7;
    c.type = type;
    c.participants = {{1, ParticipantRole::Admin, u"alice"_s, {}, 0, 0, 0},
                      {2, ParticipantRole::Member, u"bob"_s, {}, 0, 0, 0}};
    return c;
}

// Name functions of one domain enum, with its values as ints so one table covers all.
struct EnumNames
{
    std::function<QString(int)> name;
    std::function<std::optional<int>(const QString &)> value;
    int count = 0;
};

template<typename E>
EnumNames namesOf(QString (*toName)(E), std::optional<E> (*fromName)(const QString &), int count)
{
    return {[toName](int v) { return toName(E(v)); },
            [fromName](const QString &name) -> std::optional<int> {
                const std::optional<E> e = fromName(name);
                return e ? std::optional<int>(int(*e)) : std::nullopt;
            },
            count};
}

EnumNames namesOfKind(const QString &kind)
{
    if (kind == "MessageType"_L1)
        return namesOf(messageTypeName, messageTypeFromName, 4);
    if (kind == "MessageStatus"_L1)
        return namesOf(messageStatusName, messageStatusFromName, 4);
    if (kind == "ConversationType"_L1)
        return namesOf(conversationTypeName, conversationTypeFromName, 2);
    if (kind == "ParticipantRole"_L1)
        return namesOf(participantRoleName, participantRoleFromName, 2);
    if (kind == "PresenceStatus"_L1)
        return namesOf(presenceStatusName, presenceStatusFromName, 3);
    return {};
}

const char *const enumKinds[] = {"MessageType", "MessageStatus", "ConversationType",
                                 "ParticipantRole", "PresenceStatus"};
} // namespace

class TestDomainRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void characterCount_data();
    void characterCount();
    void isWellFormedText_data();
    void isWellFormedText();
    void decodeUtf8_data();
    void decodeUtf8();
    void validateForSend_data();
    void validateForSend();
    void validateForSendNeedsAnId_data();
    void validateForSendNeedsAnId();
    void usernames_data();
    void usernames();
    void passwords_data();
    void passwords();
    void deviceNames_data();
    void deviceNames();
    void displayNames_data();
    void displayNames();
    void shownNameFallsBackToUsername();
    void avatars_data();
    void avatars();
    void imageHeaderSizes_data();
    void imageHeaderSizes();
    void thumbnails_data();
    void thumbnails();
    void reactionEmoji_data();
    void reactionEmoji();
    void mentionedUsernames_data();
    void mentionedUsernames();
    void changesApplyInStreamOrder();
    void changesNameTheirMessage();
    void replyPreviewsFollowTheOriginal();
    void groupNames_data();
    void groupNames();
    void membership();
    void checkMember_data();
    void checkMember();
    void checkCanManage_data();
    void checkCanManage();
    void enumNames_data();
    void enumNames();
    void enumNamesAreDistinct();
    void unknownEnumNames_data();
    void unknownEnumNames();
    void errorCodeNames_data();
    void errorCodeNames();
    void errorCodeNamesAreDistinct();
    void unknownErrorCodeNames_data();
    void unknownErrorCodeNames();
    void resultCarriesValueOrError();
    void messageIdsAreVersion7();
    void messageIdsSortByTime();
};

void TestDomainRules::characterCount_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("count");
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("ascii") << u"abc"_s << 3;
    QTest::newRow("latin-1") << u"caf\u00e9"_s << 4;
    QTest::newRow("cjk (BMP)") << u"你好"_s << 2;
    QTest::newRow("two emoji (surrogate pairs)") << u"😀😀"_s << 2;
    QTest::newRow("emoji between ascii") << u"a😀b"_s << 3;
    QTest::newRow("skin tone modifier") << u"👋🏽"_s << 2;
    QTest::newRow("flag (regional indicators)") << u"🇩🇪"_s << 2;
    QTest::newRow("zwj family") << u"👨\u200d👩\u200d👧"_s << 5;
    QTest::newRow("combining accent") << u"e\u0301"_s << 2;
    QTest::newRow("U+10FFFF") << u"\U0010FFFF"_s << 1;
    QTest::newRow("lone high") << loneHigh << 1;
    QTest::newRow("lone low") << loneLow << 1;
    QTest::newRow("reversed pair") << loneLow + loneHigh << 2;
    QTest::newRow("high high low") << loneHigh + loneHigh + loneLow << 2;
    QTest::newRow("5000 emoji") << emoji(5000) << 5000;
}

void TestDomainRules::characterCount()
{
    QFETCH(QString, text);
    QFETCH(int, count);
    QCOMPARE(MessageContent::characterCount(text), count);
}

void TestDomainRules::isWellFormedText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("wellFormed");
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("ascii") << u"hello"_s << true;
    QTest::newRow("emoji") << u"👋🏽"_s << true;
    QTest::newRow("rtl") << u"שלום"_s << true;
    QTest::newRow("control characters") << u"tab\there\r\n\u0001"_s << true;
    QTest::newRow("U+FFFF noncharacter") << u"\uFFFF"_s << true;
    QTest::newRow("U+10FFFF") << u"\U0010FFFF"_s << true;
    QTest::newRow("nul inside") << u"a\0b"_s << false;
    QTest::newRow("nul first") << u"\0ab"_s << false;
    QTest::newRow("nul last") << u"ab\0"_s << false;
    QTest::newRow("nul alone") << QString(QChar(0)) << false;
    QTest::newRow("lone high") << loneHigh << false;
    QTest::newRow("lone high at end") << u"abc"_s + loneHigh << false;
    QTest::newRow("lone high before ascii") << loneHigh + u"a"_s << false;
    QTest::newRow("lone low") << loneLow << false;
    QTest::newRow("lone low after pair") << grinning + loneLow << false;
    QTest::newRow("reversed pair") << loneLow + loneHigh << false;
    QTest::newRow("two highs then low") << loneHigh + loneHigh + loneLow << false;
}

void TestDomainRules::isWellFormedText()
{
    QFETCH(QString, text);
    QFETCH(bool, wellFormed);
    QCOMPARE(MessageContent::isWellFormedText(text), wellFormed);
}

void TestDomainRules::decodeUtf8_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text"); // the decoded text; ignored for invalid input
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << QByteArray() << QString() << true;
    QTest::newRow("ascii") << "plain"_ba << u"plain"_s << true;
    QTest::newRow("2-byte") << "caf\xc3\xa9"_ba << u"caf\u00e9"_s << true;
    QTest::newRow("3-byte") << "\xe4\xbd\xa0\xe5\xa5\xbd"_ba << u"你好"_s << true;
    QTest::newRow("4-byte") << "\xf0\x9f\x98\x80"_ba << grinning << true;
    QTest::newRow("U+FFFF") << "\xef\xbf\xbf"_ba << u"\uFFFF"_s << true;
    QTest::newRow("U+10FFFF") << "\xf4\x8f\xbf\xbf"_ba << u"\U0010FFFF"_s << true;
    QTest::newRow("mixed") << "a\xc3\xa9\xe4\xbd\xa0\xf0\x9f\x98\x80z"_ba << u"a\u00e9你😀z"_s
                           << true;
    QTest::newRow("overlong slash (2 bytes)") << "\xc0\xaf"_ba << QString() << false;
    QTest::newRow("overlong nul (2 bytes)") << "\xc0\x80"_ba << QString() << false;
    QTest::newRow("overlong 0x7f (2 bytes)") << "\xc1\xbf"_ba << QString() << false;
    QTest::newRow("overlong slash (3 bytes)") << "\xe0\x80\xaf"_ba << QString() << false;
    QTest::newRow("overlong slash (4 bytes)") << "\xf0\x80\x80\xaf"_ba << QString() << false;
    QTest::newRow("truncated 2-byte") << "ab\xc3"_ba << QString() << false;
    QTest::newRow("truncated 3-byte") << "\xe4\xbd"_ba << QString() << false;
    QTest::newRow("truncated 4-byte") << "\xf0\x9f\x98"_ba << QString() << false;
    QTest::newRow("truncated, then ascii") << "\xe4\xbd\x41"_ba << QString() << false;
    QTest::newRow("lone continuation") << "\x80"_ba << QString() << false;
    QTest::newRow("continuation after ascii") << "abc\xbf"_ba << QString() << false;
    QTest::newRow("extra continuation") << "\xc3\xa9\xa9"_ba << QString() << false;
    QTest::newRow("encoded high surrogate") << "\xed\xa0\x80"_ba << QString() << false;
    QTest::newRow("encoded low surrogate") << "\xed\xb0\x80"_ba << QString() << false;
    QTest::newRow("above U+10FFFF") << "\xf4\x90\x80\x80"_ba << QString() << false;
    QTest::newRow("5-byte form") << "\xf8\x88\x80\x80\x80"_ba << QString() << false;
    QTest::newRow("byte 0xfe") << "a\xfe"_ba << QString() << false;
    QTest::newRow("byte 0xff") << "\xff"_ba << QString() << false;
}

void TestDomainRules::decodeUtf8()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const Result<QString> decoded = MessageContent::decodeUtf8(bytes);
    BANTER_COMPARE_OUTCOME(decoded, valid ? Accepted : fails(ErrorCode::BadRequest));
    if (valid)
        QCOMPARE(*decoded, text);
}

void TestDomainRules::validateForSend_data()
{
    QTest::addColumn<MessageType>("type");
    QTest::addColumn<QString>("content");
    QTest::addColumn<Attachment>("attachment");
    QTest::addColumn<Outcome>("expected");
    const auto text = MessageType::Text;
    const auto image = MessageType::Image;
    const auto file = MessageType::File;
    const Attachment none;
    const Outcome bad = fails(ErrorCode::BadRequest);
    const Outcome large = fails(ErrorCode::TooLarge);

    QTest::newRow("text") << text << u"hi"_s << none << Accepted;
    QTest::newRow("text with blank around") << text << u"  hi \n"_s << none << Accepted;
    QTest::newRow("text: empty") << text << QString() << none << bad;
    QTest::newRow("text: whitespace only") << text << u" \n\t\r "_s << none << bad;
    QTest::newRow("text: no-break spaces only") << text << u"\u00a0\u00a0"_s << none << bad;
    QTest::newRow("text: ideographic space only") << text << u"\u3000"_s << none << bad;
    QTest::newRow("text: 5000 ascii") << text << QString(5000, u'x') << none << Accepted;
    QTest::newRow("text: 5001 ascii") << text << QString(5001, u'x') << none << large;
    QTest::newRow("text: 5000 emoji") << text << emoji(5000) << none << Accepted;
    QTest::newRow("text: 5001 emoji") << text << emoji(5001) << none << large;
    QTest::newRow("text: 4999 ascii + 1 emoji")
        << text << QString(4999, u'x') + grinning << none << Accepted;
    QTest::newRow("text: 5000 cjk") << text << u"字"_s.repeated(5000) << none << Accepted;
    QTest::newRow("text: nul") << text << u"a\0b"_s << none << bad;
    QTest::newRow("text: lone surrogate") << text << u"a"_s + loneHigh << none << bad;
    QTest::newRow("text: with attachment") << text << u"x"_s << fileAttachment() << bad;

    QTest::newRow("image") << image << u"look 👀"_s << imageAttachment() << Accepted;
    QTest::newRow("image: no caption") << image << QString() << imageAttachment() << Accepted;
    QTest::newRow("image: 5001 caption") << image << emoji(5001) << imageAttachment() << large;
    QTest::newRow("image: no attachment") << image << u"x"_s << none << bad;
    QTest::newRow("image: zero width")
        << image << QString() << changed(imageAttachment(), [](Attachment &a) { a.width = 0; })
        << bad;
    QTest::newRow("image: zero height")
        << image << QString() << changed(imageAttachment(), [](Attachment &a) { a.height = 0; })
        << bad;

    QTest::newRow("file") << file << u"the report"_s << fileAttachment() << Accepted;
    QTest::newRow("file: no caption") << file << QString() << fileAttachment() << Accepted;
    QTest::newRow("file: no attachment") << file << u"x"_s << none << bad;
    QTest::newRow("file: no file id")
        << file << QString() << changed(fileAttachment(), [](Attachment &a) { a.fileId.clear(); })
        << bad;
    QTest::newRow("file: empty name")
        << file << QString() << changed(fileAttachment(), [](Attachment &a) { a.name.clear(); })
        << bad;
    QTest::newRow("file: blank name")
        << file << QString() << changed(fileAttachment(), [](Attachment &a) { a.name = u"  "_s; })
        << bad;
    QTest::newRow("file: 255-char name")
        << file << QString()
        << changed(fileAttachment(), [](Attachment &a) { a.name = QString(255, u'n'); })
        << Accepted;
    QTest::newRow("file: 256-char name")
        << file << QString()
        << changed(fileAttachment(), [](Attachment &a) { a.name = QString(256, u'n'); }) << bad;
    QTest::newRow("file: 255-emoji name")
        << file << QString()
        << changed(fileAttachment(), [](Attachment &a) { a.name = emoji(255); }) << Accepted;
    QTest::newRow("file: name with nul")
        << file << QString()
        << changed(fileAttachment(), [](Attachment &a) { a.name = u"a\0b.txt"_s; }) << bad;
    QTest::newRow("file: name with lone surrogate")
        << file << QString()
        << changed(fileAttachment(), [](Attachment &a) { a.name = loneLow + u".txt"_s; }) << bad;
    QTest::newRow("file: size 0") << file << QString()
                                  << changed(fileAttachment(), [](Attachment &a) { a.size = 0; })
                                  << bad;
    QTest::newRow("file: negative size")
        << file << QString() << changed(fileAttachment(), [](Attachment &a) { a.size = -1; })
        << bad;
    QTest::newRow("file: 16 KiB thumbnail")
        << file << QString()
        << changed(fileAttachment(), [](Attachment &a) { a.thumbnail = QByteArray(16384, 't'); })
        << Accepted;
    QTest::newRow("file: thumbnail over 16 KiB")
        << file << QString()
        << changed(fileAttachment(), [](Attachment &a) { a.thumbnail = QByteArray(16385, 't'); })
        << large;

    QTest::newRow("system") << MessageType::System << u"x"_s << none << bad;
    QTest::newRow("system: no content") << MessageType::System << QString() << none << bad;
    QTest::newRow("system: with attachment")
        << MessageType::System << QString() << fileAttachment() << bad;
}

void TestDomainRules::validateForSend()
{
    QFETCH(MessageType, type);
    QFETCH(QString, content);
    QFETCH(Attachment, attachment);
    QFETCH(Outcome, expected);
    Message m;
    m.id = QUuid::createUuid();
    m.conversationId = 7;
    m.type = type;
    m.content = content;
    m.attachment = attachment;
    BANTER_COMPARE_OUTCOME(MessageContent::validateForSend(m), expected);
}

void TestDomainRules::validateForSendNeedsAnId_data()
{
    QTest::addColumn<MessageType>("type");
    QTest::addColumn<Attachment>("attachment");
    QTest::newRow("text") << MessageType::Text << Attachment();
    QTest::newRow("image") << MessageType::Image << imageAttachment();
    QTest::newRow("file") << MessageType::File << fileAttachment();
}

void TestDomainRules::validateForSendNeedsAnId()
{
    QFETCH(MessageType, type);
    QFETCH(Attachment, attachment);
    Message m;
    m.type = type;
    m.content = u"hi"_s;
    m.attachment = attachment;
    m.id = QUuid::createUuid();
    BANTER_COMPARE_OUTCOME(MessageContent::validateForSend(m), Accepted);
    m.id = QUuid();
    BANTER_COMPARE_OUTCOME(MessageContent::validateForSend(m), fails(ErrorCode::BadRequest));
}

void TestDomainRules::usernames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Outcome>("expected");
    const Outcome bad = fails(ErrorCode::BadRequest);
    QTest::newRow("simple") << u"alice"_s << Accepted;
    QTest::newRow("3 characters") << u"abc"_s << Accepted;
    QTest::newRow("32 characters") << QString(32, u'a') << Accepted;
    QTest::newRow("every allowed kind") << u"a.l-i_ce9"_s << Accepted;
    QTest::newRow("starts with a digit") << u"9lives"_s << Accepted;
    QTest::newRow("digits only") << u"123"_s << Accepted;
    QTest::newRow("ends with punctuation") << u"alice."_s << Accepted;
    QTest::newRow("empty") << QString() << bad;
    QTest::newRow("2 characters") << u"ab"_s << bad;
    QTest::newRow("33 characters") << QString(33, u'a') << bad;
    QTest::newRow("uppercase first") << u"Alice"_s << bad;
    QTest::newRow("uppercase inside") << u"aliCe"_s << bad;
    QTest::newRow("all uppercase") << u"ALICE"_s << bad;
    QTest::newRow("space") << u"al ice"_s << bad;
    QTest::newRow("at sign") << u"al@ice"_s << bad;
    QTest::newRow("plus") << u"al+ice"_s << bad;
    QTest::newRow("slash") << u"al/ice"_s << bad;
    QTest::newRow("leading dot") << u".alice"_s << bad;
    QTest::newRow("leading underscore") << u"_alice"_s << bad;
    QTest::newRow("leading hyphen") << u"-alice"_s << bad;
    QTest::newRow("dots only") << u"..."_s << bad;
    QTest::newRow("latin-1 letter") << u"\u00e5lice"_s << bad;
    QTest::newRow("cyrillic a") << u"\u0430lice"_s << bad;
    QTest::newRow("fullwidth letters") << u"\uff41\uff42\uff43"_s << bad;
    QTest::newRow("arabic-indic digits") << u"\u0661\u0662\u0663"_s << bad;
    QTest::newRow("emoji") << u"ali😀"_s << bad;
    QTest::newRow("nul") << u"ali\0ce"_s << bad;
}

void TestDomainRules::usernames()
{
    QFETCH(QString, name);
    QFETCH(Outcome, expected);
    BANTER_COMPARE_OUTCOME(UserRules::validateUsername(name), expected);
}

void TestDomainRules::passwords_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<Outcome>("expected");
    const Outcome bad = fails(ErrorCode::BadRequest);
    const Outcome large = fails(ErrorCode::TooLarge);
    QTest::newRow("8 characters") << u"12345678"_s << Accepted;
    QTest::newRow("passphrase") << u"correct horse battery"_s << Accepted;
    QTest::newRow("empty") << QString() << bad;
    QTest::newRow("7 characters") << u"1234567"_s << bad;
    QTest::newRow("1024 ascii bytes") << QString(1024, u'p') << Accepted;
    QTest::newRow("1025 ascii bytes") << QString(1025, u'p') << large;
    // The cap is on UTF-8 bytes (the hashing cost), not on characters.
    QTest::newRow("341 cjk = 1023 bytes") << u"字"_s.repeated(341) << Accepted;
    QTest::newRow("342 cjk = 1026 bytes") << u"字"_s.repeated(342) << large;
    QTest::newRow("256 emoji = 1024 bytes") << emoji(256) << Accepted;
    QTest::newRow("257 emoji = 1028 bytes") << emoji(257) << large;
}

void TestDomainRules::passwords()
{
    QFETCH(QString, password);
    QFETCH(Outcome, expected);
    BANTER_COMPARE_OUTCOME(UserRules::validatePassword(password), expected);
}

void TestDomainRules::deviceNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Outcome>("expected");
    const Outcome bad = fails(ErrorCode::BadRequest);
    QTest::newRow("laptop") << u"laptop"_s << Accepted;
    QTest::newRow("unicode") << u"📱 Telefon von Jürgen"_s << Accepted;
    QTest::newRow("64 characters") << QString(64, u'd') << Accepted;
    QTest::newRow("64 emoji") << emoji(64) << Accepted;
    QTest::newRow("empty") << QString() << bad;
    QTest::newRow("blank") << u" \t "_s << bad;
    QTest::newRow("65 characters") << QString(65, u'd') << fails(ErrorCode::TooLarge);
    QTest::newRow("nul") << u"lap\0top"_s << bad;
    QTest::newRow("lone surrogate") << u"laptop"_s + loneHigh << bad;
}

void TestDomainRules::deviceNames()
{
    QFETCH(QString, name);
    QFETCH(Outcome, expected);
    BANTER_COMPARE_OUTCOME(UserRules::validateDeviceName(name), expected);
}

void TestDomainRules::displayNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Outcome>("expected");
    const Outcome bad = fails(ErrorCode::BadRequest);
    QTest::newRow("empty (falls back to the username)") << QString() << Accepted;
    QTest::newRow("plain") << u"Alice A."_s << Accepted;
    QTest::newRow("unicode") << u"Zoë 🌸"_s << Accepted;
    QTest::newRow("64 characters") << QString(64, u'd') << Accepted;
    QTest::newRow("64 emoji") << emoji(64) << Accepted;
    QTest::newRow("65 characters") << QString(65, u'd') << fails(ErrorCode::TooLarge);
    QTest::newRow("65 emoji") << emoji(65) << fails(ErrorCode::TooLarge);
    QTest::newRow("nul") << u"Al\0ice"_s << bad;
    QTest::newRow("lone surrogate") << loneLow << bad;
}

void TestDomainRules::displayNames()
{
    QFETCH(QString, name);
    QFETCH(Outcome, expected);
    BANTER_COMPARE_OUTCOME(UserRules::validateDisplayName(name), expected);
}

namespace {
QByteArray bigEndian(quint32 value, int bytes)
{
    QByteArray out;
    for (int i = bytes - 1; i >= 0; --i)
        out.append(char((value >> (8 * i)) & 0xff));
    return out;
}

QByteArray png(quint32 width, quint32 height)
{
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + bigEndian(13, 4) + "IHDR" + bigEndian(width, 4)
        + bigEndian(height, 4) + QByteArray("\x08\x06\x00\x00\x00", 5) + bigEndian(0, 4);
}

// SOI, an APP0 segment, optionally a DHT segment (in the SOF marker range, not a frame),
// then a frame header of that kind and size.
QByteArray jpeg(quint32 width, quint32 height, quint8 frame = 0xC0, bool table = false)
{
    QByteArray bytes("\xFF\xD8", 2);
    bytes += QByteArray("\xFF\xE0", 2) + bigEndian(6, 2) + QByteArray("JFIF", 4);
    if (table)
        bytes += QByteArray("\xFF\xC4", 2) + bigEndian(5, 2) + QByteArray("\x00\x00\x00", 3);
    bytes += QByteArray("\xFF", 1) + char(frame) + bigEndian(11, 2) + '\x08' + bigEndian(height, 2)
        + bigEndian(width, 2) + QByteArray("\x01\x01\x11\x00", 4);
    return bytes;
}
} // namespace

void TestDomainRules::avatars_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Outcome>("expected");
    const Outcome bad = fails(ErrorCode::BadRequest);
    QTest::newRow("PNG 1x1") << png(1, 1) << Accepted;
    QTest::newRow("PNG 256x256") << png(256, 256) << Accepted;
    QTest::newRow("PNG 257x257") << png(257, 257) << bad;
    QTest::newRow("PNG not square") << png(256, 255) << bad;
    QTest::newRow("PNG no size") << png(0, 0) << bad;
    QTest::newRow("PNG 2^31 wide") << png(0x80000000u, 0x80000000u) << bad;
    QTest::newRow("PNG cut short") << png(8, 8).left(24) << bad;
    QByteArray noHeader = png(8, 8);
    noHeader.replace(12, 4, "IDAT");
    QTest::newRow("PNG without IHDR first") << noHeader << bad;
    QTest::newRow("JPEG baseline 128") << jpeg(128, 128) << Accepted;
    QTest::newRow("JPEG progressive 64") << jpeg(64, 64, 0xC2) << Accepted;
    QTest::newRow("JPEG table before the frame") << jpeg(32, 32, 0xC0, true) << Accepted;
    QTest::newRow("JPEG 300") << jpeg(300, 300) << bad;
    QTest::newRow("JPEG not square") << jpeg(100, 50) << bad;
    QTest::newRow("JPEG frame cut short") << jpeg(64, 64).left(14) << bad;
    QTest::newRow("JPEG without a frame") << QByteArray("\xFF\xD8\xFF\xE0\x00\x04"
                                                        "ab\xFF\xD9",
                                                        10)
                                          << bad;
    QTest::newRow("JPEG segment length 0") << QByteArray("\xFF\xD8\xFF\xE0\x00\x00", 6) << bad;
    QTest::newRow("JPEG segment past the end") << QByteArray("\xFF\xD8\xFF\xE0\xFF\xFF", 6) << bad;
    QTest::newRow("JPEG garbage after SOI") << QByteArray("\xFF\xD8\xFF\x00\x12\x34", 6) << bad;
    QTest::newRow("GIF") << QByteArray("GIF89a\x01\x00\x01\x00") << bad;
    QTest::newRow("empty") << QByteArray() << bad;
    QByteArray large = png(64, 64);
    large.append(QByteArray(AvatarRules::MaxBytes - large.size(), '\0'));
    QTest::newRow("PNG at the byte cap") << large << Accepted;
    large.append('\0');
    QTest::newRow("PNG one byte over the cap") << large << fails(ErrorCode::TooLarge);
}

void TestDomainRules::avatars()
{
    QFETCH(QByteArray, bytes);
    QFETCH(Outcome, expected);
    BANTER_COMPARE_OUTCOME(AvatarRules::validateAvatar(bytes), expected);
    if (!expected) {
        const Result<AvatarRules::ImageInfo> info = AvatarRules::readImageInfo(bytes);
        QVERIFY(info);
        QCOMPARE(info->width, info->height);
        QCOMPARE(info->format,
                 bytes.startsWith("\x89PNG") ? AvatarRules::Format::Png
                                             : AvatarRules::Format::Jpeg);
    }
}

namespace {
QByteArray littleEndian(quint32 value, int width)
{
    QByteArray bytes;
    for (int i = 0; i < width; ++i)
        bytes.append(char((value >> (8 * i)) & 0xFF));
    return bytes;
}

QByteArray pngHeader(quint32 width, quint32 height)
{
    QByteArray png("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR", 16);
    for (quint32 v : {width, height})
        for (int shift = 24; shift >= 0; shift -= 8)
            png.append(char((v >> shift) & 0xFF));
    return png + QByteArray("\x08\x02\x00\x00\x00\x00\x00\x00\x00", 9);
}

QByteArray webp(const QByteArray &chunk, const QByteArray &payload)
{
    return "RIFF" + littleEndian(100, 4) + "WEBP" + chunk + littleEndian(80, 4) + payload
        + QByteArray(16, '\0');
}
} // namespace

void TestDomainRules::imageHeaderSizes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("width"); // 0: no known format; -1: refused as broken
    QTest::addColumn<int>("height");
    QTest::newRow("png") << pngHeader(640, 480) << 640 << 480;
    QTest::newRow("png cut short") << pngHeader(640, 480).left(20) << -1 << -1;
    QTest::newRow("gif") << QByteArray("GIF89a" + littleEndian(300, 2) + littleEndian(200, 2))
                         << 300 << 200;
    QTest::newRow("gif cut short") << QByteArray("GIF89a\x01") << -1 << -1;
    QTest::newRow("gif of no size") << QByteArray("GIF87a" + littleEndian(0, 4)) << -1 << -1;
    QTest::newRow("webp extended")
        << webp("VP8X", littleEndian(0, 4) + littleEndian(1919, 3) + littleEndian(1079, 3)) << 1920
        << 1080;
    const quint32 lossless = (99u) | (49u << 14);
    QTest::newRow("webp lossless") << webp("VP8L", "\x2f" + littleEndian(lossless, 4)) << 100 << 50;
    QTest::newRow("webp lossless without signature")
        << webp("VP8L", "\x00" + littleEndian(lossless, 4)) << -1 << -1;
    QTest::newRow("webp lossy") << webp(
        "VP8 ", littleEndian(0, 3) + "\x9d\x01\x2a" + littleEndian(800, 2) + littleEndian(600, 2))
                                << 800 << 600;
    QTest::newRow("webp lossy without start code")
        << webp("VP8 ", littleEndian(0, 3) + "abc" + littleEndian(800, 2) + littleEndian(600, 2))
        << -1 << -1;
    QTest::newRow("webp cut short") << QByteArray("RIFF\x01\x00\x00\x00WEBPVP8X", 16) << -1 << -1;
    QTest::newRow("webp of another chunk") << webp("ALPH", QByteArray(10, '\0')) << -1 << -1;
    QTest::newRow("bmp: not read") << QByteArray("BM" + QByteArray(60, '\0')) << 0 << 0;
    QTest::newRow("empty") << QByteArray() << 0 << 0;
}

void TestDomainRules::imageHeaderSizes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, width);
    QFETCH(int, height);
    const Result<std::optional<ImageHeader::Size>> size = ImageHeader::sizeOf(bytes);
    if (width < 0) {
        QVERIFY(!size);
        QCOMPARE(size.error().code, ErrorCode::BadRequest);
        return;
    }
    QVERIFY(size);
    if (width == 0) {
        QVERIFY(!size->has_value());
        return;
    }
    QVERIFY(size->has_value());
    QCOMPARE((**size), (ImageHeader::Size{width, height}));
}

void TestDomainRules::thumbnails_data()
{
    QTest::addColumn<QByteArray>("thumbnail");
    QTest::addColumn<int>("width"); // of the image
    QTest::addColumn<int>("height");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("none") << QByteArray() << 640 << 480 << true;
    QTest::newRow("shrunk") << pngHeader(320, 240) << 640 << 480 << true;
    QTest::newRow("rounded") << pngHeader(320, 213) << 1500 << 1000 << true;
    QTest::newRow("small image kept") << pngHeader(40, 30) << 40 << 30 << true;
    QTest::newRow("over the side") << pngHeader(321, 240) << 6400 << 4800 << false;
    QTest::newRow("huge") << pngHeader(30000, 30000) << 30000 << 30000 << false;
    QTest::newRow("larger than the image") << pngHeader(80, 60) << 40 << 30 << false;
    QTest::newRow("another shape") << pngHeader(320, 320) << 640 << 480 << false;
    QTest::newRow("not an image") << QByteArray("hello") << 640 << 480 << false;
    QTest::newRow("a gif") << QByteArray("GIF89a" + littleEndian(32, 2) + littleEndian(24, 2))
                           << 640 << 480 << false;
    QTest::newRow("broken png") << pngHeader(320, 240).left(20) << 640 << 480 << false;
}

void TestDomainRules::thumbnails()
{
    QFETCH(QByteArray, thumbnail);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(bool, accepted);
    Attachment a;
    a.fileId = u"f"_s;
    a.width = width;
    a.height = height;
    a.thumbnail = thumbnail;
    const Status status = ImageHeader::validateThumbnail(MessageType::Image, a);
    QCOMPARE(status.ok(), accepted);
    if (!accepted)
        QCOMPARE(status.error().code, ErrorCode::BadRequest);
}

void TestDomainRules::shownNameFallsBackToUsername()
{
    User user{42, u"alice"_s, QString(), 0};
    QCOMPARE(user.shownName(), u"alice"_s);
    user.displayName = u"Alice A."_s;
    QCOMPARE(user.shownName(), u"Alice A."_s);
}

void TestDomainRules::groupNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Outcome>("expected");
    const Outcome bad = fails(ErrorCode::BadRequest);
    QTest::newRow("plain") << u"Team"_s << Accepted;
    QTest::newRow("unicode") << u"Team 🚀"_s << Accepted;
    QTest::newRow("100 characters") << QString(100, u'n') << Accepted;
    QTest::newRow("100 emoji") << emoji(100) << Accepted;
    QTest::newRow("empty") << QString() << bad;
    QTest::newRow("blank") << u"  \n"_s << bad;
    QTest::newRow("101 characters") << QString(101, u'n') << fails(ErrorCode::TooLarge);
    QTest::newRow("nul") << u"Te\0am"_s << bad;
    QTest::newRow("lone surrogate") << u"Team"_s + loneHigh << bad;
}

void TestDomainRules::groupNames()
{
    QFETCH(QString, name);
    QFETCH(Outcome, expected);
    BANTER_COMPARE_OUTCOME(ConversationRules::validateGroupName(name), expected);
}

void TestDomainRules::membership()
{
    const Conversation group = conversationOf(ConversationType::Group);
    QVERIFY(group.isMember(1));
    QVERIFY(group.isMember(2));
    QVERIFY(!group.isMember(3));
    QVERIFY(!group.isMember(0));
    QVERIFY(group.isAdmin(1));
    QVERIFY(!group.isAdmin(2));
    QVERIFY(!group.isAdmin(3));
    QVERIFY(group.participant(2));
    QCOMPARE(group.participant(2)->username, u"bob"_s);
    QVERIFY(!group.participant(3));
    QVERIFY(!Conversation().isMember(1));
}

void TestDomainRules::checkMember_data()
{
    QTest::addColumn<ConversationType>("type");
    QTest::addColumn<UserId>("user");
    QTest::addColumn<Outcome>("expected");
    const Outcome notFound = fails(ErrorCode::NotFound);
    QTest::newRow("group admin") << ConversationType::Group << UserId(1) << Accepted;
    QTest::newRow("group member") << ConversationType::Group << UserId(2) << Accepted;
    QTest::newRow("group non-member") << ConversationType::Group << UserId(3) << notFound;
    QTest::newRow("group, no user") << ConversationType::Group << UserId(0) << notFound;
    QTest::newRow("private member") << ConversationType::Private << UserId(2) << Accepted;
    QTest::newRow("private non-member") << ConversationType::Private << UserId(3) << notFound;
}

void TestDomainRules::checkMember()
{
    QFETCH(ConversationType, type);
    QFETCH(UserId, user);
    QFETCH(Outcome, expected);
    BANTER_COMPARE_OUTCOME(ConversationRules::checkMember(conversationOf(type), user), expected);
}

void TestDomainRules::checkCanManage_data()
{
    QTest::addColumn<ConversationType>("type");
    QTest::addColumn<UserId>("user");
    QTest::addColumn<Outcome>("expected");
    const Outcome forbidden = fails(ErrorCode::Forbidden);
    const Outcome notFound = fails(ErrorCode::NotFound);
    QTest::newRow("group admin") << ConversationType::Group << UserId(1) << Accepted;
    QTest::newRow("group member") << ConversationType::Group << UserId(2) << forbidden;
    QTest::newRow("group non-member") << ConversationType::Group << UserId(3) << notFound;
    // Private conversations never change, whatever the role says.
    QTest::newRow("private, admin role") << ConversationType::Private << UserId(1) << forbidden;
    QTest::newRow("private member") << ConversationType::Private << UserId(2) << forbidden;
    // A non-member learns nothing, not even that the conversation is private.
    QTest::newRow("private non-member") << ConversationType::Private << UserId(3) << notFound;
}

void TestDomainRules::checkCanManage()
{
    QFETCH(ConversationType, type);
    QFETCH(UserId, user);
    QFETCH(Outcome, expected);
    BANTER_COMPARE_OUTCOME(ConversationRules::checkCanManage(conversationOf(type), user), expected);
}

void TestDomainRules::enumNames_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("name"); // the wire name: append only, never renamed
    const auto row = [](const char *kind, auto value, const char *name) {
        QTest::addRow("%s::%s", kind, name)
            << QString::fromLatin1(kind) << int(value) << QString::fromLatin1(name);
    };
    row("MessageType", MessageType::Text, "text");
    row("MessageType", MessageType::Image, "image");
    row("MessageType", MessageType::File, "file");
    row("MessageType", MessageType::System, "system");
    row("MessageStatus", MessageStatus::Sending, "sending");
    row("MessageStatus", MessageStatus::Sent, "sent");
    row("MessageStatus", MessageStatus::Delivered, "delivered");
    row("MessageStatus", MessageStatus::Read, "read");
    row("ConversationType", ConversationType::Private, "private");
    row("ConversationType", ConversationType::Group, "group");
    row("ParticipantRole", ParticipantRole::Member, "member");
    row("ParticipantRole", ParticipantRole::Admin, "admin");
    row("PresenceStatus", PresenceStatus::Offline, "offline");
    row("PresenceStatus", PresenceStatus::Online, "online");
    row("PresenceStatus", PresenceStatus::Away, "away");
}

void TestDomainRules::enumNames()
{
    QFETCH(QString, kind);
    QFETCH(int, value);
    QFETCH(QString, name);
    const EnumNames names = namesOfKind(kind);
    QCOMPARE(names.name(value), name);
    QCOMPARE(names.value(name), std::optional<int>(value));
}

void TestDomainRules::enumNamesAreDistinct()
{
    for (const char *kind : enumKinds) {
        const EnumNames names = namesOfKind(QString::fromLatin1(kind));
        QSet<QString> seen;
        for (int v = 0; v < names.count; ++v) {
            const QString name = names.name(v);
            QVERIFY2(!name.isEmpty(), kind);
            seen.insert(name);
        }
        QVERIFY2(seen.size() == names.count, kind);
    }
}

void TestDomainRules::unknownEnumNames_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("name");
    const auto row = [](const char *kind, const QString &name) {
        QTest::addRow("%s '%s'", kind, qPrintable(name)) << QString::fromLatin1(kind) << name;
    };
    for (const char *kind : enumKinds) {
        row(kind, QString());
        row(kind, u"0"_s);
        row(kind, u"unknown"_s);
    }
    row("MessageType", u"Text"_s);
    row("MessageType", u"TEXT"_s);
    row("MessageType", u" text"_s);
    row("MessageType", u"text "_s);
    row("MessageType", u"video"_s);
    row("MessageType", u"online"_s);
    row("MessageStatus", u"Sent"_s);
    row("MessageStatus", u"pending"_s);
    row("MessageStatus", u"seen"_s);
    row("ConversationType", u"Group"_s);
    row("ConversationType", u"direct"_s);
    row("ConversationType", u"channel"_s);
    row("ParticipantRole", u"Admin"_s);
    row("ParticipantRole", u"owner"_s);
    row("ParticipantRole", u"moderator"_s);
    row("PresenceStatus", u"ONLINE"_s);
    row("PresenceStatus", u"busy"_s);
    row("PresenceStatus", u"invisible"_s);
}

void TestDomainRules::unknownEnumNames()
{
    QFETCH(QString, kind);
    QFETCH(QString, name);
    QVERIFY(!namesOfKind(kind).value(name));
}

void TestDomainRules::errorCodeNames_data()
{
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("name"); // the wire name from docs/PROTOCOL.md, section 4
    const auto row = [](ErrorCode code, const char *name) {
        QTest::newRow(name) << code << QString::fromLatin1(name);
    };
    row(ErrorCode::BadRequest, "bad_request");
    row(ErrorCode::UnknownType, "unknown_type");
    row(ErrorCode::UnsupportedVersion, "unsupported_version");
    row(ErrorCode::Unauthenticated, "unauthenticated");
    row(ErrorCode::InvalidCredentials, "invalid_credentials");
    row(ErrorCode::TokenExpired, "token_expired");
    row(ErrorCode::Forbidden, "forbidden");
    row(ErrorCode::NotFound, "not_found");
    row(ErrorCode::Conflict, "conflict");
    row(ErrorCode::RateLimited, "rate_limited");
    row(ErrorCode::TooLarge, "too_large");
    row(ErrorCode::LimitExceeded, "limit_exceeded");
    row(ErrorCode::RegistrationClosed, "registration_closed");
    row(ErrorCode::Blocked, "blocked");
    row(ErrorCode::Internal, "internal");
    row(ErrorCode::Unavailable, "unavailable");
    row(ErrorCode::InvitationInvalid, "invitation_invalid");
    row(ErrorCode::InvitationExpired, "invitation_expired");
    row(ErrorCode::InvitationUsed, "invitation_used");
}

void TestDomainRules::errorCodeNames()
{
    QFETCH(ErrorCode, code);
    QFETCH(QString, name);
    QCOMPARE(errorCodeName(code), name);
    QCOMPARE(errorCodeFromName(name), std::optional<ErrorCode>(code));
}

void TestDomainRules::errorCodeNamesAreDistinct()
{
    constexpr ErrorCode Newest = ErrorCode::InvitationUsed; // the last one appended
    QSet<QString> names;
    for (int c = int(ErrorCode::BadRequest); c <= int(Newest); ++c) {
        const QString name = errorCodeName(ErrorCode(c));
        QVERIFY(!name.isEmpty());
        names.insert(name);
        QCOMPARE(errorCodeFromName(name), std::optional<ErrorCode>(ErrorCode(c)));
    }
    QCOMPARE(names.size(), int(Newest) + 1);
    // A value outside the enum (from a corrupted cast) is still reported as something valid.
    QCOMPARE(errorCodeName(ErrorCode(int(Newest) + 1)), u"internal"_s);
}

void TestDomainRules::unknownErrorCodeNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("teapot") << u"teapot"_s;
    QTest::newRow("enumerator spelling") << u"BadRequest"_s;
    QTest::newRow("upper case") << u"BAD_REQUEST"_s;
    QTest::newRow("hyphen") << u"bad-request"_s;
    QTest::newRow("trailing space") << u"not_found "_s;
    QTest::newRow("number") << u"0"_s;
}

void TestDomainRules::unknownErrorCodeNames()
{
    QFETCH(QString, name);
    QVERIFY(!errorCodeFromName(name));
}

void TestDomainRules::resultCarriesValueOrError()
{
    const Result<int> value = 5;
    QVERIFY(value.ok());
    QCOMPARE(*value, 5);
    const Result<int> error = makeError(ErrorCode::RateLimited, u"slow down"_s, 1500);
    QVERIFY(!error);
    QCOMPARE(error.error().code, ErrorCode::RateLimited);
    QCOMPARE(error.error().message, u"slow down"_s);
    QCOMPARE(error.error().retryAfterMs, 1500);
    QVERIFY(success().ok());
    QCOMPARE(Error().code, ErrorCode::Internal);
}

void TestDomainRules::messageIdsAreVersion7()
{
    QSet<QUuid> seen;
    for (int i = 0; i < 1000; ++i) {
        const QUuid id = newMessageId();
        // Read from the bits: Qt 6.4's QUuid::version() knows only versions 1 to 5.
        QCOMPARE(id.data3 >> 12, 7);
        QCOMPARE(id.data4[0] & 0xC0, 0x80); // the RFC 9562 variant
        QCOMPARE(id.variant(), QUuid::DCE);
        QVERIFY(!id.isNull());
        seen.insert(id);
    }
    QCOMPARE(seen.size(), 1000); // 74 random bits: no collisions within one millisecond
    // The time is the first 48 bits, most significant first.
    const QUuid at = newMessageId(0x0123'4567'89ABll);
    QCOMPARE(at.toString(QUuid::WithoutBraces).left(13), u"01234567-89ab"_s);
}

// What makes the server's id index grow at its end: the text form the server stores sorts
// in time order.
void TestDomainRules::messageIdsSortByTime()
{
    QString previous;
    for (qint64 ms = 1'700'000'000'000; ms < 1'700'000'000'000 + 5000; ms += 7) {
        const QString id = newMessageId(ms).toString(QUuid::WithoutBraces);
        QVERIFY2(id > previous, qPrintable(id + u" after "_s + previous));
        previous = id;
    }
}

void TestDomainRules::reactionEmoji_data()
{
    QTest::addColumn<QString>("emoji");
    QTest::addColumn<int>("code"); // -1: valid
    QTest::newRow("thumb") << u"👍"_s << -1;
    QTest::newRow("skin tone") << u"👍🏽"_s << -1;
    QTest::newRow("ZWJ family") << u"👨‍👩‍👧‍👦"_s << -1;
    QTest::newRow("flag") << u"🇨🇳"_s << -1;
    QTest::newRow("keycap") << u"1️⃣"_s << -1;
    QTest::newRow("heart with selector") << u"❤️"_s << -1;
    QTest::newRow("CJK character") << u"好"_s << -1;
    QTest::newRow("empty") << QString() << int(ErrorCode::BadRequest);
    QTest::newRow("two") << u"👍👎"_s << int(ErrorCode::BadRequest);
    QTest::newRow("word") << u"ok"_s << int(ErrorCode::BadRequest);
    QTest::newRow("space") << u" "_s << int(ErrorCode::BadRequest);
    QTest::newRow("newline") << u"\n"_s << int(ErrorCode::BadRequest);
    QTest::newRow("NUL") << QString(QChar(0)) << int(ErrorCode::BadRequest);
    QTest::newRow("lone surrogate") << QString(QChar(0xDC00)) << int(ErrorCode::BadRequest);
    QTest::newRow("65 bytes") << (u"e"_s + QString(32, QChar(0x0301))) << int(ErrorCode::TooLarge);
}

void TestDomainRules::reactionEmoji()
{
    QFETCH(QString, emoji);
    QFETCH(int, code);
    const Status status = MessageContent::validateEmoji(emoji);
    if (code < 0)
        QVERIFY2(status, qPrintable(status ? QString() : status.error().message));
    else
        QCOMPARE(int(status.error().code), code);
}

void TestDomainRules::mentionedUsernames_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("one") << u"hi @bob"_s << QStringList{u"bob"_s};
    QTest::newRow("case and punctuation")
        << u"@Bob, @carol. (@dave_1)"_s << QStringList{u"bob"_s, u"carol"_s, u"dave_1"_s};
    QTest::newRow("once each") << u"@bob @bob"_s << QStringList{u"bob"_s};
    QTest::newRow("address is not a mention") << u"mail a@bob.com"_s << QStringList{};
    QTest::newRow("too short") << u"@al"_s << QStringList{};
    QTest::newRow("CJK around") << u"你好@bob谢谢"_s << QStringList{u"bob"_s};
    QString many;
    for (int i = 0; i < MessageContent::MaxMentions + 10; ++i)
        many += u" @user%1"_s.arg(i);
    QStringList bounded;
    for (int i = 0; i < MessageContent::MaxMentions; ++i)
        bounded.append(u"user%1"_s.arg(i));
    QTest::newRow("bounded") << many << bounded;
}

void TestDomainRules::mentionedUsernames()
{
    QFETCH(QString, text);
    QFETCH(QStringList, names);
    QCOMPARE(MessageContent::mentionedUsernames(text), names);
}

namespace {
Message changeEvent(const Message &target, Seq seq, UserId by, const SystemEvent &event,
                    const QString &content = {})
{
    Message m;
    m.id = QUuid::createUuid();
    m.conversationId = target.conversationId;
    m.seq = seq;
    m.senderId = by;
    m.type = MessageType::System;
    m.event = event;
    m.content = content;
    m.createdAtMs = 1000 + seq;
    return m;
}
} // namespace

void TestDomainRules::changesApplyInStreamOrder()
{
    Message m;
    m.id = QUuid::createUuid();
    m.conversationId = 7;
    m.seq = 3;
    m.senderId = 1;
    m.content = u"helo"_s;
    const UserId me = 2;
    QList<Message> stream{
        changeEvent(m, 4, 1, SystemEvent::messageEdited(m.id, 3), u"hello"_s),
        changeEvent(m, 5, 2, SystemEvent::reactionAdded(m.id, 3, u"👍"_s, 1)),
        changeEvent(m, 6, 1, SystemEvent::reactionAdded(m.id, 3, u"👍"_s, 2)),
        changeEvent(m, 7, 1, SystemEvent::reactionAdded(m.id, 3, u"🎉"_s, 1)),
        changeEvent(m, 8, 2, SystemEvent::reactionRemoved(m.id, 3, u"👍"_s, 1)),
        changeEvent(m, 9, 1, SystemEvent::messageEdited(m.id, 3), u"hello!"_s),
    };
    Message live = m;
    for (const Message &e : stream)
        QVERIFY(MessageChange::apply(live, e, me));
    QCOMPARE(live.content, u"hello!"_s);
    QCOMPARE(live.editedAtMs, 1009);
    QCOMPARE(live.reactions, (QList<Reaction>{{u"👍"_s, 1, false}, {u"🎉"_s, 1, false}}));
    // Applying the same stream again (a duplicate delivery) changes nothing more...
    Message twice = live;
    for (const Message &e : stream)
        MessageChange::apply(twice, e, me);
    QCOMPARE(twice.reactions, live.reactions);
    QCOMPARE(twice.content, live.content);
    // ...and a deletion wins over whatever follows it.
    QVERIFY(MessageChange::apply(live, changeEvent(m, 10, 1, SystemEvent::messageDeleted(m.id, 3)),
                                 me));
    QVERIFY(live.isDeleted());
    QVERIFY(live.content.isEmpty() && live.reactions.isEmpty());
    QVERIFY(!MessageChange::apply(live, stream.last(), me));
    QVERIFY(!MessageChange::apply(live, stream.at(1), me));
    QVERIFY(live.content.isEmpty());
}

void TestDomainRules::changesNameTheirMessage()
{
    Message a;
    a.id = QUuid::createUuid();
    a.content = u"a"_s;
    Message b = a;
    b.id = QUuid::createUuid();
    const Message edit = changeEvent(a, 5, 1, SystemEvent::messageEdited(a.id, 1), u"x"_s);
    QVERIFY(!MessageChange::apply(b, edit, 1));
    QCOMPARE(b.content, u"a"_s);
    // A message that is not a change applies to nothing.
    Message plain = edit;
    plain.event.reset();
    plain.type = MessageType::Text;
    QVERIFY(!MessageChange::apply(a, plain, 1));
    Message membership = edit;
    membership.event = SystemEvent::renamed(u"x"_s);
    QVERIFY(!MessageChange::apply(a, membership, 1));
}

void TestDomainRules::replyPreviewsFollowTheOriginal()
{
    Message original;
    original.id = QUuid::createUuid();
    Message reply;
    reply.id = QUuid::createUuid();
    reply.replyTo = original.id;
    reply.replyPreview = ReplyPreview{1, MessageType::Text, u"old"_s, false};
    QVERIFY(MessageChange::applyToReply(reply,
                                        changeEvent(original, 5, 1,
                                                    SystemEvent::messageEdited(original.id, 1),
                                                    QString(150, u'n'))));
    QCOMPARE(reply.replyPreview->snippet, QString(ReplyPreview::MaxSnippetLength, u'n'));
    QVERIFY(MessageChange::applyToReply(
        reply, changeEvent(original, 6, 1, SystemEvent::messageDeleted(original.id, 1))));
    QVERIFY(reply.replyPreview->deleted);
    QVERIFY(reply.replyPreview->snippet.isEmpty());
    // Reactions to the original leave the reply alone.
    QVERIFY(!MessageChange::applyToReply(
        reply, changeEvent(original, 7, 1, SystemEvent::reactionAdded(original.id, 1, u"👍"_s, 1))));
}

QTEST_GUILESS_MAIN(TestDomainRules)
#include "tst_domainrules.moc"
