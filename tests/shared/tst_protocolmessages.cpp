// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Every request, reply and push, and the JSON form of every domain type, survives
// encode → text → decode unchanged; malformed variants of each are refused with the right
// error code; optional fields get their documented defaults; wire names stay put.
//
// The file is long because the malformed table is: one builder (Cases) makes the rows for a
// field kind (id, string, integer, ...), and every struct lists its fields once.
#include "testoutcome.h"
#include <banter/domain/messagecontent.h>
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/conversationmessages.h>
#include <banter/protocol/domainjson.h>
#include <banter/protocol/frame.h>
#include <banter/protocol/memberdeltas.h>
#include <banter/protocol/peoplemessages.h>
#include <banter/protocol/replybudget.h>
#include <banter/protocol/sessionmessages.h>
#include <banter/protocol/transfermessages.h>
#include <banter/protocol/types.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <functional>
#include <limits>

using namespace Banter;
using namespace Banter::Protocol;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
// Type-erased decoding and round-trip checks, so one table covers every struct.
using Decoder = std::function<Status(const QJsonObject &)>;
using RoundTrip = std::function<QString()>; // empty when the value came back unchanged
} // namespace

Q_DECLARE_METATYPE(Decoder)
Q_DECLARE_METATYPE(RoundTrip)

