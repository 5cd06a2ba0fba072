// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Presence and activity people can see, with the real widgets against a real banterd: the
// conversation header (status, last seen, members online, who is typing), the user's own
// typing as the others receive it, presence of people who are not contacts and the
// "People in your chats" section, and unread counts while the window is in the background.
#include "core/accountcontext.h"
#include "core/appsettings.h"
#include "core/chatpeoplemodel.h"
#include "core/contactlistmodel.h"
#include "core/conversationlistmodel.h"
#include "core/messagelistmodel.h"
#include "core/typingtracker.h"
#include "desktopfixture.h"
#include "ui/avatar.h"
#include "ui/composer.h"
#include "ui/contactspanel.h"
#include "ui/conversationheader.h"
#include "ui/mainwindow.h"
#include "ui/trayicon.h"
#include "waiting.h"
#include <banter/client/clientsession.h>

#include <QLabel>
#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <algorithm>

using namespace Banter;
using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

class TestDesktopPresence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void wording();
    void headerFollowsPresenceOfPeopleWhoAreNotContacts();
    void groupHeaderCountsMembersOnline();
    void typingIsShownAndExpires();
    void ownTypingIsThrottledAndStopped();
    void peopleInYourChatsCanBeAdded();
    void unreadCountsWhileTheWindowIsInTheBackground();
    void accountBadgeShowsWhoAndSetsStatus();

private:
    static bool activate(QWidget *window)
    {
        window->activateWindow();
        return QTest::qWaitForWindowActive(window);
    }
    static QString status(MainWindow *window)
    {
        return window->findChild<QLabel *>(u"conversationStatus"_s)->text();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
};

void TestDesktopPresence::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestDesktopPresence::init()
{
    static int n = 0;
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(u"settings-%1.conf"_s.arg(++n)));
}

void TestDesktopPresence::cleanup()
{
    m_settings.reset();
}

