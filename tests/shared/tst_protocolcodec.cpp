// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The envelope codec (protocol/frame.h): client requests decoded strictly by the server, and
// server responses and pushes decoded strictly by the client.
#include "testoutcome.h"
#include <banter/protocol/frame.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Banter;
using namespace Banter::Protocol;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Banter::Error)

namespace {
QString emoji(int count)
{
    return u"\U0001F600"_s.repeated(count);
}

QByteArray toText(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A value `levels` containers deep: {"a": {"a": ... {}}} or [[...[]]].
QJsonValue nestedValue(int levels, bool arrays = false)
{
    QJsonValue value = arrays ? QJsonValue(QJsonArray()) : QJsonValue(QJsonObject());
    for (int i = 1; i < levels; ++i) {
        if (arrays)
            value = QJsonArray{value};
        else
            value = QJsonObject{{u"a"_s, value}};
    }
    return value;
}

// A request whose whole frame, counting the envelope object, is `levels` containers deep.
QByteArray requestNested(int levels, bool arrays = false, const QString &key = u"data"_s)
{
    QJsonObject frame{{u"type"_s, u"ping"_s}, {u"rid"_s, u"1"_s}};
    if (arrays)
        frame.insert(u"data"_s, QJsonObject{{u"list"_s, nestedValue(levels - 2, true)}});
    else
        frame.insert(key, nestedValue(levels - 1));
    return toText(frame);
}

QByteArray padded(QByteArray frame, qint64 size)
{
    frame.append(QByteArray(size - frame.size(), ' ')); // whitespace after the object is valid
    return frame;
}

QJsonObject sampleData()
{
    return {{u"s"_s, u"x"_s},
            {u"n"_s, 1.5},
            {u"i"_s, -3},
            {u"b"_s, false},
            {u"null"_s, QJsonValue()},
            {u"a"_s, QJsonArray{1, u"2"_s, QJsonObject()}},
            {u"o"_s, QJsonObject{{u"k"_s, u"v \"quoted\" \\ \n"_s}}}};
}
} // namespace

class TestProtocolCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestRoundTrip_data();
    void requestRoundTrip();
    void requestDataIsOptional_data();
    void requestDataIsOptional();
    void requestErrors_data();
    void requestErrors();
    void illFormedTypeOrRid();
    void requestSizeLimit();
    void successRoundTrip_data();
    void successRoundTrip();
    void failureRoundTrip_data();
    void failureRoundTrip();
    void failureWithoutRidSendsNull();
    void errorObjectShape();
    void pushRoundTrip_data();
    void pushRoundTrip();
    void lenientServerFrames();
    void serverFrameErrors_data();
    void serverFrameErrors();
    void serverFrameSizeLimit();
};

void TestProtocolCodec::requestRoundTrip_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("rid");
    QTest::addColumn<QJsonObject>("data");
    QTest::newRow("ping") << u"ping"_s << u"1"_s << QJsonObject();
    QTest::newRow("message") << u"message"_s << u"42"_s
                             << QJsonObject{{u"conversation_id"_s, 7}, {u"content"_s, u"hi"_s}};
    QTest::newRow("every JSON type in data") << u"x"_s << u"r"_s << sampleData();
    QTest::newRow("unicode rid") << u"ping"_s << u"r-ä-😀"_s << QJsonObject();
    QTest::newRow("32-char type, 64-char rid")
        << QString(32, u't') << QString(64, u'r') << QJsonObject();
    QTest::newRow("rid of 64 emoji") << u"ping"_s << emoji(64) << QJsonObject();
    QTest::newRow("nested to the limit")
        << u"ping"_s << u"1"_s << nestedValue(7).toObject(); // 8 levels with the envelope
    QTest::newRow("near the size limit")
        << u"message"_s << u"1"_s << QJsonObject{{u"content"_s, QString(60000, u'x')}};
}

