// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Every repository method over a real database (SQLite file, or PostgreSQL with
// BANTER_TEST_BACKEND=postgresql), each call made the way services make it: a job on the
// storage executor, its result delivered back on this thread.
#include "storage/storagefactory.h"
#include "storagetest.h"
#include "testdatabase.h"

#include <QDateTime>
#include <QTest>

using namespace Banter;
using namespace Banter::Server;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

class TestSqlRepositories : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void usersCreateFindAndUpdate();
    void usernameConflict();
    void userSearch();
    void sessionsRotateRevokeAndFind();
    void sessionFamiliesCapAndSweep();
    void accountAdministration();
    void revocationLog();
    void privatePairIsUnique();
    void conversationMembership();
    void foreignKeysAreEnforced();
    void seqIsGapless();
    void appendIsIdempotent();
    void appendKeepsEveryField();
    void appendToUnknownConversation();
    void historyPaging();
    void receiptsAreMonotonic();
    void summariesCountUnreadNewestFirst();
    void contactsAndBlocking();

private:
    template<typename R, typename Work>
    Result<R> run(Work work)
    {
        return runNow<R>(*m_storage, &m_context, std::move(work));
    }
    UserId makeUser(const QString &name, const QString &displayName = {});
    ConversationId makeGroup(const QList<UserId> &members);
    Seq send(ConversationId c, UserId sender, const QString &content, qint64 atMs = 1000);

    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<SqlStorageExecutor> m_storage;
    QObject m_context;
};

void TestSqlRepositories::init()
{
    m_database = std::make_unique<TestDatabase>();
    QVERIFY2(m_database->isValid(), qPrintable(m_database->error()));
    auto storage = openStorage(m_database->url());
    QVERIFY2(storage, storage ? "" : qPrintable(storage.error().message));
    m_storage = std::move(storage).value();
}

void TestSqlRepositories::cleanup()
{
    m_storage.reset();
    m_database.reset();
}

UserId TestSqlRepositories::makeUser(const QString &name, const QString &displayName)
{
    auto user =
        run<User>([&](Repositories &r) { return r.users.create(name, displayName, u"hash"_s, 1); });
    return user ? user->id : 0;
}

ConversationId TestSqlRepositories::makeGroup(const QList<UserId> &members)
{
    QList<Participant> participants;
    for (UserId id : members)
        participants.append(member(id));
    auto c = run<Conversation>([&](Repositories &r) {
        return r.conversations.create(ConversationType::Group, u"g"_s, participants, 1);
    });
    return c ? c->id : 0;
}

Seq TestSqlRepositories::send(ConversationId c, UserId sender, const QString &content, qint64 atMs)
{
    auto appended = run<AppendedMessage>([&](Repositories &r) {
        return r.messages.append(textMessage(c, sender, content, QUuid::createUuid(), atMs));
    });
    return appended ? appended->message.seq : -1;
}

