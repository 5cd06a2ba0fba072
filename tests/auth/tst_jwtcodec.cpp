// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// HS256 access tokens: vectors made outside Banter, the pinned header, strict base64url,
// claim checks and expiry.
#include "auth/jwtcodec.h"
#include "auth/tokenkey.h"

#include <QMessageAuthenticationCode>
#include <QTest>

using namespace Banter;
using namespace Banter::Server;
using namespace Qt::StringLiterals;

namespace {
const QByteArray Key(32, 'k');

QByteArray b64(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// Signs any header and payload with HMAC-SHA256 through Qt rather than libsodium: tokens a
// forger who knows the key could make, and a second implementation to agree with.
QString forge(const QByteArray &headerJson, const QByteArray &payloadJson,
              const QByteArray &key = Key)
{
    const QByteArray input = b64(headerJson) + '.' + b64(payloadJson);
    return QString::fromLatin1(
        input + '.'
        + b64(QMessageAuthenticationCode::hash(input, key, QCryptographicHash::Sha256)));
}

// Signs a signing input exactly as given, however it is encoded.
QString signRaw(const QByteArray &input)
{
    return QString::fromLatin1(
        input + '.'
        + b64(QMessageAuthenticationCode::hash(input, Key, QCryptographicHash::Sha256)));
}

const QByteArray Hs256 = R"({"alg":"HS256","typ":"JWT"})"_ba;
const QByteArray GoodPayload = R"({"exp":2000,"iat":1000,"sid":9,"sub":"5","typ":"access"})"_ba;
} // namespace

class TestJwtCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void knownVector();
    void acceptsTokensSignedElsewhere();
    void rejectsHeaders_data();
    void rejectsHeaders();
    void rejectsClaims_data();
    void rejectsClaims();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void rejectsAuthenticButMisencodedPayload();
    void rejectsTampering();
    void rejectsOtherKey();
    void expiry();
    void keyFromTokenKey();
};

void TestJwtCodec::roundTrip()
{
    const JwtCodec codec(TokenKey::generate());
    const QString token = codec.sign({5, 9, 1000, 2000});
    const Result<AccessClaims> claims = codec.verify(token, 1500);
    QVERIFY(claims);
    QCOMPARE(claims->userId, 5);
    QCOMPARE(claims->sessionId, 9);
    QCOMPARE(claims->issuedAt, 1000);
    QCOMPARE(claims->expiresAt, 2000);
    // Ids up to 2^53 - 1 survive the trip through JSON.
    const QString big = codec.sign({MaxJsonSafeInteger, MaxJsonSafeInteger, 1000, 2000});
    QCOMPARE(codec.verify(big, 1500)->userId, MaxJsonSafeInteger);
    QCOMPARE(codec.verify(big, 1500)->sessionId, MaxJsonSafeInteger);
}

void TestJwtCodec::knownVector()
{
    // Computed with Python's hmac/hashlib/base64, independently of Banter:
    //   b = lambda x: base64.urlsafe_b64encode(x).rstrip(b'=').decode()
    //   h = b(b'{"alg":"HS256","typ":"JWT"}')
    //   p = b(json.dumps({"sub":"5","sid":9,"iat":1000,"exp":2000,"typ":"access"},
    //                    separators=(',',':'), sort_keys=True).encode())
    //   h + '.' + p + '.' + b(hmac.new(b'k'*32, (h+'.'+p).encode(), hashlib.sha256).digest())
    // PyJWT 2.6 (jwt.decode(token, b"k" * 32, algorithms=["HS256"])) accepts it too: any
    // standard JWT library verifies what banterd issues.
    const QString expected =
        u"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
        u"eyJleHAiOjIwMDAsImlhdCI6MTAwMCwic2lkIjo5LCJzdWIiOiI1IiwidHlwIjoiYWNjZXNzIn0."
        "ldKqvWlFzNAb6CoWtPBHVYNdMne3g9MBEu8hTrDrGGI"_s;
    const JwtCodec codec(Key);
    QCOMPARE(codec.sign({5, 9, 1000, 2000}), expected);
    const Result<AccessClaims> claims = codec.verify(expected, 1500);
    QVERIFY(claims);
    QCOMPARE(claims->userId, 5);
    QCOMPARE(claims->sessionId, 9);
}