void TestProtocolCodec::requestRoundTrip()
{
    QFETCH(QString, type);
    QFETCH(QString, rid);
    QFETCH(QJsonObject, data);
    const auto decoded = decodeRequest(encodeRequest(type, rid, data));
    if (const auto *failure = std::get_if<RequestError>(&decoded))
        QFAIL(qPrintable(describe(Result<Done>(failure->error))));
    const Request &request = std::get<Request>(decoded);
    QCOMPARE(request.type, type);
    QCOMPARE(request.rid, rid);
    QCOMPARE(request.data, data);
}

void TestProtocolCodec::requestDataIsOptional_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::newRow("no data") << R"({"type":"ping","rid":"1"})"_ba;
    QTest::newRow("null data") << R"({"type":"ping","rid":"1","data":null})"_ba;
    QTest::newRow("unknown fields ignored")
        << R"({"type":"ping","rid":"1","v":2,"extra":{"x":[1]}})"_ba;
    QTest::newRow("whitespace around") << " \n{ \"type\" : \"ping\" , \"rid\" : \"1\" }\n "_ba;
}

void TestProtocolCodec::requestDataIsOptional()
{
    QFETCH(QByteArray, frame);
    const auto decoded = decodeRequest(frame);
    QVERIFY(std::holds_alternative<Request>(decoded));
    QCOMPARE(std::get<Request>(decoded).type, u"ping"_s);
    QCOMPARE(std::get<Request>(decoded).rid, u"1"_s);
    QVERIFY(std::get<Request>(decoded).data.isEmpty());
}