void TestSqlRepositories::usersCreateFindAndUpdate()
{
    auto ann = run<User>(
        [](Repositories &r) { return r.users.create(u"ann"_s, u"Ann"_s, u"$argon2id$a"_s, 42); });
    QVERIFY(ann);
    QCOMPARE(ann->username, u"ann"_s);
    QCOMPARE(ann->createdAtMs, 42);
    const UserId bob = makeUser(u"bob"_s);
    QVERIFY(bob > 0 && bob != ann->id);

    auto byId =
        run<std::optional<User>>([&](Repositories &r) { return r.users.findById(ann->id); });
    QCOMPARE(**byId, *ann);
    auto byName =
        run<std::optional<User>>([](Repositories &r) { return r.users.findByUsername(u"ann"_s); });
    QCOMPARE(**byName, *ann);
    QVERIFY(!run<std::optional<User>>([](Repositories &r) {
                 return r.users.findByUsername(u"nobody"_s);
             })->has_value());
    auto some = run<QList<User>>([&](Repositories &r) {
        return r.users.findByIds({bob, 999'999, ann->id});
    });
    QCOMPARE(some->size(), 2);

    auto credentials = run<std::optional<Credentials>>(
        [](Repositories &r) { return r.users.findCredentials(u"ann"_s); });
    QCOMPARE((*credentials)->passwordHash, u"$argon2id$a"_s);
    QCOMPARE((*credentials)->user, *ann);
    QVERIFY(
        run<Done>([&](Repositories &r) { return r.users.updatePasswordHash(ann->id, u"new"_s); }));
    QVERIFY(
        run<Done>([&](Repositories &r) { return r.users.updateDisplayName(ann->id, u"A."_s); }));
    credentials = run<std::optional<Credentials>>(
        [](Repositories &r) { return r.users.findCredentials(u"ann"_s); });
    QCOMPARE((*credentials)->passwordHash, u"new"_s);
    QCOMPARE((*credentials)->user.displayName, u"A."_s);

    QCOMPARE(*run<qint64>([&](Repositories &r) { return r.users.lastSeen(ann->id); }), 0);
    QVERIFY(run<Done>([&](Repositories &r) { return r.users.updateLastSeen(ann->id, 777); }));
    QCOMPARE(*run<qint64>([&](Repositories &r) { return r.users.lastSeen(ann->id); }), 777);
    QCOMPARE(*run<qint64>([&](Repositories &r) { return r.users.lastSeen(bob); }), 0);
}

void TestSqlRepositories::usernameConflict()
{
    QVERIFY(makeUser(u"taken"_s) > 0);
    auto again =
        run<User>([](Repositories &r) { return r.users.create(u"taken"_s, {}, u"h"_s, 1); });
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Conflict);
}

void TestSqlRepositories::userSearch()
{
    makeUser(u"carol"_s, u"Zed"_s);
    makeUser(u"carl"_s);
    makeUser(u"dave"_s, u"Carpenter"_s);
    makeUser(u"ca_t"_s);
    auto found = run<QList<User>>([](Repositories &r) { return r.users.search(u"CAR"_s, 10); });
    QStringList names;
    for (const User &u : *found)
        names.append(u.username);
    QCOMPARE(names, (QStringList{u"carl"_s, u"carol"_s, u"dave"_s})); // by username
    QCOMPARE(run<QList<User>>([](Repositories &r) { return r.users.search(u"car"_s, 2); })->size(),
             2);
    // LIKE wildcards in the prefix are literal.
    QVERIFY(run<QList<User>>([](Repositories &r) { return r.users.search(u"%"_s, 5); })->isEmpty());
    auto underscore = run<QList<User>>([](Repositories &r) { return r.users.search(u"ca_"_s, 5); });
    QCOMPARE(underscore->size(), 1);
    QCOMPARE(underscore->first().username, u"ca_t"_s);
}

void TestSqlRepositories::sessionsRotateRevokeAndFind()
{
    const UserId u = makeUser(u"sam"_s);
    auto laptop = run<SessionId>(
        [&](Repositories &r) { return r.sessions.create(u, u"laptop"_s, "h1"_ba, 10, 100); });
    QVERIFY(laptop);
    auto found = run<std::optional<StoredSession>>(
        [&](Repositories &r) { return r.sessions.find(*laptop); });
    QCOMPARE((*found)->device, u"laptop"_s);
    QCOMPARE((*found)->createdAtMs, 10);
    QCOMPARE((*found)->expiresAtMs, 100);
    QVERIFY((*found)->previousRefreshHash.isEmpty());

    QVERIFY(
        run<Done>([&](Repositories &r) { return r.sessions.rotate(*laptop, "h2"_ba, 20, 200); }));
    for (const QByteArray &hash : {"h1"_ba, "h2"_ba}) {
        auto byHash = run<std::optional<StoredSession>>(
            [&](Repositories &r) { return r.sessions.findByRefreshHash(hash); });
        QVERIFY(byHash && byHash->has_value());
        QCOMPARE((*byHash)->id, *laptop);
        QCOMPARE((*byHash)->refreshHash, "h2"_ba);
        QCOMPARE((*byHash)->previousRefreshHash, "h1"_ba);
        QCOMPARE((*byHash)->lastUsedAtMs, 20);
        QCOMPARE((*byHash)->expiresAtMs, 200);
    }
    QVERIFY(!run<std::optional<StoredSession>>([](Repositories &r) {
                 return r.sessions.findByRefreshHash("nope"_ba);
             })->has_value());

    auto phone = run<SessionId>(
        [&](Repositories &r) { return r.sessions.create(u, u"phone"_s, "p1"_ba, 1, 100); });
    auto tablet = run<SessionId>(
        [&](Repositories &r) { return r.sessions.create(u, u"tablet"_s, "t1"_ba, 1, 100); });
    QVERIFY(run<Done>([&](Repositories &r) { return r.sessions.revoke(*tablet); }));
    auto revoked = run<StoredSession>([&](Repositories &r) -> Result<StoredSession> {
        auto s = r.sessions.findByRefreshHash("t1"_ba); // revoked ones are found too
        if (!s)
            return s.error();
        if (!s->has_value())
            return makeError(ErrorCode::NotFound, u"gone"_s);
        return **s;
    });
    QVERIFY(revoked && revoked->revoked);
    // Only the live one besides the kept session is reported.
    auto all = run<QList<SessionId>>(
        [&](Repositories &r) { return r.sessions.revokeAllForUser(u, *laptop); });
    QCOMPARE(*all, QList<SessionId>{*phone});
    auto live =
        run<QList<StoredSession>>([&](Repositories &r) { return r.sessions.listForUser(u); });
    QCOMPARE(live->size(), 1);
    QCOMPARE(live->first().id, *laptop);
}

void TestSqlRepositories::sessionFamiliesCapAndSweep()
{
    const UserId u = makeUser(u"sam"_s);
    auto laptop = run<SessionId>(
        [&](Repositories &r) { return r.sessions.create(u, u"laptop"_s, "h1"_ba, 10, 1000); });
    QVERIFY(laptop);
    QVERIFY(
        run<Done>([&](Repositories &r) { return r.sessions.rotate(*laptop, "h2"_ba, 20, 1000); }));
    QVERIFY(
        run<Done>([&](Repositories &r) { return r.sessions.rotate(*laptop, "h3"_ba, 30, 1000); }));
    // The grace re-issue: the token from the lost reply joins the family, and the row
    // forgets the previous one (its grace is used).
    QVERIFY(
        run<Done>([&](Repositories &r) { return r.sessions.reissue(*laptop, "h4"_ba, 31, 1000); }));
    for (const QByteArray &hash : {"h1"_ba, "h2"_ba, "h3"_ba}) {
        auto family = run<std::optional<SessionId>>(
            [&](Repositories &r) { return r.sessions.findSuperseded(hash); });
        QVERIFY2(family && family->has_value(), hash.constData());
        QCOMPARE(**family, *laptop);
    }
    QVERIFY(!run<std::optional<SessionId>>([](Repositories &r) {
                 return r.sessions.findSuperseded("h4"_ba);
             })->has_value());
    auto row = run<std::optional<StoredSession>>(
        [&](Repositories &r) { return r.sessions.findByRefreshHash("h4"_ba); });
    QVERIFY((*row)->previousRefreshHash.isEmpty());
    QVERIFY(!run<std::optional<StoredSession>>([](Repositories &r) {
                 return r.sessions.findByRefreshHash("h2"_ba);
             })->has_value());

    // The cap keeps the most recently used live sessions.
    QList<SessionId> others;
    for (int i = 0; i < 3; ++i)
        others.append(*run<SessionId>([&](Repositories &r) {
            return r.sessions.create(u, u"d%1"_s.arg(i), "o%1"_ba + QByteArray::number(i), 40 + i,
                                     1000);
        }));
    auto displaced = run<QList<SessionId>>(
        [&](Repositories &r) { return r.sessions.revokeLeastRecentlyUsed(u, 2, 50); });
    QVERIFY(displaced);
    std::sort(displaced->begin(), displaced->end());
    QCOMPARE(*displaced, (QList<SessionId>{*laptop, others.at(0)}));
    auto live =
        run<QList<StoredSession>>([&](Repositories &r) { return r.sessions.listForUser(u); });
    QCOMPARE(live->size(), 2);
    QVERIFY(run<QList<SessionId>>([&](Repositories &r) {
                return r.sessions.revokeLeastRecentlyUsed(u, 2, 50);
            })->isEmpty());

    // The sweep deletes what can never be used again: revoked or expired sessions (with
    // their families), and superseded tokens older than the cut-off.
    auto expiring = run<SessionId>(
        [&](Repositories &r) { return r.sessions.create(u, u"old"_s, "x1"_ba, 10, 60); });
    QVERIFY(run<Done>(
        [&](Repositories &r) { return r.sessions.rotate(others.at(2), "o9"_ba, 25, 1000); }));
    auto deleted = run<int>([&](Repositories &r) { return r.sessions.deleteUnusable(100, 26); });
    QVERIFY(deleted);
    QCOMPARE(*deleted, 3); // laptop, others[0] (revoked), the expired one
    for (SessionId gone : {*laptop, others.at(0), *expiring})
        QVERIFY(!run<std::optional<StoredSession>>([&](Repositories &r) {
                     return r.sessions.find(gone);
                 })->has_value());
    QVERIFY(!run<std::optional<SessionId>>([](Repositories &r) {
                 return r.sessions.findSuperseded("h1"_ba);
             })->has_value());
    // Superseded at 25, before the cut-off at 26.
    QVERIFY(!run<std::optional<SessionId>>([](Repositories &r) {
                 return r.sessions.findSuperseded("o2"_ba);
             })->has_value());
    QVERIFY(run<std::optional<StoredSession>>([&](Repositories &r) {
                return r.sessions.find(others.at(1));
            })->has_value());
}

void TestSqlRepositories::privatePairIsUnique()
{
    const UserId a = makeUser(u"ana"_s), b = makeUser(u"ben"_s), c = makeUser(u"cid"_s);
    auto first = run<Conversation>([&](Repositories &r) {
        return r.conversations.create(ConversationType::Private, {}, {member(a), member(b)}, 5);
    });
    QVERIFY(first);
    QCOMPARE(first->participants.size(), 2);
    auto second = run<Conversation>([&](Repositories &r) {
        return r.conversations.create(ConversationType::Private, {}, {member(b), member(a)}, 6);
    });
    QCOMPARE(second.error().code, ErrorCode::Conflict);
    auto found = run<std::optional<ConversationId>>(
        [&](Repositories &r) { return r.conversations.findPrivate(b, a); });
    QCOMPARE(**found, first->id);
    QVERIFY(!run<std::optional<ConversationId>>([&](Repositories &r) {
                 return r.conversations.findPrivate(a, c);
             })->has_value());
    auto three = run<Conversation>([&](Repositories &r) {
        return r.conversations.create(ConversationType::Private, {},
                                      {member(a), member(b), member(c)}, 6);
    });
    QCOMPARE(three.error().code, ErrorCode::BadRequest);
    // Groups have no pair key: the same members may share several.
    QVERIFY(makeGroup({a, b}) > 0);
    QVERIFY(makeGroup({a, b}) > 0);
}

void TestSqlRepositories::conversationMembership()
{
    const UserId a = makeUser(u"amy"_s), b = makeUser(u"bo"_s), c = makeUser(u"cy"_s);
    const UserId outsider = makeUser(u"out"_s);
    auto group = run<Conversation>([&](Repositories &r) {
        return r.conversations.create(ConversationType::Group, u"team"_s,
                                      {member(a, ParticipantRole::Admin), member(b)}, 7);
    });
    QVERIFY(group);
    const ConversationId id = group->id;
    QVERIFY(run<Done>(
        [&](Repositories &r) { return r.conversations.addParticipants(id, {member(c)}); }));
    QVERIFY(run<Done>([&](Repositories &r) { return r.conversations.rename(id, u"crew"_s); }));
    QVERIFY(run<Done>(
        [&](Repositories &r) { return r.conversations.setRole(id, b, ParticipantRole::Admin); }));
    send(id, a, u"hello"_s);

    auto found =
        run<std::optional<Conversation>>([&](Repositories &r) { return r.conversations.find(id); });
    QVERIFY(found && found->has_value());
    QCOMPARE((*found)->name, u"crew"_s);
    QCOMPARE((*found)->type, ConversationType::Group);
    QCOMPARE((*found)->createdAtMs, 7);
    QCOMPARE((*found)->lastSeq, 1);
    QCOMPARE((*found)->participants.size(), 3);
    QVERIFY((*found)->isAdmin(a) && (*found)->isAdmin(b) && !(*found)->isAdmin(c));

    auto members = run<std::optional<ConversationMembers>>(
        [&](Repositories &r) { return r.conversations.members(id); });
    QCOMPARE((*members)->type, ConversationType::Group);
    QList<UserId> ids = (*members)->members;
    std::sort(ids.begin(), ids.end());
    QCOMPARE(ids, (QList<UserId>{a, b, c}));
    QVERIFY(!run<std::optional<ConversationMembers>>([](Repositories &r) {
                 return r.conversations.members(999'999);
             })->has_value());

    QCOMPARE(**run<std::optional<Seq>>(
                 [&](Repositories &r) { return r.conversations.lastSeqIfMember(id, c); }),
             1);
    QVERIFY(!run<std::optional<Seq>>([&](Repositories &r) {
                 return r.conversations.lastSeqIfMember(id, outsider);
             })->has_value());

    QVERIFY(run<Done>([&](Repositories &r) { return r.conversations.removeParticipant(id, c); }));
    QVERIFY(run<QList<ConversationId>>([&](Repositories &r) {
                return r.conversations.idsForUser(c);
            })->isEmpty());
    QCOMPARE(
        *run<QList<ConversationId>>([&](Repositories &r) { return r.conversations.idsForUser(a); }),
        QList<ConversationId>{id});

    makeGroup({a, b}); // b is a peer twice over, but listed once
    QList<UserId> peers =
        *run<QList<UserId>>([&](Repositories &r) { return r.conversations.peersOf(a); });
    QCOMPARE(peers, QList<UserId>{b});
    QVERIFY(run<QList<UserId>>([&](Repositories &r) {
                return r.conversations.peersOf(outsider);
            })->isEmpty());
}

void TestSqlRepositories::foreignKeysAreEnforced()
{
    const UserId a = makeUser(u"fk"_s);
    const ConversationId c = makeGroup({a});
    auto ghost = run<Done>(
        [&](Repositories &r) { return r.conversations.addParticipants(c, {member(999'999)}); });
    QVERIFY(!ghost);
    QCOMPARE(ghost.error().code, ErrorCode::Internal);
    QVERIFY(!run<Done>([&](Repositories &r) { return r.contacts.add(a, 999'999, 1); }));
}

void TestSqlRepositories::seqIsGapless()
{
    const UserId a = makeUser(u"gap"_s);
    const ConversationId c = makeGroup({a});
    const ConversationId other = makeGroup({a});
    for (int i = 1; i <= 20; ++i) {
        QCOMPARE(send(c, a, u"m%1"_s.arg(i)), Seq(i));
        if (i % 5 == 0) // another conversation's seqs are its own
            QCOMPARE(send(other, a, u"o"_s), Seq(i / 5));
    }
    auto page = run<QList<Message>>([&](Repositories &r) { return r.messages.after(c, 0, 100); });
    QCOMPARE(page->size(), 20);
    for (int i = 0; i < 20; ++i)
        QCOMPARE(page->at(i).seq, Seq(i + 1));
}

void TestSqlRepositories::appendIsIdempotent()
{
    const UserId a = makeUser(u"ida"_s), b = makeUser(u"idb"_s);
    const ConversationId c = makeGroup({a, b});
    const ConversationId other = makeGroup({a, b});
    send(other, a, u"later"_s, 2000); // `other` is the most recently active
    const QUuid id = QUuid::createUuid();
    const Message original = textMessage(c, a, u"hi"_s, id, 1000);
    auto first = run<AppendedMessage>([&](Repositories &r) { return r.messages.append(original); });
    QVERIFY(first && !first->duplicate);

    // A resend, stamped later by the server: the stored message, unchanged, comes back.
    Message resend = original;
    resend.createdAtMs = 3000;
    auto again = run<AppendedMessage>([&](Repositories &r) { return r.messages.append(resend); });
    QVERIFY(again && again->duplicate);
    QCOMPARE(again->message, first->message);

    const auto clash = [&](Message changed) {
        auto result =
            run<AppendedMessage>([&](Repositories &r) { return r.messages.append(changed); });
        return result ? ErrorCode::Internal : result.error().code;
    };
    Message otherContent = original;
    otherContent.content = u"other"_s;
    QCOMPARE(clash(otherContent), ErrorCode::Conflict);
    Message otherSender = original;
    otherSender.senderId = b;
    QCOMPARE(clash(otherSender), ErrorCode::Conflict);
    Message otherConversation = original;
    otherConversation.conversationId = other;
    QCOMPARE(clash(otherConversation), ErrorCode::Conflict);

    // Neither the resend nor the clashes made a conversation more recently active...
    auto list = run<QList<ConversationSummary>>(
        [&](Repositories &r) { return r.conversations.listForUser(a); });
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).conversation.id, other);
    QCOMPARE(list->at(1).conversation.id, c);
    // ...or used up a seq.
    QCOMPARE(send(c, b, u"next"_s, 1500), 2);
    QCOMPARE(send(other, b, u"next"_s, 2500), 2);
}

void TestSqlRepositories::appendKeepsEveryField()
{
    const UserId a = makeUser(u"full"_s);
    const ConversationId c = makeGroup({a});
    Message image = textMessage(c, a, u"caption"_s, QUuid::createUuid(), 0);
    image.type = MessageType::Image;
    image.attachment = {u"f-1"_s, u"cat.png"_s, 1234, u"image/png"_s, 640, 480, "\x89PNG\0\x01"_ba};
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    auto stored = run<AppendedMessage>([&](Repositories &r) { return r.messages.append(image); });
    QVERIFY(stored);
    QVERIFY(stored->message.createdAtMs >= before); // 0 means "now"
    auto read =
        run<std::optional<Message>>([&](Repositories &r) { return r.messages.findById(image.id); });
    QVERIFY(read && read->has_value());
    QCOMPARE(**read, stored->message);
    QCOMPARE((*read)->attachment, image.attachment);

    Message system = textMessage(c, a, u"a joined"_s);
    system.type = MessageType::System;
    system.event = SystemEvent::memberRemoved(a);
    QVERIFY(run<AppendedMessage>([&](Repositories &r) { return r.messages.append(system); }));
    read = run<std::optional<Message>>(
        [&](Repositories &r) { return r.messages.findById(system.id); });
    QCOMPARE((*read)->event, system.event);
    QCOMPARE((*read)->type, MessageType::System);
    QVERIFY(!run<std::optional<Message>>([](Repositories &r) {
                 return r.messages.findById(QUuid::createUuid());
             })->has_value());

    // Ids are stored as plain UUID text, without braces.
    RawConnection raw(m_database->url());
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM messages WHERE id = '%1'"_s.arg(
                            image.id.toString(QUuid::WithoutBraces)))
                 .toInt(),
             1);
}

void TestSqlRepositories::appendToUnknownConversation()
{
    const UserId a = makeUser(u"lost"_s);
    auto appended = run<AppendedMessage>(
        [&](Repositories &r) { return r.messages.append(textMessage(999'999, a, u"x"_s)); });
    QCOMPARE(appended.error().code, ErrorCode::NotFound);
}

void TestSqlRepositories::historyPaging()
{
    const UserId a = makeUser(u"pager"_s);
    const ConversationId c = makeGroup({a});
    for (int i = 1; i <= 10; ++i)
        send(c, a, u"%1"_s.arg(i));
    const auto seqs = [](const Result<QList<Message>> &page) {
        QList<Seq> result;
        for (const Message &m : *page)
            result.append(m.seq);
        return result;
    };
    const auto before = [&](Seq seq, int limit) {
        return seqs(
            run<QList<Message>>([&](Repositories &r) { return r.messages.before(c, seq, limit); }));
    };
    const auto after = [&](Seq seq, int limit) {
        return seqs(
            run<QList<Message>>([&](Repositories &r) { return r.messages.after(c, seq, limit); }));
    };
    QCOMPARE(before(8, 3), (QList<Seq>{5, 6, 7}));
    QCOMPARE(before(3, 10), (QList<Seq>{1, 2}));
    QCOMPARE(before(1, 10), QList<Seq>{});
    QCOMPARE(before(11, 2), (QList<Seq>{9, 10}));
    QCOMPARE(after(8, 5), (QList<Seq>{9, 10}));
    QCOMPARE(after(0, 3), (QList<Seq>{1, 2, 3}));
    QCOMPARE(after(10, 5), QList<Seq>{});
}

void TestSqlRepositories::receiptsAreMonotonic()
{
    const UserId a = makeUser(u"ra"_s), b = makeUser(u"rb"_s), outsider = makeUser(u"rc"_s);
    const ConversationId c = makeGroup({a, b});
    const auto read = [&](UserId user, Seq seq) {
        return *run<bool>(
            [&](Repositories &r) { return r.conversations.raiseReadSeq(c, user, seq); });
    };
    const auto delivered = [&](UserId user, Seq seq) {
        return *run<bool>(
            [&](Repositories &r) { return r.conversations.raiseDeliveredSeq(c, user, seq); });
    };
    QCOMPARE(read(b, 5), true);
    QCOMPARE(read(b, 3), false);
    QCOMPARE(read(b, 5), false);
    QCOMPARE(read(b, 6), true);
    QCOMPARE(delivered(b, 9), true);
    QCOMPARE(delivered(b, 7), false);
    QCOMPARE(read(outsider, 9), false);
    auto found =
        run<std::optional<Conversation>>([&](Repositories &r) { return r.conversations.find(c); });
    QCOMPARE((*found)->participant(b)->readSeq, 6);
    QCOMPARE((*found)->participant(b)->deliveredSeq, 9);
    QCOMPARE((*found)->participant(a)->readSeq, 0); // one member's receipts are their own
}

void TestSqlRepositories::summariesCountUnreadNewestFirst()
{
    const UserId a = makeUser(u"sa"_s), b = makeUser(u"sb"_s), c = makeUser(u"sc"_s);
    const ConversationId busy = makeGroup({a, b, c});
    const ConversationId quiet = makeGroup({a, b});
    const ConversationId empty = makeGroup({b, c});
    send(quiet, a, u"old"_s, 1000);
    for (int i = 0; i < 4; ++i)
        send(busy, a, u"x%1"_s.arg(i), 2000 + i);
    Message system = textMessage(busy, a, u"c joined"_s, QUuid::createUuid(), 2100);
    system.type = MessageType::System;
    QVERIFY(run<AppendedMessage>([&](Repositories &r) { return r.messages.append(system); }));
    send(busy, b, u"mine"_s, 2200);
    QVERIFY(run<bool>([&](Repositories &r) { return r.conversations.raiseReadSeq(busy, b, 1); }));

    auto list = run<QList<ConversationSummary>>(
        [&](Repositories &r) { return r.conversations.listForUser(b); });
    QVERIFY(list);
    QCOMPARE(list->size(), 3);
    const ConversationSummary &first = list->at(0);
    QCOMPARE(first.conversation.id, busy); // newest activity first
    QCOMPARE(first.unreadCount, 3); // seqs 2..4 from a; the system message and b's own do not count
    QCOMPARE(first.lastMessage->content, u"mine"_s);
    QCOMPARE(first.conversation.participants.size(), 3);
    QCOMPARE(list->at(1).conversation.id, quiet);
    QCOMPARE(list->at(1).unreadCount, 1);
    QCOMPARE(list->at(1).conversation.participants.size(), 2);
    QCOMPARE(list->at(2).conversation.id, empty);
    QVERIFY(!list->at(2).lastMessage.has_value());
    QCOMPARE(list->at(2).unreadCount, 0);
    QCOMPARE(list->at(2).conversation.participants.size(), 2);
}

void TestSqlRepositories::contactsAndBlocking()
{
    const UserId a = makeUser(u"ca"_s), b = makeUser(u"cb"_s), c = makeUser(u"cc"_s);
    const auto watchers = [&](UserId user) {
        QList<UserId> ids =
            *run<QList<UserId>>([&](Repositories &r) { return r.contacts.watchersOf(user); });
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    QVERIFY(run<Done>([&](Repositories &r) { return r.contacts.add(a, b, 10); }));
    QVERIFY(run<Done>([&](Repositories &r) { return r.contacts.add(a, b, 20); })); // idempotent
    QVERIFY(run<Done>([&](Repositories &r) { return r.contacts.add(c, b, 10); }));
    // Keeping someone as a contact shows nothing of them: presence needs both to agree.
    QVERIFY(watchers(b).isEmpty());
    QVERIFY(run<Done>([&](Repositories &r) { return r.contacts.add(b, c, 10); }));
    QCOMPARE(watchers(b), QList<UserId>{c});
    QCOMPARE(watchers(c), QList<UserId>{b});
    QVERIFY(watchers(a).isEmpty()); // a keeps b, b does not keep a

    QVERIFY(run<Done>([&](Repositories &r) { return r.contacts.setBlocked(c, b, true, 30); }));
    QVERIFY(watchers(b).isEmpty()); // c blocked b, so c does not watch
    QVERIFY(watchers(c).isEmpty()); // nor b c
    QVERIFY(run<Done>([&](Repositories &r) { return r.contacts.setBlocked(b, a, true, 30); }));
    QVERIFY(watchers(b).isEmpty()); // b blocked a: a no longer sees b's presence
    QVERIFY(*run<bool>([&](Repositories &r) { return r.contacts.isBlocked(c, b); }));
    QVERIFY(!*run<bool>([&](Repositories &r) { return r.contacts.isBlocked(b, c); }));

    auto list = run<QList<ContactEntry>>([&](Repositories &r) { return r.contacts.list(b); });
    QCOMPARE(list->size(), 2); // blocking made the entry for a
    const auto entryFor = [](const QList<ContactEntry> &entries, UserId id) {
        const auto it = std::find_if(entries.cbegin(), entries.cend(),
                                     [id](const ContactEntry &e) { return e.user.id == id; });
        return it == entries.cend() ? ContactEntry{} : *it;
    };
    QCOMPARE(entryFor(*list, a).user.id, a);
    QVERIFY(entryFor(*list, a).blocked);
    QVERIFY(!entryFor(*list, c).blocked);
    QVERIFY(run<Done>([&](Repositories &r) { return r.contacts.setBlocked(b, a, false, 40); }));
    list = run<QList<ContactEntry>>([&](Repositories &r) { return r.contacts.list(b); });
    QCOMPARE(list->size(), 2); // unblocking keeps a plain contact
    QVERIFY(!entryFor(*list, a).blocked);
    QCOMPARE(entryFor(*list, a).addedAtMs, 30);
    QCOMPARE(watchers(b), QList<UserId>{a}); // mutual again: a keeps b, b keeps a

    list = run<QList<ContactEntry>>([&](Repositories &r) { return r.contacts.list(a); });
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().addedAtMs, 10); // the second add changed nothing
    QVERIFY(run<Done>([&](Repositories &r) { return r.contacts.remove(a, b); }));
    QVERIFY(run<Done>([&](Repositories &r) { return r.contacts.remove(a, b); })); // idempotent
    // A block outlives "remove contact": only unblocking lifts it.
    QVERIFY(run<Done>([&](Repositories &r) { return r.contacts.remove(c, b); }));
    QVERIFY(*run<bool>([&](Repositories &r) { return r.contacts.isBlocked(c, b); }));
    QVERIFY(run<Done>([&](Repositories &r) { return r.contacts.setBlocked(c, b, false, 50); }));
    QVERIFY(run<Done>([&](Repositories &r) { return r.contacts.remove(c, b); }));
    QVERIFY(
        run<QList<ContactEntry>>([&](Repositories &r) { return r.contacts.list(c); })->isEmpty());
    QVERIFY(
        run<QList<ContactEntry>>([&](Repositories &r) { return r.contacts.list(a); })->isEmpty());
}

// Schema 008: accounts as an admin sees them, disabling, admin rights and deletion.
void TestSqlRepositories::accountAdministration()
{
    const UserId ann = makeUser(u"ann"_s, u"Ann"_s);
    const UserId ben = makeUser(u"ben"_s);
    const UserId cat = makeUser(u"cat"_s);
    auto page = run<QList<AccountRecord>>(
        [](Repositories &r) { return r.users.listAccounts(QString(), 2, QString()); });
    QVERIFY(page);
    QCOMPARE(page->size(), 2);
    QCOMPARE(page->at(0).user.username, u"ann"_s);
    QCOMPARE(page->at(1).user.username, u"ben"_s);
    page = run<QList<AccountRecord>>(
        [](Repositories &r) { return r.users.listAccounts(u"ben"_s, 2, QString()); });
    QCOMPARE(page->size(), 1);
    QCOMPARE(page->at(0).user.id, cat);
    // A prefix of the username or the display name, in any case; LIKE's own signs are
    // taken literally; paging goes on by username within the matches.
    const UserId anna = makeUser(u"anna_b"_s, u"Zed"_s);
    const UserId zoe = makeUser(u"zoe"_s, u"Annabel"_s);
    QVERIFY(anna > 0 && zoe > 0);
    auto usernames = [&](const QString &after, int limit, const QString &prefix) {
        QStringList names;
        const auto found = run<QList<AccountRecord>>(
            [&](Repositories &r) { return r.users.listAccounts(after, limit, prefix); });
        for (const AccountRecord &a : *found)
            names << a.user.username;
        return names;
    };
    QCOMPARE(usernames({}, 10, u"AN"_s), QStringList({u"ann"_s, u"anna_b"_s, u"zoe"_s}));
    QCOMPARE(usernames({}, 2, u"an"_s), QStringList({u"ann"_s, u"anna_b"_s}));
    QCOMPARE(usernames(u"anna_b"_s, 2, u"an"_s), QStringList({u"zoe"_s}));
    QCOMPARE(usernames({}, 10, u"anna_"_s), QStringList({u"anna_b"_s}));
    QCOMPARE(usernames({}, 10, u"ann%"_s), QStringList());
    QCOMPARE(usernames({}, 10, u"zed"_s), QStringList({u"anna_b"_s}));
    QCOMPARE(usernames({}, 10, u"x"_s), QStringList());

    QVERIFY(run<Done>([&](Repositories &r) { return r.users.setDisabled(ben, true, 77); }));
    QVERIFY(run<Done>([&](Repositories &r) { return r.users.setAdmin(ann, true); }));
    auto benRow = run<std::optional<AccountRecord>>(
        [](Repositories &r) { return r.users.findAccount(u"ben"_s); });
    QVERIFY(benRow && benRow->has_value());
    QVERIFY((*benRow)->disabled);
    QCOMPARE((*benRow)->disabledAtMs, 77);
    QVERIFY(!(*benRow)->admin);
    QVERIFY(!*run<bool>([&](Repositories &r) { return r.users.isActive(ben); }));
    QVERIFY(*run<bool>([&](Repositories &r) { return r.users.isActive(ann); }));
    auto credentials = run<std::optional<Credentials>>(
        [](Repositories &r) { return r.users.findCredentials(u"ben"_s); });
    QVERIFY((*credentials)->disabled);
    auto annRow = run<std::optional<AccountRecord>>(
        [&](Repositories &r) { return r.users.findAccountById(ann); });
    QVERIFY((*annRow)->admin);
    QVERIFY(run<Done>([&](Repositories &r) { return r.users.setDisabled(ben, false, 88); }));
    QVERIFY(*run<bool>([&](Repositories &r) { return r.users.isActive(ben); }));

    // Deleted: the name is free, the row stays (a message of the account keeps its sender).
    const ConversationId group = makeGroup({ann, cat});
    QVERIFY(send(group, cat, u"kept"_s) > 0);
    QVERIFY(run<Done>([&](Repositories &r) { return r.contacts.add(ann, cat, 1); }));
    QVERIFY(
        run<Done>([&](Repositories &r) { return r.users.markDeleted(cat, u"~deleted-x"_s, 99); }));
    QVERIFY(!run<std::optional<AccountRecord>>([](Repositories &r) {
                 return r.users.findAccount(u"cat"_s);
             })->has_value());
    QVERIFY(!run<std::optional<Credentials>>([](Repositories &r) {
                 return r.users.findCredentials(u"cat"_s);
             })->has_value());
    QVERIFY(!*run<bool>([&](Repositories &r) { return r.users.isActive(cat); }));
    QCOMPARE(run<QList<AccountRecord>>([](Repositories &r) {
                 return r.users.listAccounts(QString(), 10, QString());
             })->size(),
             4);
    QVERIFY(
        run<QList<ContactEntry>>([&](Repositories &r) { return r.contacts.list(ann); })->isEmpty());
    auto history =
        run<QList<Message>>([&](Repositories &r) { return r.messages.after(group, 0, 10); });
    QCOMPARE(history->size(), 1);
    QCOMPARE(history->first().senderId, cat);
    QVERIFY(makeUser(u"cat"_s) > 0);
}

void TestSqlRepositories::revocationLog()
{
    QCOMPARE(*run<qint64>([](Repositories &r) { return r.sessions.lastRevocation(); }), 0);
    QVERIFY(run<Done>([](Repositories &r) {
        return r.sessions.logRevocations({5, 6}, u"revoked"_s, 10);
    }));
    const qint64 last = *run<qint64>([](Repositories &r) { return r.sessions.lastRevocation(); });
    QVERIFY(last > 0);
    auto rows = run<QList<LoggedRevocation>>(
        [](Repositories &r) { return r.sessions.revocationsAfter(0, 10); });
    QCOMPARE(rows->size(), 2);
    QCOMPARE(rows->at(0).session, 5);
    QCOMPARE(rows->at(1).session, 6);
    QCOMPARE(rows->at(1).reason, u"revoked"_s);
    QCOMPARE(rows->at(1).id, last);
    QVERIFY(run<QList<LoggedRevocation>>([&](Repositories &r) {
                return r.sessions.revocationsAfter(last, 10);
            })->isEmpty());
    QCOMPARE(run<QList<LoggedRevocation>>([](Repositories &r) {
                 return r.sessions.revocationsAfter(0, 1);
             })->size(),
             1);
    // The sweep drops rows older than the refresh lifetime with the sessions.
    QVERIFY(run<int>([](Repositories &r) { return r.sessions.deleteUnusable(1000, 11); }));
    QCOMPARE(*run<qint64>([](Repositories &r) { return r.sessions.lastRevocation(); }), 0);
}

QTEST_GUILESS_MAIN(TestSqlRepositories)
#include "tst_sqlrepositories.moc"