void TestDesktopPresence::wording()
{
    const QDateTime now(QDate(2026, 3, 10), QTime(15, 0));
    const qint64 at = now.toMSecsSinceEpoch();
    QCOMPARE(ConversationHeader::lastSeenText(at - 20'000, now), u"last seen just now"_s);
    QCOMPARE(ConversationHeader::lastSeenText(at - 5 * 60'000LL, now),
             u"last seen 5 minutes ago"_s);
    QCOMPARE(ConversationHeader::lastSeenText(at - 60'000, now), u"last seen 1 minute ago"_s);
    QVERIFY(ConversationHeader::lastSeenText(at - 3 * 3600'000LL, now)
                .startsWith(u"last seen today at "_s));
    QVERIFY(ConversationHeader::lastSeenText(at - 20 * 3600'000LL, now)
                .startsWith(u"last seen yesterday at "_s));
    QVERIFY(ConversationHeader::lastSeenText(at - 9 * 24 * 3600'000LL, now)
                .startsWith(u"last seen on "_s));
    QCOMPARE(ConversationHeader::typingText({u"Bob"_s}), u"Bob is typing…"_s);
    QCOMPARE(ConversationHeader::typingText({u"Bob"_s, u"Carol"_s}),
             u"Bob and Carol are typing…"_s);
    QCOMPARE(ConversationHeader::typingText({u"Bob"_s, u"Carol"_s, u"Dave"_s}),
             u"3 people are typing…"_s);
    QCOMPARE(ConversationHeader::membersText(12, 3), u"12 members, 3 online"_s);
    QCOMPARE(ConversationHeader::membersText(1, 0), u"1 member"_s);
}

// Bob is not Alice's contact (today he appeared offline while connected): she sees him
// online as soon as her window opens, away and last seen as he changes.
void TestDesktopPresence::headerFollowsPresenceOfPeopleWhoAreNotContacts()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    const auto chat = await(bob->createPrivate(alice->currentUser().id));
    QVERIFY(chat);
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    QVERIFY(window);
    QTRY_COMPARE(window->account().conversations()->rowCount(), 1);
    QCOMPARE(window->account().contacts()->rowCount(), 0);
    window->openConversation(chat->id);
    QCOMPARE(window->findChild<QLabel *>(u"conversationTitle"_s)->text(), u"Bob"_s);
    QTRY_COMPARE(status(window), u"online"_s);
    QTRY_COMPARE(window->account()
                     .conversations()
                     ->index(0)
                     .data(ConversationListModel::PresenceRole)
                     .toInt(),
                 int(PresenceStatus::Online));
    QVERIFY(await(bob->setPresence(PresenceStatus::Away)));
    QTRY_COMPARE(status(window), u"away"_s);
    bob->disconnectFromServer();
    QTRY_COMPARE(status(window), u"last seen just now"_s);
    QCOMPARE(window->account()
                 .conversations()
                 ->index(0)
                 .data(ConversationListModel::PresenceRole)
                 .toInt(),
             int(PresenceStatus::Offline));
}

void TestDesktopPresence::groupHeaderCountsMembersOnline()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    ClientSession *carol = fixture.signUp(u"carol"_s, u"Carol"_s);
    ClientSession *dave = fixture.signUp(u"dave"_s, u"Dave"_s);
    QVERIFY(alice && bob && carol && dave);
    const auto group = await(bob->createGroup(
        u"Trip"_s, {alice->currentUser().id, carol->currentUser().id, dave->currentUser().id}));
    QVERIFY(group);
    dave->disconnectFromServer();
    MainWindow *window = fixture.showChat(*alice, *m_settings, group->id);
    QVERIFY(window);
    QTRY_COMPARE(status(window), u"4 members, 3 online"_s);
    carol->disconnectFromServer();
    QTRY_COMPARE(status(window), u"4 members, 2 online"_s);
}

void TestDesktopPresence::typingIsShownAndExpires()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    ClientSession *carol = fixture.signUp(u"carol"_s, u"Carol"_s);
    ClientSession *dave = fixture.signUp(u"dave"_s, u"Dave"_s);
    QVERIFY(alice && bob && carol && dave);
    const auto group = await(bob->createGroup(
        u"Trip"_s, {alice->currentUser().id, carol->currentUser().id, dave->currentUser().id}));
    QVERIFY(group);
    MainWindow *window = fixture.showChat(*alice, *m_settings, group->id);
    QVERIFY(window);
    QTRY_COMPARE(status(window), u"4 members, 4 online"_s);

    QVERIFY(await(bob->sendTyping(group->id, true)));
    QTRY_COMPARE(status(window), u"Bob is typing…"_s);
    QVERIFY(await(carol->sendTyping(group->id, true)));
    QTRY_COMPARE(status(window), u"Bob and Carol are typing…"_s);
    QVERIFY(await(dave->sendTyping(group->id, true)));
    QTRY_COMPARE(status(window), u"3 people are typing…"_s);
    // Bob stops, Carol sends her message: each leaves the indicator at once.
    QVERIFY(await(bob->sendTyping(group->id, false)));
    QTRY_COMPARE(status(window), u"Carol and Dave are typing…"_s);
    QVERIFY(await(carol->sendMessage(group->id, u"here"_s)));
    QTRY_COMPARE(status(window), u"Dave is typing…"_s);
    // Dave never says he stopped (his client died): the indicator expires by itself.
    window->account().typing()->setExpiry(300);
    QVERIFY(await(dave->sendTyping(group->id, true))); // renewed with the short expiry
    QTRY_COMPARE(status(window), u"4 members, 4 online"_s);
    QVERIFY(window->account().typing()->typing(group->id).isEmpty());
}

void TestDesktopPresence::ownTypingIsThrottledAndStopped()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    ClientSession *carol = fixture.signUp(u"carol"_s, u"Carol"_s);
    QVERIFY(alice && bob && carol);
    const auto withBob = await(bob->createPrivate(alice->currentUser().id));
    const auto withCarol = await(carol->createPrivate(alice->currentUser().id));
    QVERIFY(withBob && withCarol);
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    QVERIFY(window);
    QTRY_COMPARE(window->account().conversations()->rowCount(), 2);
    QVERIFY(activate(window));
    window->openConversation(withBob->id);
    auto *composer = window->findChild<Composer *>(u"composer"_s);
    QSignalSpy typing(bob, &ClientSession::typingChanged);
    QSignalSpy received(bob, &ClientSession::messageReceived);

    // Five keys in a row: one "typing", not five (the server would refuse most of them).
    QTest::keyClicks(composer, u"hello"_s);
    QTRY_COMPARE(typing.count(), 1);
    QCOMPARE(typing.at(0).at(0).value<ConversationId>(), withBob->id);
    QCOMPARE(typing.at(0).at(1).value<UserId>(), alice->currentUser().id);
    QVERIFY(typing.at(0).at(2).toBool());
    // Sending says "stopped", before the message itself.
    QTest::keyClick(composer, Qt::Key_Return);
    QTRY_COMPARE(received.count(), 1);
    QCOMPARE(typing.count(), 2);
    QVERIFY(!typing.at(1).at(2).toBool());

    // Typing, then switching to Carol's chat: Bob is told Alice stopped.
    QTest::keyClicks(composer, u"x"_s);
    QTRY_COMPARE(typing.count(), 3);
    QVERIFY(typing.at(2).at(2).toBool());
    window->openConversation(withCarol->id);
    QTRY_COMPARE(typing.count(), 4);
    QVERIFY(!typing.at(3).at(2).toBool());
    // Text the program puts in the box (a restored draft) is not typing.
    QSignalSpy carolTyping(carol, &ClientSession::typingChanged);
    composer->setPlainText(u"draft"_s);
    composer->clear();
    QTest::keyClicks(composer, u"y"_s);
    QTRY_COMPARE(carolTyping.count(), 1);
    // Clearing the box by hand says "stopped".
    QTest::keyClick(composer, Qt::Key_Backspace);
    QTRY_COMPARE(carolTyping.count(), 2);
    QVERIFY(!carolTyping.at(1).at(2).toBool());
}

void TestDesktopPresence::peopleInYourChatsCanBeAdded()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    ClientSession *carol = fixture.signUp(u"carol"_s, u"Carol"_s);
    QVERIFY(alice && bob && carol);
    const auto group =
        await(bob->createGroup(u"Trip"_s, {alice->currentUser().id, carol->currentUser().id}));
    QVERIFY(group);
    QVERIFY(await(alice->addContact(u"carol"_s)));
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    QVERIFY(window);
    auto *panel = window->findChild<ContactsPanel *>(u"contactsPanel"_s);
    QListView *people = panel->findChild<QListView *>(u"chatPeopleView"_s);
    QVERIFY(people);
    // Carol is a contact, listed above; Bob is only in a chat, offered below, online.
    QTRY_COMPARE(window->account().contacts()->rowCount(), 1);
    QTRY_COMPARE(people->model()->rowCount(), 1);
    const QModelIndex bobRow = people->model()->index(0, 0);
    QCOMPARE(bobRow.data(ContactListModel::NameRole).toString(), u"Bob"_s);
    QTRY_COMPARE(people->model()->index(0, 0).data(ContactListModel::PresenceRole).toInt(),
                 int(PresenceStatus::Online));
    auto *add = panel->findChild<QToolButton *>(u"addChatPersonButton"_s);
    QVERIFY(!add->isEnabled());
    people->setCurrentIndex(bobRow);
    QVERIFY(add->isEnabled());
    add->click();
    QTRY_COMPARE(window->account().contacts()->rowCount(), 2);
    QVERIFY(window->account().contacts()->contact(bob->currentUser().id));
    QTRY_COMPARE(people->model()->rowCount(), 0);
}

// The badge said 1 with 2 unread: messages arriving in the open conversation while the
// window was in the background were never counted.
void TestDesktopPresence::unreadCountsWhileTheWindowIsInTheBackground()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    const auto chat = await(bob->createPrivate(alice->currentUser().id));
    QVERIFY(chat);
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    QVERIFY(window);
    QTRY_COMPARE(window->account().conversations()->rowCount(), 1);
    QVERIFY(activate(window));
    window->openConversation(chat->id);
    auto *tray = window->findChild<TrayIcon *>(u"trayIcon"_s);
    QVERIFY(await(bob->sendMessage(chat->id, u"seen at once"_s)));
    QTRY_COMPARE(window->account().messages()->rowCount(), 1);
    QCOMPARE(window->account().conversations()->totalUnread(), 0);

    QWidget elsewhere; // another application's window has the focus
    elsewhere.show();
    QVERIFY(activate(&elsewhere));
    QVERIFY(!window->isActiveWindow());
    QSignalSpy receipts(bob, &ClientSession::receiptReceived);
    QVERIFY(await(bob->sendMessage(chat->id, u"one"_s)));
    const auto two = await(bob->sendMessage(chat->id, u"two"_s));
    QVERIFY(two);
    QTRY_COMPARE(window->account().conversations()->totalUnread(), 2);
    QTRY_COMPARE(tray->unread(), 2); // the badge is coalesced
    const auto readUpTo = [&receipts](Seq seq) {
        return std::any_of(receipts.cbegin(), receipts.cend(), [seq](const QList<QVariant> &args) {
            const auto r = args.first().value<Protocol::ReceiptPush>();
            return r.kind == Protocol::ReceiptKind::Read && r.seq >= seq;
        });
    };
    QVERIFY(!readUpTo(two->seq - 1)); // nobody has read them (delivered, yes)

    // Coming back to the window reads them.
    QVERIFY(activate(window));
    QTRY_COMPARE(window->account().conversations()->totalUnread(), 0);
    QTRY_COMPARE(tray->unread(), 0);
    QTRY_VERIFY(readUpTo(two->seq));
}

// The window says who is signed in where, and the status chosen there reaches the others and
// outlives a reconnect (the server forgets it with the connection).
void TestDesktopPresence::accountBadgeShowsWhoAndSetsStatus()
{
    QCOMPARE(Avatar::initials(u"Alice Martin"_s), u"AM"_s);
    QCOMPARE(Avatar::initials(u"Peer 01"_s), u"P"_s);
    QCOMPARE(Avatar::initials(u"王小明"_s), u"王"_s);
    QCOMPARE(Avatar::initials(u"42"_s), u"?"_s);

    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice Martin"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    const auto chat = await(bob->createPrivate(alice->currentUser().id));
    QVERIFY(chat);
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    QVERIFY(window);
    QCOMPARE(window->findChild<QLabel *>(u"accountName"_s)->text(), u"Alice Martin"_s);
    QCOMPARE(window->findChild<QLabel *>(u"accountServer"_s)->text(),
             u"127.0.0.1:%1"_s.arg(fixture.server().port()));
    QVERIFY(!window->findChild<QLabel *>(u"accountAvatar"_s)->pixmap().isNull());
    auto *button = window->findChild<QToolButton *>(u"statusButton"_s);
    QCOMPARE(button->text(), u"Online"_s);

    const auto aliceAsBobSees = [&]() -> PresenceStatus {
        const auto reply = await(bob->presences());
        if (!reply)
            return PresenceStatus::Offline;
        for (const Presence &p : reply->presences) {
            if (p.userId == alice->currentUser().id)
                return p.status;
        }
        return PresenceStatus::Offline;
    };
    QTRY_COMPARE(aliceAsBobSees(), PresenceStatus::Online);
    window->findChild<QAction *>(u"statusAwayAction"_s)->trigger();
    QCOMPARE(button->text(), u"Away"_s);
    QTRY_COMPARE(aliceAsBobSees(), PresenceStatus::Away);

    QSignalSpy aliceSynced(alice, &ClientSession::synced);
    QVERIFY(fixture.server().restart());
    QTRY_VERIFY(aliceSynced.count() >= 1 && alice->isReady() && bob->isReady());
    QTRY_COMPARE(aliceAsBobSees(), PresenceStatus::Away);
    QCOMPARE(button->text(), u"Away"_s);
    window->findChild<QAction *>(u"statusOnlineAction"_s)->trigger();
    QTRY_COMPARE(aliceAsBobSees(), PresenceStatus::Online);
}

QTEST_MAIN(TestDesktopPresence)
#include "tst_desktoppresence.moc"
