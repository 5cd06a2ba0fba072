// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop client's models fed by real ClientSessions against a real banterd: the
// conversation list (names, previews, unread counts) and the message list (history paging,
// live messages, pending sends, status ticks from receipts, system events as ready text).
#include "core/conversationlistmodel.h"
#include "core/messagelistmodel.h"
#include "desktopfixture.h"
#include "sessionhelpers.h"
#include <banter/client/clientsession.h>

#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Banter;
using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
// The stored rows are one run of consecutive seqs, ascending: no gap, no duplicate.
bool contiguous(const MessageListModel &model)
{
    for (int row = 1; row < model.storedCount(); ++row) {
        if (model.index(row).data(MessageListModel::SeqRole).toLongLong()
            != model.index(row - 1).data(MessageListModel::SeqRole).toLongLong() + 1)
            return false;
    }
    return true;
}
} // namespace

class TestClientModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void conversationListFollowsActivity();
    void messageListStatusFollowsReceipts();
    void pendingMessagesShowUntilAcked();
    void olderHistoryIsFetchedOnDemand();
    void systemMessagesComeWorded();
    void windowStaysBoundedBothWays();
    void opensAtFirstUnread();

private:
    std::unique_ptr<DesktopFixture> m_fixture;
    TestServer *m_server = nullptr;
    ClientSession *m_alice = nullptr;
    ClientSession *m_bob = nullptr;
};

void TestClientModels::init()
{
    // Unthrottled: some tests fill a history of hundreds of messages.
    m_fixture = std::make_unique<DesktopFixture>(TestServer::unthrottledConfig());
    QVERIFY(m_fixture->start());
    m_server = &m_fixture->server();
    m_alice = m_fixture->signUp(u"alice"_s);
    m_bob = m_fixture->signUp(u"bob"_s);
    QVERIFY(m_alice && m_bob);
}

void TestClientModels::cleanup()
{
    m_fixture.reset(); // closes the sessions, then lets them and the server go
    m_server = nullptr;
    m_alice = m_bob = nullptr;
}

void TestClientModels::conversationListFollowsActivity()
{
    ConversationListModel list(*m_bob);
    QSignalSpy unread(&list, &ConversationListModel::totalUnreadChanged);
    const auto direct = await(m_alice->createPrivate(m_bob->currentUser().id));
    const auto group = await(m_alice->createGroup(u"Team"_s, {m_bob->currentUser().id}));
    QVERIFY(direct && group);
    QTRY_COMPARE(list.rowCount(), 2);
    for (int i = 0; i < 3; ++i)
        QVERIFY(await(m_alice->sendMessage(direct->id, u"hi %1"_s.arg(i))));
    QTRY_COMPARE(list.data(list.index(0), ConversationListModel::UnreadRole).toLongLong(), 3);
    // A private conversation is named after the other member; the newest activity is on top.
    QCOMPARE(list.data(list.index(0), ConversationListModel::NameRole).toString(), u"ALICE"_s);
    QCOMPARE(list.data(list.index(0), ConversationListModel::PreviewRole).toString(), u"hi 2"_s);
    QCOMPARE(list.data(list.index(1), ConversationListModel::NameRole).toString(), u"Team"_s);
    QCOMPARE(list.totalUnread(), 3); // the group_created system message does not count
    QVERIFY(!unread.isEmpty());
    list.setActiveConversation(direct->id);
    QCOMPARE(list.totalUnread(), 0);
    QVERIFY(await(m_alice->sendMessage(direct->id, u"while you look"_s)));
    QTRY_COMPARE(list.data(list.index(0), ConversationListModel::PreviewRole).toString(),
                 u"while you look"_s);
    QCOMPARE(list.totalUnread(), 0);
    QVERIFY(await(m_alice->sendMessage(group->id, u"in the group"_s)));
    QTRY_COMPARE(list.data(list.index(0), ConversationListModel::NameRole).toString(), u"Team"_s);
    QCOMPARE(list.totalUnread(), 1);
}

void TestClientModels::messageListStatusFollowsReceipts()
{
    const auto direct = await(m_alice->createPrivate(m_bob->currentUser().id));
    QVERIFY(direct);
    MessageListModel messages(*m_alice);
    messages.setConversation(*direct);
    QTRY_VERIFY(!messages.isLoading());
    QVERIFY(await(m_alice->sendMessage(direct->id, u"are you there?"_s)));
    QTRY_COMPARE(messages.rowCount(), 1);
    const QModelIndex row = messages.index(0);
    QVERIFY(messages.data(row, MessageListModel::MineRole).toBool());
    // Bob's session acknowledges delivery by itself...
    QTRY_COMPARE(messages.data(row, MessageListModel::StatusRole).toInt(),
                 int(MessageStatus::Delivered));
    // ...and reading turns the tick to read.
    QVERIFY(await(m_bob->markRead(direct->id, 1)));
    QTRY_COMPARE(messages.data(row, MessageListModel::StatusRole).toInt(),
                 int(MessageStatus::Read));
    QVERIFY(messages.data(row, MessageListModel::NewDayRole).toBool());
}