namespace {
constexpr qint64 TwoPow53 = qint64(1) << 53;
const QString uuidText = u"6f1c7d6e-7b39-4d1b-9d63-0b1a3a0d9a11"_s;

QString emoji(int count)
{
    return u"\U0001F600"_s.repeated(count);
}

QByteArray toText(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// --- Samples: every field differs from its default --------------------------------------

User sampleUser()
{
    return User{42, u"alice"_s, u"Alice A. 🌸"_s, 1700000000000, 7};
}

Attachment sampleAttachment()
{
    return Attachment{u"sha256-abc"_s,
                      u"cat 🐱.png"_s,
                      2048,
                      u"image/png"_s,
                      640,
                      480,
                      "\x89PNG\r\n\x1a\n\0\xff"_ba};
}

Message sampleMessage()
{
    Message m;
    m.id = QUuid::fromString(uuidText);
    m.conversationId = 7;
    m.seq = 19;
    m.senderId = 42;
    m.type = MessageType::Image;
    m.content = u"look 👀"_s;
    m.attachment = sampleAttachment();
    m.createdAtMs = 1700000000123;
    return m;
}

Message sampleSystemMessage()
{
    Message m;
    m.id = QUuid::fromString(u"0b6b1c7d-6e7b-494d-8b9d-630b1a3a0d9a"_s);
    m.conversationId = 7;
    m.seq = 1;
    m.senderId = 42;
    m.type = MessageType::System;
    m.event = SystemEvent::groupCreated(u"Team"_s, {43, 44});
    m.createdAtMs = 1700000000000;
    return m;
}

Participant sampleParticipant()
{
    return {42, ParticipantRole::Admin, u"alice"_s, u"Alice"_s, 1700000000001, 19, 18};
}

Conversation sampleConversation()
{
    Conversation c;
    c.id = 7;
    c.type = ConversationType::Group;
    c.name = u"Team 🚀"_s;
    c.createdAtMs = 1700000000000;
    c.lastSeq = 19;
    c.participants = {sampleParticipant(),
                      {43, ParticipantRole::Member, u"bob"_s, QString(), 1700000000002, 3, 12}};
    return c;
}

Presence samplePresence()
{
    return {43, PresenceStatus::Away, 1700000000999};
}

ConversationSummary sampleSummary()
{
    return {sampleConversation(), sampleMessage(), 3};
}

Contact sampleContact()
{
    return {sampleUser(), samplePresence(), true};
}

SendMessageRequest sampleSend()
{
    SendMessageRequest send;
    send.id = QUuid::fromString(uuidText);
    send.conversationId = 7;
    send.type = MessageType::Image;
    send.content = u"look 👀"_s;
    send.attachment = sampleAttachment();
    return send;
}

SendMessageRequest sampleSendTo()
{
    SendMessageRequest send;
    send.id = QUuid::fromString(uuidText);
    send.to = 43;
    send.type = MessageType::File;
    send.content = u"the report"_s;
    send.attachment = Attachment{u"f-1"_s, u"report.pdf"_s, 99, u"application/pdf"_s, 0, 0, {}};
    return send;
}

HelloReply sampleHelloReply()
{
    return {
        2, u"banterd/0.2"_s, ServerLimits{4000, 32768, 80, 400, 250, false, 30, 60, true, 900}, {}};
}

AuthGrant sampleGrant()
{
    return {sampleUser(), 9, u"eyJ.a.b"_s, 1700000900000, u"Zk3-refresh"_s};
}

SessionsReply sampleSessions()
{
    return {{{9, u"laptop"_s, 1700000000000, 1700000000500, true},
             {10, u"phone 📱"_s, 1700000000100, 1700000000200, false}}};
}

SyncRequest sampleSync()
{
    SyncRequest sync;
    sync.positions = {{7, 19}, {8, 0}, {MaxJsonSafeInteger, MaxJsonSafeInteger}};
    sync.limit = 300;
    return sync;
}

SyncReply sampleSyncReply()
{
    return {{sampleConversation()}, {sampleSystemMessage(), sampleMessage()}, true, {8, 9}};
}

// --- Round trips --------------------------------------------------------------------------

template<typename T, typename Encode, typename Decode>
RoundTrip roundTripOf(T value, Encode encode, Decode decode)
{
    return [value, encode, decode]() -> QString {
        if (value == T{})
            return u"the sample has only default values"_s;
        const QByteArray text = toText(encode(value)); // through text, as on the wire
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(text, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            return u"toJson() made something that is not a JSON object"_s;
        const Result<T> decoded = decode(document.object());
        if (!decoded)
            return describe(decoded);
        const QByteArray again = toText(encode(*decoded));
        if (!(*decoded == value))
            return u"changed on the way: "_s + QString::fromUtf8(text) + u" came back as "_s
                + QString::fromUtf8(again);
        if (again != text)
            return u"encodes differently the second time"_s;
        return {};
    };
}

template<typename T>
RoundTrip roundTripOf(T value)
{
    return roundTripOf(
        value, [](const T &v) { return v.toJson(); }, &T::fromJson);
}

template<typename T>
RoundTrip domainRoundTripOf(T value, Result<T> (*decode)(const QJsonObject &))
{
    return roundTripOf(
        value, [](const T &v) { return Protocol::toJson(v); }, decode);
}

// --- Malformed input ----------------------------------------------------------------------

template<typename T>
Decoder decoderOf(Result<T> (*decode)(const QJsonObject &))
{
    return [decode](const QJsonObject &object) -> Status {
        const Result<T> result = decode(object);
        if (!result)
            return result.error();
        return success();
    };
}

template<typename T>
Decoder decoderOf()
{
    return decoderOf<T>(&T::fromJson);
}

// Sets (or, without a value, removes) the member at a '/'-separated path such as
// "members/0/role"; numeric segments index arrays.
QJsonValue patched(const QJsonValue &node, QStringView path, const std::optional<QJsonValue> &value)
{
    const qsizetype slash = path.indexOf(u'/');
    const QStringView head = slash < 0 ? path : path.left(slash);
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const int index = head.toInt();
        if (slash >= 0)
            array[index] = patched(array.at(index), path.mid(slash + 1), value);
        else if (value)
            array[index] = *value;
        else
            array.removeAt(index);
        return array;
    }
    QJsonObject object = node.toObject();
    const QString key = head.toString();
    if (slash >= 0)
        object.insert(key, patched(object.value(key), path.mid(slash + 1), value));
    else if (value)
        object.insert(key, *value);
    else
        object.remove(key);
    return object;
}

// Strings the JSON writer cannot produce, spliced into the text afterwards so that
// QJsonDocument itself parses the escapes.
const QString loneHigh = u"@lone-high@"_s;
const QString loneLow = u"@lone-low@"_s;
const QString nul = u"@nul@"_s;

QJsonArray numbers(int count)
{
    QJsonArray array;
    for (int i = 1; i <= count; ++i)
        array.append(i);
    return array;
}

const Outcome bad = fails(ErrorCode::BadRequest);
const Outcome tooLarge = fails(ErrorCode::TooLarge);

// Adds rows "<subject>: <what>" for one decoder, each a variant of a valid object.
class Cases
{
public:
    // Either: one of two alternative fields, whose absence the struct's rows cover.
    enum Need { Required, Optional, Either };

    Cases(const char *subject, Decoder decode, QJsonObject valid)
        : m_subject(subject)
        , m_decode(std::move(decode))
        , m_valid(std::move(valid))
    {
        row(u"valid"_s, m_valid, Accepted);
        set(u"unknown field ignored"_s, u"x_unknown"_s, QJsonObject{{u"a"_s, 1}}, Accepted);
    }

    void row(const QString &what, const QJsonObject &object, Outcome expected) const
    {
        QByteArray text = toText(object);
        text.replace(loneHigh.toUtf8(), R"(\ud800)").replace(loneLow.toUtf8(), R"(\udc00)");
        text.replace(nul.toUtf8(), R"(\u0000)");
        QTest::addRow("%s: %s", m_subject, qPrintable(what)) << m_decode << text << expected;
    }
    void set(const QString &what, const QString &path, const QJsonValue &value,
             Outcome expected) const
    {
        row(what, patched(m_valid, path, value).toObject(), expected);
    }
    void remove(const QString &what, const QString &path, Outcome expected) const
    {
        row(what, patched(m_valid, path, std::nullopt).toObject(), expected);
    }

    // Missing and null are the same: refused when required, accepted when optional.
    void absent(const QString &path, Need need) const
    {
        if (need == Either)
            return;
        const Outcome expected = need == Required ? bad : Accepted;
        remove(path + u" missing"_s, path, expected);
        set(path + u" null"_s, path, QJsonValue(), expected);
    }

    void id(const QString &path, Need need = Required) const
    {
        absent(path, need);
        set(path + u" 1"_s, path, 1, Accepted);
        set(path + u" 2^53-1"_s, path, MaxJsonSafeInteger, Accepted);
        set(path + u" a string"_s, path, u"7"_s, bad);
        set(path + u" a fraction"_s, path, 7.5, bad);
        set(path + u" negative"_s, path, -7, bad);
        set(path + u" zero"_s, path, 0, bad);
        set(path + u" 2^53"_s, path, TwoPow53, bad);
        set(path + u" 2^53+1"_s, path, TwoPow53 + 1, bad);
        set(path + u" 2^63-1"_s, path, std::numeric_limits<qint64>::max(), bad);
        set(path + u" 1e300"_s, path, 1e300, bad);
        set(path + u" a boolean"_s, path, true, bad);
        set(path + u" an array"_s, path, QJsonArray{7}, bad);
        set(path + u" an object"_s, path, QJsonObject(), bad);
    }

    void string(const QString &path, int maxChars, Need need = Required) const
    {
        absent(path, need);
        set(path + u" a number"_s, path, 5, bad);
        set(path + u" a boolean"_s, path, true, bad);
        set(path + u" an array"_s, path, QJsonArray{u"x"_s}, bad);
        set(path + u" an object"_s, path, QJsonObject(), bad);
        set(path + u" at the cap"_s, path, QString(maxChars, u'x'), Accepted);
        set(path + u" at the cap in emoji"_s, path, emoji(maxChars), Accepted);
        set(path + u" over the cap"_s, path, QString(maxChars + 1, u'x'), tooLarge);
        set(path + u" over the cap in emoji"_s, path, emoji(maxChars + 1), tooLarge);
        set(path + u" with a lone high surrogate"_s, path, QString(u"a"_s + loneHigh), bad);
        set(path + u" with a lone low surrogate"_s, path, QString(loneLow + u"a"_s), bad);
        set(path + u" with NUL"_s, path, QString(u"a"_s + nul + u"b"_s), bad);
    }

    void integer(const QString &path, qint64 min, qint64 max, Need need = Required) const
    {
        absent(path, need);
        set(path + u" at the minimum"_s, path, min, Accepted);
        set(path + u" at the maximum"_s, path, max, Accepted);
        set(path + u" below the minimum"_s, path, min - 1, bad);
        set(path + u" above the maximum"_s, path, max + 1, bad);
        set(path + u" a fraction"_s, path, double(min) + 0.5, bad);
        set(path + u" a string"_s, path, QString::number(min), bad);
        set(path + u" a boolean"_s, path, false, bad);
    }

    void boolean(const QString &path, Need need = Required) const
    {
        absent(path, need);
        set(path + u" true"_s, path, true, Accepted);
        set(path + u" false"_s, path, false, Accepted);
        set(path + u" the string true"_s, path, u"true"_s, bad);
        set(path + u" the string false"_s, path, u"false"_s, bad);
        set(path + u" 1"_s, path, 1, bad);
        set(path + u" 0"_s, path, 0, bad);
        set(path + u" an array"_s, path, QJsonArray{true}, bad);
    }

    void object(const QString &path, Need need = Required) const
    {
        absent(path, need);
        set(path + u" a string"_s, path, u"{}"_s, bad);
        set(path + u" a number"_s, path, 1, bad);
        set(path + u" an array"_s, path, QJsonArray{QJsonObject()}, bad);
    }

    // A list of objects: entries are checked by the element decoder.
    void list(const QString &path, int maxCount, Need need = Required) const
    {
        absent(path, need);
        set(path + u" empty"_s, path, QJsonArray(), Accepted);
        set(path + u" an object"_s, path, QJsonObject(), bad);
        set(path + u" a string"_s, path, u"[]"_s, bad);
        set(path + u" with a number entry"_s, path, QJsonArray{1}, bad);
        set(path + u" with a null entry"_s, path, QJsonArray{QJsonValue()}, bad);
        set(path + u" with an empty object entry"_s, path, QJsonArray{QJsonObject()}, bad);
        set(path + u" over the cap"_s, path, numbers(maxCount + 1), tooLarge);
    }

    void idList(const QString &path, int maxCount, Need need, bool mayBeEmpty) const
    {
        absent(path, need);
        set(path + u" empty"_s, path, QJsonArray(), mayBeEmpty ? Accepted : bad);
        set(path + u" with duplicates"_s, path, QJsonArray{3, 3, 4}, Accepted);
        const int many = maxCount;
        set(path + u" with "_s + QString::number(many) + u" ids"_s, path, numbers(many), Accepted);
        set(path + u" over the cap"_s, path, numbers(maxCount + 1), tooLarge);
        set(path + u" an object"_s, path, QJsonObject{{u"1"_s, 1}}, bad);
        set(path + u" a number"_s, path, 5, bad);
        set(path + u" with a string id"_s, path, QJsonArray{u"1"_s}, bad);
        set(path + u" with a zero id"_s, path, QJsonArray{1, 0}, bad);
        set(path + u" with a negative id"_s, path, QJsonArray{-1}, bad);
        set(path + u" with a fraction"_s, path, QJsonArray{1.5}, bad);
        set(path + u" with 2^53"_s, path, QJsonArray{TwoPow53}, bad);
        set(path + u" with null"_s, path, QJsonArray{QJsonValue()}, bad);
        // QJsonValue spelled out: clang reads QJsonArray{QJsonArray{1}} as a copy of [1].
        set(path + u" nested"_s, path, QJsonArray{QJsonValue(QJsonArray{1})}, bad);
    }

    void names(const QString &path, const QStringList &accepted, const QStringList &refused,
               Need need = Required) const
    {
        absent(path, need);
        for (const QString &name : accepted)
            set(path + u" '"_s + name + u"'"_s, path, name, Accepted);
        for (const QString &name : refused)
            set(path + u" '"_s + name + u"'"_s, path, name, bad);
        set(path + u" a number"_s, path, 0, bad);
        set(path + u" with a lone surrogate"_s, path, loneHigh, bad);
    }

    void uuid(const QString &path) const
    {
        absent(path, Required);
        set(path + u" in braces"_s, path, QString(u'{' + uuidText + u'}'), Accepted);
        set(path + u" upper case"_s, path, uuidText.toUpper(), Accepted);
        set(path + u" empty"_s, path, QString(), bad);
        set(path + u" not a UUID"_s, path, u"not-a-uuid"_s, bad);
        set(path + u" without dashes"_s, path, QString(uuidText).remove(u'-'), bad);
        set(path + u" nil"_s, path, u"00000000-0000-0000-0000-000000000000"_s, bad);
        set(path + u" a number"_s, path, 42, bad);
        set(path + u" over 38 characters"_s, path, QString(u'{' + uuidText + u"}x"_s), tooLarge);
        set(path + u" with a lone surrogate"_s, path, QString(uuidText.left(35) + loneHigh), bad);
    }

    void base64(const QString &path, int maxBytes) const
    {
        absent(path, Optional);
        const auto encoded = [](int bytes) {
            return QString::fromLatin1(QByteArray(bytes, '\xab').toBase64());
        };
        set(path + u" empty"_s, path, QString(), Accepted);
        set(path + u" at the cap"_s, path, encoded(maxBytes), Accepted);
        set(path + u" one byte over the cap"_s, path, encoded(maxBytes + 1), tooLarge);
        set(path + u" far over the cap"_s, path, encoded(maxBytes * 2), tooLarge);
        set(path + u" not base64"_s, path, u"***"_s, bad);
        set(path + u" with a space"_s, path, u"aGVs bG8="_s, bad);
        set(path + u" in the URL alphabet"_s, path, u"-_-_"_s, bad);
        set(path + u" not ASCII"_s, path, u"aGVsbG8ü"_s, bad);
        set(path + u" a number"_s, path, 1234, bad);
    }

private:
    const char *m_subject;
    Decoder m_decode;
    QJsonObject m_valid;
};

constexpr auto Optional = Cases::Optional;
constexpr auto Required = Cases::Required;
constexpr qint64 MaxTime = MaxJsonSafeInteger;

void attachmentFields(const Cases &c, const QString &prefix)
{
    c.string(prefix + u"file_id"_s, 128);
    // No file is no attachment: it would vanish when encoded again (a fuzz finding).
    c.set(prefix + u"file_id empty"_s, prefix + u"file_id"_s, QString(), bad);
    c.string(prefix + u"name"_s, 255);
    c.integer(prefix + u"size"_s, 0, MaxJsonSafeInteger);
    c.string(prefix + u"mime_type"_s, 255, Optional);
    c.integer(prefix + u"width"_s, 0, 1 << 20, Optional);
    c.integer(prefix + u"height"_s, 0, 1 << 20, Optional);
    c.base64(prefix + u"thumbnail"_s, 16 * 1024);
    c.boolean(prefix + u"deleted"_s, Cases::Optional);
}
} // namespace

class TestProtocolMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void decoding_data();
    void decoding();
    void defaultsForOptionalFields();
    void nullMeansAbsent();
    void idListsDropDuplicates();
    void largestGroupFitsItsBound();
    void sendMessageWireShape();
    void attachmentWireShape();
    void wireNames_data();
    void wireNames();

private:
    void sessionCases();
    void conversationCases();
    void chatCases();
    void peopleCases();
    void domainCases();
};

