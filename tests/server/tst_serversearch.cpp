// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// "search" through the real server: what is found (text, Chinese, operators as plain
// characters), by whom (members only, from when they joined until they left), in which
// order and pages, how big a reply gets, and every malformed or unauthorized request.
#include "manualclock.h"
#include "rawclient.h"
#include "testserver.h"
#include <banter/protocol/conversationmessages.h>
#include <banter/protocol/searchmessages.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
const QChar Start(Protocol::SearchHighlightStart);
const QChar End(Protocol::SearchHighlightEnd);

QString marked(const QString &text)
{
    return Start + text + End;
}
} // namespace

class TestServerSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void findsTextNewestFirstWithSnippet();
    void findsChineseByAnyPart();
    void editedAndDeletedFoundByCurrentTextOnly();
    void operatorsAreLiteral_data();
    void operatorsAreLiteral();
    void removedMemberFindsNothingAfterRemoval();
    void nonMemberFindsNothing();
    void laterMemberFindsNothingFromBeforeJoining();
    void pagesGoBackWithoutGapsOrRepeats();
    void conversationScope();
    void snippetIsBoundedAndMarkersCannotBeForged();
    void replyIsCutByEncodedSize();
    void everyPathFindsAllAndOnlyWhatIsReadable_data();
    void everyPathFindsAllAndOnlyWhatIsReadable();
    void badInputIsRefused_data();
    void badInputIsRefused();
    void unauthenticatedSearchRefused();
    void searchIsRateLimited();

private:
    void start(const Server::ServerConfig &config);
    qint64 createGroup(RawClient &by, const QList<qint64> &members);
    qint64 send(RawClient &from, qint64 conversation, const QString &text);
    std::optional<Protocol::SearchReply> search(RawClient &by, const QJsonObject &request);
    QStringList snippets(RawClient &by, const QString &query, qint64 conversation = 0);

    ManualClock m_clock;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<RawClient> m_alice;
    std::unique_ptr<RawClient> m_bob;
    std::unique_ptr<RawClient> m_carol;
    qint64 m_aliceId = 0;
    qint64 m_bobId = 0;
    qint64 m_carolId = 0;
};

void TestServerSearch::init()
{
    start(TestServer::unthrottledConfig());
}

void TestServerSearch::start(const Server::ServerConfig &config)
{
    m_server = std::make_unique<TestServer>(config);
    m_server->setClock(m_clock.clock());
    QVERIFY(m_server->start());
    auto signUp = [this](std::unique_ptr<RawClient> &client, const QString &name) -> qint64 {
        client = std::make_unique<RawClient>();
        if (!client->open(m_server->url()))
            return 0;
        const auto grant = client->registerUser(name);
        return grant ? qint64(grant->value(u"user"_s).toObject().value(u"id"_s).toDouble()) : 0;
    };
    m_aliceId = signUp(m_alice, u"alice"_s);
    m_bobId = signUp(m_bob, u"bob"_s);
    m_carolId = signUp(m_carol, u"carol"_s);
    QVERIFY(m_aliceId > 0 && m_bobId > 0 && m_carolId > 0);
}

void TestServerSearch::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_carol.reset();
    m_server.reset();
}

qint64 TestServerSearch::createGroup(RawClient &by, const QList<qint64> &members)
{
    const auto reply =
        by.request(u"create_group"_s, Protocol::CreateGroupRequest{u"Team"_s, members}.toJson());
    if (!succeeded(reply))
        return 0;
    return Protocol::ConversationReply::fromJson(reply->data)->conversation.id;
}

