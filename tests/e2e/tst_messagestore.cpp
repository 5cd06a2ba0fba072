// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// MessageStore and ClientCache applying replies, edits, deletions and reactions through a
// real server: live changes reach an open window, a device that was offline catches up
// through sync and ends with the same messages as the server's history, and the cache holds
// the same state as the window.
#include "sessionhelpers.h"
#include "testserver.h"
#include <banter/client/certificatepin.h>
#include <banter/client/clientcache.h>
#include <banter/client/messagestore.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
// What a person sees of a message: what the window and the server's history must agree on.
struct Shown
{
    QUuid id;
    QString content;
    bool deleted = false;
    bool edited = false;
    QList<Reaction> reactions;
    std::optional<ReplyPreview> preview;
    friend bool operator==(const Shown &, const Shown &) = default;
};

QList<Shown> shown(const QList<Message> &messages)
{
    QList<Shown> result;
    for (const Message &m : messages) {
        if (!m.isMessageChange())
            result.append(
                {m.id, m.content, m.isDeleted(), m.editedAtMs > 0, m.reactions, m.replyPreview});
    }
    return result;
}
} // namespace

namespace QTest {
template<>
char *toString(const Shown &s)
{
    return qstrdup(qPrintable(s.id.toString() + u' ' + s.content));
}
} // namespace QTest

class TestMessageStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void windowAppliesLiveChanges();
    void offlineDeviceCatchesUpInCacheAndWindow();
    void windowIsBoundedAndJumps();

private:
    QList<Message> serverHistory(ClientSession &session, ConversationId id);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ClientSession> m_alice;
    std::unique_ptr<ClientSession> m_bob;
    ConversationId m_chat = 0;
    QTemporaryDir m_dir;
};

void TestMessageStore::init()
{
    m_server = std::make_unique<TestServer>(TestServer::unthrottledConfig());
    QVERIFY(m_server->start());
    m_alice = signedUpSession(m_server->url(), u"alice"_s);
    m_bob = signedUpSession(m_server->url(), u"bob"_s);
    QVERIFY(m_alice && m_bob);
    const auto chat = await(m_alice->createPrivate(m_bob->currentUser().id));
    QVERIFY(chat);
    m_chat = chat->id;
    QVERIFY(fillConversation(*m_alice, m_chat, 5));
}

void TestMessageStore::cleanup()
{
    {
        SessionCloser closer{{m_alice.get(), m_bob.get()}};
    }
    m_alice.reset();
    m_bob.reset();
    m_server.reset();
}

QList<Message> TestMessageStore::serverHistory(ClientSession &session, ConversationId id)
{
    const auto page = await(session.history(id, 0, Protocol::HistoryRequest::MaxLimit));
    return page ? page->messages : QList<Message>{};
}