void TestProtocolCodec::requestErrors_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("type"); // echoed in the RequestError; empty when unreadable
    QTest::addColumn<QString>("rid");
    const auto bad = ErrorCode::BadRequest;
    const auto large = ErrorCode::TooLarge;
    const QString none;
    const QString ping = u"ping"_s;
    const QString one = u"1"_s;

    // Nothing readable: the answer goes out with "rid": null.
    QTest::newRow("empty frame") << QByteArray() << bad << none << none;
    QTest::newRow("not JSON") << "hello"_ba << bad << none << none;
    QTest::newRow("truncated JSON") << R"({"type":"ping","rid":"1")"_ba << bad << none << none;
    QTest::newRow("garbage after the object")
        << R"({"type":"ping","rid":"1"} x)"_ba << bad << none << none;
    QTest::newRow("two objects") << R"({"type":"ping","rid":"1"}{"type":"ping","rid":"2"})"_ba
                                 << bad << none << none;
    QTest::newRow("single quotes") << R"({'type':'ping','rid':'1'})"_ba << bad << none << none;
    QTest::newRow("array at top level")
        << R"([{"type":"ping","rid":"1"}])"_ba << bad << none << none;
    QTest::newRow("string at top level") << R"("ping")"_ba << bad << none << none;
    QTest::newRow("number at top level") << "42"_ba << bad << none << none;
    QTest::newRow("true at top level") << "true"_ba << bad << none << none;
    QTest::newRow("null at top level") << "null"_ba << bad << none << none;
    QTest::newRow("invalid UTF-8 in a string")
        << "{\"type\":\"ping\",\"rid\":\"\xff\"}"_ba << bad << none << none;

    // The rid is readable, the type is not.
    QTest::newRow("type missing") << R"({"rid":"1","data":{}})"_ba << bad << none << one;
    QTest::newRow("type null") << R"({"type":null,"rid":"1"})"_ba << bad << none << one;
    QTest::newRow("type empty") << R"({"type":"","rid":"1"})"_ba << bad << none << one;
    QTest::newRow("type a number") << R"({"type":5,"rid":"1"})"_ba << bad << none << one;
    QTest::newRow("type an object") << R"({"type":{},"rid":"1"})"_ba << bad << none << one;
    QTest::newRow("type an array") << R"({"type":["ping"],"rid":"1"})"_ba << bad << none << one;
    // Issue 16: a type or rid that is readable but too long is echoed (the frame cap bounds
    // it), so the client can match the refusal to its request.
    QTest::newRow("type of 33 characters")
        << toText({{u"type"_s, QString(33, u't')}, {u"rid"_s, one}}) << large << QString(33, u't')
        << one;

    // The type is readable, the rid is not.
    QTest::newRow("rid missing") << R"({"type":"ping"})"_ba << bad << ping << none;
    QTest::newRow("rid null") << R"({"type":"ping","rid":null})"_ba << bad << ping << none;
    QTest::newRow("rid empty") << R"({"type":"ping","rid":""})"_ba << bad << ping << none;
    QTest::newRow("rid a number") << R"({"type":"ping","rid":1})"_ba << bad << ping << none;
    QTest::newRow("rid a boolean") << R"({"type":"ping","rid":true})"_ba << bad << ping << none;
    QTest::newRow("rid of 65 characters")
        << toText({{u"type"_s, ping}, {u"rid"_s, QString(65, u'r')}}) << large << ping
        << QString(65, u'r');
    QTest::newRow("rid of 65 emoji")
        << toText({{u"type"_s, ping}, {u"rid"_s, emoji(65)}}) << large << ping << emoji(65);
    QTest::newRow("neither readable") << R"({"type":1,"rid":2})"_ba << bad << none << none;

    // Both readable, the rest is malformed: both are echoed.
    QTest::newRow("data an array")
        << R"({"type":"ping","rid":"1","data":[]})"_ba << bad << ping << one;
    QTest::newRow("data a string")
        << R"({"type":"ping","rid":"1","data":"{}"})"_ba << bad << ping << one;
    QTest::newRow("data a number")
        << R"({"type":"ping","rid":"1","data":0})"_ba << bad << ping << one;
    QTest::newRow("data a boolean")
        << R"({"type":"ping","rid":"1","data":true})"_ba << bad << ping << one;
    QTest::newRow("nested 9 levels (objects)") << requestNested(9) << bad << ping << one;
    QTest::newRow("nested 9 levels (arrays)") << requestNested(9, true) << bad << ping << one;
    QTest::newRow("nested 9 levels outside data")
        << requestNested(9, false, u"extra"_s) << bad << ping << one;
    QTest::newRow("nested 50 levels") << requestNested(50) << bad << ping << one;
    QTest::newRow("rid of 40 emoji, data an array")
        << toText({{u"type"_s, ping}, {u"rid"_s, emoji(40)}, {u"data"_s, QJsonArray()}}) << bad
        << ping << emoji(40);

    // Too large to be parsed at all.
    QTest::newRow("over 64 KiB") << padded(R"({"type":"ping","rid":"1"})"_ba,
                                           MaxRequestFrameBytes + 1)
                                 << large << none << none;
    QTest::newRow("over 64 KiB, not JSON")
        << QByteArray(MaxRequestFrameBytes + 1, 'x') << large << none << none;
}

void TestProtocolCodec::requestErrors()
{
    QFETCH(QByteArray, frame);
    QFETCH(ErrorCode, code);
    QFETCH(QString, type);
    QFETCH(QString, rid);
    const auto decoded = decodeRequest(frame);
    QVERIFY2(std::holds_alternative<RequestError>(decoded), "the frame was accepted");
    const RequestError &failure = std::get<RequestError>(decoded);
    QCOMPARE(failure.error.code, code);
    QVERIFY(!failure.error.message.isEmpty());
    QCOMPARE(failure.type, type);
    QCOMPARE(failure.rid, rid);
}