qint64 TestServerSearch::send(RawClient &from, qint64 conversation, const QString &text)
{
    const auto reply = from.request(u"message"_s,
                                    {{u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                     {u"conversation_id"_s, conversation},
                                     {u"type"_s, u"text"_s},
                                     {u"content"_s, text}});
    if (!succeeded(reply))
        return 0;
    return qint64(reply->data.value(u"message"_s).toObject().value(u"seq"_s).toDouble());
}

std::optional<Protocol::SearchReply> TestServerSearch::search(RawClient &by,
                                                              const QJsonObject &request)
{
    const auto reply = by.request(u"search"_s, request);
    if (!succeeded(reply)) {
        qWarning("search failed: %s", reply ? qPrintable(reply->error.message) : "no reply");
        return std::nullopt;
    }
    Result<Protocol::SearchReply> decoded = Protocol::SearchReply::fromJson(reply->data);
    if (!decoded) {
        qWarning("search reply undecodable: %s", qPrintable(decoded.error().message));
        return std::nullopt;
    }
    return *decoded;
}

// Every snippet for the query, newest first, across all pages.
QStringList TestServerSearch::snippets(RawClient &by, const QString &query, qint64 conversation)
{
    QStringList out;
    Protocol::SearchRequest request;
    request.query = query;
    request.conversationId = conversation;
    for (int page = 0; page < 100; ++page) {
        const auto reply = search(by, request.toJson());
        if (!reply)
            return {u"<failed>"_s};
        for (const Protocol::SearchHit &hit : reply->hits)
            out.append(hit.snippet);
        if (!reply->hasMore)
            return out;
        request.before = reply->before;
    }
    return {u"<endless>"_s};
}

void TestServerSearch::findsTextNewestFirstWithSnippet()
{
    const qint64 group = createGroup(*m_alice, {m_bobId});
    QVERIFY(group > 0);
    const qint64 first = send(*m_alice, group, u"the quick brown fox"_s);
    m_clock.advance(10);
    QVERIFY(send(*m_bob, group, u"a lazy dog"_s) > 0);
    m_clock.advance(10);
    const qint64 last = send(*m_bob, group, u"another FOX here"_s);
    QVERIFY(first > 0 && last > first);

    const auto reply = search(*m_bob, {{u"query"_s, u"fox"_s}});
    QVERIFY(reply);
    QCOMPARE(reply->hits.size(), 2);
    QVERIFY(!reply->hasMore);
    const Protocol::SearchHit &newest = reply->hits.at(0);
    QCOMPARE(newest.conversationId, group);
    QCOMPARE(newest.seq, last);
    QCOMPARE(newest.senderId, m_bobId);
    QVERIFY(!newest.messageId.isNull());
    QCOMPARE(newest.createdAtMs, m_clock.clock()());
    QCOMPARE(newest.snippet, u"another "_s + marked(u"FOX"_s) + u" here"_s);
    QCOMPARE(reply->hits.at(1).seq, first);
    QCOMPARE(reply->hits.at(1).senderId, m_aliceId);
    QCOMPARE(reply->hits.at(1).snippet, u"the quick brown "_s + marked(u"fox"_s));
    QCOMPARE(snippets(*m_bob, u"cat"_s), QStringList{});
}

// Through edit_message and delete_message: an edited message is found by its new text only
// (never by the old, nor as its edit event), on both query paths (3+ characters use the
// index, 1-2 the scan); a deleted one not at all.
void TestServerSearch::editedAndDeletedFoundByCurrentTextOnly()
{
    const qint64 group = createGroup(*m_alice, {m_bobId});
    QVERIFY(group > 0);
    const QUuid id = QUuid::createUuid();
    const auto sent = m_alice->request(u"message"_s,
                                       {{u"id"_s, id.toString(QUuid::WithoutBraces)},
                                        {u"conversation_id"_s, group},
                                        {u"content"_s, u"apricot jam 果酱"_s}});
    QVERIFY(succeeded(sent));
    const qint64 seq = qint64(sent->data.value(u"message"_s).toObject().value(u"seq"_s).toDouble());
    QVERIFY(send(*m_bob, group, u"jam session tonight"_s) > 0);
    QCOMPARE(snippets(*m_bob, u"apricot"_s).size(), 1);
    QCOMPARE(snippets(*m_bob, u"果酱"_s).size(), 1);

    const QJsonObject ref{{u"conversation_id"_s, group},
                          {u"message_id"_s, id.toString(QUuid::WithoutBraces)}};
    QJsonObject edit = ref;
    edit.insert(u"content"_s, u"blueberry jam 蓝莓"_s);
    QVERIFY(succeeded(m_alice->request(u"edit_message"_s, edit)));
    QCOMPARE(snippets(*m_bob, u"apricot"_s), QStringList{});
    QCOMPARE(snippets(*m_bob, u"果酱"_s), QStringList{});
    const auto found = search(*m_bob, {{u"query"_s, u"blueberry"_s}});
    QVERIFY(found);
    QCOMPARE(found->hits.size(), 1); // the message, not its edit event as well
    QCOMPARE(found->hits.constFirst().seq, seq);
    QCOMPARE(found->hits.constFirst().messageId, id);
    QCOMPARE(snippets(*m_bob, u"蓝莓"_s), QStringList{u"blueberry jam "_s + marked(u"蓝莓"_s)});
    QCOMPARE(snippets(*m_bob, u"jam"_s).size(), 2);

    QVERIFY(succeeded(m_alice->request(u"delete_message"_s, ref)));
    QCOMPARE(snippets(*m_bob, u"blueberry"_s), QStringList{});
    QCOMPARE(snippets(*m_bob, u"蓝莓"_s), QStringList{});
    QCOMPARE(snippets(*m_bob, u"jam"_s), QStringList{marked(u"jam"_s) + u" session tonight"_s});
}

// The client ships in Simplified Chinese: words are not separated by spaces, and two
// characters make a common word (the short-text path), three or more use the index.
void TestServerSearch::findsChineseByAnyPart()
{
    const qint64 group = createGroup(*m_alice, {m_bobId});
    QVERIFY(send(*m_alice, group, u"你好世界"_s) > 0);
    QVERIFY(send(*m_alice, group, u"今天天气很好"_s) > 0);
    QCOMPARE(snippets(*m_bob, u"世界"_s), QStringList{u"你好"_s + marked(u"世界"_s)});
    QCOMPARE(snippets(*m_bob, u"你好"_s), QStringList{marked(u"你好"_s) + u"世界"_s});
    QCOMPARE(snippets(*m_bob, u"好世界"_s), QStringList{u"你"_s + marked(u"好世界"_s)});
    QCOMPARE(snippets(*m_bob, u"你好世界"_s), QStringList{marked(u"你好世界"_s)});
    QCOMPARE(snippets(*m_bob, u"天气很好"_s), QStringList{u"今天"_s + marked(u"天气很好"_s)});
    QCOMPARE(snippets(*m_bob, u"好"_s).size(), 2);
    QCOMPARE(snippets(*m_bob, u"世界你好"_s), QStringList{});
}

void TestServerSearch::operatorsAreLiteral_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("found"); // the messages, as plain text
    QTest::newRow("percent") << u"100%"_s << QStringList{u"100% sure"_s};
    QTest::newRow("percent alone") << u"%"_s << QStringList{u"100% sure"_s};
    QTest::newRow("underscore") << u"e_c"_s << QStringList{u"snake_case"_s};
    QTest::newRow("underscore alone") << u"_"_s << QStringList{u"snake_case"_s};
    QTest::newRow("backslash") << u"k\\s"_s << QStringList{u"back\\slash"_s};
    QTest::newRow("quotes") << u"\"hi\""_s << QStringList{u"say \"hi\" now"_s};
    QTest::newRow("one quote") << u"\""_s << QStringList{u"say \"hi\" now"_s};
    QTest::newRow("OR") << u"cats OR dogs"_s << QStringList{u"cats OR dogs"_s};
    QTest::newRow("AND") << u"cats AND dogs"_s << QStringList{};
    QTest::newRow("star") << u"star*"_s << QStringList{u"star* power"_s};
    QTest::newRow("NEAR") << u"NEAR(cats dogs)"_s << QStringList{};
    QTest::newRow("caret") << u"^cats"_s << QStringList{};
    QTest::newRow("column filter") << u"content:cats"_s << QStringList{};
    QTest::newRow("parenthesis") << u"(x"_s << QStringList{u"f(x)"_s};
}