void TestMessageStore::windowAppliesLiveChanges()
{
    MessageStore bobStore(m_bob.get());
    MessageStore aliceStore(m_alice.get());
    QVERIFY(await(bobStore.open(m_chat)));
    QVERIFY(await(aliceStore.open(m_chat)));
    QCOMPARE(bobStore.messages(m_chat).size(), 5);
    const QList<Message> sent = bobStore.messages(m_chat);
    QSignalSpy changed(&bobStore, &MessageStore::messageChanged);
    QSignalSpy added(&bobStore, &MessageStore::messageAdded);

    // Alice edits: Bob's window shows the new text, Alice's own too (her change's reply
    // goes through the same path).
    QVERIFY(await(m_alice->editMessage(m_chat, sent.at(0).id, u"m1, edited"_s)));
    QVERIFY(waitFor(
        [&] { return bobStore.message(m_chat, sent.at(0).id)->content == u"m1, edited"_s; }));
    QVERIFY(bobStore.message(m_chat, sent.at(0).id)->editedAtMs > 0);
    QCOMPARE(aliceStore.message(m_chat, sent.at(0).id)->content, u"m1, edited"_s);
    QVERIFY(!changed.isEmpty());

    // Reactions: mine is mine in each window.
    QVERIFY(await(m_alice->react(m_chat, sent.at(1).id, u"👍"_s)));
    QVERIFY(await(m_bob->react(m_chat, sent.at(1).id, u"👍"_s)));
    QVERIFY(waitFor([&] {
        return bobStore.message(m_chat, sent.at(1).id)->reactions
            == QList<Reaction>{{u"👍"_s, 2, true}};
    }));
    QVERIFY(waitFor([&] {
        return aliceStore.message(m_chat, sent.at(1).id)->reactions
            == QList<Reaction>{{u"👍"_s, 2, true}};
    }));
    const auto again = await(m_bob->react(m_chat, sent.at(1).id, u"👍"_s));
    QVERIFY(again && !again->has_value()); // nothing changed
    QVERIFY(await(m_bob->unreact(m_chat, sent.at(1).id, u"👍"_s)));
    QVERIFY(waitFor([&] {
        return aliceStore.message(m_chat, sent.at(1).id)->reactions
            == QList<Reaction>{{u"👍"_s, 1, true}};
    }));
    const auto who = await(m_bob->reactions(m_chat, sent.at(1).id));
    QVERIFY(who);
    QCOMPARE(who->reactions.first().userIds, QList<UserId>{m_alice->currentUser().id});

    // A reply appears with its preview; deleting the original updates the preview.
    const auto reply = await(m_bob->sendReply(m_chat, sent.at(2).id, u"about m3"_s));
    QVERIFY(reply);
    QVERIFY(waitFor([&] { return aliceStore.message(m_chat, reply->id).has_value(); }));
    QCOMPARE(aliceStore.message(m_chat, reply->id)->replyPreview->snippet, u"m3"_s);
    QVERIFY(waitFor([&] { return bobStore.message(m_chat, reply->id).has_value(); }));
    QVERIFY(await(m_alice->deleteMessage(m_chat, sent.at(2).id)));
    QVERIFY(waitFor([&] { return bobStore.message(m_chat, sent.at(2).id)->isDeleted(); }));
    QVERIFY(bobStore.message(m_chat, reply->id)->replyPreview->deleted);
    QVERIFY(bobStore.message(m_chat, sent.at(2).id)->content.isEmpty());
    QVERIFY(!added.isEmpty());

    // Errors come back as values.
    const auto foreign = await(m_bob->editMessage(m_chat, sent.at(3).id, u"not mine"_s));
    QVERIFY(!foreign);
    QCOMPARE(foreign.error().code, ErrorCode::Forbidden);
    const auto badEmoji = await(m_bob->react(m_chat, sent.at(3).id, u"two words"_s));
    QCOMPARE(badEmoji.error().code, ErrorCode::BadRequest);

    // Each window shows what the server holds for its user (`mine` differs between them).
    QVERIFY(waitFor(
        [&] { return shown(bobStore.messages(m_chat)) == shown(serverHistory(*m_bob, m_chat)); }));
    QVERIFY(waitFor([&] {
        return shown(aliceStore.messages(m_chat)) == shown(serverHistory(*m_alice, m_chat));
    }));
    // The change events are applied, never listed.
    for (const Message &m : bobStore.messages(m_chat))
        QVERIFY(!m.isMessageChange());
}