void TestProtocolCodec::illFormedTypeOrRid()
{
    // Unpaired surrogates (JSON "\ud800") are refused like any other malformed string.
    auto decoded = decodeRequest(R"({"type":"ping","rid":"\ud800"})"_ba);
    QVERIFY(std::holds_alternative<RequestError>(decoded));
    QCOMPARE(std::get<RequestError>(decoded).error.code, ErrorCode::BadRequest);
    QCOMPARE(std::get<RequestError>(decoded).type, u"ping"_s);
    decoded = decodeRequest(R"({"type":"pi\udc00ng","rid":"1"})"_ba);
    QVERIFY(std::holds_alternative<RequestError>(decoded));
    QCOMPARE(std::get<RequestError>(decoded).error.code, ErrorCode::BadRequest);
    QCOMPARE(std::get<RequestError>(decoded).rid, u"1"_s);
    decoded = decodeRequest("{\"type\":\"ping\",\"rid\":\"1\",\"data\":{\"x\":\"\\u0000\"}}"_ba);
    QVERIFY2(std::holds_alternative<Request>(decoded), "data is checked by the message decoders");
}

void TestProtocolCodec::requestSizeLimit()
{
    const QByteArray frame = encodeRequest(u"ping"_s, u"1"_s, {});
    const auto atLimit = decodeRequest(padded(frame, MaxRequestFrameBytes));
    QVERIFY(std::holds_alternative<Request>(atLimit));
    const auto overLimit = decodeRequest(padded(frame, MaxRequestFrameBytes + 1));
    QVERIFY(std::holds_alternative<RequestError>(overLimit));
    QCOMPARE(std::get<RequestError>(overLimit).error.code, ErrorCode::TooLarge);
    // 5000 characters that each escape to six bytes still fit.
    const QJsonObject data{{u"content"_s, QString(5000, QChar(0x01))}};
    QVERIFY(std::holds_alternative<Request>(decodeRequest(encodeRequest(u"m"_s, u"1"_s, data))));
    // So do 5000 emoji that a client wrote as JSON escapes (12 bytes each), with the longest
    // rid and id.
    const QByteArray escaped = R"({"type":"message","rid":")"_ba + QByteArray(64, 'r')
        + R"(","data":{"id":"6f1c7d6e-7b39-4d1b-9d63-0b1a3a0d9a11","conversation_id":)"
          R"(9007199254740991,"content":")"_ba
        + QByteArray(R"(\ud83d\ude00)").repeated(5000) + R"("}})"_ba;
    const auto decoded = decodeRequest(escaped);
    QVERIFY(std::holds_alternative<Request>(decoded));
    QCOMPARE(std::get<Request>(decoded).data.value(u"content"_s).toString(), emoji(5000));
}

void TestProtocolCodec::successRoundTrip_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("rid");
    QTest::addColumn<QJsonObject>("data");
    QTest::newRow("empty data") << u"logout"_s << u"7"_s << QJsonObject();
    QTest::newRow("pong") << u"pong"_s << u"1"_s << QJsonObject{{u"time"_s, qint64(1700000000000)}};
    QTest::newRow("every JSON type") << u"history"_s << u"9"_s << sampleData();
    QTest::newRow("unicode rid") << u"ping"_s << emoji(64) << QJsonObject();
}

void TestProtocolCodec::successRoundTrip()
{
    QFETCH(QString, type);
    QFETCH(QString, rid);
    QFETCH(QJsonObject, data);
    const Result<ServerFrame> frame = decodeServerFrame(encodeSuccess(type, rid, data));
    BANTER_COMPARE_OUTCOME(frame, Accepted);
    QCOMPARE(frame->kind, ServerFrame::Kind::Response);
    QVERIFY(frame->success);
    QCOMPARE(frame->type, type);
    QCOMPARE(frame->rid, rid);
    QCOMPARE(frame->data, data);
}