void TestServerSearch::operatorsAreLiteral()
{
    QFETCH(QString, query);
    QFETCH(QStringList, found);
    const qint64 group = createGroup(*m_alice, {m_bobId});
    for (const QString &text : {u"100% sure"_s, u"1000 sure"_s, u"snake_case"_s, u"snakeXcase"_s,
                                u"back\\slash"_s, u"say \"hi\" now"_s, u"cats OR dogs"_s, u"cats"_s,
                                u"dogs"_s, u"star* power"_s, u"starry"_s, u"f(x)"_s}) {
        QVERIFY(send(*m_alice, group, text) > 0);
    }
    QStringList plain = snippets(*m_bob, query);
    for (QString &s : plain) {
        s.remove(Start);
        s.remove(End);
    }
    QCOMPARE(plain, found);
}

// Removal ends what a member can search: the conversation is no longer theirs, so nothing
// of it is found, neither what came after the removal nor the rest.
void TestServerSearch::removedMemberFindsNothingAfterRemoval()
{
    const qint64 group = createGroup(*m_alice, {m_bobId, m_carolId});
    QVERIFY(send(*m_alice, group, u"before the removal"_s) > 0);
    QCOMPARE(snippets(*m_carol, u"removal"_s).size(), 1);
    m_clock.advance(10);
    QVERIFY(succeeded(m_alice->request(u"remove_member"_s,
                                       Protocol::RemoveMemberRequest{group, m_carolId}.toJson())));
    m_clock.advance(10);
    QVERIFY(send(*m_alice, group, u"after the removal"_s) > 0);
    QCOMPARE(snippets(*m_carol, u"removal"_s), QStringList{});
    QCOMPARE(snippets(*m_carol, u"re"_s), QStringList{}); // the short-text path too
    QCOMPARE(refusal(m_carol->request(u"search"_s,
                                      {{u"query"_s, u"removal"_s}, {u"conversation_id"_s, group}})),
             ErrorCode::NotFound);
    QCOMPARE(snippets(*m_bob, u"removal"_s).size(), 2);
}

