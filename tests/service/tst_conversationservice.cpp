// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// ConversationService alone: membership changes answer the actor first and then push the
// conversation, the system message and removals to the right people.
#include "service/conversationservice.h"
#include "servicetest.h"
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/conversationmessages.h>
#include <banter/protocol/types.h>

#include <QTest>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;
namespace P = Banter::Protocol;

class TestConversationService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createGroupPushesToEveryMember();
    void pushesComeAfterTheAnswer();
    void addMembersPushesTheSystemMessage();
    void removeMemberTellsTheRemoved();
    void onlyAdminsManage();
    void lastAdminLeavingHandsOver();
    void invalidNamesAreRefusedUpFront();
    void groupSizeIsLimited();
    void createPrivateIsIdempotent();
    void lostDatabaseIsUnavailableAndPushesNothing();

private:
    std::unique_ptr<ServiceFixture> m_fixture;
    std::unique_ptr<ConversationService> m_service;
    User m_alice;
    User m_bob;
    User m_carol;
};

void TestConversationService::init()
{
    m_fixture = std::make_unique<ServiceFixture>();
    QVERIFY2(m_fixture->open(), qPrintable(m_fixture->error()));
    m_service = std::make_unique<ConversationService>(m_fixture->context());
    m_alice = m_fixture->createUser(u"alice"_s);
    m_bob = m_fixture->createUser(u"bob"_s);
    m_carol = m_fixture->createUser(u"carol"_s);
    QVERIFY(m_alice.id > 0 && m_bob.id > 0 && m_carol.id > 0);
}

void TestConversationService::cleanup()
{
    m_service.reset();
    m_fixture.reset();
}

void TestConversationService::createGroupPushesToEveryMember()
{
    const Result<Conversation> group =
        wait(m_service->createGroup(m_alice.id, {u" team "_s, {m_bob.id}}));
    QVERIFY2(group, qPrintable(group ? QString() : describe(group.error())));
    QCOMPARE(group->name, u"team"_s);
    QCOMPARE(group->type, ConversationType::Group);
    QCOMPARE(group->participants.size(), 2);
    QVERIFY(group->isAdmin(m_alice.id));
    QVERIFY(!group->isAdmin(m_bob.id));
    for (const Participant &p : group->participants)
        QVERIFY(!p.username.isEmpty()); // names are filled in

    const auto updated = m_fixture->pushes.ofType(P::Type::ConversationUpdated);
    QCOMPARE(updated.size(), 1);
    QCOMPARE(QSet<UserId>(updated.first().users.cbegin(), updated.first().users.cend()),
             QSet<UserId>({m_alice.id, m_bob.id}));
    const auto system = m_fixture->pushes.ofType(P::Type::NewMessage);
    QCOMPARE(system.size(), 1);
    const Result<P::MessageReply> message = P::MessageReply::fromJson(system.first().data);
    QVERIFY(message);
    QCOMPARE(message->message.type, MessageType::System);
    QCOMPARE(message->message.conversationId, group->id);
    QCOMPARE(message->message.seq, Seq(1));
}

void TestConversationService::pushesComeAfterTheAnswer()
{
    // The actor is a member too: their connection must see the reply before the pushes.
    bool answered = false;
    int pushesWhenAnswered = -1;
    QFuture<Result<Conversation>> future =
        m_service->createGroup(m_alice.id, {u"team"_s, {m_bob.id}});
    future.then(m_service.get(), [&](const Result<Conversation> &) {
        answered = true;
        pushesWhenAnswered = int(m_fixture->pushes.pushes.size());
    });
    QTRY_VERIFY(answered);
    QCOMPARE(pushesWhenAnswered, 0);
    QTRY_COMPARE(m_fixture->pushes.pushes.size(), 2);
}

void TestConversationService::addMembersPushesTheSystemMessage()
{
    const Conversation group = m_fixture->createGroup(m_alice.id, {m_bob.id});
    const Result<Conversation> grown =
        wait(m_service->addMembers(m_alice.id, {group.id, {m_carol.id, m_bob.id}}));
    QVERIFY2(grown, qPrintable(grown ? QString() : describe(grown.error())));
    QCOMPARE(grown->participants.size(), 3);
    QVERIFY(grown->isMember(m_carol.id));
    const auto system = m_fixture->pushes.ofType(P::Type::NewMessage);
    QCOMPARE(system.size(), 1);
    QVERIFY(system.first().users.contains(m_carol.id)); // the newcomer hears of it too
    QCOMPARE(m_fixture->pushes.ofType(P::Type::ConversationRemoved).size(), 0);

    // Adding people who are already there changes nothing and records nothing.
    m_fixture->pushes.pushes.clear();
    const Result<Conversation> same =
        wait(m_service->addMembers(m_alice.id, {group.id, {m_bob.id}}));
    QVERIFY(same);
    QCOMPARE(same->participants.size(), 3);
    QCOMPARE(m_fixture->pushes.ofType(P::Type::NewMessage).size(), 0);
}