void TestProtocolCodec::failureRoundTrip_data()
{
    QTest::addColumn<QString>("rid");
    QTest::addColumn<Error>("error");
    QTest::addColumn<qint64>("retryAfterMs"); // as decoded
    for (int c = int(ErrorCode::BadRequest); c <= int(ErrorCode::Unavailable); ++c) {
        const Error error = makeError(ErrorCode(c), u"because"_s);
        QTest::addRow("%s", qPrintable(errorCodeName(error.code))) << u"r1"_s << error << 0LL;
    }
    QTest::newRow("rate_limited, retry 1500")
        << u"r1"_s << makeError(ErrorCode::RateLimited, u"slow"_s, 1500) << 1500LL;
    QTest::newRow("rate_limited, retry a day")
        << u"r1"_s << makeError(ErrorCode::RateLimited, u"slow"_s, 86'400'000) << 86'400'000LL;
    QTest::newRow("unavailable from a stopping server, retry 1500")
        << u"r1"_s << makeError(ErrorCode::Unavailable, u"stopping"_s, 1500) << 1500LL;
    QTest::newRow("unavailable, no retry")
        << u"r1"_s << makeError(ErrorCode::Unavailable, u"busy"_s) << 0LL;
    QTest::newRow("retry only travels with rate_limited and unavailable")
        << u"r1"_s << makeError(ErrorCode::NotFound, u"gone"_s, 1500) << 0LL;
    QTest::newRow("no rid") << QString() << makeError(ErrorCode::BadRequest, u"bad"_s) << 0LL;
    QTest::newRow("unicode message")
        << u"r1"_s << makeError(ErrorCode::NotFound, u"没有 \"this\" 😀\n"_s) << 0LL;
}

void TestProtocolCodec::failureRoundTrip()
{
    QFETCH(QString, rid);
    QFETCH(Error, error);
    QFETCH(qint64, retryAfterMs);
    const Result<ServerFrame> frame = decodeServerFrame(encodeFailure(u"message"_s, rid, error));
    BANTER_COMPARE_OUTCOME(frame, Accepted);
    QCOMPARE(frame->kind, ServerFrame::Kind::Response);
    QVERIFY(!frame->success);
    QCOMPARE(frame->type, u"message"_s);
    QCOMPARE(frame->rid, rid);
    QCOMPARE(frame->error.code, error.code);
    QCOMPARE(frame->error.message, error.message);
    QCOMPARE(frame->error.retryAfterMs, retryAfterMs);
}

void TestProtocolCodec::failureWithoutRidSendsNull()
{
    const Error error = makeError(ErrorCode::BadRequest, u"bad"_s);
    QJsonObject wire = QJsonDocument::fromJson(encodeFailure({}, {}, error)).object();
    QVERIFY(wire.contains(u"rid"_s));
    QVERIFY(wire.value(u"rid"_s).isNull());
    QCOMPARE(wire.value(u"success"_s), QJsonValue(false));
    wire = QJsonDocument::fromJson(encodeFailure(u"ping"_s, u"5"_s, error)).object();
    QCOMPARE(wire.value(u"rid"_s), QJsonValue(u"5"_s));
    QCOMPARE(wire.value(u"type"_s), QJsonValue(u"ping"_s));
}

void TestProtocolCodec::errorObjectShape()
{
    QJsonObject json = errorToJson(makeError(ErrorCode::NotFound, u"gone"_s, 99));
    QCOMPARE(json, (QJsonObject{{u"code"_s, u"not_found"_s}, {u"message"_s, u"gone"_s}}));
    json = errorToJson(makeError(ErrorCode::RateLimited, u"slow"_s, 250));
    QCOMPARE(json,
             (QJsonObject{{u"code"_s, u"rate_limited"_s},
                          {u"message"_s, u"slow"_s},
                          {u"retry_after_ms"_s, 250}}));
    const std::optional<Error> back = errorFromJson(json);
    QVERIFY(back);
    QCOMPARE(*back, makeError(ErrorCode::RateLimited, u"slow"_s, 250));
    QVERIFY(!errorFromJson({}));
    QVERIFY(!errorFromJson({{u"code"_s, u"not_found"_s}}));
    QVERIFY(!errorFromJson({{u"message"_s, u"gone"_s}}));
}

