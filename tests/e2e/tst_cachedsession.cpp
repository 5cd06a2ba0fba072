// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// ClientSession with a ClientCache against a real banterd: a restart reconciles from the
// cached positions (only what is new crosses the wire), a first sign-in fetches only the
// newest page and pages back to seq 1 on demand, a removed conversation leaves the cache,
// and messages queued by a client process that is killed with SIGKILL are delivered exactly
// once by the next one. catchUpAfterAWeekOffline is the catch-up benchmark in small (set
// BANTER_CATCHUP_MESSAGES=50000 BANTER_CATCHUP_CONVERSATIONS=50 for the full size, and
// BANTER_CATCHUP_PAGE to try another sync page size).
#include "rawclient.h"
#include "sessionhelpers.h"
#include "testserver.h"
#include <banter/client/certificatepin.h>
#include <banter/client/clientcache.h>
#include <banter/client/clientsession.h>
#include <banter/protocol/chatmessages.h>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;
namespace P = Banter::Protocol;

namespace {

ClientSession::Options fastOptions()
{
    ClientSession::Options options;
    options.reconnectBaseMs = 50;
    options.reconnectMaxMs = 300;
    options.requestTimeoutMs = 30'000;
    return options;
}

UserId idOf(const QJsonObject &grant)
{
    return UserId(grant.value(u"user"_s).toObject().value(u"id"_s).toInteger());
}

QList<Seq> seqsOf(const QList<Message> &messages)
{
    QList<Seq> seqs;
    for (const Message &m : messages)
        seqs.append(m.seq);
    return seqs;
}

QList<Seq> range(Seq from, Seq to)
{
    QList<Seq> seqs;
    for (Seq seq = from; seq <= to; ++seq)
        seqs.append(seq);
    return seqs;
}

// Everything messagesReceived delivered, in order, and how.
struct Received
{
    QList<Message> messages;
    int batches = 0;
    int live = 0;
};

} // namespace

class TestCachedSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void restartReconcilesFromTheCache();
    void coldStartFetchesTheNewestPageAndPagesBack();
    void gapAfterARestartIsRepaired();
    void removedConversationLeavesTheCache();
    void queuedMessagesSurviveKillAndAreDeliveredOnce();
    void catchUpAfterAWeekOffline();

private:
    // Alice (a raw client that writes the fixtures) and Bob (the cached client's user), with
    // a group of both.
    void setUpPair();
    std::unique_ptr<ClientCache> openCache(UserId user = 0);
    std::unique_ptr<ClientSession>
    startSession(ClientCache *cache, const ClientSession::Options &options = fastOptions());
    ConversationId createGroup(const QString &name);
    // Alice writes `count` messages into `conversation`, pipelined; false on any failure.
    bool fill(ConversationId conversation, int count, const QString &prefix = u"m"_s);
    // Every message of `conversation` as the server has it (Alice's history, paged).
    QList<Message> serverHistory(ConversationId conversation);
    void track(ClientSession &session, Received &into);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<RawClient> m_alice;
    QTemporaryDir m_dir;
    UserId m_bob = 0;
    QString m_bobAccess;
    QString m_bobRefresh;
    ConversationId m_group = 0;
};

void TestCachedSession::init()
{
    m_server = std::make_unique<TestServer>(TestServer::unthrottledConfig());
    QVERIFY(m_server->start());
    setUpPair();
}

void TestCachedSession::cleanup()
{
    m_alice.reset();
    m_server.reset();
    ClientCache::remove(m_dir.filePath(u"bob.sqlite"_s));
}

void TestCachedSession::setUpPair()
{
    m_alice = std::make_unique<RawClient>();
    QVERIFY(m_alice->open(m_server->url()));
    QVERIFY(m_alice->registerUser(u"alice"_s));
    RawClient bob;
    QVERIFY(bob.open(m_server->url()));
    const auto grant = bob.registerUser(u"bob"_s);
    QVERIFY(grant);
    m_bob = idOf(*grant);
    m_bobAccess = grant->value(u"access_token"_s).toString();
    m_bobRefresh = grant->value(u"refresh_token"_s).toString();
    QVERIFY(!m_bobAccess.isEmpty());
    m_group = createGroup(u"team"_s);
    QVERIFY(m_group > 0);
}

