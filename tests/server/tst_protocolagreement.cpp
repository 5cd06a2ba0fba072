// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// docs/PROTOCOL.md and the server agree (issue 16): the limits table is compared with the
// constants and defaults the server enforces, so neither can drift alone; and the answers the
// document promises for rule-breaking requests are the ones a real banterd gives.
#include "rawclient.h"
#include "service/authservice.h"
#include "testserver.h"
#include "waiting.h"
#include <banter/domain/conversation.h>
#include <banter/domain/messagecontent.h>
#include <banter/domain/user.h>
#include <banter/protocol/adminmessages.h>
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/peoplemessages.h>
#include <banter/protocol/replybudget.h>
#include <banter/protocol/searchmessages.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
// The rows of the table under "## 5. Limits": first cell → the whole row.
QList<std::pair<QString, QString>> limitsTable()
{
    QFile file(QStringLiteral(BANTER_SOURCE_DIR) + u"/docs/PROTOCOL.md"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    const qsizetype start = text.indexOf(u"\n## 5. Limits"_s);
    const qsizetype end = text.indexOf(u"\n## "_s, start + 1);
    if (start < 0 || end < 0)
        return {};
    QList<std::pair<QString, QString>> rows;
    const QStringList lines = text.mid(start, end - start).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        // A table's header is the row above its |---| line.
        const bool header = i + 1 < lines.size() && lines.at(i + 1).startsWith("|---"_L1);
        if (!line.startsWith(u'|') || line.startsWith("|---"_L1) || header)
            continue;
        const qsizetype split = line.indexOf(u'|', 1);
        rows.append({line.mid(1, split - 1).trimmed(), line});
    }
    return rows;
}

QString kib(qint64 bytes)
{
    return u"%1 KiB"_s.arg(bytes / 1024);
}

QString mib(qint64 bytes)
{
    return u"%1 MiB"_s.arg(bytes / (1024 * 1024));
}

QString range(int min, int max)
{
    return u"%1–%2"_s.arg(min).arg(max);
}

QString rate(double perSecond, double burst)
{
    return u"%1/s, burst %2"_s.arg(perSecond).arg(burst);
}
} // namespace

class TestProtocolAgreement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void limitsTableMatchesTheServer();
    void refusedPingIsPong();
    void ruleBreakingRidAndTypeAreEchoed();
    void usernameLengthCodes();
    void pageLimitsOutOfRangeAreBadRequest_data();
    void pageLimitsOutOfRangeAreBadRequest();
    void messageIdsAreUniqueAcrossTheServer();

private:
    std::unique_ptr<TestServer> m_server;
    RawClient m_alice;
    RawClient m_bob;
    qint64 m_conversation = 0;
};

void TestProtocolAgreement::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    QVERIFY(m_alice.open(m_server->url()));
    QVERIFY(m_bob.open(m_server->url()));
    const auto alice = m_alice.registerUser(u"alice"_s);
    QVERIFY(alice);
    QVERIFY(m_bob.registerUser(u"bob"_s));
    const auto group = m_alice.request(u"create_group"_s,
                                       {{u"name"_s, u"team"_s}, {u"member_ids"_s, QJsonArray{}}});
    QVERIFY(succeeded(group));
    m_conversation = group->data.value(u"conversation"_s).toObject().value(u"id"_s).toInteger();
    QVERIFY(m_conversation > 0);
}

