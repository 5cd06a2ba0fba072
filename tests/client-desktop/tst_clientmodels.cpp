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

#include <QSignalSpy>
#include <QTest>

using namespace Banter;
using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace { } // namespace

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

private:
    std::unique_ptr<DesktopFixture> m_fixture;
    TestServer *m_server = nullptr;
    ClientSession *m_alice = nullptr;
    ClientSession *m_bob = nullptr;
};

void TestClientModels::init()
{
    m_fixture = std::make_unique<DesktopFixture>();
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
    while (messages.canFetchMore({})) {
        messages.fetchMore({});
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

QTEST_GUILESS_MAIN(TestClientModels)
#include "tst_clientmodels.moc"