void TestJwtCodec::acceptsTokensSignedElsewhere()
{
    // Python again, with json.dumps' default spacing and key order: the payload need not be
    // byte-for-byte what Banter would write, only authentic.
    const QString python =
        u"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
        u"eyJ0eXAiOiAiYWNjZXNzIiwgInN1YiI6ICI0MiIsICJzaWQiOiA3LCAiaWF0IjogMTcwMDAwMDAwMCwgImV4cCI6"
        u"IDE3MDAwMDA5MDB9."
        "3kfVzUtCOvjkUqzp8Vhb5qZjr_mlJnYTauI7jPe9kl0"_s;
    const Result<AccessClaims> claims = JwtCodec(Key).verify(python, 1700000100);
    QVERIFY(claims);
    QCOMPARE(claims->userId, 42);
    QCOMPARE(claims->sessionId, 7);
    QCOMPARE(claims->expiresAt, 1700000900);
    // PyJWT 2.6: jwt.encode({"sub": "42", "sid": 7, "iat": 1700000000, "exp": 1700000900,
    //                       "typ": "access"}, b"k" * 32, algorithm="HS256")
    const QString pyjwt =
        u"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
        u"eyJzdWIiOiI0MiIsInNpZCI6NywiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjE3MDAwMDA5MDAsInR5cCI6ImFjY2Vz"
        u"cyJ9."
        "JM4TpQ-rI_a_2-_5Cv1wp3Hg8AxE3ugYLkF2xVK-IQM"_s;
    const Result<AccessClaims> fromLibrary = JwtCodec(Key).verify(pyjwt, 1700000100);
    QVERIFY(fromLibrary);
    QCOMPARE(fromLibrary->userId, 42);
    QCOMPARE(fromLibrary->sessionId, 7);
    // And Qt's HMAC agrees with libsodium's.
    QVERIFY(JwtCodec(Key).verify(forge(Hs256, GoodPayload), 1500));
}

void TestJwtCodec::rejectsHeaders_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("emptySignature");
    QTest::newRow("alg none") << R"({"alg":"none","typ":"JWT"})"_ba << true;
    QTest::newRow("alg none, signed") << R"({"alg":"none","typ":"JWT"})"_ba << false;
    QTest::newRow("alg None") << R"({"alg":"None","typ":"JWT"})"_ba << true;
    QTest::newRow("HS512") << R"({"alg":"HS512","typ":"JWT"})"_ba << false;
    QTest::newRow("HS384") << R"({"alg":"HS384","typ":"JWT"})"_ba << false;
    QTest::newRow("RS256") << R"({"alg":"RS256","typ":"JWT"})"_ba << false;
    QTest::newRow("ES256") << R"({"alg":"ES256","typ":"JWT"})"_ba << false;
    QTest::newRow("hs256 lowercase") << R"({"alg":"hs256","typ":"JWT"})"_ba << false;
    QTest::newRow("no typ") << R"({"alg":"HS256"})"_ba << false;
    QTest::newRow("with kid") << R"({"alg":"HS256","kid":"1","typ":"JWT"})"_ba << false;
    QTest::newRow("with jku") << R"({"alg":"HS256","jku":"http://x","typ":"JWT"})"_ba << false;
    QTest::newRow("spaced") << R"({"alg": "HS256", "typ": "JWT"})"_ba << false;
    QTest::newRow("key order") << R"({"typ":"JWT","alg":"HS256"})"_ba << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestJwtCodec::rejectsHeaders()
{
    // Signed with the right key over the right payload: only the header is wrong.
    QFETCH(QByteArray, header);
    QFETCH(bool, emptySignature);
    QString token = forge(header, GoodPayload);
    if (emptySignature)
        token = token.left(token.lastIndexOf(u'.') + 1);
    const Result<AccessClaims> claims = JwtCodec(Key).verify(token, 1500);
    QVERIFY(!claims);
    QCOMPARE(claims.error().code, ErrorCode::InvalidCredentials);
}