// Each row of the table names numbers; each must be what the server enforces by default.
// A row the test does not know fails too: a new limit gets its check here.
void TestProtocolAgreement::limitsTableMatchesTheServer()
{
    const Server::ServerConfig config;
    const Server::ServerLimits &l = config.limits;
    const Server::FileLimits &f = config.files;
    const Server::AuthSettings auth;
    using namespace UserRules;
    const QList<std::pair<QString, QStringList>> expected = {
        {u"client frame"_s,
         {kib(Protocol::MaxRequestFrameBytes), kib(l.maxRequestBytes), u"1009"_s}},
        {u"message text"_s, {QString::number(MessageContent::MaxTextLength)}},
        {u"username"_s, {range(MinUsernameLength, MaxUsernameLength), u"too_large"_s}},
        {u"display name"_s, {QString::number(MaxDisplayNameLength)}},
        {u"avatar"_s,
         {u"%1×%1"_s.arg(AvatarRules::MaxSide),
          QLocale(QLocale::English).toString(AvatarRules::MaxBytes)}},
        {u"profile changes"_s,
         {u"%1 a minute, burst %2"_s.arg(l.profileUpdatesPerMinute).arg(l.profileUpdateBurst)}},
        // Before "password": the first entry whose label begins the row is used.
        {u"password checks"_s,
         {u"%1 on the server"_s.arg(auth.maxPendingPasswordChecks),
          u"%1 per account"_s.arg(l.passwordChecksPerAccount),
          u"%1 per address"_s.arg(l.passwordChecksPerAddress)}},
        {u"password"_s,
         {u"%1 characters minimum"_s.arg(MinPasswordLength), u"%1 bytes"_s.arg(MaxPasswordBytes)}},
        {u"device name"_s, {range(1, MaxDeviceNameLength)}},
        {u"group name"_s, {range(1, ConversationRules::MaxGroupNameLength)}},
        {u"group size"_s,
         {QString::number(l.maxGroupSize), QString::number(ConversationRules::DefaultMaxGroupSize),
          u"at most %1"_s.arg(ConversationRules::MaxGroupSizeAllowed)}},
        {u"requests per connection"_s, {rate(l.requestsPerSecond, l.requestBurst)}},
        {u"frames sent while refused"_s, {u"(%1)"_s.arg(l.requestBurst)}},
        {u"messages per user"_s, {rate(l.messagesPerSecond, l.messageBurst)}},
        {u"edit window"_s, {u"`edit_window_seconds` = %1"_s.arg(l.editWindowSeconds)}},
        {u"reaction"_s,
         {u"≤ %1 bytes"_s.arg(MessageContent::MaxEmojiBytes),
          u"≤ %1 different"_s.arg(MessageContent::MaxDistinctReactions)}},
        {u"mentions"_s, {QString::number(MessageContent::MaxMentions)}},
        {u"typing"_s, {rate(l.typingPerSecond, l.typingBurst)}},
        {u"failed sign-ins"_s,
         {u"%1 per %2 minutes"_s.arg(l.loginFailuresPerAddress).arg(l.loginWindowSeconds / 60),
          u"after %1"_s.arg(l.loginFailuresPerAccount),
          u"at most %1 s"_s.arg(l.loginAccountDelayMaxSeconds)}},
        {u"live sessions"_s, {QString::number(l.maxSessionsPerUser)}},
        {u"new accounts"_s, {u"%1 per address per hour"_s.arg(l.registrationsPerAddressPerHour)}},
        {u"connections per account"_s, {QString::number(l.maxConnectionsPerUser)}},
        {u"history page"_s,
         {range(1, Protocol::HistoryRequest::MaxLimit),
          u"default %1"_s.arg(Protocol::HistoryRequest::DefaultLimit)}},
        {u"sync page"_s,
         {range(1, Protocol::SyncRequest::MaxLimit),
          u"default %1"_s.arg(Protocol::SyncRequest::DefaultLimit), mib(l.syncPageBytes)}},
        {u"search"_s,
         {range(1, Protocol::SearchRequest::MaxQueryChars),
          range(1, Protocol::SearchRequest::MaxLimit),
          u"default %1"_s.arg(Protocol::SearchRequest::DefaultLimit), kib(l.searchReplyBytes),
          u"%1 searches/s per user, burst %2"_s.arg(l.searchPerSecond).arg(l.searchBurst)}},
        {u"unauthenticated connection"_s, {u"%1 s"_s.arg(l.authTimeoutSeconds), u"1008"_s}},
        {u"idle connection"_s, {u"%1 s"_s.arg(l.idleTimeoutSeconds), u"1001"_s}},
        {u"file size"_s, {mib(f.maxFileBytes)}},
        {u"storage per user"_s, {u"%1 GiB"_s.arg(f.quotaBytes >> 30)}},
        {u"uploads in progress"_s,
         {u"%1 s"_s.arg(f.idleUploadSeconds), u"| %1 |"_s.arg(f.maxConcurrentUploads)}},
        {u"unfinished uploads per user"_s, {u"| %1 |"_s.arg(f.maxUnfinishedUploads)}},
        {u"downloads running"_s, {u"| %1 |"_s.arg(f.maxDownloadsPerConnection)}},
        {u"upload chunk"_s, {u"%1 / %2"_s.arg(kib(f.chunkBytes), mib(f.windowBytes))}},
        {u"unfinished upload kept"_s, {u"%1 hours"_s.arg(f.abandonedUploadSeconds / 3600)}},
        {u"membership changes"_s,
         {u"%1 a minute, burst %2"_s.arg(l.membershipChangesPerMinute)
              .arg(l.membershipChangeBurst)}},
        {u"groups one user may add"_s,
         {u"%1 an hour per person added"_s.arg(l.groupAddsPerPairPerHour),
          u"%1 different people an hour"_s.arg(
              QLocale(QLocale::English).toString(l.groupAddPeoplePerHour))}},
        {u"status changes"_s,
         {u"%1 a minute, burst %2"_s.arg(l.presenceChangesPerMinute).arg(l.presenceChangeBurst)}},
        {u"conversation list"_s, {mib(Protocol::ListReplyTargetBytes)}},
        {u"contact list and presences"_s,
         {mib(Protocol::ListReplyTargetBytes),
          u"%1 entries"_s.arg(QLocale(QLocale::English).toString(Protocol::MaxPeoplePerPage))}},
        {u"TLS handshake"_s, {u"within %1 s"_s.arg(l.handshakeTimeoutSeconds)}},
        {u"sockets per address"_s, {u"| %1;"_s.arg(l.maxConnectionsPerAddress)}},
        {u"unfinished handshakes"_s, {u"| %1;"_s.arg(l.maxPendingHandshakes)}},
        {u"data waiting"_s, {mib(l.maxPendingWriteBytes), u"1009"_s}},
        // The reply sizes table.
        {u"`history`"_s, {mib(Protocol::ListReplyTargetBytes)}},
        {u"`sync`"_s, {mib(l.syncPageBytes)}},
        {u"`conversations`"_s, {mib(Protocol::ListReplyTargetBytes)}},
        {u"`contacts`"_s,
         {mib(Protocol::ListReplyTargetBytes),
          u"%1 contacts"_s.arg(QLocale(QLocale::English).toString(Protocol::MaxPeoplePerPage))}},
        {u"`presences`"_s,
         {mib(Protocol::ListReplyTargetBytes),
          u"%1 presences"_s.arg(QLocale(QLocale::English).toString(Protocol::MaxPeoplePerPage))}},
        {u"`search`"_s, {kib(l.searchReplyBytes)}},
        {u"`users`"_s, {u"%1 users"_s.arg(Protocol::UserSearchRequest::MaxLimit)}},
        {u"`reactions`"_s,
         {u"%1 emoji × %2 user ids"_s.arg(MessageContent::MaxDistinctReactions)
              .arg(Protocol::ReactorsReply::MaxUsersPerEmoji)}},
        {u"`sessions`"_s, {u"%1 sessions"_s.arg(l.maxSessionsPerUser)}},
        {u"`admin_users`"_s, {u"%1 users"_s.arg(Protocol::AdminUsersRequest::MaxLimit)}},
        {u"`admin_sessions`"_s, {u"%1 sessions"_s.arg(l.maxSessionsPerUser)}},
        {u"`conversation` and pushes"_s,
         {u"%1 members"_s.arg(l.maxGroupSize),
          u"at most %1"_s.arg(ConversationRules::MaxGroupSizeAllowed)}},
    };
    const auto rows = limitsTable();
    QVERIFY2(rows.size() >= 30, "the limits table was not found in docs/PROTOCOL.md");
    for (const auto &entry : rows) {
        // Named copies, not a structured binding: clang 14 cannot capture one in the lambda.
        const QString &label = entry.first;
        const QString &row = entry.second;
        const auto it = std::ranges::find_if(
            expected, [&](const auto &check) { return label.startsWith(check.first); });
        QVERIFY2(it != expected.end(),
                 qPrintable(u"the limits row '%1' has no check here; add one"_s.arg(label)));
        for (const QString &fragment : it->second)
            QVERIFY2(row.contains(fragment),
                     qPrintable(u"row '%1' does not say '%2': %3"_s.arg(label, fragment, row)));
    }
}