void TestMessageStore::offlineDeviceCatchesUpInCacheAndWindow()
{
    // Bob's laptop: its own cache, signed in once, then offline.
    auto laptop = std::make_unique<ClientSession>();
    ClientSession::Options options;
    options.reconnectBaseMs = 50;
    options.reconnectMaxMs = 200;
    laptop->setOptions(options);
    const CacheIdentity identity{
        CertificatePin::serverKey(m_server->url()), m_bob->currentUser().id, {}};
    auto cache = ClientCache::open(m_dir.filePath(u"laptop.sqlite"_s), identity);
    QVERIFY(cache);
    laptop->setCache(cache->get());
    QString access;
    QString refresh;
    connect(laptop.get(), &ClientSession::tokensChanged, this,
            [&](const QString &a, const QString &r) {
                access = a;
                refresh = r;
            });
    laptop->setTokens(access, refresh);
    laptop->connectToServer(m_server->url());
    QVERIFY(waitFor([&] { return laptop->state() == ClientSession::State::Connected; }));
    QVERIFY(await(laptop->login(u"bob"_s, u"correct horse"_s, u"laptop"_s)));
    QVERIFY(waitFor([&] { return laptop->isReady(); }));
    MessageStore store(laptop.get());
    QVERIFY(await(store.open(m_chat)));
    const QList<Message> sent = store.messages(m_chat);
    QCOMPARE(sent.size(), 5);
    laptop->disconnectFromServer();
    QVERIFY(waitFor([&] { return laptop->state() == ClientSession::State::Disconnected; }));

    // While it is away: edits, a deletion, reactions by both, a reply, a new message.
    QVERIFY(await(m_alice->editMessage(m_chat, sent.at(0).id, u"first, edited"_s)));
    QVERIFY(await(m_alice->editMessage(m_chat, sent.at(0).id, u"first, edited twice"_s)));
    QVERIFY(await(m_alice->deleteMessage(m_chat, sent.at(1).id)));
    QVERIFY(await(m_alice->react(m_chat, sent.at(2).id, u"🎉"_s)));
    QVERIFY(await(m_bob->react(m_chat, sent.at(2).id, u"🎉"_s)));
    QVERIFY(await(m_bob->react(m_chat, sent.at(3).id, u"👀"_s)));
    QVERIFY(await(m_bob->unreact(m_chat, sent.at(3).id, u"👀"_s)));
    QVERIFY(await(m_alice->sendReply(m_chat, sent.at(4).id, u"re m5"_s)));
    QVERIFY(await(m_alice->deleteMessage(m_chat, sent.at(4).id)));

    // Back: the catch-up applies every change once, in order, to the cache and the window.
    laptop->setTokens(access, refresh);
    laptop->connectToServer(m_server->url());
    QVERIFY(waitFor([&] { return laptop->isReady(); }));
    const QList<Shown> server = shown(serverHistory(*m_bob, m_chat));
    QVERIFY(waitFor([&] { return shown(store.messages(m_chat)) == server; }));
    QCOMPARE(shown(store.messages(m_chat)), server);
    QCOMPARE(shown((*cache)->messagesBefore(m_chat, 0, 1000)), server);
    // The conversation list's last message is the reply, not a change.
    QCOMPARE((*cache)->conversations().first().lastMessage->content, u"re m5"_s);
    QCOMPARE(store.message(m_chat, sent.at(0).id)->content, u"first, edited twice"_s);
    QCOMPARE(store.message(m_chat, sent.at(2).id)->reactions, (QList<Reaction>{{u"🎉"_s, 2, true}}));
    QVERIFY(store.message(m_chat, sent.at(3).id)->reactions.isEmpty());
    {
        SessionCloser closer{{laptop.get()}};
    }
}

void TestMessageStore::windowIsBoundedAndJumps()
{
    QVERIFY(fillConversation(*m_alice, m_chat, 40, 6)); // m1 … m45 at seqs 1 … 45
    // The acks came back; Bob's history shows all 45 once the last commit is visible.
    QVERIFY(waitFor([&] {
        const QList<Message> all = serverHistory(*m_bob, m_chat);
        return !all.isEmpty() && all.last().seq == 45;
    }));
    MessageStore store(m_bob.get());
    store.setWindowSize(20);
    QVERIFY(await(store.open(m_chat, 10)));
    QVERIFY(store.messages(m_chat).size() >= 10);
    QVERIFY(store.messages(m_chat).size() <= 20);
    QCOMPARE(store.messages(m_chat).last().seq, 45);
    QVERIFY(store.hasOlder(m_chat));
    const Seq firstBefore = store.messages(m_chat).first().seq;
    QVERIFY(await(store.loadOlder(m_chat, 15)));
    QCOMPARE(store.messages(m_chat).size(), 20); // bounded: the newest end gave way
    QVERIFY(store.messages(m_chat).first().seq < firstBefore);
    QVERIFY(!store.atNewest(m_chat));
    // Jump to the start, then walk back to the newest.
    QVERIFY(await(store.jumpTo(m_chat, 3, 10)));
    QCOMPARE(store.messages(m_chat).first().seq, 1);
    QVERIFY(!store.atNewest(m_chat));
    // A change to a message in the window applies even away from the newest; a new message
    // is not appended there.
    const QUuid third = store.messages(m_chat).at(2).id;
    QVERIFY(await(m_alice->react(m_chat, third, u"👍"_s)));
    QVERIFY(waitFor([&] { return !store.message(m_chat, third)->reactions.isEmpty(); }));
    for (int i = 0; i < 10 && !store.atNewest(m_chat); ++i)
        QVERIFY(await(store.loadNewer(m_chat, 20)));
    QVERIFY(store.atNewest(m_chat));
    QVERIFY(store.messages(m_chat).size() <= 20);
    QCOMPARE(store.messages(m_chat).last().content, u"m45"_s);
    QVERIFY(await(m_alice->sendMessage(m_chat, u"newest"_s)));
    QVERIFY(waitFor([&] { return store.messages(m_chat).last().content == u"newest"_s; }));
}

QTEST_GUILESS_MAIN(TestMessageStore)
#include "tst_messagestore.moc"
