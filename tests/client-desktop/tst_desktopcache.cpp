// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop over the account's on-disk cache, with the real widgets offscreen and a real
// banterd: a second start with the server down shows the cached conversation list and the
// last open conversation's messages at once, then catches up when the server is back; the
// conversation list takes the sign-in's unread counts without counting the catch-up twice;
// sign-out deletes the cache; quitting with queued messages asks first.
#include "core/accountcontext.h"
#include "core/appsettings.h"
#include "core/conversationlistmodel.h"
#include "core/messagelistmodel.h"
#include "desktopfixture.h"
#include "sessionhelpers.h"
#include "testpaths.h"
#include "ui/mainwindow.h"
#include "waiting.h"
#include <banter/client/certificatepin.h>
#include <banter/client/clientcache.h>
#include <banter/client/clientsession.h>

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Banter;
using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
// A desktop session as the app makes one, reconnecting quickly (the tests restart servers).
std::unique_ptr<ClientSession> desktopSession()
{
    auto session = std::make_unique<ClientSession>();
    ClientSession::Options options;
    options.reconnectBaseMs = 50;
    options.reconnectMaxMs = 200;
    session->setOptions(options);
    return session;
}

// Alice signs in with her password on this desktop (the sign-in opens the account's cache).
bool signInAsAlice(ClientSession &session, const QUrl &server)
{
    session.connectToServer(server);
    return waitFor([&] { return session.state() == ClientSession::State::Connected; })
        && await(session.login(u"alice"_s, u"correct horse"_s, u"desktop"_s))
        && waitFor([&] { return session.isReady(); });
}
} // namespace

class TestDesktopCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cachedContentShowsWithTheServerDown();
    void quittingWithQueuedMessagesAsks();
    void closingTrimsTheCacheToItsDepth();
    void aChangedCertificateStartsANewCache();

private:
    QTemporaryDir m_dir;
};

void TestDesktopCache::initTestCase()
{
    Banter::Test::useCleanTestPaths(); // settings, drafts and the file cache in test places
    QVERIFY(m_dir.isValid());
}