ConversationId TestCachedSession::createGroup(const QString &name)
{
    const auto group = m_alice->request(u"create_group"_s,
                                        {{u"name"_s, name}, {u"member_ids"_s, QJsonArray{m_bob}}});
    if (!group || !group->success)
        return 0;
    return group->data.value(u"conversation"_s).toObject().value(u"id"_s).toInteger();
}

bool TestCachedSession::fill(ConversationId conversation, int count, const QString &prefix)
{
    constexpr int Chunk = 500;
    for (int sent = 0; sent < count; sent += Chunk) {
        const int n = std::min(Chunk, count - sent);
        for (int i = 0; i < n; ++i) {
            const QJsonObject data{{u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                   {u"conversation_id"_s, conversation},
                                   {u"content"_s, u"%1 %2"_s.arg(prefix).arg(sent + i)}};
            m_alice->sendText(P::encodeRequest(u"message"_s, u"f%1"_s.arg(sent + i), data));
        }
        for (int i = 0; i < n; ++i) {
            const auto reply = m_alice->nextResponse(60'000);
            if (!reply || !reply->success)
                return false;
        }
    }
    return true;
}

QList<Message> TestCachedSession::serverHistory(ConversationId conversation)
{
    QList<Message> all;
    Seq before = 0;
    for (;;) {
        const auto page = m_alice->request(
            u"history"_s,
            P::HistoryRequest{conversation, before, P::HistoryRequest::MaxLimit}.toJson());
        if (!page || !page->success)
            return {};
        const P::HistoryReply reply = P::HistoryReply::fromJson(page->data).value();
        all = reply.messages + all;
        if (!reply.hasMore || reply.messages.isEmpty())
            return all;
        before = reply.messages.first().seq;
    }
}

std::unique_ptr<ClientCache> TestCachedSession::openCache(UserId user)
{
    const CacheIdentity identity{
        CertificatePin::serverKey(m_server->url()), user ? user : m_bob, {}};
    auto cache = ClientCache::open(m_dir.filePath(u"bob.sqlite"_s), identity);
    return cache ? std::move(cache).value() : nullptr;
}

// Bob's device starting with his remembered tokens and `cache`; nullptr unless caught up.
std::unique_ptr<ClientSession>
TestCachedSession::startSession(ClientCache *cache, const ClientSession::Options &options)
{
    auto session = std::make_unique<ClientSession>();
    session->setOptions(options);
    session->setCache(cache);
    session->setTokens(m_bobAccess, m_bobRefresh);
    connect(session.get(), &ClientSession::tokensChanged, this,
            [this](const QString &access, const QString &refresh) {
                m_bobAccess = access;
                m_bobRefresh = refresh;
            });
    session->connectToServer(m_server->url());
    if (!waitFor([&session] { return session->isReady(); }, 60'000, "the catch-up"))
        return nullptr;
    return session;
}

void TestCachedSession::track(ClientSession &session, Received &into)
{
    connect(&session, &ClientSession::messagesReceived, this,
            [&into](const QList<Message> &messages, bool live) {
                into.messages += messages;
                ++into.batches;
                into.live += live ? 1 : 0;
            });
}

void TestCachedSession::restartReconcilesFromTheCache()
{
    QVERIFY(fill(m_group, 30));
    {
        auto cache = openCache();
        QVERIFY(cache);
        auto session = startSession(cache.get());
        QVERIFY(session);
        QCOMPARE(cache->positions().value(m_group), Seq(31)); // the group's creation and 30
        QCOMPARE(seqsOf(cache->messagesBefore(m_group, 0, 1000)), range(1, 31));
        QCOMPARE(cache->conversations().size(), 1);
        QCOMPARE(cache->conversations().first().unreadCount, 30);
    }
    QVERIFY(fill(m_group, 12, u"new"_s));

    auto cache = openCache();
    QVERIFY(cache);
    QVERIFY(!cache->rebuilt());
    // Before the server answers, the cache already shows everything known.
    QCOMPARE(cache->conversations().first().lastMessage->seq, Seq(31));
    Received received;
    auto session = std::make_unique<ClientSession>();
    session->setOptions(fastOptions());
    session->setCache(cache.get());
    QSignalSpy conversationsListed(session.get(), &ClientSession::conversationsListed);
    QSignalSpy reset(session.get(), &ClientSession::conversationReset);
    track(*session, received);
    session->setTokens(m_bobAccess, m_bobRefresh);
    session->connectToServer(m_server->url());
    QVERIFY(waitFor([&session] { return session->isReady(); }, 20'000, "the catch-up"));
    // Only the 12 new messages crossed the wire, in one page.
    QCOMPARE(seqsOf(received.messages), range(32, 43));
    QCOMPARE(received.batches, 1);
    QCOMPARE(received.live, 0);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(conversationsListed.count(), 1);
    QCOMPARE(conversationsListed.first().first().value<QList<ConversationSummary>>().size(), 1);
    QCOMPARE(seqsOf(cache->messagesBefore(m_group, 0, 1000)), range(1, 43));
    QCOMPARE(cache->conversations().first().unreadCount, 42);
    QCOMPARE(cache->conversations().first().lastMessage->content, u"new 11"_s);
    // Reading lowers the cached unread count.
    QVERIFY(await(session->markRead(m_group, 40)));
    QCOMPARE(cache->conversations().first().unreadCount, 3);
}

void TestCachedSession::coldStartFetchesTheNewestPageAndPagesBack()
{
    QVERIFY(fill(m_group, 599)); // 600 messages with the group's creation
    auto cache = openCache();
    QVERIFY(cache);
    Received received;
    auto session = std::make_unique<ClientSession>();
    session->setOptions(fastOptions());
    session->setCache(cache.get());
    QSignalSpy reset(session.get(), &ClientSession::conversationReset);
    QSignalSpy listed(session.get(), &ClientSession::conversationsListed);
    track(*session, received);
    session->setTokens(m_bobAccess, m_bobRefresh);
    session->connectToServer(m_server->url());
    QVERIFY(waitFor([&session] { return session->isReady(); }, 20'000, "the catch-up"));
    QCOMPARE(listed.count(), 1);
    QCOMPARE(listed.first().first().value<QList<ConversationSummary>>().first().unreadCount, 599);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(reset.first().first().value<ConversationId>(), m_group);
    QCOMPARE(seqsOf(received.messages), range(551, 600)); // initialPageSize, not 600
    QCOMPARE(cache->oldestSeq(m_group), Seq(551));
    QVERIFY(!cache->hasStart(m_group));
    QCOMPARE(cache->conversations().first().unreadCount, 599); // the server's count

    // Scrolling up: pages from the server, joined to the cache, back to seq 1.
    QList<Seq> older;
    Seq before = 551;
    bool more = true;
    while (more) {
        const auto page = await(session->messagesBefore(m_group, before, 100));
        QVERIFY(page);
        QVERIFY(!page->messages.isEmpty());
        older = seqsOf(page->messages) + older;
        before = page->messages.first().seq;
        more = page->hasMore;
    }
    QCOMPARE(older, range(1, 550)); // no gap, no duplicate
    QVERIFY(cache->hasStart(m_group));
    QCOMPARE(cache->oldestSeq(m_group), Seq(1));
    QCOMPARE(cache->messageCount(), 600);
    // Now the cache answers at once, without a round trip.
    QFuture<Result<P::HistoryReply>> cached = session->messagesBefore(m_group, 201, 100);
    QVERIFY(cached.isFinished());
    QCOMPARE(seqsOf(cached.result()->messages), range(101, 200));
    QVERIFY(cached.result()->hasMore);
    QFuture<Result<P::HistoryReply>> first = session->messagesBefore(m_group, 51, 100);
    QVERIFY(first.isFinished());
    QCOMPARE(seqsOf(first.result()->messages), range(1, 50));
    QVERIFY(!first.result()->hasMore);
    QFuture<Result<P::HistoryReply>> after = session->messagesAfter(m_group, 300, 100);
    QVERIFY(after.isFinished());
    QCOMPARE(seqsOf(after.result()->messages), range(301, 400));

    // messagesAfter from the server (a second device with an empty cache).
    ClientCache::remove(m_dir.filePath(u"other.sqlite"_s));
    auto plain = std::make_unique<ClientSession>();
    plain->setOptions(fastOptions());
    plain->setTokens(m_bobAccess, m_bobRefresh);
    plain->connectToServer(m_server->url());
    QVERIFY(waitFor([&plain] { return plain->isReady(); }, 20'000, "the catch-up"));
    const auto fromServer = await(plain->messagesAfter(m_group, 300, 100));
    QVERIFY(fromServer);
    QCOMPARE(seqsOf(fromServer->messages), range(301, 400));
    const auto tail = await(plain->messagesAfter(m_group, 580, 100));
    QVERIFY(tail);
    QCOMPARE(seqsOf(tail->messages), range(581, 600));
    QVERIFY(!tail->hasMore);
}

void TestCachedSession::gapAfterARestartIsRepaired()
{
    QVERIFY(fill(m_group, 9));
    {
        auto cache = openCache();
        QVERIFY(cache);
        auto session = startSession(cache.get());
        QVERIFY(session);
        QCOMPARE(cache->positions().value(m_group), Seq(10));
    }
    // Offline: 20 messages the cache does not have.
    QVERIFY(fill(m_group, 20, u"missed"_s));
    auto cache = openCache();
    QVERIFY(cache);
    Received received;
    auto session = std::make_unique<ClientSession>();
    session->setOptions(fastOptions());
    session->setCache(cache.get());
    track(*session, received);
    session->setTokens(m_bobAccess, m_bobRefresh);
    session->connectToServer(m_server->url());
    QVERIFY(waitFor([&session] { return session->isReady(); }, 20'000, "the catch-up"));
    QCOMPARE(seqsOf(received.messages), range(11, 30));
    // Live messages continue the range.
    QVERIFY(fill(m_group, 2, u"live"_s));
    QTRY_COMPARE(received.messages.size(), 22);
    QCOMPARE(received.live, 2);
    QCOMPARE(seqsOf(received.messages), range(11, 32));
    QCOMPARE(seqsOf(cache->messagesBefore(m_group, 0, 1000)), range(1, 32));
    QCOMPARE(cache->positions().value(m_group), Seq(32));
    QVERIFY(cache->hasStart(m_group));
}

void TestCachedSession::removedConversationLeavesTheCache()
{
    const ConversationId second = createGroup(u"second"_s);
    QVERIFY(second > 0);
    QVERIFY(fill(m_group, 5));
    QVERIFY(fill(second, 5));
    auto cache = openCache();
    QVERIFY(cache);
    {
        auto session = startSession(cache.get());
        QVERIFY(session);
        QCOMPARE(cache->conversations().size(), 2);
        QCOMPARE(cache->messageCount(), 12);
        // Removed while connected: the push clears it.
        QSignalSpy removed(session.get(), &ClientSession::conversationRemoved);
        const auto out =
            m_alice->request(u"remove_member"_s, P::RemoveMemberRequest{m_group, m_bob}.toJson());
        QVERIFY(out && out->success);
        QTRY_COMPARE(removed.count(), 1);
        QVERIFY(!cache->conversation(m_group));
        QVERIFY(cache->messagesBefore(m_group, 0, 100).isEmpty());
        QVERIFY(!cache->positions().contains(m_group));
        QCOMPARE(cache->messageCount(), 6);
    }
    // Removed while offline: the next sign-in drops it.
    const auto out =
        m_alice->request(u"remove_member"_s, P::RemoveMemberRequest{second, m_bob}.toJson());
    QVERIFY(out && out->success);
    auto session = startSession(cache.get());
    QVERIFY(session);
    QVERIFY(cache->conversations().isEmpty());
    QCOMPARE(cache->messageCount(), 0);
    QVERIFY(cache->positions().isEmpty());
}

void TestCachedSession::queuedMessagesSurviveKillAndAreDeliveredOnce()
{
    constexpr int Count = 5;
    const QString path = m_dir.filePath(u"bob.sqlite"_s);
    {
        // The cache exists and knows the group before the client goes offline.
        auto cache = openCache();
        QVERIFY(cache);
        auto session = startSession(cache.get());
        QVERIFY(session);
    }
    // A client process that cannot reach the server queues messages, then dies by SIGKILL.
    QProcess queuer;
    queuer.start(QStringLiteral(CACHEQUEUER_PATH),
                 {path, CertificatePin::serverKey(m_server->url()), QString::number(m_bob),
                  QString::number(m_group), QString::number(Count), u"ws://127.0.0.1:1"_s});
    QVERIFY(queuer.waitForStarted());
    QStringList ids;
    QVERIFY(waitFor(
        [&] {
            while (queuer.canReadLine())
                ids.append(QString::fromUtf8(queuer.readLine()).trimmed());
            return ids.contains(u"queued"_s) || queuer.state() == QProcess::NotRunning;
        },
        20'000, "the queuer to queue"));
    QCOMPARE(ids.size(), Count + 1);
    ids.removeLast();
    QCOMPARE(::kill(pid_t(queuer.processId()), SIGKILL), 0);
    QVERIFY(queuer.waitForFinished());
    QCOMPARE(queuer.exitStatus(), QProcess::CrashExit);
    // What a crash between the server storing them and the outbox being rewritten leaves.
    QFile outboxFile(path + u".outbox.json"_s);
    QVERIFY(outboxFile.open(QIODevice::ReadOnly));
    const QByteArray stale = outboxFile.readAll();
    outboxFile.close();

    const auto deliver = [&] {
        auto cache = openCache();
        QVERIFY(cache);
        QCOMPARE(cache->outbox().size(), Count);
        auto session = startSession(cache.get());
        QVERIFY(session);
        QVERIFY(waitFor([&] { return session->pendingMessages().isEmpty(); }, 20'000,
                        "the outbox to empty"));
        QVERIFY(cache->outbox().isEmpty());
    };
    deliver();
    // Sent again with the same ids after the "crash": the server stores each once.
    QVERIFY(outboxFile.open(QIODevice::WriteOnly));
    outboxFile.write(stale);
    outboxFile.close();
    deliver();

    const QList<Message> stored = serverHistory(m_group);
    QCOMPARE(stored.size(), 1 + Count);
    for (const QString &id : std::as_const(ids)) {
        const auto matching =
            std::count_if(stored.cbegin(), stored.cend(),
                          [&id](const Message &m) { return m.id == QUuid::fromString(id); });
        QCOMPARE(matching, 1);
    }
    QCOMPARE(stored.last().content, u"queued %1"_s.arg(Count - 1));
}

void TestCachedSession::catchUpAfterAWeekOffline()
{
    const int messages = qEnvironmentVariableIntValue("BANTER_CATCHUP_MESSAGES") > 0
        ? qEnvironmentVariableIntValue("BANTER_CATCHUP_MESSAGES")
        : 2000;
    const int conversations = qEnvironmentVariableIntValue("BANTER_CATCHUP_CONVERSATIONS") > 0
        ? qEnvironmentVariableIntValue("BANTER_CATCHUP_CONVERSATIONS")
        : 10;
    QList<ConversationId> groups = {m_group};
    while (groups.size() < conversations) {
        groups.append(createGroup(u"group %1"_s.arg(groups.size())));
        QVERIFY(groups.last() > 0);
    }
    {
        auto cache = openCache();
        QVERIFY(cache);
        auto session = startSession(cache.get());
        QVERIFY(session);
        QCOMPARE(cache->positions().size(), conversations);
    }
    QElapsedTimer filling;
    filling.start();
    for (int i = 0; i < conversations; ++i)
        QVERIFY(fill(groups.at(i), messages / conversations + (i < messages % conversations)));
    qInfo("filled %d messages in %d conversations in %lld ms", messages, conversations,
          filling.elapsed());

    auto cache = openCache();
    QVERIFY(cache);
    Received received;
    auto session = std::make_unique<ClientSession>();
    ClientSession::Options options = fastOptions();
    if (const int page = qEnvironmentVariableIntValue("BANTER_CATCHUP_PAGE"); page > 0)
        options.syncPageSize = page; // to compare page sizes
    session->setOptions(options);
    session->setCache(cache.get());
    track(*session, received);
    session->setTokens(m_bobAccess, m_bobRefresh);
    QElapsedTimer catchingUp;
    catchingUp.start();
    session->connectToServer(m_server->url());
    QVERIFY(waitFor([&session] { return session->isReady(); }, 120'000, "the catch-up"));
    const qint64 ms = catchingUp.elapsed();
    qInfo("caught up with %lld messages in %d pages in %lld ms (%.0f messages/s)",
          qint64(received.messages.size()), received.batches, ms,
          received.messages.size() * 1000.0 / std::max<qint64>(ms, 1));
    QCOMPARE(received.messages.size(), messages);
    QCOMPARE(received.live, 0);
    QCOMPARE(cache->messageCount(), messages + conversations);
    for (int i = 0; i < conversations; ++i) {
        const Seq last = 1 + messages / conversations + (i < messages % conversations);
        QCOMPARE(cache->positions().value(groups.at(i)), last);
        QCOMPARE(seqsOf(cache->messagesBefore(groups.at(i), 0, 100'000)), range(1, last));
    }
}

QTEST_GUILESS_MAIN(TestCachedSession)
#include "tst_cachedsession.moc"