void TestProtocolMessages::roundTrip_data()
{
    QTest::addColumn<RoundTrip>("check");
    // Domain JSON (domainjson.h).
    QTest::newRow("User") << domainRoundTripOf(sampleUser(), userFromJson);
    QTest::newRow("User at the caps") << domainRoundTripOf(
        User{MaxJsonSafeInteger, QString(32, u'z'), emoji(64), MaxTime}, userFromJson);
    QTest::newRow("Attachment") << domainRoundTripOf(sampleAttachment(), attachmentFromJson);
    QTest::newRow("Attachment, largest thumbnail") << domainRoundTripOf(
        Attachment{QString(128, u'f'), emoji(255), MaxJsonSafeInteger, QString(255, u'm'), 1 << 20,
                   1 << 20, QByteArray(16 * 1024, '\xfe')},
        attachmentFromJson);
    QTest::newRow("Attachment, height only") << domainRoundTripOf(
        Attachment{u"f"_s, u"n"_s, 1, QString(), 0, 7, {}}, attachmentFromJson);
    QTest::newRow("Message (image)") << domainRoundTripOf(sampleMessage(), messageFromJson);
    QTest::newRow("Message (system)") << domainRoundTripOf(sampleSystemMessage(), messageFromJson);
    Message longest = sampleMessage();
    longest.type = MessageType::Text;
    longest.attachment = {};
    longest.content = emoji(5000);
    longest.seq = MaxJsonSafeInteger;
    QTest::newRow("Message, 5000 emoji") << domainRoundTripOf(longest, messageFromJson);
    QTest::newRow("Participant") << domainRoundTripOf(sampleParticipant(), participantFromJson);
    Participant pictured = sampleParticipant();
    pictured.avatarVersion = 5;
    QTest::newRow("Participant with a picture") << domainRoundTripOf(pictured, participantFromJson);
    QTest::newRow("Conversation") << domainRoundTripOf(sampleConversation(), conversationFromJson);
    Conversation direct = sampleConversation();
    direct.type = ConversationType::Private;
    direct.name.clear();
    QTest::newRow("Conversation (private)") << domainRoundTripOf(direct, conversationFromJson);
    Conversation kept = sampleConversation();
    kept.retention = {30, RetentionRules::MaxDays};
    kept.prunedSeq = 12;
    QTest::newRow("Conversation with retention") << domainRoundTripOf(kept, conversationFromJson);
    Attachment gone = sampleAttachment();
    gone.thumbnail.clear();
    gone.deleted = true;
    QTest::newRow("Attachment, deleted") << domainRoundTripOf(gone, attachmentFromJson);
    QTest::newRow("Presence") << domainRoundTripOf(samplePresence(), presenceFromJson);
    QTest::newRow("ConversationSummary") << domainRoundTripOf(sampleSummary(), summaryFromJson);
    QTest::newRow("ConversationSummary, empty conversation") << domainRoundTripOf(
        ConversationSummary{sampleConversation(), std::nullopt, 0}, summaryFromJson);
    QTest::newRow("Contact") << domainRoundTripOf(sampleContact(), contactFromJson);

    // Session family.
    QTest::newRow("HelloRequest") << roundTripOf(HelloRequest{2, u"banter/0.1 (linux)"_s, {}});
    QTest::newRow("HelloRequest with features")
        << roundTripOf(HelloRequest{1, u"c"_s, {u"member_deltas"_s, QString(64, u'f')}});
    HelloReply withFeatures = sampleHelloReply();
    withFeatures.features = {u"member_deltas"_s};
    QTest::newRow("HelloReply with features") << roundTripOf(withFeatures);
    QTest::newRow("HelloReply") << roundTripOf(sampleHelloReply());
    QTest::newRow("RegisterRequest") << roundTripOf(
        RegisterRequest{u"alice"_s, u"correct horse 🐴"_s, u"Alice"_s, u"laptop"_s, {}});
    QTest::newRow("RegisterRequest with an invitation")
        << roundTripOf(RegisterRequest{u"alice"_s, u"correct horse"_s, u"Alice"_s, u"laptop"_s,
                                       u"Zk3vQ1-_abcdefghijklmnopqrstuvwxyzABCDEFGHI"_s});
    QTest::newRow("LoginRequest") << roundTripOf(
        LoginRequest{u"alice"_s, u"correct horse"_s, u"phone"_s});
    QTest::newRow("AuthGrant") << roundTripOf(sampleGrant());
    QTest::newRow("AuthRequest") << roundTripOf(AuthRequest{u"eyJ.a.b"_s});
    QTest::newRow("AuthReply") << roundTripOf(AuthReply{sampleUser(), 9, 1700000900000});
    QTest::newRow("RefreshRequest") << roundTripOf(RefreshRequest{u"Zk3-refresh"_s});
    QTest::newRow("SessionsReply") << roundTripOf(sampleSessions());
    QTest::newRow("RevokeSessionRequest") << roundTripOf(RevokeSessionRequest{10});
    QTest::newRow("ChangePasswordRequest")
        << roundTripOf(ChangePasswordRequest{u"old secret"_s, u"new secret ✓"_s});
    QTest::newRow("PongReply") << roundTripOf(PongReply{1700000000000});

    // Conversation family.
    QTest::newRow("ConversationRef") << roundTripOf(ConversationRef{7});
    QTest::newRow("MembersAddedPush")
        << roundTripOf(MembersAddedPush{7, 20, {sampleParticipant(), sampleParticipant()}});
    QTest::newRow("MemberRemovedPush") << roundTripOf(MemberRemovedPush{7, 21, 43, 0});
    QTest::newRow("MemberRemovedPush, with an heir")
        << roundTripOf(MemberRemovedPush{7, 21, 42, 43});
    QTest::newRow("ConversationRenamedPush") << roundTripOf(
        ConversationRenamedPush{7, 22, emoji(ConversationRules::MaxGroupNameLength)});
    QTest::newRow("ConversationReply") << roundTripOf(ConversationReply{sampleConversation()});
    QTest::newRow("ConversationsReply") << roundTripOf(
        ConversationsReply{{sampleSummary(), {sampleConversation(), std::nullopt, 0}}});
    QTest::newRow("CreatePrivateRequest") << roundTripOf(CreatePrivateRequest{43});
    QTest::newRow("CreateGroupRequest")
        << roundTripOf(CreateGroupRequest{u"Team 🚀"_s, {43, 44, MaxJsonSafeInteger}});
    QTest::newRow("AddMembersRequest") << roundTripOf(AddMembersRequest{7, {45, 46}});
    QTest::newRow("RemoveMemberRequest") << roundTripOf(RemoveMemberRequest{7, 45});
    QTest::newRow("RenameRequest") << roundTripOf(RenameRequest{7, u"Crew 🛶"_s});
    QTest::newRow("SetRetentionRequest") << roundTripOf(SetRetentionRequest{7, 30, 0});
    QTest::newRow("DeleteFileRequest")
        << roundTripOf(DeleteFileRequest{u"0123456789abcdef0123456789abcdef"_s});

    // Messaging family.
    QTest::newRow("SendMessageRequest (conversation)") << roundTripOf(sampleSend());
    QTest::newRow("SendMessageRequest (to)") << roundTripOf(sampleSendTo());
    QTest::newRow("MessageReply") << roundTripOf(MessageReply{sampleMessage()});
    QTest::newRow("MessageReply (system)") << roundTripOf(MessageReply{sampleSystemMessage()});
    QTest::newRow("HistoryRequest") << roundTripOf(HistoryRequest{7, 120, 20});
    QTest::newRow("HistoryReply") << roundTripOf(
        HistoryReply{{sampleSystemMessage(), sampleMessage()}, true});
    QTest::newRow("SyncRequest") << roundTripOf(sampleSync());
    QTest::newRow("SyncReply") << roundTripOf(sampleSyncReply());
    QTest::newRow("ReceiptRequest") << roundTripOf(ReceiptRequest{7, 19});
    QTest::newRow("ReceiptPush (delivered)")
        << roundTripOf(ReceiptPush{7, 43, ReceiptKind::Delivered, 19});
    QTest::newRow("ReceiptPush (read)") << roundTripOf(ReceiptPush{7, 43, ReceiptKind::Read, 18});
    QTest::newRow("TypingRequest") << roundTripOf(TypingRequest{7, false});
    QTest::newRow("TypingPush") << roundTripOf(TypingPush{7, 43, false});
    // Replies, edits, deletions, reactions, mentions (issue 18).
    {
        Message reply = sampleMessage();
        reply.replyTo = QUuid::createUuid();
        reply.replyPreview = ReplyPreview{43, MessageType::Text, u"the original 🙂"_s, false, 17};
        reply.editedAtMs = 1700000000999;
        reply.mentions = {43, 44};
        reply.reactions = {{u"👍"_s, 2, true}, {u"👨‍👩‍👧‍👦"_s, 1, false}};
        QTest::newRow("Message (reply, edited, mentions, reactions)")
            << domainRoundTripOf(reply, messageFromJson);
        Message tombstone = sampleMessage();
        tombstone.content.clear();
        tombstone.attachment = {};
        tombstone.type = MessageType::Text;
        tombstone.deletedAtMs = 1700000001000;
        tombstone.replyTo = QUuid::createUuid();
        tombstone.replyPreview = ReplyPreview{43, MessageType::Image, {}, true};
        QTest::newRow("Message (tombstone)") << domainRoundTripOf(tombstone, messageFromJson);
        Message change = sampleSystemMessage();
        change.event = SystemEvent::reactionAdded(QUuid::createUuid(), 19, u"🎉"_s, 3);
        QTest::newRow("MessageReply (reaction event)") << roundTripOf(MessageReply{change});
        change.event = SystemEvent::messageEdited(QUuid::createUuid(), 19);
        change.content = u"new text"_s;
        QTest::newRow("MessageReply (edit event)") << roundTripOf(MessageReply{change});
        QTest::newRow("ReactionReply") << roundTripOf(ReactionReply{change});
        SendMessageRequest send = sampleSend();
        send.replyTo = QUuid::createUuid();
        send.mentions = {43};
        QTest::newRow("SendMessageRequest (reply, mentions)") << roundTripOf(send);
    }
    QTest::newRow("EditMessageRequest")
        << roundTripOf(EditMessageRequest{7, QUuid::createUuid(), u"fixed ✓"_s, {43}});
    QTest::newRow("MessageRef") << roundTripOf(MessageRef{7, QUuid::createUuid()});
    QTest::newRow("ReactionRequest")
        << roundTripOf(ReactionRequest{7, QUuid::createUuid(), u"🇫🇷"_s});
    QTest::newRow("ReactorsReply")
        << roundTripOf(ReactorsReply{{{u"👍"_s, 120, {42, 43}}, {u"🎉"_s, 1, {44}}}});
    {
        HistoryRequest around{7, 0, 20};
        around.around = 55;
        QTest::newRow("HistoryRequest (around)") << roundTripOf(around);
        QTest::newRow("HistoryReply (around)")
            << roundTripOf(HistoryReply{{sampleMessage()}, true, true});
    }

    // People family.
    QTest::newRow("UserSearchRequest") << roundTripOf(UserSearchRequest{u"al"_s, 10});
    QTest::newRow("UsersReply") << roundTripOf(
        UsersReply{{sampleUser(), User{43, u"bob"_s, QString(), 1700000000001}}});
    QTest::newRow("SetPresenceRequest") << roundTripOf(SetPresenceRequest{PresenceStatus::Away});
    QTest::newRow("PresencePush") << roundTripOf(PresencePush{samplePresence()});
    QTest::newRow("PresencePush (offline)")
        << roundTripOf(PresencePush{{43, PresenceStatus::Offline, 1700000000000}});
    QTest::newRow("UpdateProfileRequest") << roundTripOf(
        UpdateProfileRequest{u"Alice Martin"_s, std::nullopt, std::nullopt, std::nullopt});
    QTest::newRow("UpdateProfileRequest (avatar)") << roundTripOf(UpdateProfileRequest{
        std::nullopt, QByteArray("\x89PNG\r\n\x1a\n", 8), std::nullopt, std::nullopt});
    QTest::newRow("UpdateProfileRequest (both, avatar removed)")
        << roundTripOf(UpdateProfileRequest{u"Alice"_s, QByteArray(), std::nullopt, std::nullopt});
    QTest::newRow("AvatarReply") << roundTripOf(
        AvatarReply{42, 3, QByteArray(AvatarRules::MaxBytes, '\xab')});
    QTest::newRow("AvatarReply (none)") << roundTripOf(AvatarReply{42, 0, {}});
    QTest::newRow("UserReply") << roundTripOf(UserReply{sampleUser(), std::nullopt});
    QTest::newRow("UserReply (own privacy)")
        << roundTripOf(UserReply{sampleUser(), PrivacySettings{true, true}});
    QTest::newRow("UpdateProfileRequest (privacy)")
        << roundTripOf(UpdateProfileRequest{std::nullopt, std::nullopt, true, false});
    QTest::newRow("PresencesReply") << roundTripOf(
        PresencesReply{{samplePresence(), {43, PresenceStatus::Offline, 1700000000000}}});
    QTest::newRow("ContactsReply") << roundTripOf(
        ContactsReply{{sampleContact(), {sampleUser(), {42, PresenceStatus::Online, 0}, false}}});
    QTest::newRow("PresencesReply (more)") << roundTripOf(PresencesReply{{samplePresence()}, true});
    QTest::newRow("ContactsReply (more)") << roundTripOf(ContactsReply{{sampleContact()}, true});
    QTest::newRow("PeoplePageRequest") << roundTripOf(PeoplePageRequest{MaxJsonSafeInteger});
    QTest::newRow("ContactReply") << roundTripOf(ContactReply{sampleContact()});
    QTest::newRow("AddContactRequest (id)") << roundTripOf(AddContactRequest{42, {}});
    QTest::newRow("AddContactRequest (username)") << roundTripOf(AddContactRequest{0, u"bob"_s});
    QTest::newRow("UserRef") << roundTripOf(UserRef{42});
    QTest::newRow("SessionRevokedPush") << roundTripOf(SessionRevokedPush{u"password_changed"_s});
}