void TestProtocolAgreement::refusedPingIsPong()
{
    m_alice.sendText(R"({"type":"ping","rid":"p1","data":5})"_ba);
    const auto refused = m_alice.nextResponse();
    QVERIFY(refused);
    QCOMPARE(refused->type, u"pong"_s);
    QCOMPARE(refused->rid, u"p1"_s);
    QCOMPARE(refusal(refused), ErrorCode::BadRequest);
    const auto answered = m_alice.request(u"ping"_s);
    QVERIFY(succeeded(answered));
    QCOMPARE(answered->type, u"pong"_s);
}

// A rid or type that is readable but too long is echoed so the client can match the answer;
// an empty rid is the same as none ("rid": null), as PROTOCOL.md §2 says.
void TestProtocolAgreement::ruleBreakingRidAndTypeAreEchoed()
{
    const QString longRid(Protocol::MaxRequestIdLength + 1, u'r');
    const QString longType(Protocol::MaxTypeLength + 1, u't');
    m_alice.undecodable.clear();
    m_alice.sendText(QJsonDocument(QJsonObject{{u"type"_s, u"ping"_s}, {u"rid"_s, longRid}})
                         .toJson(QJsonDocument::Compact));
    m_alice.sendText(QJsonDocument(QJsonObject{{u"type"_s, longType}, {u"rid"_s, u"t1"_s}})
                         .toJson(QJsonDocument::Compact));
    m_alice.sendText(R"({"type":"ping","rid":""})"_ba);
    // The client library refuses a response whose rid it could never have sent, so the raw
    // frames are read.
    QList<QJsonObject> answers;
    QVERIFY(waitFor(
        [&] {
            while (!m_alice.undecodable.isEmpty())
                answers.append(QJsonDocument::fromJson(m_alice.undecodable.takeFirst()).object());
            while (!m_alice.responses.isEmpty()) {
                const Protocol::ServerFrame frame = m_alice.responses.takeFirst();
                answers.append({{u"type"_s, frame.type},
                                {u"rid"_s, frame.rid.isEmpty() ? QJsonValue() : frame.rid},
                                {u"code"_s, errorCodeName(frame.error.code)}});
            }
            return answers.size() >= 3;
        },
        5000, "three answers"));
    QCOMPARE(answers.size(), 3);
    QCOMPARE(answers.at(0).value(u"rid"_s).toString(), longRid);
    QCOMPARE(answers.at(0).value(u"type"_s).toString(), u"pong"_s);
    QCOMPARE(answers.at(0).value(u"error"_s).toObject().value(u"code"_s).toString(),
             u"too_large"_s);
    QCOMPARE(answers.at(1).value(u"rid"_s).toString(), u"t1"_s);
    QCOMPARE(answers.at(1).value(u"type"_s).toString(), longType);
    QVERIFY(answers.at(2).value(u"rid"_s).isNull());
    QCOMPARE(answers.at(2).value(u"type"_s).toString(), u"pong"_s);
}