void TestServerSearch::nonMemberFindsNothing()
{
    const qint64 group = createGroup(*m_alice, {m_bobId});
    QVERIFY(send(*m_alice, group, u"members only text"_s) > 0);
    QCOMPARE(snippets(*m_carol, u"members only"_s), QStringList{});
    QCOMPARE(snippets(*m_carol, u"on"_s), QStringList{});
    QCOMPARE(refusal(m_carol->request(u"search"_s,
                                      {{u"query"_s, u"members"_s}, {u"conversation_id"_s, group}})),
             ErrorCode::NotFound);
    // An unknown conversation looks the same.
    QCOMPARE(refusal(m_carol->request(
                 u"search"_s, {{u"query"_s, u"members"_s}, {u"conversation_id"_s, group + 1000}})),
             ErrorCode::NotFound);
}

void TestServerSearch::laterMemberFindsNothingFromBeforeJoining()
{
    const qint64 group = createGroup(*m_alice, {m_bobId});
    QVERIFY(send(*m_alice, group, u"early secret"_s) > 0);
    m_clock.advance(1000);
    QVERIFY(succeeded(m_alice->request(u"add_members"_s,
                                       Protocol::AddMembersRequest{group, {m_carolId}}.toJson())));
    m_clock.advance(1000);
    QVERIFY(send(*m_alice, group, u"late secret"_s) > 0);
    QCOMPARE(snippets(*m_carol, u"secret"_s), QStringList{u"late "_s + marked(u"secret"_s)});
    QCOMPARE(snippets(*m_carol, u"ea"_s), QStringList{});
    QCOMPARE(snippets(*m_bob, u"secret"_s).size(), 2);
}

void TestServerSearch::pagesGoBackWithoutGapsOrRepeats()
{
    const qint64 group = createGroup(*m_alice, {m_bobId});
    QList<qint64> sent;
    for (int i = 1; i <= 7; ++i) {
        sent.prepend(send(*m_alice, group, u"page %1"_s.arg(i)));
        QVERIFY(sent.first() > 0);
    }
    QList<qint64> seen;
    Protocol::SearchRequest request{u"page"_s, 0, 0, 3};
    int pages = 0;
    for (;;) {
        const auto reply = search(*m_bob, request.toJson());
        QVERIFY(reply);
        QVERIFY(reply->hits.size() <= 3);
        for (const Protocol::SearchHit &hit : reply->hits)
            seen.append(hit.seq);
        ++pages;
        if (!reply->hasMore)
            break;
        QVERIFY(reply->before > 0);
        request.before = reply->before;
        QVERIFY(pages < 10);
    }
    QCOMPARE(seen, sent); // newest first, each once
    QCOMPARE(pages, 3);
}

void TestServerSearch::conversationScope()
{
    const qint64 one = createGroup(*m_alice, {m_bobId});
    const qint64 two = createGroup(*m_alice, {m_bobId});
    QVERIFY(send(*m_alice, one, u"shared word one"_s) > 0);
    QVERIFY(send(*m_alice, two, u"shared word two"_s) > 0);
    QCOMPARE(snippets(*m_bob, u"shared word"_s).size(), 2);
    QCOMPARE(snippets(*m_bob, u"shared word"_s, one),
             QStringList{marked(u"shared word"_s) + u" one"_s});
    QCOMPARE(snippets(*m_bob, u"wo"_s, two),
             QStringList{u"shared "_s + marked(u"wo"_s) + u"rd t"_s + marked(u"wo"_s)});
}