void TestProtocolMessages::roundTrip()
{
    QFETCH(RoundTrip, check);
    const QString problem = check();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestProtocolMessages::decoding_data()
{
    QTest::addColumn<Decoder>("decode");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<Outcome>("expected");
    domainCases();
    sessionCases();
    conversationCases();
    chatCases();
    peopleCases();
}

void TestProtocolMessages::decoding()
{
    QFETCH(Decoder, decode);
    QFETCH(QByteArray, json);
    QFETCH(Outcome, expected);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    QVERIFY2(error.error == QJsonParseError::NoError && document.isObject(),
             "the row's JSON must parse");
    BANTER_COMPARE_OUTCOME(decode(document.object()), expected);
}

void TestProtocolMessages::domainCases()
{
    Cases user("User", decoderOf(userFromJson), toJson(sampleUser()));
    user.id(u"id"_s);
    user.string(u"username"_s, UserRules::MaxUsernameLength);
    user.string(u"display_name"_s, UserRules::MaxDisplayNameLength, Optional);
    user.integer(u"created_at"_s, 0, MaxTime, Optional);
    user.integer(u"avatar_version"_s, 0, MaxJsonSafeInteger, Optional);

    Cases attachment("Attachment", decoderOf(attachmentFromJson), toJson(sampleAttachment()));
    attachmentFields(attachment, QString());

    Cases message("Message", decoderOf(messageFromJson), toJson(sampleMessage()));
    message.uuid(u"id"_s);
    message.id(u"conversation_id"_s);
    message.id(u"seq"_s);
    message.id(u"sender_id"_s);
    message.names(u"type"_s, {u"text"_s, u"image"_s, u"file"_s, u"system"_s},
                  {QString(), u"video"_s, u"Text"_s, u"IMAGE"_s});
    message.string(u"content"_s, MessageContent::MaxTextLength);
    message.integer(u"created_at"_s, 0, MaxTime);
    message.object(u"attachment"_s, Optional);
    message.set(u"attachment/size negative"_s, u"attachment/size"_s, -1, bad);
    message.set(u"attachment/name too long"_s, u"attachment/name"_s, QString(256, u'n'), tooLarge);
    message.set(u"attachment/thumbnail not base64"_s, u"attachment/thumbnail"_s, u"***"_s, bad);
    message.object(u"event"_s, Optional);
    message.set(u"event an object"_s, u"event"_s,
                QJsonObject{{u"event"_s, u"renamed"_s}, {u"name"_s, u"Crew"_s}}, Accepted);
    message.set(u"event of an unknown kind"_s, u"event"_s,
                QJsonObject{{u"event"_s, u"reacted"_s}, {u"emoji"_s, 1}}, Accepted);
    // The event's own fields are checked as strictly as the message's (tst_systemevent).
    message.set(u"event without a kind"_s, u"event"_s, QJsonObject{{u"name"_s, u"Crew"_s}}, bad);
    message.set(u"event renamed without a name"_s, u"event"_s,
                QJsonObject{{u"event"_s, u"renamed"_s}}, bad);

    Cases participant("Participant", decoderOf(participantFromJson), toJson(sampleParticipant()));
    participant.id(u"user_id"_s);
    participant.string(u"username"_s, UserRules::MaxUsernameLength, Optional);
    participant.string(u"display_name"_s, UserRules::MaxDisplayNameLength, Optional);
    participant.names(u"role"_s, {u"member"_s, u"admin"_s}, {u"owner"_s, u"Admin"_s, QString()});
    participant.integer(u"joined_at"_s, 0, MaxTime, Optional);
    participant.integer(u"read_seq"_s, 0, MaxJsonSafeInteger, Optional);
    participant.integer(u"delivered_seq"_s, 0, MaxJsonSafeInteger, Optional);
    participant.integer(u"avatar_version"_s, 0, MaxJsonSafeInteger, Optional);

    Cases conversation("Conversation", decoderOf(conversationFromJson),
                       toJson(sampleConversation()));
    conversation.id(u"id"_s);
    conversation.names(u"type"_s, {u"private"_s, u"group"_s},
                       {u"direct"_s, u"Group"_s, u"channel"_s});
    conversation.string(u"name"_s, ConversationRules::MaxGroupNameLength, Optional);
    conversation.integer(u"created_at"_s, 0, MaxTime, Optional);
    conversation.integer(u"last_seq"_s, 0, MaxJsonSafeInteger);
    conversation.integer(u"pruned_seq"_s, 0, MaxJsonSafeInteger, Optional);
    conversation.object(u"retention"_s, Optional);
    Conversation kept = sampleConversation();
    kept.retention = {30, 0};
    Cases retained("Conversation with retention", decoderOf(conversationFromJson), toJson(kept));
    retained.integer(u"retention/message_days"_s, 0, RetentionRules::MaxDays, Optional);
    retained.integer(u"retention/file_days"_s, 0, RetentionRules::MaxDays, Optional);
    conversation.list(u"members"_s, 10'000);
    conversation.set(u"members/1/role unknown"_s, u"members/1/role"_s, u"owner"_s, bad);
    conversation.set(u"members/1/user_id a string"_s, u"members/1/user_id"_s, u"43"_s, bad);
    conversation.set(u"members/0/username too long"_s, u"members/0/username"_s, QString(33, u'u'),
                     tooLarge);

    Cases presence("Presence", decoderOf(presenceFromJson), toJson(samplePresence()));
    presence.id(u"user_id"_s);
    presence.names(u"status"_s, {u"online"_s, u"away"_s, u"offline"_s},
                   {u"busy"_s, u"Online"_s, QString()});
    presence.integer(u"last_seen"_s, 0, MaxTime, Optional);

    Cases summary("ConversationSummary", decoderOf(summaryFromJson), toJson(sampleSummary()));
    summary.object(u"conversation"_s);
    summary.set(u"conversation/id zero"_s, u"conversation/id"_s, 0, bad);
    summary.object(u"last_message"_s, Optional);
    summary.set(u"last_message/seq zero"_s, u"last_message/seq"_s, 0, bad);
    summary.set(u"last_message/content too long"_s, u"last_message/content"_s, emoji(5001),
                tooLarge);
    summary.integer(u"unread_count"_s, 0, MaxJsonSafeInteger);

    Cases contact("Contact", decoderOf(contactFromJson), toJson(sampleContact()));
    contact.object(u"user"_s);
    contact.set(u"user/id a string"_s, u"user/id"_s, u"42"_s, bad);
    contact.set(u"user/username too long"_s, u"user/username"_s, QString(33, u'u'), tooLarge);
    contact.object(u"presence"_s);
    contact.set(u"presence/status unknown"_s, u"presence/status"_s, u"busy"_s, bad);
    contact.boolean(u"blocked"_s);
}

void TestProtocolMessages::sessionCases()
{
    Cases hello("HelloRequest", decoderOf<HelloRequest>(),
                HelloRequest{1, u"banter/0.1"_s, {}}.toJson());
    hello.integer(u"protocol"_s, 1, 1'000'000);
    hello.string(u"client"_s, 128, Optional);
    hello.absent(u"features"_s, Optional);
    hello.set(u"features empty"_s, u"features"_s, QJsonArray(), Accepted);
    hello.set(u"features unknown names"_s, u"features"_s, QJsonArray{u"a"_s, u"a"_s, u"b"_s},
              Accepted);
    hello.set(u"features a string"_s, u"features"_s, u"member_deltas"_s, bad);
    hello.set(u"features with a number"_s, u"features"_s, QJsonArray{1}, bad);
    hello.set(u"features with an empty name"_s, u"features"_s, QJsonArray{u""_s}, bad);
    hello.set(u"features with a long name"_s, u"features"_s, QJsonArray{QString(65, u'f')}, bad);
    hello.set(u"features over the cap"_s, u"features"_s, numbers(33), tooLarge);

    Cases helloReply("HelloReply", decoderOf<HelloReply>(), sampleHelloReply().toJson());
    helloReply.integer(u"protocol"_s, 1, 1'000'000);
    helloReply.string(u"server"_s, 128, Optional);
    helloReply.object(u"limits"_s);
    helloReply.integer(u"limits/max_message_chars"_s, 1, 1 << 30);
    helloReply.integer(u"limits/max_request_bytes"_s, 1, MaxJsonSafeInteger);
    helloReply.integer(u"limits/history_page_max"_s, 1, 1 << 20);
    helloReply.integer(u"limits/sync_page_max"_s, 1, 1 << 20);
    helloReply.integer(u"limits/max_group_size"_s, 2, 1 << 20);
    helloReply.boolean(u"limits/registration_open"_s);
    helloReply.integer(u"limits/requests_per_second"_s, 1, 1 << 30, Optional);
    helloReply.integer(u"limits/request_burst"_s, 1, 1 << 30, Optional);
    helloReply.integer(u"limits/edit_window_seconds"_s, 0, 1 << 30, Optional);

    Cases registration(
        "RegisterRequest", decoderOf<RegisterRequest>(),
        RegisterRequest{u"alice"_s, u"correct horse"_s, u"Alice"_s, u"laptop"_s, {}}.toJson());
    registration.string(u"username"_s, UserRules::MaxUsernameLength);
    registration.string(u"password"_s, UserRules::MaxPasswordBytes);
    registration.string(u"display_name"_s, UserRules::MaxDisplayNameLength, Optional);
    registration.string(u"device"_s, UserRules::MaxDeviceNameLength);

    Cases login("LoginRequest", decoderOf<LoginRequest>(),
                LoginRequest{u"alice"_s, u"correct horse"_s, u"phone"_s}.toJson());
    login.string(u"username"_s, UserRules::MaxUsernameLength);
    login.string(u"password"_s, UserRules::MaxPasswordBytes);
    login.string(u"device"_s, UserRules::MaxDeviceNameLength);

    Cases grant("AuthGrant", decoderOf<AuthGrant>(), sampleGrant().toJson());
    grant.object(u"user"_s);
    grant.set(u"user/id negative"_s, u"user/id"_s, -42, bad);
    grant.remove(u"user/username missing"_s, u"user/username"_s, bad);
    grant.id(u"session_id"_s);
    grant.string(u"access_token"_s, 4096);
    grant.integer(u"access_expires_at"_s, 0, MaxTime);
    grant.string(u"refresh_token"_s, 4096);

    Cases auth("AuthRequest", decoderOf<AuthRequest>(), AuthRequest{u"eyJ.a.b"_s}.toJson());
    auth.string(u"token"_s, 4096);

    Cases authReply("AuthReply", decoderOf<AuthReply>(),
                    AuthReply{sampleUser(), 9, 1700000900000}.toJson());
    authReply.object(u"user"_s);
    authReply.set(u"user/display_name too long"_s, u"user/display_name"_s, emoji(65), tooLarge);
    authReply.id(u"session_id"_s);
    authReply.integer(u"access_expires_at"_s, 0, MaxTime);

    Cases refresh("RefreshRequest", decoderOf<RefreshRequest>(), RefreshRequest{u"Zk3"_s}.toJson());
    refresh.string(u"refresh_token"_s, 4096);

    Cases sessions("SessionsReply", decoderOf<SessionsReply>(), sampleSessions().toJson());
    sessions.list(u"sessions"_s, 10'000);
    sessions.id(u"sessions/1/id"_s);
    sessions.string(u"sessions/1/device"_s, UserRules::MaxDeviceNameLength);
    sessions.integer(u"sessions/1/created_at"_s, 0, MaxTime);
    sessions.integer(u"sessions/1/last_used_at"_s, 0, MaxTime);
    sessions.boolean(u"sessions/1/current"_s);

    Cases revoke("RevokeSessionRequest", decoderOf<RevokeSessionRequest>(),
                 RevokeSessionRequest{10}.toJson());
    revoke.id(u"session_id"_s);

    Cases change("ChangePasswordRequest", decoderOf<ChangePasswordRequest>(),
                 ChangePasswordRequest{u"old secret"_s, u"new secret"_s}.toJson());
    change.string(u"old_password"_s, UserRules::MaxPasswordBytes);
    change.string(u"new_password"_s, UserRules::MaxPasswordBytes);

    Cases pong("PongReply", decoderOf<PongReply>(), PongReply{1700000000000}.toJson());
    pong.integer(u"time"_s, 0, MaxTime);
}

void TestProtocolMessages::conversationCases()
{
    Cases ref("ConversationRef", decoderOf<ConversationRef>(), ConversationRef{7}.toJson());
    ref.id(u"conversation_id"_s);

    Cases added("MembersAddedPush", decoderOf<MembersAddedPush>(),
                MembersAddedPush{7, 20, {sampleParticipant()}}.toJson());
    added.id(u"conversation_id"_s);
    added.id(u"seq"_s);
    added.absent(u"members"_s, Required);
    added.set(u"members empty"_s, u"members"_s, QJsonArray(), bad);
    added.set(u"members a string"_s, u"members"_s, u"[]"_s, bad);
    added.set(u"members with a number entry"_s, u"members"_s, QJsonArray{1}, bad);
    added.set(u"members/0/role unknown"_s, u"members/0/role"_s, u"owner"_s, bad);
    added.set(u"members over the cap"_s, u"members"_s, numbers(10'001), tooLarge);

    Cases removed("MemberRemovedPush", decoderOf<MemberRemovedPush>(),
                  MemberRemovedPush{7, 21, 42, 43}.toJson());
    removed.id(u"conversation_id"_s);
    removed.id(u"seq"_s);
    removed.id(u"user_id"_s);
    removed.id(u"new_admin_id"_s, Optional);

    Cases renamed("ConversationRenamedPush", decoderOf<ConversationRenamedPush>(),
                  ConversationRenamedPush{7, 22, u"Crew"_s}.toJson());
    renamed.id(u"conversation_id"_s);
    renamed.id(u"seq"_s);
    renamed.string(u"name"_s, ConversationRules::MaxGroupNameLength);

    Cases reply("ConversationReply", decoderOf<ConversationReply>(),
                ConversationReply{sampleConversation()}.toJson());
    reply.object(u"conversation"_s);
    reply.set(u"conversation/type unknown"_s, u"conversation/type"_s, u"channel"_s, bad);
    reply.remove(u"conversation/members missing"_s, u"conversation/members"_s, bad);

    Cases list("ConversationsReply", decoderOf<ConversationsReply>(),
               ConversationsReply{{sampleSummary()}}.toJson());
    list.list(u"conversations"_s, 100'000);
    list.set(u"conversations/0/unread_count negative"_s, u"conversations/0/unread_count"_s, -1,
             bad);
    list.set(u"conversations/0/last_message/type unknown"_s, u"conversations/0/last_message/type"_s,
             u"video"_s, bad);

    Cases direct("CreatePrivateRequest", decoderOf<CreatePrivateRequest>(),
                 CreatePrivateRequest{43}.toJson());
    direct.id(u"user_id"_s);

    Cases group("CreateGroupRequest", decoderOf<CreateGroupRequest>(),
                CreateGroupRequest{u"Team"_s, {43, 44}}.toJson());
    group.string(u"name"_s, ConversationRules::MaxGroupNameLength);
    group.idList(u"member_ids"_s, 1000, Required, true);

    Cases add("AddMembersRequest", decoderOf<AddMembersRequest>(),
              AddMembersRequest{7, {45}}.toJson());
    add.id(u"conversation_id"_s);
    add.idList(u"user_ids"_s, 1000, Required, false);

    Cases removal("RemoveMemberRequest", decoderOf<RemoveMemberRequest>(),
                  RemoveMemberRequest{7, 45}.toJson());
    removal.id(u"conversation_id"_s);
    removal.id(u"user_id"_s);

    Cases rename("RenameRequest", decoderOf<RenameRequest>(), RenameRequest{7, u"Crew"_s}.toJson());
    rename.id(u"conversation_id"_s);
    rename.string(u"name"_s, ConversationRules::MaxGroupNameLength);

    Cases retention("SetRetentionRequest", decoderOf<SetRetentionRequest>(),
                    SetRetentionRequest{7, 30, 90}.toJson());
    retention.id(u"conversation_id"_s);
    retention.integer(u"message_days"_s, 0, RetentionRules::MaxDays);
    retention.integer(u"file_days"_s, 0, RetentionRules::MaxDays);

    Cases deleteFile("DeleteFileRequest", decoderOf<DeleteFileRequest>(),
                     DeleteFileRequest{u"0123456789abcdef0123456789abcdef"_s}.toJson());
    deleteFile.absent(u"file_id"_s, Cases::Required);
    deleteFile.set(u"file_id a number"_s, u"file_id"_s, 5, bad);
    deleteFile.set(u"file_id a path"_s, u"file_id"_s, u"../token.key"_s, bad);
    deleteFile.set(u"file_id empty"_s, u"file_id"_s, QString(), bad);
}

void TestProtocolMessages::chatCases()
{
    Cases send("SendMessageRequest", decoderOf<SendMessageRequest>(), sampleSend().toJson());
    send.uuid(u"id"_s);
    send.id(u"conversation_id"_s, Cases::Either);
    send.set(u"conversation_id null"_s, u"conversation_id"_s, QJsonValue(), bad);
    send.set(u"to as well as conversation_id"_s, u"to"_s, 43, bad);
    QJsonObject to = sampleSend().toJson();
    to.remove(u"conversation_id"_s);
    send.row(u"neither conversation_id nor to"_s, to, bad);
    to.insert(u"to"_s, 43);
    send.row(u"to alone"_s, to, Accepted);
    for (const auto &[what, value] :
         {std::pair{"to zero", QJsonValue(0)}, std::pair{"to a string", QJsonValue(u"43"_s)},
          std::pair{"to negative", QJsonValue(-43)}, std::pair{"to a fraction", QJsonValue(43.5)},
          std::pair{"to 2^53", QJsonValue(TwoPow53)}}) {
        to.insert(u"to"_s, value);
        send.row(QString::fromLatin1(what), to, bad);
    }
    send.names(u"type"_s, {u"text"_s, u"image"_s, u"file"_s}, {u"system"_s, u"video"_s, u"Text"_s},
               Optional);
    send.string(u"content"_s, MessageContent::MaxTextLength, Optional);
    send.object(u"attachment"_s, Optional);
    attachmentFields(send, u"attachment/"_s);

    Cases reply("MessageReply", decoderOf<MessageReply>(), MessageReply{sampleMessage()}.toJson());
    reply.object(u"message"_s);
    reply.set(u"message/type unknown"_s, u"message/type"_s, u"video"_s, bad);
    reply.set(u"message/id not a UUID"_s, u"message/id"_s, u"42"_s, bad);
    reply.remove(u"message/created_at missing"_s, u"message/created_at"_s, bad);

    Cases history("HistoryRequest", decoderOf<HistoryRequest>(),
                  HistoryRequest{7, 120, 20}.toJson());
    history.id(u"conversation_id"_s);
    history.integer(u"before_seq"_s, 0, MaxJsonSafeInteger, Optional);
    history.integer(u"limit"_s, 1, HistoryRequest::MaxLimit, Optional);

    Cases page("HistoryReply", decoderOf<HistoryReply>(),
               HistoryReply{{sampleMessage()}, true}.toJson());
    page.list(u"messages"_s, 10'000);
    page.set(u"messages/0/seq zero"_s, u"messages/0/seq"_s, 0, bad);
    page.boolean(u"has_more"_s);

    Cases sync("SyncRequest", decoderOf<SyncRequest>(), sampleSync().toJson());
    sync.object(u"positions"_s, Optional);
    sync.set(u"positions empty"_s, u"positions"_s, QJsonObject(), Accepted);
    const auto position = [&sync](const char *what, const QString &key, const QJsonValue &seq,
                                  Outcome expected) {
        sync.set(QString::fromLatin1(what), u"positions"_s, QJsonObject{{key, seq}}, expected);
    };
    position("position key 2^53-1", u"9007199254740991"_s, 1, Accepted);
    position("position seq 0", u"7"_s, 0, Accepted);
    position("position seq 2^53-1", u"7"_s, MaxJsonSafeInteger, Accepted);
    position("position key not a number", u"abc"_s, 1, bad);
    position("position key empty", QString(), 1, bad);
    position("position key zero", u"0"_s, 1, bad);
    position("position key negative", u"-7"_s, 1, bad);
    position("position key a fraction", u"7.5"_s, 1, bad);
    position("position key hexadecimal", u"0x7"_s, 1, bad);
    position("position key 2^53", u"9007199254740992"_s, 1, bad);
    position("position seq negative", u"7"_s, -1, bad);
    position("position seq a string", u"7"_s, u"19"_s, bad);
    position("position seq a fraction", u"7"_s, 1.5, bad);
    position("position seq null", u"7"_s, QJsonValue(), bad);
    position("position seq a boolean", u"7"_s, true, bad);
    position("position seq an object", u"7"_s, QJsonObject(), bad);
    position("position seq 2^53", u"7"_s, TwoPow53, bad);
    sync.integer(u"limit"_s, 1, SyncRequest::MaxLimit, Optional);

    Cases syncReply("SyncReply", decoderOf<SyncReply>(), sampleSyncReply().toJson());
    syncReply.list(u"conversations"_s, 100'000);
    syncReply.set(u"conversations/0/last_seq negative"_s, u"conversations/0/last_seq"_s, -1, bad);
    syncReply.list(u"messages"_s, 10'000);
    syncReply.set(u"messages/1/sender_id zero"_s, u"messages/1/sender_id"_s, 0, bad);
    syncReply.boolean(u"has_more"_s);
    syncReply.idList(u"limited"_s, 100'000, Optional, true);

    Cases receipt("ReceiptRequest", decoderOf<ReceiptRequest>(), ReceiptRequest{7, 19}.toJson());
    receipt.id(u"conversation_id"_s);
    receipt.id(u"seq"_s);

    Cases receiptPush("ReceiptPush", decoderOf<ReceiptPush>(),
                      ReceiptPush{7, 43, ReceiptKind::Delivered, 19}.toJson());
    receiptPush.id(u"conversation_id"_s);
    receiptPush.id(u"user_id"_s);
    receiptPush.names(u"kind"_s, {u"read"_s, u"delivered"_s}, {u"seen"_s, u"Read"_s, QString()});
    receiptPush.id(u"seq"_s);

    Cases typing("TypingRequest", decoderOf<TypingRequest>(), TypingRequest{7, false}.toJson());
    typing.id(u"conversation_id"_s);
    typing.boolean(u"typing"_s, Optional);

    Cases typingPush("TypingPush", decoderOf<TypingPush>(), TypingPush{7, 43, true}.toJson());
    typingPush.id(u"conversation_id"_s);
    typingPush.id(u"user_id"_s);
    typingPush.boolean(u"typing"_s);
}

void TestProtocolMessages::peopleCases()
{
    Cases search("UserSearchRequest", decoderOf<UserSearchRequest>(),
                 UserSearchRequest{u"al"_s, 10}.toJson());
    search.string(u"query"_s, UserRules::MaxDisplayNameLength);
    search.set(u"query empty"_s, u"query"_s, QString(), bad);
    search.set(u"query blank"_s, u"query"_s, u" \t "_s, bad);
    search.integer(u"limit"_s, 1, UserSearchRequest::MaxLimit, Optional);

    Cases users("UsersReply", decoderOf<UsersReply>(), UsersReply{{sampleUser()}}.toJson());
    users.list(u"users"_s, 100'000);
    users.set(u"users/0/id zero"_s, u"users/0/id"_s, 0, bad);

    Cases presence("SetPresenceRequest", decoderOf<SetPresenceRequest>(),
                   SetPresenceRequest{PresenceStatus::Away}.toJson());
    presence.names(u"status"_s, {u"online"_s, u"away"_s},
                   {u"offline"_s, u"busy"_s, u"Away"_s, QString()});

    Cases push("PresencePush", decoderOf<PresencePush>(), PresencePush{samplePresence()}.toJson());
    push.id(u"user_id"_s);
    push.names(u"status"_s, {u"online"_s, u"away"_s, u"offline"_s}, {u"invisible"_s});
    push.integer(u"last_seen"_s, 0, MaxTime, Optional);

    Cases contacts("ContactsReply", decoderOf<ContactsReply>(),
                   ContactsReply{{sampleContact()}}.toJson());
    contacts.list(u"contacts"_s, 100'000);
    contacts.remove(u"contacts/0/blocked missing"_s, u"contacts/0/blocked"_s, bad);
    contacts.set(u"contacts/0/user/username a number"_s, u"contacts/0/user/username"_s, 1, bad);

    contacts.boolean(u"has_more"_s, Optional);

    Cases presences("PresencesReply", decoderOf<PresencesReply>(),
                    PresencesReply{{samplePresence()}}.toJson());
    presences.list(u"presences"_s, 100'000);
    presences.boolean(u"has_more"_s, Optional);

    Cases page("PeoplePageRequest", decoderOf<PeoplePageRequest>(), PeoplePageRequest{43}.toJson());
    page.integer(u"after"_s, 0, MaxJsonSafeInteger, Optional);

    Cases contact("ContactReply", decoderOf<ContactReply>(),
                  ContactReply{sampleContact()}.toJson());
    contact.object(u"contact"_s);
    contact.set(u"contact/blocked a string"_s, u"contact/blocked"_s, u"false"_s, bad);
    contact.remove(u"contact/presence missing"_s, u"contact/presence"_s, bad);

    Cases add("AddContactRequest", decoderOf<AddContactRequest>(),
              AddContactRequest{0, u"bob"_s}.toJson());
    add.string(u"username"_s, UserRules::MaxUsernameLength, Cases::Either);
    add.set(u"username null"_s, u"username"_s, QJsonValue(), bad);
    add.set(u"username empty"_s, u"username"_s, QString(), bad);
    add.set(u"user_id as well as username"_s, u"user_id"_s, 42, bad);
    add.remove(u"neither user_id nor username"_s, u"username"_s, bad);
    add.row(u"user_id alone"_s, QJsonObject{{u"user_id"_s, 42}}, Accepted);
    add.row(u"user_id with an empty username"_s,
            QJsonObject{{u"user_id"_s, 42}, {u"username"_s, QString()}}, Accepted);
    add.row(u"user_id zero"_s, QJsonObject{{u"user_id"_s, 0}}, bad);
    add.row(u"user_id a string"_s, QJsonObject{{u"user_id"_s, u"42"_s}}, bad);
    add.row(u"user_id 2^53"_s, QJsonObject{{u"user_id"_s, TwoPow53}}, bad);

    Cases ref("UserRef", decoderOf<UserRef>(), UserRef{42}.toJson());
    ref.id(u"user_id"_s);

    // The decoder checks base64 and size; whether the bytes are a picture is the server's
    // check (AvatarRules::validateAvatar, tested below and in tst_serveravatars).
    Cases profile(
        "UpdateProfileRequest", decoderOf<UpdateProfileRequest>(),
        UpdateProfileRequest{u"Alice"_s, QByteArray("\x89PNG", 4), std::nullopt, std::nullopt}
            .toJson());
    profile.base64(u"avatar"_s, AvatarRules::MaxBytes);
    profile.string(u"display_name"_s, UserRules::MaxDisplayNameLength, Optional);
    profile.row(u"avatar alone"_s, QJsonObject{{u"avatar"_s, u"iVBORw=="_s}}, Accepted);
    profile.row(u"avatar empty alone (removes it)"_s, QJsonObject{{u"avatar"_s, QString()}},
                Accepted);
    profile.row(u"avatar null alone"_s, QJsonObject{{u"avatar"_s, QJsonValue()}}, bad);
    profile.row(u"nothing"_s, QJsonObject(), bad);
    profile.row(u"hide_last_seen alone"_s, QJsonObject{{u"hide_last_seen"_s, true}}, Accepted);
    profile.row(u"hide_last_seen not a boolean"_s, QJsonObject{{u"hide_last_seen"_s, 1}}, bad);
    profile.row(u"group_adds contacts"_s, QJsonObject{{u"group_adds"_s, u"contacts"_s}}, Accepted);
    profile.row(u"group_adds unknown"_s, QJsonObject{{u"group_adds"_s, u"friends"_s}}, bad);
    profile.row(u"group_adds not a string"_s, QJsonObject{{u"group_adds"_s, true}}, bad);

    Cases picture("AvatarReply", decoderOf<AvatarReply>(),
                  AvatarReply{42, 3, QByteArray("\xFF\xD8\xFF", 3)}.toJson());
    picture.id(u"user_id"_s);
    picture.integer(u"avatar_version"_s, 0, MaxJsonSafeInteger);
    picture.base64(u"data"_s, AvatarRules::MaxBytes);

    Cases revoked("SessionRevokedPush", decoderOf<SessionRevokedPush>(),
                  SessionRevokedPush{u"logout"_s}.toJson());
    revoked.string(u"reason"_s, 64);
}

void TestProtocolMessages::defaultsForOptionalFields()
{
    const Result<HistoryRequest> history =
        HistoryRequest::fromJson(parse(R"({"conversation_id":1})"));
    QVERIFY(history);
    QCOMPARE(history->limit, 50);
    QCOMPARE(history->limit, HistoryRequest::DefaultLimit);
    QCOMPARE(history->beforeSeq, 0);

    const Result<SyncRequest> sync = SyncRequest::fromJson({});
    QVERIFY(sync);
    QCOMPARE(sync->limit, 200);
    QVERIFY(sync->positions.isEmpty());

    // A server from before the request limits were in hello has the documented defaults.
    const Result<HelloReply> oldServer = HelloReply::fromJson(
        parse(R"({"protocol":1,"limits":{"max_message_chars":5000,"max_request_bytes":65536,)"
              R"("history_page_max":100,"sync_page_max":500,"max_group_size":500,)"
              R"("registration_open":true}})"));
    QVERIFY(oldServer);
    QCOMPARE(oldServer->limits.requestsPerSecond, 50);
    QCOMPARE(oldServer->limits.requestBurst, 100);

    const Result<TypingRequest> typing = TypingRequest::fromJson(parse(R"({"conversation_id":1})"));
    QVERIFY(typing);
    QCOMPARE(typing->typing, true);

    const Result<UserSearchRequest> search =
        UserSearchRequest::fromJson(parse(R"({"query":"al"})"));
    QVERIFY(search);
    QCOMPARE(search->limit, 20);

    const Result<SendMessageRequest> send = SendMessageRequest::fromJson(
        parse(R"({"id":"6f1c7d6e-7b39-4d1b-9d63-0b1a3a0d9a11","to":2})"));
    QVERIFY(send);
    QCOMPARE(send->type, MessageType::Text);
    QVERIFY(send->content.isEmpty());
    QVERIFY(send->attachment.isNull());
    QCOMPARE(send->conversationId, 0);

    const Result<HelloRequest> hello = HelloRequest::fromJson(parse(R"({"protocol":1})"));
    QVERIFY(hello);
    QVERIFY(hello->client.isEmpty());

    const Result<RegisterRequest> registration = RegisterRequest::fromJson(
        parse(R"({"username":"alice","password":"correct horse","device":"d"})"));
    QVERIFY(registration);
    QVERIFY(registration->displayName.isEmpty());

    const Result<User> user = userFromJson(parse(R"({"id":1,"username":"alice"})"));
    QVERIFY(user);
    QVERIFY(user->displayName.isEmpty());
    QCOMPARE(user->createdAtMs, 0);

    const Result<Attachment> attachment =
        attachmentFromJson(parse(R"({"file_id":"f","name":"n","size":1})"));
    QVERIFY(attachment);
    QVERIFY(attachment->mimeType.isEmpty());
    QCOMPARE(attachment->width, 0);
    QCOMPARE(attachment->height, 0);
    QVERIFY(attachment->thumbnail.isEmpty());

    const Result<Participant> participant =
        participantFromJson(parse(R"({"user_id":5,"role":"member"})"));
    QVERIFY(participant);
    QCOMPARE(*participant, (Participant{5, ParticipantRole::Member, {}, {}, 0, 0, 0}));

    const Result<Conversation> conversation =
        conversationFromJson(parse(R"({"id":3,"type":"private","last_seq":0,"members":[]})"));
    QVERIFY(conversation);
    QVERIFY(conversation->name.isEmpty());
    QCOMPARE(conversation->createdAtMs, 0);

    const Result<Presence> presence = presenceFromJson(parse(R"({"user_id":5,"status":"online"})"));
    QVERIFY(presence);
    QCOMPARE(presence->lastSeenMs, 0);

    const Result<Message> message = messageFromJson(
        parse(R"({"id":"6f1c7d6e-7b39-4d1b-9d63-0b1a3a0d9a11","conversation_id":1,"seq":1,)"
              R"("sender_id":1,"type":"text","content":"x","created_at":0})"));
    QVERIFY(message);
    QVERIFY(message->attachment.isNull());
    QVERIFY(!message->event);

    const Result<ConversationSummary> summary = summaryFromJson(
        QJsonObject{{u"conversation"_s, toJson(sampleConversation())}, {u"unread_count"_s, 0}});
    QVERIFY(summary);
    QVERIFY(!summary->lastMessage);

    const Result<SyncReply> syncReply =
        SyncReply::fromJson(parse(R"({"conversations":[],"messages":[],"has_more":false})"));
    QVERIFY(syncReply);
    QVERIFY(syncReply->limited.isEmpty());
}

void TestProtocolMessages::nullMeansAbsent()
{
    const Result<HistoryRequest> history =
        HistoryRequest::fromJson(parse(R"({"conversation_id":1,"limit":null,"before_seq":null})"));
    QVERIFY(history);
    QCOMPARE(history->limit, HistoryRequest::DefaultLimit);
    const Result<TypingRequest> typing =
        TypingRequest::fromJson(parse(R"({"conversation_id":1,"typing":null})"));
    QVERIFY(typing);
    QVERIFY(typing->typing);
    const Result<ConversationSummary> summary =
        summaryFromJson(QJsonObject{{u"conversation"_s, toJson(sampleConversation())},
                                    {u"last_message"_s, QJsonValue()},
                                    {u"unread_count"_s, 0}});
    QVERIFY(summary);
    QVERIFY(!summary->lastMessage);
}

void TestProtocolMessages::idListsDropDuplicates()
{
    const Result<CreateGroupRequest> group =
        CreateGroupRequest::fromJson(parse(R"({"name":"x","member_ids":[4,3,4,3,5]})"));
    QVERIFY(group);
    QCOMPARE(group->memberIds, (QList<UserId>{4, 3, 5})); // first occurrence, order kept
    const Result<AddMembersRequest> add =
        AddMembersRequest::fromJson(parse(R"({"conversation_id":1,"user_ids":[9,9]})"));
    QVERIFY(add);
    QCOMPARE(add->userIds, (QList<UserId>{9}));
}

void TestProtocolMessages::sendMessageWireShape()
{
    SendMessageRequest send;
    send.id = QUuid::fromString(uuidText);
    send.to = 43;
    send.content = u"hi"_s;
    QCOMPARE(
        send.toJson(),
        (QJsonObject{
            {u"id"_s, uuidText}, {u"to"_s, 43}, {u"type"_s, u"text"_s}, {u"content"_s, u"hi"_s}}));
    send.to = 0;
    send.conversationId = 7;
    QCOMPARE(send.toJson(),
             (QJsonObject{{u"id"_s, uuidText},
                          {u"conversation_id"_s, 7},
                          {u"type"_s, u"text"_s},
                          {u"content"_s, u"hi"_s}}));
}

void TestProtocolMessages::attachmentWireShape()
{
    const Attachment file{u"f"_s, u"a.txt"_s, 3, u"text/plain"_s, 0, 0, {}};
    QCOMPARE(toJson(file),
             (QJsonObject{{u"file_id"_s, u"f"_s},
                          {u"name"_s, u"a.txt"_s},
                          {u"size"_s, 3},
                          {u"mime_type"_s, u"text/plain"_s}}));
    const QJsonObject image = toJson(sampleAttachment());
    QCOMPARE(image.value(u"width"_s), QJsonValue(640));
    QCOMPARE(image.value(u"height"_s), QJsonValue(480));
    QCOMPARE(image.value(u"thumbnail"_s).toString().toLatin1(),
             sampleAttachment().thumbnail.toBase64()); // standard alphabet, padded
}

void TestProtocolMessages::wireNames_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QStringList>("keys"); // docs/PROTOCOL.md; append only
    const auto row = [](const char *name, const QJsonObject &json, const char *keys) {
        QStringList expected = QString::fromLatin1(keys).split(u' ');
        expected.sort();
        QTest::newRow(name) << json << expected;
    };
    row("User", toJson(sampleUser()), "id username display_name created_at avatar_version");
    row("Attachment", toJson(sampleAttachment()),
        "file_id name size mime_type width height thumbnail");
    row("Message", toJson(sampleSystemMessage()),
        "id conversation_id seq sender_id type content created_at event");
    row("Participant", toJson(sampleParticipant()),
        "user_id username display_name role joined_at read_seq delivered_seq");
    row("Conversation", toJson(sampleConversation()), "id type name created_at last_seq members");
    row("Presence", toJson(samplePresence()), "user_id status last_seen");
    row("ConversationSummary", toJson(sampleSummary()),
        "conversation last_message unread_count unread_mentions");
    row("Contact", toJson(sampleContact()), "user presence blocked");
    row("HelloRequest", HelloRequest{1, u"c"_s, {}}.toJson(), "protocol client");
    row("HelloRequest with features", HelloRequest{1, u"c"_s, {u"member_deltas"_s}}.toJson(),
        "protocol client features");
    row("HelloReply", sampleHelloReply().toJson(), "protocol server limits");
    row("HelloReply limits", sampleHelloReply().toJson().value(u"limits"_s).toObject(),
        "max_message_chars max_request_bytes history_page_max sync_page_max max_group_size "
        "registration_open requests_per_second request_burst invitation_required "
        "edit_window_seconds");
    row("RegisterRequest", RegisterRequest{}.toJson(), "username password display_name device");
    row("LoginRequest", LoginRequest{}.toJson(), "username password device");
    row("AuthGrant", sampleGrant().toJson(),
        "user session_id access_token access_expires_at refresh_token");
    row("AuthRequest", AuthRequest{}.toJson(), "token");
    row("AuthReply", AuthReply{}.toJson(), "user session_id access_expires_at");
    row("RefreshRequest", RefreshRequest{}.toJson(), "refresh_token");
    row("SessionsReply", sampleSessions().toJson(), "sessions");
    row("SessionsReply entry",
        sampleSessions().toJson().value(u"sessions"_s).toArray().at(0).toObject(),
        "id device created_at last_used_at current");
    row("RevokeSessionRequest", RevokeSessionRequest{}.toJson(), "session_id");
    row("ChangePasswordRequest", ChangePasswordRequest{}.toJson(), "old_password new_password");
    row("PongReply", PongReply{}.toJson(), "time");
    row("ConversationRef", ConversationRef{}.toJson(), "conversation_id");
    row("MembersAddedPush", MembersAddedPush{}.toJson(), "conversation_id seq members");
    row("MemberRemovedPush", MemberRemovedPush{7, 21, 42, 43}.toJson(),
        "conversation_id seq user_id new_admin_id");
    row("ConversationRenamedPush", ConversationRenamedPush{}.toJson(), "conversation_id seq name");
    row("ConversationReply", ConversationReply{}.toJson(), "conversation");
    row("ConversationsReply", ConversationsReply{}.toJson(), "conversations");
    row("CreatePrivateRequest", CreatePrivateRequest{}.toJson(), "user_id");
    row("CreateGroupRequest", CreateGroupRequest{}.toJson(), "name member_ids");
    row("AddMembersRequest", AddMembersRequest{}.toJson(), "conversation_id user_ids");
    row("RemoveMemberRequest", RemoveMemberRequest{}.toJson(), "conversation_id user_id");
    row("RenameRequest", RenameRequest{}.toJson(), "conversation_id name");
    row("SetRetentionRequest", SetRetentionRequest{}.toJson(),
        "conversation_id message_days file_days");
    row("DeleteFileRequest", DeleteFileRequest{}.toJson(), "file_id");
    row("SendMessageRequest", sampleSend().toJson(), "id conversation_id type content attachment");
    row("MessageReply", MessageReply{}.toJson(), "message");
    row("HistoryRequest", HistoryRequest{}.toJson(), "conversation_id before_seq limit");
    row("HistoryReply", HistoryReply{}.toJson(), "messages has_more");
    row("SyncRequest", SyncRequest{}.toJson(), "positions limit");
    row("SyncReply", SyncReply{}.toJson(), "conversations messages has_more limited");
    row("ReceiptRequest", ReceiptRequest{}.toJson(), "conversation_id seq");
    row("ReceiptPush", ReceiptPush{}.toJson(), "conversation_id user_id kind seq");
    row("TypingRequest", TypingRequest{}.toJson(), "conversation_id typing");
    row("TypingPush", TypingPush{}.toJson(), "conversation_id user_id typing");
    row("UserSearchRequest", UserSearchRequest{}.toJson(), "query limit");
    row("UsersReply", UsersReply{}.toJson(), "users");
    row("SetPresenceRequest", SetPresenceRequest{}.toJson(), "status");
    row("PresencePush", PresencePush{}.toJson(), "user_id status last_seen");
    row("PresencesReply", PresencesReply{}.toJson(), "presences");
    row("UserReply", UserReply{}.toJson(), "user");
    row("ContactsReply", ContactsReply{}.toJson(), "contacts");
    row("ContactsReply (more)", ContactsReply{{}, true}.toJson(), "contacts has_more");
    row("PresencesReply (more)", PresencesReply{{}, true}.toJson(), "presences has_more");
    row("PeoplePageRequest", PeoplePageRequest{43}.toJson(), "after");
    row("ContactReply", ContactReply{}.toJson(), "contact");
    row("AddContactRequest (id)", AddContactRequest{42, {}}.toJson(), "user_id");
    row("AddContactRequest (username)", AddContactRequest{0, u"bob"_s}.toJson(), "username");
    row("UserRef", UserRef{}.toJson(), "user_id");
    row("UpdateProfileRequest",
        UpdateProfileRequest{u"A"_s, QByteArray("x"), std::nullopt, std::nullopt}.toJson(),
        "display_name avatar");
    row("AvatarReply", AvatarReply{}.toJson(), "user_id avatar_version data");
    Participant pictured = sampleParticipant();
    pictured.avatarVersion = 2;
    row("Participant with a picture", toJson(pictured),
        "user_id username display_name role joined_at read_seq delivered_seq avatar_version");
    row("SessionRevokedPush", SessionRevokedPush{}.toJson(), "reason");
    Message reply = sampleMessage();
    reply.replyTo = QUuid::createUuid();
    reply.replyPreview = ReplyPreview{43, MessageType::Text, u"the original"_s, false, 17};
    row("Message reply_preview", toJson(reply).value(u"reply_preview"_s).toObject(),
        "sender_id seq type content");
    reply.replyPreview = ReplyPreview{43, MessageType::Text, {}, true, 17};
    row("Message reply_preview (deleted)", toJson(reply).value(u"reply_preview"_s).toObject(),
        "sender_id seq type deleted");
}

void TestProtocolMessages::wireNames()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, keys);
    QCOMPARE(json.keys(), keys); // QJsonObject::keys() is sorted
}

// Issue 16/17: a conversation travels whole, every member in it. At the most members an
// operator may allow, each with the longest values and an escape-heavy display name, the
// `conversation_updated` push stays under the 512 KiB docs/PROTOCOL.md promises, and a
// `conversations`/`sync` entry with a maximal last message still fits a 1 MiB page alone.
void TestProtocolMessages::largestGroupFitsItsBound()
{
    const QChar escaped(0x0001); // JSON writes it as six bytes
    Participant worst;
    worst.userId = MaxJsonSafeInteger;
    worst.role = ParticipantRole::Member; // "member" is longer than "admin"
    worst.username = QString(UserRules::MaxUsernameLength, u'w');
    worst.displayName = QString(UserRules::MaxDisplayNameLength, escaped);
    worst.joinedAtMs = MaxJsonSafeInteger;
    worst.readSeq = MaxJsonSafeInteger;
    worst.deliveredSeq = MaxJsonSafeInteger;
    worst.avatarVersion = MaxJsonSafeInteger;
    const qint64 memberBytes = encodedSize(toJson(worst));
    QVERIFY2(memberBytes <= 620, qPrintable(QString::number(memberBytes)));

    Conversation group;
    group.id = MaxJsonSafeInteger;
    group.type = ConversationType::Group;
    group.name = QString(ConversationRules::MaxGroupNameLength, escaped);
    group.createdAtMs = MaxJsonSafeInteger;
    group.lastSeq = MaxJsonSafeInteger;
    for (int i = 0; i < ConversationRules::MaxGroupSizeAllowed; ++i)
        group.participants.append(worst);
    const qint64 pushBytes =
        encodePush(Type::ConversationUpdated, ConversationReply{group}.toJson()).size();
    QVERIFY2(pushBytes < 512 * 1024, qPrintable(QString::number(pushBytes)));
    // One more member's worth would still fit: the allowance is not at the edge by accident.
    QVERIFY(pushBytes + memberBytes < 512 * 1024);

    Message last;
    last.id = QUuid::createUuid();
    last.conversationId = group.id;
    last.senderId = MaxJsonSafeInteger;
    last.seq = MaxJsonSafeInteger;
    last.type = MessageType::Image;
    last.content = QString(MessageContent::MaxTextLength, escaped);
    last.attachment.fileId = QUuid::createUuid().toString(QUuid::Id128);
    last.attachment.name = QString(255, escaped);
    last.attachment.mimeType = u"image/png"_s;
    last.attachment.size = 1 << 20;
    last.attachment.thumbnail = QByteArray(16 * 1024, '\xff');
    const ConversationSummary summary{group, last, MaxJsonSafeInteger};
    const qint64 entryBytes = encodedSize(toJson(summary));
    QVERIFY2(entryBytes + ReplyEnvelopeBytes <= ListReplyTargetBytes,
             qPrintable(QString::number(entryBytes)));
    qInfo("worst member %lld bytes; %d of them: conversation_updated push %lld bytes, "
          "conversations entry with a maximal last message %lld bytes",
          memberBytes, ConversationRules::MaxGroupSizeAllowed, pushBytes, entryBytes);
}

QTEST_GUILESS_MAIN(TestProtocolMessages)
#include "tst_protocolmessages.moc"
