// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// ClientSession catching up through split pages (issue 16's frame bound, issue 17's paged
// conversation list): worst-case messages and more conversations than one request may list
// positions for, seeded through storage; the session signs in over a real socket and must
// end with every conversation and every message, in order, without a gap.
#include "rawclient.h"
#include "sessionhelpers.h"
#include "storage/sqlcontactrepository.h"
#include "storage/sqlconversationrepository.h"
#include "storage/sqlmessagerepository.h"
#include "storage/sqluserrepository.h"
#include "storagetest.h"
#include "testserver.h"
#include <banter/protocol/peoplemessages.h>

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
QString escapeHeavy(int characters)
{
    return QString(characters, QChar(0x0001));
}
} // namespace

class TestSessionFrames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catchesUpThroughSplitPages();
    void peopleListsArriveWhole();
};

void TestSessionFrames::catchesUpThroughSplitPages()
{
    TestServer server(TestServer::unthrottledConfig());
    QVERIFY(server.start());
    RawClient alice;
    RawClient bob;
    QVERIFY(alice.open(server.url()) && bob.open(server.url()));
    const auto a = alice.registerUser(u"alice"_s);
    const auto b = bob.registerUser(u"bob"_s);
    QVERIFY(a && b);
    const UserId aliceId = qint64(a->value(u"user"_s).toObject().value(u"id"_s).toDouble());
    const UserId bobId = qint64(b->value(u"user"_s).toObject().value(u"id"_s).toDouble());

    // 1,200 groups with escape-heavy names (over 1 MiB of conversation list, and more
    // positions than one sync request carries), and one with 120 of the largest messages.
    constexpr int Groups = 1200;
    constexpr int Messages = 120;
    RawConnection raw(server.config().databaseUrl);
    QVERIFY2(raw.isOpen(), qPrintable(raw.error()));
    Server::SqlConversationRepository conversations(raw.session());
    Server::SqlMessageRepository messages(raw.session());
    QVERIFY(raw.session().run(raw.session().dialect().beginTransaction));
    QHash<ConversationId, Seq> positions;
    for (int i = 0; i < Groups; ++i) {
        const Result<Conversation> c =
            conversations.create(ConversationType::Group, escapeHeavy(100),
                                 {member(aliceId, ParticipantRole::Admin), member(bobId)}, 1000);
        QVERIFY(c);
        positions.insert(c->id, 0);
    }
    const Result<Conversation> big =
        conversations.create(ConversationType::Group, escapeHeavy(100),
                             {member(aliceId, ParticipantRole::Admin), member(bobId)}, 1000);
    QVERIFY(big);
    QByteArray thumbnail(16 * 1024, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(thumbnail.data()),
                                          thumbnail.size() / 4);
    for (int i = 0; i < Messages; ++i) {
        Message m = textMessage(big->id, aliceId, escapeHeavy(5000));
        m.type = MessageType::Image;
        m.attachment = {QUuid::createUuid().toString(QUuid::Id128),
                        escapeHeavy(255),
                        1 << 20,
                        u"image/png"_s,
                        4096,
                        4096,
                        thumbnail};
        QVERIFY(messages.append(m));
    }
    raw.session().finishAll();
    QVERIFY(raw.session().run(u"COMMIT"_s));
    // Half of the big conversation is known already: the rest must come through sync.
    positions.insert(big->id, Messages / 2);

    ClientSession session;
    SessionCloser closer{{&session}};
    session.setPositions(positions);
    QList<ConversationSummary> listed;
    int listings = 0;
    connect(&session, &ClientSession::conversationsListed, this,
            [&](const QList<ConversationSummary> &summaries) {
                listed = summaries;
                ++listings;
            });
    QList<Seq> received;
    connect(&session, &ClientSession::messagesReceived, this,
            [&](const QList<Message> &page, bool) {
                for (const Message &m : page) {
                    if (m.conversationId == big->id)
                        received.append(m.seq);
                }
            });
    QList<ConversationId> removed;
    connect(&session, &ClientSession::conversationRemoved, this,
            [&](ConversationId id) { removed.append(id); });
    session.connectToServer(server.url());
    QVERIFY(waitFor([&] { return session.state() == ClientSession::State::Connected; }, 5000));
    QVERIFY(await(session.login(u"bob"_s, u"correct horse"_s, u"test"_s)));
    QVERIFY(waitFor([&] { return session.isReady(); }, 60'000, "the catch-up"));

    // One listing with every conversation, gathered from its pages.
    QCOMPARE(listings, 1);
    QCOMPARE(listed.size(), Groups + 1);
    QList<Seq> expected;
    for (Seq s = Messages / 2 + 1; s <= Messages; ++s)
        expected.append(s);
    QCOMPARE(received, expected);
    QVERIFY(removed.isEmpty());
    const QHash<ConversationId, Seq> now = session.positions();
    for (auto it = positions.cbegin(); it != positions.cend(); ++it)
        QVERIFY(now.contains(it.key()));
    QCOMPARE(now.value(big->id), Messages);

    // Asked directly, the list is followed through its pages too: every conversation once.
    const auto all = await(session.conversations(), 60'000);
    QVERIFY(all);
    QVERIFY(!all->hasMore);
    QSet<ConversationId> ids;
    for (const ConversationSummary &summary : all->conversations)
        ids.insert(summary.conversation.id);
    QCOMPARE(ids.size(), Groups + 1);
    QCOMPARE(all->conversations.size(), Groups + 1);
    for (const ConversationSummary &summary : std::as_const(listed))
        QVERIFY(ids.contains(summary.conversation.id));
}

// ClientSession::contacts() and presences() follow the server's pages to the end: 2,200
// contacts with escape-heavy names (over 1 MiB, two pages) who also share groups with the
// user (more presences than one page holds).
void TestSessionFrames::peopleListsArriveWhole()
{
    constexpr int People = 2200;
    TestServer server(TestServer::unthrottledConfig());
    QVERIFY(server.start());
    RawClient bob;
    QVERIFY(bob.open(server.url()));
    const auto b = bob.registerUser(u"bob"_s);
    QVERIFY(b);
    const UserId bobId = qint64(b->value(u"user"_s).toObject().value(u"id"_s).toDouble());

    RawConnection raw(server.config().databaseUrl);
    QVERIFY2(raw.isOpen(), qPrintable(raw.error()));
    Server::SqlUserRepository users(raw.session());
    Server::SqlContactRepository contacts(raw.session());
    Server::SqlConversationRepository conversations(raw.session());
    QVERIFY(raw.session().run(raw.session().dialect().beginTransaction));
    QList<UserId> people;
    QList<Participant> group{member(bobId, ParticipantRole::Admin)};
    for (int i = 0; i < People; ++i) {
        const Result<User> u =
            users.create(u"person%1"_s.arg(i, 26, 10, QChar(u'0')),
                         escapeHeavy(UserRules::MaxDisplayNameLength), u"x"_s, 1000);
        QVERIFY(u);
        people.append(u->id);
        QVERIFY(contacts.add(bobId, u->id, 1000));
        group.append(member(u->id));
        if (group.size() == 500 || i == People - 1) {
            QVERIFY(conversations.create(ConversationType::Group, u"Team"_s, group, 1000));
            group = {member(bobId, ParticipantRole::Admin)};
        }
    }
    raw.session().finishAll();
    QVERIFY(raw.session().run(u"COMMIT"_s));

    ClientSession session;
    SessionCloser closer{{&session}};
    session.connectToServer(server.url());
    QVERIFY(waitFor([&] { return session.state() == ClientSession::State::Connected; }, 5000));
    QVERIFY(await(session.login(u"bob"_s, u"correct horse"_s, u"test"_s)));

    const auto contactList = await(session.contacts(), 60'000);
    QVERIFY(contactList);
    QVERIFY(!contactList->hasMore);
    QList<UserId> contactIds;
    for (const Protocol::Contact &c : contactList->contacts)
        contactIds.append(c.user.id);
    QCOMPARE(contactIds, people); // in id order, each once

    const auto presenceList = await(session.presences(), 60'000);
    QVERIFY(presenceList);
    QVERIFY(!presenceList->hasMore);
    QList<UserId> peerIds;
    for (const Presence &p : presenceList->presences)
        peerIds.append(p.userId);
    QCOMPARE(peerIds, people);
}

QTEST_GUILESS_MAIN(TestSessionFrames)
#include "tst_sessionframes.moc"