void TestClientModels::pendingMessagesShowUntilAcked()
{
    const auto direct = await(m_alice->createPrivate(m_bob->currentUser().id));
    MessageListModel messages(*m_alice);
    messages.setConversation(*direct);
    QTRY_VERIFY(!messages.isLoading());
    m_server->stop();
    QTRY_COMPARE(m_alice->state(), ClientSession::State::Reconnecting);
    auto sent = m_alice->sendMessage(direct->id, u"written offline"_s);
    QCOMPARE(messages.rowCount(), 1);
    QCOMPARE(messages.data(messages.index(0), MessageListModel::StatusRole).toInt(),
             int(MessageStatus::Sending));
    QCOMPARE(messages.data(messages.index(0), MessageListModel::ContentRole).toString(),
             u"written offline"_s);
    QVERIFY(m_server->restart());
    QVERIFY(await(sent));
    QTRY_VERIFY(messages.data(messages.index(0), MessageListModel::SeqRole).toLongLong() > 0);
    QVERIFY(messages.data(messages.index(0), MessageListModel::StatusRole).toInt()
            != int(MessageStatus::Sending));
    // Bob's answer comes after anything about Alice's message (seq order): once it shows, a
    // second row for hers would have shown too.
    QTRY_VERIFY_WITH_TIMEOUT(m_bob->isReady(), 10'000);
    QVERIFY(await(m_bob->sendMessage(direct->id, u"got it"_s)));
    QTRY_COMPARE(
        messages.data(messages.index(messages.rowCount() - 1), MessageListModel::ContentRole)
            .toString(),
        u"got it"_s);
    QCOMPARE(messages.rowCount(), 2); // the pending row became the stored one, not a second row
    QCOMPARE(messages.data(messages.index(0), MessageListModel::ContentRole).toString(),
             u"written offline"_s);
}

void TestClientModels::olderHistoryIsFetchedOnDemand()
{
    const auto direct = await(m_alice->createPrivate(m_bob->currentUser().id));
    for (int i = 0; i < 120; ++i)
        m_alice->sendMessage(direct->id, u"m%1"_s.arg(i));
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->pendingMessages().isEmpty(), 20'000);
    MessageListModel messages(*m_bob);
    messages.setConversation(*direct);
    QTRY_COMPARE(messages.rowCount(), 50);
    QCOMPARE(messages.data(messages.index(49), MessageListModel::SeqRole).toLongLong(), 120);
    while (messages.canLoadOlder()) {
        messages.loadOlder();
        QTRY_VERIFY(!messages.isLoading());
    }
    QCOMPARE(messages.rowCount(), 120);
    for (int i = 0; i < 120; ++i)
        QCOMPARE(messages.data(messages.index(i), MessageListModel::SeqRole).toLongLong(),
                 qint64(i + 1));
    QVERIFY(messages.data(messages.index(1), MessageListModel::ContinuationRole).toBool());
}

// Membership changes arrive as typed events and leave the model as sentences naming who made
// them; ordinary messages have no such text.
void TestClientModels::systemMessagesComeWorded()
{
    const auto group = await(m_alice->createGroup(u"Team"_s, {m_bob->currentUser().id}));
    QVERIFY(group);
    QVERIFY(await(m_alice->rename(group->id, u"Crew"_s)));
    QVERIFY(await(m_alice->sendMessage(group->id, u"hello"_s)));
    MessageListModel messages(*m_bob);
    messages.setConversation(*group);
    QTRY_COMPARE(messages.rowCount(), 3);
    const auto text = [&](int row) {
        return messages.data(messages.index(row), MessageListModel::SystemTextRole).toString();
    };
    QCOMPARE(messages.data(messages.index(0), MessageListModel::TypeRole).toInt(),
             int(MessageType::System));
    QCOMPARE(text(0), u"ALICE created the group “Team”"_s);
    QCOMPARE(text(1), u"ALICE renamed the group to “Crew”"_s);
    QVERIFY(text(2).isEmpty());
    QCOMPARE(messages.data(messages.index(2), MessageListModel::ContentRole).toString(),
             u"hello"_s);
}

// Scrolling a long conversation to its start and back: the model never holds more than its
// window, every step is a contiguous run, and every message is reached once each way.
void TestClientModels::windowStaysBoundedBothWays()
{
    const auto direct = await(m_alice->createPrivate(m_bob->currentUser().id));
    QVERIFY(direct);
    QVERIFY(fillConversation(*m_alice, direct->id, 460));
    MessageListModel messages(*m_bob);
    messages.setWindowLimit(100);
    QCOMPARE(messages.windowLimit(), 100);
    QSignalSpy opened(&messages, &MessageListModel::opened);
    messages.setConversation(*direct);
    QTRY_COMPARE(opened.count(), 1);
    QCOMPARE(messages.newestSeq(), 460);
    QVERIFY(!messages.hasNewer());
    QSet<Seq> seen;
    int maxRows = 0;
    auto visit = [&] {
        maxRows = qMax(maxRows, messages.rowCount());
        for (int row = 0; row < messages.storedCount(); ++row)
            seen.insert(messages.index(row).data(MessageListModel::SeqRole).toLongLong());
        return contiguous(messages);
    };
    QVERIFY(visit());
    while (messages.canLoadOlder()) {
        const Seq oldest = messages.oldestSeq();
        messages.loadOlder();
        QTRY_VERIFY(!messages.isLoading());
        QVERIFY(messages.oldestSeq() < oldest);
        QVERIFY(visit());
    }
    QCOMPARE(messages.oldestSeq(), 1);
    QVERIFY(!messages.hasOlder());
    QVERIFY(messages.hasNewer()); // the newest rows were dropped on the way up
    QCOMPARE(seen.size(), 460);
    QVERIFY(maxRows <= 100);
    // A live message while the window is away from the newest: noted, not inserted.
    QVERIFY(await(m_alice->sendMessage(direct->id, u"live"_s)));
    QTRY_VERIFY(messages.hasNewer());
    QVERIFY(messages.newestSeq() < 461);
    seen.clear();
    while (messages.canLoadNewer()) {
        const Seq newest = messages.newestSeq();
        messages.loadNewer();
        QTRY_VERIFY(!messages.isLoading());
        QVERIFY(messages.newestSeq() > newest);
        QVERIFY(visit());
    }
    QCOMPARE(messages.newestSeq(), 461);
    QVERIFY(!messages.hasNewer());
    QVERIFY(messages.hasOlder());
    QVERIFY(maxRows <= 100);
    QCOMPARE(
        messages.index(messages.storedCount() - 1).data(MessageListModel::ContentRole).toString(),
        u"live"_s);
    // Following the newest, live messages push the oldest rows out.
    QVERIFY(fillConversation(*m_alice, direct->id, 30, 1000));
    QTRY_COMPARE(messages.newestSeq(), 491);
    QVERIFY(contiguous(messages));
    QVERIFY(messages.rowCount() <= 100);
}

// With unread messages, the first of them is marked, both when it is in the newest page and
// when there are more than a page of them (the window then starts at the read position).
void TestClientModels::opensAtFirstUnread()
{
    const auto direct = await(m_alice->createPrivate(m_bob->currentUser().id));
    QVERIFY(direct);
    QVERIFY(fillConversation(*m_alice, direct->id, 30));
    QVERIFY(await(m_bob->markRead(direct->id, 20)));
    MessageListModel messages(*m_bob);
    QSignalSpy opened(&messages, &MessageListModel::opened);
    messages.setConversation(*direct, 10);
    QTRY_COMPARE(opened.count(), 1);
    QCOMPARE(messages.firstUnreadSeq(), 21);
    const int row = messages.rowOfSeq(21);
    QVERIFY(messages.index(row).data(MessageListModel::FirstUnreadRole).toBool());
    QVERIFY(!messages.index(row + 1).data(MessageListModel::FirstUnreadRole).toBool());

    // 150 more: the window opens at the read position, with newer pages to come.
    QVERIFY(fillConversation(*m_alice, direct->id, 150, 31));
    auto conversations = await(m_bob->conversations());
    QVERIFY(conversations);
    Conversation fresh;
    for (const ConversationSummary &s : conversations->conversations) {
        if (s.conversation.id == direct->id)
            fresh = s.conversation;
    }
    QCOMPARE(fresh.participant(m_bob->currentUser().id)->readSeq, 20);
    messages.setConversation(fresh, 160);
    QTRY_COMPARE(opened.count(), 2);
    QCOMPARE(messages.firstUnreadSeq(), 21);
    QCOMPARE(messages.oldestSeq(), 21);
    QVERIFY(messages.hasOlder());
    QVERIFY(messages.hasNewer());
}

QTEST_GUILESS_MAIN(TestClientModels)
#include "tst_clientmodels.moc"