void TestProtocolCodec::pushRoundTrip_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QJsonObject>("data");
    QTest::newRow("new_message") << u"new_message"_s
                                 << QJsonObject{{u"message"_s, QJsonObject{{u"seq"_s, 1}}}};
    QTest::newRow("typing") << u"typing"_s
                            << QJsonObject{{u"conversation_id"_s, 7}, {u"typing"_s, true}};
    QTest::newRow("every JSON type") << u"presence"_s << sampleData();
    QTest::newRow("empty data") << u"session_revoked"_s << QJsonObject();
}

void TestProtocolCodec::pushRoundTrip()
{
    QFETCH(QString, type);
    QFETCH(QJsonObject, data);
    const QByteArray text = encodePush(type, data);
    const QJsonObject wire = QJsonDocument::fromJson(text).object();
    QVERIFY(!wire.contains(u"rid"_s));
    QVERIFY(!wire.contains(u"success"_s));
    const Result<ServerFrame> frame = decodeServerFrame(text);
    BANTER_COMPARE_OUTCOME(frame, Accepted);
    QCOMPARE(frame->kind, ServerFrame::Kind::Push);
    QCOMPARE(frame->type, type);
    QVERIFY(frame->rid.isEmpty());
    QCOMPARE(frame->data, data);
}

void TestProtocolCodec::lenientServerFrames()
{
    // A code this client does not know (from a newer server) is still a failure: internal.
    Result<ServerFrame> frame = decodeServerFrame(
        R"({"type":"x","rid":"1","success":false,"error":{"code":"from_the_future","message":"m"}})"_ba);
    BANTER_COMPARE_OUTCOME(frame, Accepted);
    QCOMPARE(frame->error.code, ErrorCode::Internal);
    QCOMPARE(frame->error.message, u"m"_s);
    // Clients ignore fields they do not know.
    frame = decodeServerFrame(
        R"({"type":"x","rid":"1","success":true,"data":{"a":1},"trace":"t","v":{"w":[]}})"_ba);
    BANTER_COMPARE_OUTCOME(frame, Accepted);
    QCOMPARE(frame->data, (QJsonObject{{u"a"_s, 1}}));
    frame = decodeServerFrame(
        R"({"type":"x","rid":"1","success":false,"error":{"code":"conflict","message":"m","hint":1}})"_ba);
    BANTER_COMPARE_OUTCOME(frame, Accepted);
    QCOMPARE(frame->error.code, ErrorCode::Conflict);
    // A success without data, and a push with null data, carry an empty object.
    frame = decodeServerFrame(R"({"type":"logout","rid":"1","success":true})"_ba);
    BANTER_COMPARE_OUTCOME(frame, Accepted);
    QVERIFY(frame->data.isEmpty());
    frame = decodeServerFrame(R"({"type":"typing","data":null})"_ba);
    BANTER_COMPARE_OUTCOME(frame, Accepted);
    QCOMPARE(frame->kind, ServerFrame::Kind::Push);
    // Without "success" a frame is a push, whatever else it has.
    frame = decodeServerFrame(R"({"type":"typing","rid":"3","data":{}})"_ba);
    BANTER_COMPARE_OUTCOME(frame, Accepted);
    QCOMPARE(frame->kind, ServerFrame::Kind::Push);
}