void TestJwtCodec::rejectsClaims_data()
{
    // Authentic tokens (right header, right key) with claims Banter never issues.
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("typ refresh")
        << R"({"exp":2000,"iat":1000,"sid":9,"sub":"5","typ":"refresh"})"_ba;
    QTest::newRow("no typ") << R"({"exp":2000,"iat":1000,"sid":9,"sub":"5"})"_ba;
    QTest::newRow("numeric sub") << R"({"exp":2000,"iat":1000,"sid":9,"sub":5,"typ":"access"})"_ba;
    QTest::newRow("sub zero") << R"({"exp":2000,"iat":1000,"sid":9,"sub":"0","typ":"access"})"_ba;
    QTest::newRow("sub negative")
        << R"({"exp":2000,"iat":1000,"sid":9,"sub":"-5","typ":"access"})"_ba;
    QTest::newRow("sub padded")
        << R"({"exp":2000,"iat":1000,"sid":9,"sub":"05","typ":"access"})"_ba;
    QTest::newRow("sub text")
        << R"({"exp":2000,"iat":1000,"sid":9,"sub":"alice","typ":"access"})"_ba;
    QTest::newRow("sub too big")
        << R"({"exp":2000,"iat":1000,"sid":9,"sub":"9007199254740992","typ":"access"})"_ba;
    QTest::newRow("no sid") << R"({"exp":2000,"iat":1000,"sub":"5","typ":"access"})"_ba;
    QTest::newRow("sid zero") << R"({"exp":2000,"iat":1000,"sid":0,"sub":"5","typ":"access"})"_ba;
    QTest::newRow("sid string")
        << R"({"exp":2000,"iat":1000,"sid":"9","sub":"5","typ":"access"})"_ba;
    QTest::newRow("sid fraction")
        << R"({"exp":2000,"iat":1000,"sid":9.5,"sub":"5","typ":"access"})"_ba;
    QTest::newRow("no exp") << R"({"iat":1000,"sid":9,"sub":"5","typ":"access"})"_ba;
    QTest::newRow("exp string")
        << R"({"exp":"2000","iat":1000,"sid":9,"sub":"5","typ":"access"})"_ba;
    QTest::newRow("no iat") << R"({"exp":2000,"sid":9,"sub":"5","typ":"access"})"_ba;
    QTest::newRow("iat after exp")
        << R"({"exp":2000,"iat":2001,"sid":9,"sub":"5","typ":"access"})"_ba;
    QTest::newRow("negative iat") << R"({"exp":2000,"iat":-1,"sid":9,"sub":"5","typ":"access"})"_ba;
    QTest::newRow("array") << R"([5,9,1000,2000])"_ba;
    QTest::newRow("not json") << "sub=5"_ba;
    QTest::newRow("empty") << QByteArray();
}

void TestJwtCodec::rejectsClaims()
{
    QFETCH(QByteArray, payload);
    const Result<AccessClaims> claims = JwtCodec(Key).verify(forge(Hs256, payload), 1500);
    QVERIFY(!claims);
    QCOMPARE(claims.error().code, ErrorCode::InvalidCredentials);
}

void TestJwtCodec::rejectsMalformed_data()
{
    QTest::addColumn<QString>("token");
    const QString good = JwtCodec(Key).sign({5, 9, 1000, 2000});
    const QStringList parts = good.split(u'.');
    QCOMPARE(parts.size(), 3);
    QVERIFY(parts[2].endsWith(u'I')); // below: 'J' differs only in the unused low bits
    const QString head = parts[0] + u'.' + parts[1] + u'.';
    QTest::newRow("empty") << QString();
    QTest::newRow("one part") << parts[0];
    QTest::newRow("two parts") << parts[0] + u'.' + parts[1];
    QTest::newRow("four parts") << good + u".x"_s;
    QTest::newRow("trailing dot") << good + u"."_s;
    QTest::newRow("leading dot") << u"."_s + good;
    QTest::newRow("dots only") << u".."_s;
    QTest::newRow("no signature") << head;
    QTest::newRow("padded signature") << good + u"="_s;
    QTest::newRow("padded payload") << parts[0] + u'.' + parts[1] + u"=."_s + parts[2];
    QTest::newRow("standard alphabet")
        << head + QString(parts[2]).replace(u'-', u'+').replace(u'_', u'/') + u"+/"_s;
    QTest::newRow("space in signature") << head + parts[2].left(10) + u' ' + parts[2].mid(10);
    QTest::newRow("newline at end") << good + u"\n"_s;
    QTest::newRow("non-canonical last char") << head + parts[2].chopped(1) + u'J';
    QTest::newRow("signature one char short") << head + parts[2].chopped(1);
    QTest::newRow("signature one char long") << good + u"A"_s;
    QTest::newRow("trailing garbage") << good + u"!!"_s;
    QTest::newRow("non-latin1") << head + parts[2].chopped(1) + u'é';
    QTest::newRow("payload bad char") << parts[0] + u'.' + parts[1] + u"*." + parts[2];
    QTest::newRow("huge") << head + QString(5000, u'A');
}

void TestJwtCodec::rejectsMalformed()
{
    QFETCH(QString, token);
    const Result<AccessClaims> claims = JwtCodec(Key).verify(token, 1500);
    QVERIFY(!claims);
    QCOMPARE(claims.error().code, ErrorCode::InvalidCredentials);
}