void TestDesktopCache::cachedContentShowsWithTheServerDown()
{
    DesktopFixture fixture(TestServer::unthrottledConfig());
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(bob->createPrivate(alice->currentUser().id));
    QVERIFY(chat);
    QVERIFY(fillConversation(*bob, chat->id, 120));
    AppSettings settings(m_dir.filePath(u"cached.conf"_s));
    const QString cacheDir = m_dir.filePath(u"cache"_s);
    const User aliceUser = alice->currentUser();
    QString accessToken;
    QString refreshToken;
    QString cachePath;

    {
        // First run: Alice signs in on this desktop, reads the chat, quits.
        auto session = desktopSession();
        AccountContext account(*session, settings);
        account.enableCache(cacheDir);
        MainWindow window(account);
        SessionCloser closer{{session.get()}};
        QVERIFY(signInAsAlice(*session, fixture.server().url()));
        QVERIFY(account.cache());
        cachePath = account.cache()->path();
        QVERIFY(cachePath.startsWith(cacheDir));
        // The sign-in's summary counted the unread messages; the catch-up did not add to it.
        QTRY_COMPARE(account.conversations()->rowCount(), 1);
        QCOMPARE(account.conversations()->totalUnread(), 120);
        window.openConversation(chat->id);
        QTRY_COMPARE(account.messages()->newestSeq(), 120);
        QTRY_VERIFY(!account.messages()->isLoading());
        QCOMPARE(settings.lastConversation(), chat->id);
        accessToken = session->accessToken();
        refreshToken = session->refreshToken();
    }

    fixture.server().stop();
    {
        // Second run, the server down, started as the app starts a remembered account: the
        // window shows at once, the cache's check runs on a worker thread, then the list and
        // the messages show from disk and the session connects.
        auto session = desktopSession();
        AccountContext account(*session, settings);
        account.enableCache(cacheDir);
        SessionCloser closer{{session.get()}};
        bool connectedAfterOpening = false;
        account.openCacheInBackground(fixture.server().url(), aliceUser, [&] {
            connectedAfterOpening = account.cache() != nullptr;
            session->setTokens(accessToken, refreshToken);
            session->connectToServer(fixture.server().url());
        });
        MainWindow window(account);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(account.cache());
        QVERIFY(connectedAfterOpening);
        QCOMPARE(account.cache()->path(), cachePath);
        QVERIFY(!account.cache()->rebuilt());
        QCOMPARE(account.conversations()->rowCount(), 1);
        QCOMPARE(account.conversations()->index(0).data(ConversationListModel::NameRole).toString(),
                 u"BOB"_s);
        QCOMPARE(session->currentUser().id, aliceUser.id); // known before the server answers
        MessageListModel *messages = account.messages();
        QCOMPARE(messages->conversationId(), chat->id); // the last open conversation
        QTRY_COMPARE(messages->newestSeq(), 120);
        QVERIFY(messages->storedCount() >= MessageListModel::PageSize);
        QCOMPARE(messages->index(messages->storedCount() - 1)
                     .data(MessageListModel::ContentRole)
                     .toString(),
                 u"m120"_s);
        QVERIFY(!session->isReady());
        // Scrolling up reads older pages from the cache while offline, in order.
        const Seq oldest = messages->oldestSeq();
        if (messages->canLoadOlder()) {
            messages->loadOlder();
            QTRY_VERIFY(!messages->isLoading());
            QVERIFY(messages->oldestSeq() <= oldest);
        }

        // The server is back: the session catches up, and what Bob wrote meanwhile shows.
        QVERIFY(fixture.server().restart());
        QTRY_VERIFY_WITH_TIMEOUT(session->isReady(), 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(bob->isReady(), 15'000);
        QVERIFY(await(bob->sendMessage(chat->id, u"welcome back"_s)));
        QTRY_COMPARE(messages->newestSeq(), 121);
        QCOMPARE(messages->index(messages->storedCount() - 1)
                     .data(MessageListModel::ContentRole)
                     .toString(),
                 u"welcome back"_s);

        // Sign-out deletes the copy.
        QVERIFY(QFile::exists(cachePath));
        account.removeCache();
        QVERIFY(!account.cache());
        QVERIFY(!QFile::exists(cachePath));
        QVERIFY(!session->cache());
    }
}

void TestDesktopCache::quittingWithQueuedMessagesAsks()
{
    // The settings outlive the window the fixture keeps (it saves its geometry on closing).
    AppSettings settings(m_dir.filePath(u"quit.conf"_s));
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    MainWindow *window = fixture.showWindow(*alice, settings);
    QVERIFY(window);
    QList<int> asked;
    window->setQuitConfirmer([&](int queued) {
        asked.append(queued);
        return false; // the user stays
    });
    fixture.server().stop();
    QTRY_VERIFY(alice->state() != ClientSession::State::Ready);
    alice->sendMessage(chat->id, u"one"_s);
    alice->sendMessage(chat->id, u"two"_s);
    QVERIFY(!window->quit());
    QCOMPARE(asked, QList<int>{2});
    QCOMPARE(alice->pendingMessages().size(), 2); // still queued
}

// What a catch-up added beyond the cache's depth is dropped when the account closes, so the
// next start checks a small file.
void TestDesktopCache::closingTrimsTheCacheToItsDepth()
{
    DesktopFixture fixture(TestServer::unthrottledConfig());
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(bob->createPrivate(alice->currentUser().id));
    QVERIFY(chat);
    QVERIFY(fillConversation(*bob, chat->id, 300));
    AppSettings settings(m_dir.filePath(u"trim.conf"_s));
    const QString cacheDir = m_dir.filePath(u"trim-cache"_s);
    QString cachePath;
    {
        auto session = desktopSession();
        AccountContext account(*session, settings);
        account.enableCache(cacheDir);
        SessionCloser closer{{session.get()}};
        QVERIFY(signInAsAlice(*session, fixture.server().url()));
        QVERIFY(account.cache());
        cachePath = account.cache()->path();
        account.cache()->setDepth(20);
        // Live messages go past the depth while the account is open.
        for (int i = 0; i < 40; ++i)
            bob->sendMessage(chat->id, u"live %1"_s.arg(i));
        QTRY_COMPARE(account.cache()->positions().value(chat->id), 340);
        QVERIFY(account.cache()->messageCount() > 20);
    }
    auto reopened = ClientCache::open(
        cachePath,
        CacheIdentity{
            CertificatePin::serverKey(fixture.server().url()), alice->currentUser().id, {}});
    QVERIFY(reopened);
    QVERIFY(!(*reopened)->rebuilt());
    QCOMPARE((*reopened)->messageCount(), 20);
    QCOMPARE((*reopened)->oldestSeq(chat->id), 321);
    QCOMPARE((*reopened)->positions().value(chat->id), 340);
}

// A server met again with another pinned certificate is another server as far as the cache
// goes: what the old one said is not shown as this one's.
void TestDesktopCache::aChangedCertificateStartsANewCache()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(bob->createPrivate(alice->currentUser().id));
    QVERIFY(chat);
    QVERIFY(await(bob->sendMessage(chat->id, u"hello"_s)));
    AppSettings settings(m_dir.filePath(u"pin.conf"_s));
    const QString cacheDir = m_dir.filePath(u"pin-cache"_s);
    const QUrl url = fixture.server().url();
    const User aliceUser = alice->currentUser();
    {
        auto session = desktopSession();
        AccountContext account(*session, settings);
        account.enableCache(cacheDir);
        SessionCloser closer{{session.get()}};
        QVERIFY(signInAsAlice(*session, url));
        QVERIFY(account.cache());
        QTRY_COMPARE(account.cache()->conversations().size(), 1);
    }
    {
        // Same certificate (none pinned): the copy is used.
        auto session = desktopSession();
        AccountContext account(*session, settings);
        account.enableCache(cacheDir);
        QVERIFY(account.openCache(url, aliceUser));
        QVERIFY(!account.cache()->rebuilt());
        QCOMPARE(account.conversations()->rowCount(), 1);
    }
    // The user trusted another certificate for this server since.
    settings.setPinnedCertificate(CertificatePin::serverKey(url), QByteArray(32, '\x42'));
    auto session = desktopSession();
    AccountContext account(*session, settings);
    account.enableCache(cacheDir);
    bool opened = false;
    account.openCacheInBackground(url, aliceUser, [&] { opened = true; });
    QTRY_VERIFY(opened);
    QVERIFY(account.cache());
    QVERIFY(account.cache()->rebuilt());
    QVERIFY(account.cache()->rebuiltReason().contains(u"certificate"_s));
    QCOMPARE(account.conversations()->rowCount(), 0);
}

QTEST_MAIN(TestDesktopCache)
#include "tst_desktopcache.moc"