void TestProtocolCodec::serverFrameErrors_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<ErrorCode>("code");
    const auto bad = ErrorCode::BadRequest;
    const auto failure = [](const char *error) -> QByteArray {
        return R"({"type":"x","rid":"1","success":false,"error":)"_ba + error + "}";
    };
    QTest::newRow("not JSON") << "nope"_ba << bad;
    QTest::newRow("empty") << QByteArray() << bad;
    QTest::newRow("array") << "[]"_ba << bad;
    QTest::newRow("string") << R"("x")"_ba << bad;
    QTest::newRow("invalid UTF-8") << "{\"type\":\"\xc0\xaf\"}"_ba << bad;
    QTest::newRow("type missing") << R"({"data":{}})"_ba << bad;
    QTest::newRow("type a number") << R"({"type":1,"data":{}})"_ba << bad;
    QTest::newRow("type of 33 characters")
        << toText({{u"type"_s, QString(33, u't')}, {u"data"_s, QJsonObject()}})
        << ErrorCode::TooLarge;
    QTest::newRow("type with lone surrogate") << R"({"type":"\ud800"})"_ba << bad;
    QTest::newRow("rid a number") << R"({"type":"x","rid":1,"success":true})"_ba << bad;
    QTest::newRow("rid of 65 characters")
        << toText({{u"type"_s, u"x"_s}, {u"rid"_s, QString(65, u'r')}, {u"success"_s, true}})
        << ErrorCode::TooLarge;
    QTest::newRow("success a string") << R"({"type":"x","rid":"1","success":"true"})"_ba << bad;
    QTest::newRow("success a number") << R"({"type":"x","rid":"1","success":1})"_ba << bad;
    QTest::newRow("success data an array")
        << R"({"type":"x","rid":"1","success":true,"data":[]})"_ba << bad;
    QTest::newRow("push data a string") << R"({"type":"x","data":"{}"})"_ba << bad;
    QTest::newRow("failure without error") << R"({"type":"x","rid":"1","success":false})"_ba << bad;
    QTest::newRow("error null") << failure("null") << bad;
    QTest::newRow("error a string") << failure(R"("not_found")") << bad;
    QTest::newRow("error an array") << failure("[]") << bad;
    QTest::newRow("error without code") << failure(R"({"message":"m"})") << bad;
    QTest::newRow("error code a number") << failure(R"({"code":7,"message":"m"})") << bad;
    QTest::newRow("error without message") << failure(R"({"code":"not_found"})") << bad;
    QTest::newRow("error message a number")
        << failure(R"({"code":"not_found","message":1})") << bad;
    QTest::newRow("retry_after_ms negative")
        << failure(R"({"code":"rate_limited","message":"m","retry_after_ms":-1})") << bad;
    QTest::newRow("retry_after_ms a fraction")
        << failure(R"({"code":"rate_limited","message":"m","retry_after_ms":1.5})") << bad;
    QTest::newRow("retry_after_ms a string")
        << failure(R"({"code":"rate_limited","message":"m","retry_after_ms":"100"})") << bad;
    QTest::newRow("retry_after_ms over a day")
        << failure(R"({"code":"rate_limited","message":"m","retry_after_ms":86400001})") << bad;
    QTest::newRow("nested 9 levels")
        << toText({{u"type"_s, u"x"_s}, {u"data"_s, nestedValue(8)}}) << bad;
}

void TestProtocolCodec::serverFrameErrors()
{
    QFETCH(QByteArray, frame);
    QFETCH(ErrorCode, code);
    BANTER_COMPARE_OUTCOME(decodeServerFrame(frame), fails(code));
}

void TestProtocolCodec::serverFrameSizeLimit()
{
    const QByteArray frame = encodePush(u"typing"_s, {});
    BANTER_COMPARE_OUTCOME(decodeServerFrame(padded(frame, MaxServerFrameBytes)), Accepted);
    BANTER_COMPARE_OUTCOME(decodeServerFrame(padded(frame, MaxServerFrameBytes + 1)),
                           fails(ErrorCode::TooLarge));
    // The server may send far more than a client may: a 1 MiB page is fine.
    const QJsonObject page{{u"messages"_s, QString(1 << 20, u'm')}};
    BANTER_COMPARE_OUTCOME(decodeServerFrame(encodeSuccess(u"sync"_s, u"1"_s, page)), Accepted);
    // Nesting: 8 levels counting the envelope are allowed.
    BANTER_COMPARE_OUTCOME(
        decodeServerFrame(toText({{u"type"_s, u"x"_s}, {u"data"_s, nestedValue(7)}})), Accepted);
}

QTEST_GUILESS_MAIN(TestProtocolCodec)
#include "tst_protocolcodec.moc"