void TestServerSearch::snippetIsBoundedAndMarkersCannotBeForged()
{
    const qint64 group = createGroup(*m_alice, {m_bobId});
    const QString forged = u"x "_s + Start + u"fake"_s + End + u" needle y"_s;
    QVERIFY(send(*m_alice, group, forged) > 0);
    QCOMPARE(snippets(*m_bob, u"needle"_s),
             QStringList{u"x fake "_s + marked(u"needle"_s) + u" y"_s});
    const QString longText =
        QString(u'a').repeated(3000) + u" needle "_s + QString(u'b').repeated(1900);
    QVERIFY(send(*m_alice, group, longText) > 0);
    const QStringList found = snippets(*m_bob, u"needle"_s);
    QCOMPARE(found.size(), 2);
    const QString &snippet = found.first();
    QVERIFY(snippet.size() <= 170);
    QVERIFY(snippet.startsWith(u'…') && snippet.endsWith(u'…'));
    QVERIFY(snippet.contains(marked(u"needle"_s)));
}

// Whatever the content, a reply stays under its byte bound: the rest comes on later pages.
void TestServerSearch::replyIsCutByEncodedSize()
{
    cleanup();
    Server::ServerConfig config = TestServer::unthrottledConfig();
    config.limits.searchReplyBytes = 2000;
    m_server = std::make_unique<TestServer>(config);
    QVERIFY(m_server->start());
    m_alice = std::make_unique<RawClient>();
    QVERIFY(m_alice->open(m_server->url()));
    QVERIFY(m_alice->registerUser(u"alice"_s));
    const qint64 group = createGroup(*m_alice, {});
    QVERIFY(group > 0);
    // Control characters take six bytes each in JSON: the worst case for a snippet.
    const QString heavy = QString(QChar(1)).repeated(100) + u" needle "_s;
    for (int i = 0; i < 30; ++i)
        QVERIFY(send(*m_alice, group, heavy + QString::number(i)) > 0);
    Protocol::SearchRequest request{u"needle"_s, 0, 0, 50};
    QSet<QUuid> seen;
    for (int page = 0; page < 40; ++page) {
        const auto raw = m_alice->request(u"search"_s, request.toJson());
        QVERIFY(succeeded(raw));
        QVERIFY(QJsonDocument(raw->data).toJson(QJsonDocument::Compact).size() <= 2000);
        const auto reply = Protocol::SearchReply::fromJson(raw->data);
        QVERIFY(reply && !reply->hits.isEmpty());
        for (const Protocol::SearchHit &hit : reply->hits)
            QVERIFY(!seen.contains(hit.messageId) && (seen.insert(hit.messageId), true));
        if (!reply->hasMore)
            break;
        request.before = reply->before;
    }
    QCOMPARE(seen.size(), 30);
}

// With bounds this small every way through the storage is taken on a few dozen messages (on
// PostgreSQL: the probe of the newest positions, the trigram index for text rare there, the
// windows of the user's own messages for text that is not; on SQLite the FTS5 index with its
// examined bound; the short-text window on both), and paging through them still finds every
// readable match once, newest first, and nothing else.
void TestServerSearch::everyPathFindsAllAndOnlyWhatIsReadable_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("in every message") << u"word"_s;
    QTest::newRow("in every seventh") << u"needle"_s;
    QTest::newRow("in one") << u"word 45"_s;
    QTest::newRow("short text") << u"wo"_s;
    QTest::newRow("nowhere") << u"zzqx"_s;
}

void TestServerSearch::everyPathFindsAllAndOnlyWhatIsReadable()
{
    QFETCH(QString, query);
    cleanup();
    Server::ServerConfig config = TestServer::unthrottledConfig();
    config.limits.searchWindow = 10; // PostgreSQL's probe reads 2 positions
    config.limits.searchExamined = 3;
    start(config);
    const qint64 shared = createGroup(*m_alice, {m_bobId});
    const qint64 hidden = createGroup(*m_alice, {});
    QVERIFY(shared > 0 && hidden > 0);
    QStringList forBob, forCarol;
    for (int i = 0; i < 60; ++i) {
        if (i == 30) {
            m_clock.advance(1000);
            QVERIFY(succeeded(m_alice->request(
                u"add_members"_s, Protocol::AddMembersRequest{shared, {m_carolId}}.toJson())));
        }
        m_clock.advance(10);
        const QString text = u"word %1"_s.arg(i) + (i % 7 == 0 ? u" needle"_s : QString());
        QVERIFY(send(*m_alice, i % 3 == 0 ? shared : hidden, text) > 0);
        if (i % 3 == 0 && text.contains(query)) {
            forBob.prepend(text);
            if (i >= 30)
                forCarol.prepend(text);
        }
    }
    auto plain = [this](RawClient &by, const QString &text) {
        QStringList found = snippets(by, text);
        for (QString &s : found) {
            s.remove(Start);
            s.remove(End);
        }
        return found;
    };
    QCOMPARE(plain(*m_bob, query), forBob);
    QCOMPARE(plain(*m_carol, query), forCarol);
    QCOMPARE(plain(*m_bob, query).size(), forBob.size()); // the same again: nothing cached
}