// PROTOCOL.md §5: a username outside 3–32 is bad_request, one over 32 characters too_large.
void TestProtocolAgreement::usernameLengthCodes()
{
    RawClient client;
    QVERIFY(client.open(m_server->url()));
    const auto request = [&](const QString &name) {
        return client.request(u"register"_s,
                              {{u"username"_s, name},
                               {u"password"_s, u"correct horse"_s},
                               {u"device"_s, u"laptop"_s}});
    };
    QCOMPARE(refusal(request(QString(UserRules::MaxUsernameLength + 1, u'a'))),
             ErrorCode::TooLarge);
    QCOMPARE(refusal(request(QString(UserRules::MinUsernameLength - 1, u'a'))),
             ErrorCode::BadRequest);
    QCOMPARE(refusal(request(u"-dash"_s)), ErrorCode::BadRequest);
    QVERIFY(succeeded(request(QString(UserRules::MaxUsernameLength, u'a'))));
}

void TestProtocolAgreement::pageLimitsOutOfRangeAreBadRequest_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QJsonObject>("data");
    QTest::addColumn<int>("max");
    QTest::newRow("history") << u"history"_s << QJsonObject{} << Protocol::HistoryRequest::MaxLimit;
    QTest::newRow("sync") << u"sync"_s << QJsonObject{{u"positions"_s, QJsonObject{}}}
                          << Protocol::SyncRequest::MaxLimit;
    QTest::newRow("search") << u"search"_s << QJsonObject{{u"query"_s, u"hello"_s}}
                            << Protocol::SearchRequest::MaxLimit;
}

void TestProtocolAgreement::pageLimitsOutOfRangeAreBadRequest()
{
    QFETCH(QString, type);
    QFETCH(QJsonObject, data);
    QFETCH(int, max);
    if (type == "history"_L1)
        data.insert(u"conversation_id"_s, m_conversation);
    for (const int limit : {0, -1, max + 1}) {
        data.insert(u"limit"_s, limit);
        QCOMPARE(refusal(m_alice.request(type, data)), ErrorCode::BadRequest);
    }
    data.insert(u"limit"_s, max);
    const auto atMax = m_alice.request(type, data);
    QVERIFY2(succeeded(atMax), atMax ? qPrintable(atMax->error.message) : "no answer");
}

// A message id is unique across the server: another user sending one already used, in a
// conversation of their own, is refused with conflict and sees nothing of the original.
void TestProtocolAgreement::messageIdsAreUniqueAcrossTheServer()
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVERIFY(succeeded(m_alice.request(
        u"message"_s,
        {{u"id"_s, id}, {u"conversation_id"_s, m_conversation}, {u"content"_s, u"mine"_s}})));
    const auto own =
        m_bob.request(u"create_group"_s, {{u"name"_s, u"bobs"_s}, {u"member_ids"_s, QJsonArray{}}});
    QVERIFY(succeeded(own));
    const qint64 bobs = own->data.value(u"conversation"_s).toObject().value(u"id"_s).toInteger();
    const auto reused = m_bob.request(
        u"message"_s, {{u"id"_s, id}, {u"conversation_id"_s, bobs}, {u"content"_s, u"mine"_s}});
    QCOMPARE(refusal(reused), ErrorCode::Conflict);
    QVERIFY(!reused->error.message.contains(u"mine"_s));
}

QTEST_GUILESS_MAIN(TestProtocolAgreement)
#include "tst_protocolagreement.moc"