void TestConversationService::removeMemberTellsTheRemoved()
{
    const Conversation group = m_fixture->createGroup(m_alice.id, {m_bob.id, m_carol.id});
    const Result<Conversation> smaller =
        wait(m_service->removeMember(m_alice.id, {group.id, m_carol.id}));
    QVERIFY2(smaller, qPrintable(smaller ? QString() : describe(smaller.error())));
    QVERIFY(!smaller->isMember(m_carol.id));
    const auto removed = m_fixture->pushes.ofType(P::Type::ConversationRemoved);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().users, QList<UserId>{m_carol.id});
    const Result<P::ConversationRef> ref = P::ConversationRef::fromJson(removed.first().data);
    QVERIFY(ref);
    QCOMPARE(ref->conversationId, group.id);
    // The remaining members are told; the removed one no longer gets the conversation.
    const auto updated = m_fixture->pushes.ofType(P::Type::ConversationUpdated);
    QCOMPARE(updated.size(), 1);
    QVERIFY(!updated.first().users.contains(m_carol.id));

    const Result<Conversation> again =
        wait(m_service->removeMember(m_alice.id, {group.id, m_carol.id}));
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::NotFound);
}

void TestConversationService::onlyAdminsManage()
{
    const Conversation group = m_fixture->createGroup(m_alice.id, {m_bob.id, m_carol.id});
    const Result<Conversation> removal =
        wait(m_service->removeMember(m_bob.id, {group.id, m_carol.id}));
    QVERIFY(!removal);
    QCOMPARE(removal.error().code, ErrorCode::Forbidden);
    const Result<Conversation> rename = wait(m_service->rename(m_bob.id, {group.id, u"mine"_s}));
    QVERIFY(!rename);
    QCOMPARE(rename.error().code, ErrorCode::Forbidden);
    QVERIFY(m_fixture->pushes.pushes.isEmpty());
    const Result<Conversation> renamed = wait(m_service->rename(m_alice.id, {group.id, u"ours"_s}));
    QVERIFY(renamed);
    QCOMPARE(renamed->name, u"ours"_s);
}

void TestConversationService::lastAdminLeavingHandsOver()
{
    const Conversation group = m_fixture->createGroup(m_alice.id, {m_bob.id, m_carol.id});
    QVERIFY(wait(m_service->leave(m_alice.id, group.id)));
    const Result<Conversation> after = wait(m_service->get(m_bob.id, group.id));
    QVERIFY(after);
    QVERIFY(!after->isMember(m_alice.id));
    // Bob and Carol joined at the same moment; one of them now administers the group.
    QVERIFY(after->isAdmin(m_bob.id) || after->isAdmin(m_carol.id));
    QCOMPARE(m_fixture->pushes.ofType(P::Type::ConversationRemoved).first().users,
             QList<UserId>{m_alice.id});
    const Result<Conversation> gone = wait(m_service->get(m_alice.id, group.id));
    QVERIFY(!gone);
    QCOMPARE(gone.error().code, ErrorCode::NotFound);
}

void TestConversationService::invalidNamesAreRefusedUpFront()
{
    const int jobs = m_fixture->storage.jobCount();
    const Result<Conversation> blank = wait(m_service->createGroup(m_alice.id, {u"   "_s, {}}));
    QVERIFY(!blank);
    QCOMPARE(blank.error().code, ErrorCode::BadRequest);
    QCOMPARE(m_fixture->storage.jobCount(), jobs);
}

void TestConversationService::groupSizeIsLimited()
{
    m_fixture->limits.maxGroupSize = 2;
    m_service = std::make_unique<ConversationService>(m_fixture->context());
    const Result<Conversation> big =
        wait(m_service->createGroup(m_alice.id, {u"big"_s, {m_bob.id, m_carol.id}}));
    QVERIFY(!big);
    QCOMPARE(big.error().code, ErrorCode::LimitExceeded);
    const Result<Conversation> pair =
        wait(m_service->createGroup(m_alice.id, {u"pair"_s, {m_bob.id}}));
    QVERIFY(pair);
    const Result<Conversation> grown =
        wait(m_service->addMembers(m_alice.id, {pair->id, {m_carol.id}}));
    QVERIFY(!grown);
    QCOMPARE(grown.error().code, ErrorCode::LimitExceeded);
}

void TestConversationService::createPrivateIsIdempotent()
{
    const Result<Conversation> first = wait(m_service->createPrivate(m_alice.id, m_bob.id));
    QVERIFY2(first, qPrintable(first ? QString() : describe(first.error())));
    QCOMPARE(first->type, ConversationType::Private);
    const Result<Conversation> second = wait(m_service->createPrivate(m_bob.id, m_alice.id));
    QVERIFY(second);
    QCOMPARE(second->id, first->id);
    const Result<Conversation> self = wait(m_service->createPrivate(m_alice.id, m_alice.id));
    QVERIFY(!self);
    QCOMPARE(self.error().code, ErrorCode::BadRequest);
    const Result<Conversation> nobody = wait(m_service->createPrivate(m_alice.id, 9999));
    QVERIFY(!nobody);
    QCOMPARE(nobody.error().code, ErrorCode::NotFound);
}

void TestConversationService::lostDatabaseIsUnavailableAndPushesNothing()
{
    m_fixture->storage.failNextBatches(1);
    const Result<Conversation> group =
        wait(m_service->createGroup(m_alice.id, {u"team"_s, {m_bob.id}}));
    QVERIFY(!group);
    QCOMPARE(group.error().code, ErrorCode::Unavailable);
    QVERIFY(m_fixture->pushes.pushes.isEmpty());
    const Result<P::ConversationsReply> list = wait(m_service->list(m_alice.id, {}));
    QVERIFY(list);
    QVERIFY(list->conversations.isEmpty()); // nothing was half-created
}

QTEST_GUILESS_MAIN(TestConversationService)
#include "tst_conversationservice.moc"