void TestJwtCodec::rejectsAuthenticButMisencodedPayload()
{
    // Correctly signed, so only the strict decoding of the payload can refuse these.
    // An unknown claim is ignored; this one makes the encoding use '_' and need padding.
    const QByteArray json =
        R"({"exp":2000,"iat":1000,"sid":9,"sub":"5","typ":"access","x":"??"})"_ba;
    const QByteArray header = b64(Hs256);
    const QByteArray payload = b64(json);
    QVERIFY(JwtCodec(Key).verify(signRaw(header + '.' + payload), 1500)); // the control
    const QByteArray standard = json.toBase64(QByteArray::OmitTrailingEquals); // '+' and '/'
    QVERIFY(standard != payload);
    const QList<QByteArray> misencoded{payload + "=",
                                       payload + "==",
                                       standard,
                                       payload + " ",
                                       payload.left(payload.size() - 1) + "$",
                                       payload + "A"};
    for (const QByteArray &bad : misencoded) {
        const Result<AccessClaims> claims = JwtCodec(Key).verify(signRaw(header + '.' + bad), 1500);
        QVERIFY2(!claims, bad.constData());
        QCOMPARE(claims.error().code, ErrorCode::InvalidCredentials);
    }
}

void TestJwtCodec::rejectsTampering()
{
    const JwtCodec codec(Key);
    const QStringList parts = codec.sign({5, 9, 1000, 2000}).split(u'.');
    // Someone else's user id under the original signature.
    const QString otherUser =
        QString::fromLatin1(b64(R"({"exp":2000,"iat":1000,"sid":9,"sub":"6","typ":"access"})"_ba));
    QCOMPARE(codec.verify(parts[0] + u'.' + otherUser + u'.' + parts[2], 1500).error().code,
             ErrorCode::InvalidCredentials);
    // A later expiry under the original signature.
    const QString longer =
        QString::fromLatin1(b64(R"({"exp":99999,"iat":1000,"sid":9,"sub":"5","typ":"access"})"_ba));
    QCOMPARE(codec.verify(parts[0] + u'.' + longer + u'.' + parts[2], 1500).error().code,
             ErrorCode::InvalidCredentials);
    // Every single flipped signature character.
    for (int i = 0; i < parts[2].size() - 1; ++i) {
        QString signature = parts[2];
        signature[i] = signature[i] == u'A' ? u'B' : u'A';
        const Result<AccessClaims> claims =
            codec.verify(parts[0] + u'.' + parts[1] + u'.' + signature, 1500);
        QVERIFY2(!claims, qPrintable(u"flipped character %1 accepted"_s.arg(i)));
        QCOMPARE(claims.error().code, ErrorCode::InvalidCredentials);
    }
    // A forgery that is also expired is a forgery first: the signature is checked first.
    QCOMPARE(codec.verify(parts[0] + u'.' + otherUser + u'.' + parts[2], 5000).error().code,
             ErrorCode::InvalidCredentials);
}

void TestJwtCodec::rejectsOtherKey()
{
    const QString token = JwtCodec(QByteArray(32, 'x')).sign({5, 9, 1000, 2000});
    QCOMPARE(JwtCodec(Key).verify(token, 1500).error().code, ErrorCode::InvalidCredentials);
    QCOMPARE(JwtCodec(TokenKey::generate()).verify(token, 1500).error().code,
             ErrorCode::InvalidCredentials);
}

void TestJwtCodec::expiry()
{
    const JwtCodec codec(Key);
    const QString token = codec.sign({5, 9, 1000, 2000});
    QVERIFY(codec.verify(token, 1000));
    QVERIFY(codec.verify(token, 1999));
    QCOMPARE(codec.verify(token, 2000).error().code, ErrorCode::TokenExpired);
    QCOMPARE(codec.verify(token, 9999).error().code, ErrorCode::TokenExpired);
}

void TestJwtCodec::keyFromTokenKey()
{
    const TokenKey key = TokenKey::generate();
    QCOMPARE(key.bytes().size(), TokenKey::Size);
    const QString token = JwtCodec(key).sign({5, 9, 1000, 2000});
    QVERIFY(JwtCodec(key.bytes()).verify(token, 1500));
    QVERIFY(TokenKey::generate().bytes() != key.bytes());
}

QTEST_GUILESS_MAIN(TestJwtCodec)
#include "tst_jwtcodec.moc"