void TestServerSearch::badInputIsRefused_data()
{
    QTest::addColumn<QJsonObject>("data");
    QTest::addColumn<int>("code");
    const int bad = int(ErrorCode::BadRequest);
    QTest::newRow("no query") << QJsonObject{} << bad;
    QTest::newRow("empty query") << QJsonObject{{u"query"_s, u""_s}} << bad;
    QTest::newRow("blank query") << QJsonObject{{u"query"_s, u"  \n "_s}} << bad;
    QTest::newRow("query not a string") << QJsonObject{{u"query"_s, 5}} << bad;
    QTest::newRow("query too long")
        << QJsonObject{{u"query"_s,
                        QString(u'x').repeated(Protocol::SearchRequest::MaxQueryChars + 1)}}
        << int(ErrorCode::TooLarge);
    QTest::newRow("limit 0") << QJsonObject{{u"query"_s, u"abc"_s}, {u"limit"_s, 0}} << bad;
    QTest::newRow("limit 51") << QJsonObject{{u"query"_s, u"abc"_s}, {u"limit"_s, 51}} << bad;
    QTest::newRow("limit text") << QJsonObject{{u"query"_s, u"abc"_s}, {u"limit"_s, u"5"_s}} << bad;
    QTest::newRow("before 0") << QJsonObject{{u"query"_s, u"abc"_s}, {u"before"_s, 0}} << bad;
    QTest::newRow("before negative")
        << QJsonObject{{u"query"_s, u"abc"_s}, {u"before"_s, -5}} << bad;
    QTest::newRow("before fraction")
        << QJsonObject{{u"query"_s, u"abc"_s}, {u"before"_s, 1.5}} << bad;
    QTest::newRow("conversation text")
        << QJsonObject{{u"query"_s, u"abc"_s}, {u"conversation_id"_s, u"1"_s}} << bad;
    QTest::newRow("conversation 0")
        << QJsonObject{{u"query"_s, u"abc"_s}, {u"conversation_id"_s, 0}} << bad;
}

void TestServerSearch::badInputIsRefused()
{
    QFETCH(QJsonObject, data);
    QFETCH(int, code);
    QCOMPARE(int(refusal(m_bob->request(u"search"_s, data))), code);
    // The connection goes on.
    QVERIFY(search(*m_bob, {{u"query"_s, u"abc"_s}}));
}

void TestServerSearch::unauthenticatedSearchRefused()
{
    RawClient stranger;
    QVERIFY(stranger.open(m_server->url()));
    QCOMPARE(refusal(stranger.request(u"search"_s, {{u"query"_s, u"abc"_s}})),
             ErrorCode::Unauthenticated);
}

// A loop of searches is stopped per user, whatever connection it comes from; time refills.
void TestServerSearch::searchIsRateLimited()
{
    const int burst = int(Server::ServerLimits{}.searchBurst);
    // unthrottledConfig lifts the search limit too: this suite needs the default.
    cleanup();
    m_server = std::make_unique<TestServer>();
    m_server->setClock(m_clock.clock());
    QVERIFY(m_server->start());
    m_alice = std::make_unique<RawClient>();
    m_bob = std::make_unique<RawClient>();
    QVERIFY(m_alice->open(m_server->url()) && m_bob->open(m_server->url()));
    QVERIFY(m_alice->registerUser(u"alice"_s));
    QVERIFY(m_bob->login(u"alice"_s));
    for (int i = 0; i < burst; ++i)
        QVERIFY(search(i % 2 ? *m_alice : *m_bob, {{u"query"_s, u"anything"_s}}));
    const auto refused = m_bob->request(u"search"_s, {{u"query"_s, u"anything"_s}});
    QCOMPARE(refusal(refused), ErrorCode::RateLimited);
    QVERIFY(refused->error.retryAfterMs > 0);
    QCOMPARE(refusal(m_alice->request(u"search"_s, {{u"query"_s, u"anything"_s}})),
             ErrorCode::RateLimited);
    m_clock.advance(refused->error.retryAfterMs);
    QVERIFY(search(*m_alice, {{u"query"_s, u"anything"_s}}));
}

QTEST_GUILESS_MAIN(TestServerSearch)
#include "tst_serversearch.moc"
