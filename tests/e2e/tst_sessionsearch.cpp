// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// ClientSession::searchMessages against a real banterd: typed pages, the signal, snippets
// split into plain-text parts, paging with `before`, and the server's refusals as errors.
#include "sessionhelpers.h"
#include "testserver.h"
#include "waiting.h"
#include <banter/client/clientsession.h>

#include <QSignalSpy>
#include <QTest>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

class TestSessionSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void snippetPartsArePlainText();
    void searchPagesThroughTheSession();
    void refusalsArriveAsErrors();
};

void TestSessionSearch::snippetPartsArePlainText()
{
    Protocol::SearchHit hit;
    hit.snippet = u"<b>x</b> "_s + QChar(Protocol::SearchHighlightStart) + u"needle"_s
        + QChar(Protocol::SearchHighlightEnd) + u" & more"_s;
    const QList<Protocol::SnippetPart> parts = hit.snippetParts();
    QCOMPARE(parts.size(), 3);
    QCOMPARE(parts.at(0), (Protocol::SnippetPart{u"<b>x</b> "_s, false}));
    QCOMPARE(parts.at(1), (Protocol::SnippetPart{u"needle"_s, true}));
    QCOMPARE(parts.at(2), (Protocol::SnippetPart{u" & more"_s, false}));
    hit.snippet = u"a"_s + QChar(Protocol::SearchHighlightStart) + u"b"_s; // unpaired
    QCOMPARE(hit.snippetParts(), (QList<Protocol::SnippetPart>{{u"a"_s, false}, {u"b"_s, true}}));
}

void TestSessionSearch::searchPagesThroughTheSession()
{
    TestServer server(TestServer::unthrottledConfig());
    QVERIFY(server.start());
    auto alice = signedUpSession(server.url(), u"alice"_s);
    auto bob = signedUpSession(server.url(), u"bob"_s);
    QVERIFY(alice && bob);
    SessionCloser closer{{alice.get(), bob.get()}};
    auto group = await(alice->createGroup(u"Team"_s, {bob->currentUser().id}));
    QVERIFY2(group, group ? "" : qPrintable(group.error().message));
    for (int i = 1; i <= 5; ++i)
        QVERIFY(await(alice->sendMessage(group->id, u"你好世界 %1"_s.arg(i))));

    QSignalSpy pages(bob.get(), &ClientSession::searchResultsReceived);
    Protocol::SearchRequest request{u"世界"_s, group->id, 0, 2};
    QList<Seq> seen;
    for (int page = 0; page < 10; ++page) {
        auto reply = await(bob->searchMessages(request));
        QVERIFY2(reply, reply ? "" : qPrintable(reply.error().message));
        for (const Protocol::SearchHit &hit : reply->hits) {
            QCOMPARE(hit.conversationId, group->id);
            QCOMPARE(hit.senderId, alice->currentUser().id);
            QCOMPARE(hit.snippetParts().at(1), (Protocol::SnippetPart{u"世界"_s, true}));
            seen.append(hit.seq);
        }
        QCOMPARE(pages.size(), page + 1);
        QCOMPARE(pages.last().at(0).value<Protocol::SearchRequest>(), request);
        if (!reply->hasMore)
            break;
        request.before = reply->before;
    }
    // The group's first seq is its creation notice; the five messages follow, newest first.
    QCOMPARE(seen, (QList<Seq>{6, 5, 4, 3, 2}));
}

void TestSessionSearch::refusalsArriveAsErrors()
{
    TestServer server;
    QVERIFY(server.start());
    auto alice = signedUpSession(server.url(), u"alice"_s);
    auto carol = signedUpSession(server.url(), u"carol"_s);
    QVERIFY(alice && carol);
    SessionCloser closer{{alice.get(), carol.get()}};
    auto group = await(alice->createGroup(u"Team"_s, {}));
    QVERIFY(group);
    auto refused = await(carol->searchMessages({u"anything"_s, group->id, 0, 20}));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::NotFound);
    refused = await(carol->searchMessages({QString(u'x').repeated(500), 0, 0, 20}));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::TooLarge);
}

QTEST_GUILESS_MAIN(TestSessionSearch)
#include "tst_sessionsearch.moc"
