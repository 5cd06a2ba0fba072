// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 16 "every server frame within the documented bound" and issue 17's unpaged
// conversation list: worst-case pages built on purpose (escape-heavy text, maximal
// thumbnails and names, reply previews and reactions, many limited conversations, 6,000
// groups with escape-heavy names, a 500-member group), seeded through the storage layer and
// read over a real socket. Every test measures the text frames that arrived and walks the
// paging to the end, checking that nothing is lost.
#include "rawclient.h"
#include "storage/sqlcontactrepository.h"
#include "storage/sqlconversationrepository.h"
#include "storage/sqlmessagerepository.h"
#include "storage/sqluserrepository.h"
#include "storagetest.h"
#include "testserver.h"
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/conversationmessages.h>
#include <banter/protocol/domainjson.h>
#include <banter/protocol/peoplemessages.h>
#include <banter/protocol/replybudget.h>

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QUuid>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
// JSON writes U+0001 as six bytes: the most expensive character per character of text.
QString escapeHeavy(int characters)
{
    return QString(characters, QChar(0x0001));
}

// The sizes of the text frames a socket receives, in bytes as sent.
class FrameSizes : public QObject
{
public:
    explicit FrameSizes(RawClient &client)
    {
        connect(&client.socket(), &QWebSocket::textMessageReceived, this,
                [this](const QString &text) { sizes.append(text.toUtf8().size()); });
    }
    qint64 largest() const { return sizes.isEmpty() ? 0 : *std::ranges::max_element(sizes); }
    QList<qint64> sizes;
};

// The bound every list reply keeps (docs/PROTOCOL.md, "Limits"), well below the 4 MiB a
// client accepts.
constexpr qint64 Bound = Protocol::ListReplyTargetBytes;
// A sync reply may pass the target by the one message it always carries (PROTOCOL.md, "Reply
// sizes"); the largest message, escaped worst case with thumbnail and names, is about 56 KiB.
constexpr qint64 SyncBound = Bound + 64 * 1024;
} // namespace

class TestServerFrames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void oneMaximalMessageFitsOneFrame();
    void historyIsCutByEncodedSize();
    void historyAroundIsCutByEncodedSize();
    void syncIsCutByEncodedSize();
    void limitedPagesAreSplitLikeAnyOther();
    void manyGroupsArePaged();
    void bigGroupFitsOneFrame();
    void syncThroughBoundsTheSweep();
    void contactsArePaged();
    void presencesArePaged();
    void peoplePagesRefuseBadCursors();

private:
    // A connection of its own to the server's database, for seeding.
    struct Seeder
    {
        explicit Seeder(const QString &url)
            : raw(url)
            , users(raw.session())
            , conversations(raw.session())
            , messages(raw.session())
            , contacts(raw.session())
        { }
        bool begin() { return bool(raw.session().run(raw.session().dialect().beginTransaction)); }
        bool commit()
        {
            // Cached statements keep SQLite's lock until they are reset.
            raw.session().finishAll();
            return bool(raw.session().run(u"COMMIT"_s));
        }
        RawConnection raw;
        Server::SqlUserRepository users;
        Server::SqlConversationRepository conversations;
        Server::SqlMessageRepository messages;
        Server::SqlContactRepository contacts;
    };
    // `count` users with the longest escape-heavy display name, in one transaction.
    QList<UserId> seedUsers(Seeder &seed, int count);
    // Walks a `contacts` or `presences` list page by page with `after`, as ClientSession
    // does: the user id of every entry in the order received (empty on failure).
    QList<UserId> peoplePages(RawClient &client, const QString &type, FrameSizes &frames,
                              QList<int> &pageSizes);
    ConversationId seedGroup(Seeder &seed, const QString &name, const QList<UserId> &members);
    // `count` worst-case messages from alice: escape-heavy text, an image with the largest
    // thumbnail and a 255-character escape-heavy name, a reply preview, 20 long reactions.
    bool seedWorstMessages(Seeder &seed, ConversationId conversation, int count);
    Message worstMessage(ConversationId conversation, const QUuid &replyTo) const;

    // Every seq of the conversation from `before` down, by history pages; empty on failure.
    QList<Seq> historyDown(RawClient &client, ConversationId conversation, int limit);
    // Follows sync to the end as SyncEngine does, from no local state: per conversation the
    // seqs received in order; listed collects the conversations listed.
    bool syncAll(RawClient &client, QHash<ConversationId, QList<Seq>> &received,
                 QSet<ConversationId> &listed, int *pages = nullptr);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<RawClient> m_alice;
    std::unique_ptr<RawClient> m_bob;
    qint64 m_aliceId = 0;
    qint64 m_bobId = 0;
};

void TestServerFrames::init()
{
    Server::ServerConfig config = TestServer::unthrottledConfig();
    // Far behind after 60 messages: small enough to build limited conversations quickly,
    // above the 50-message newest page.
    config.limits.syncGapLimit = 60;
    m_server = std::make_unique<TestServer>(config);
    QVERIFY(m_server->start());
    auto signUp = [this](std::unique_ptr<RawClient> &client, const QString &name) -> qint64 {
        client = std::make_unique<RawClient>();
        if (!client->open(m_server->url()))
            return 0;
        const auto grant = client->registerUser(name);
        return grant ? qint64(grant->value(u"user"_s).toObject().value(u"id"_s).toDouble()) : 0;
    };
    m_aliceId = signUp(m_alice, u"alice"_s);
    m_bobId = signUp(m_bob, u"bob"_s);
    QVERIFY(m_aliceId > 0 && m_bobId > 0);
}

void TestServerFrames::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_server.reset();
}

ConversationId TestServerFrames::seedGroup(Seeder &seed, const QString &name,
                                           const QList<UserId> &members)
{
    QList<Participant> participants;
    for (UserId id : members)
        participants.append(
            member(id, id == members.first() ? ParticipantRole::Admin : ParticipantRole::Member));
    Result<Conversation> c =
        seed.conversations.create(ConversationType::Group, name, participants, 1000);
    seed.raw.session().finishAll();
    return c ? c->id : 0;
}

Message TestServerFrames::worstMessage(ConversationId conversation, const QUuid &replyTo) const
{
    Message m = textMessage(conversation, m_aliceId, escapeHeavy(5000));
    m.type = MessageType::Image;
    m.attachment.fileId = QUuid::createUuid().toString(QUuid::Id128);
    m.attachment.name = escapeHeavy(255);
    m.attachment.size = 1 << 20;
    m.attachment.mimeType = u"image/png"_s;
    m.attachment.width = 4096;
    m.attachment.height = 4096;
    QByteArray thumbnail(16 * 1024, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(thumbnail.data()),
                                          thumbnail.size() / 4);
    m.attachment.thumbnail = thumbnail;
    m.replyTo = replyTo;
    return m;
}

bool TestServerFrames::seedWorstMessages(Seeder &seed, ConversationId conversation, int count)
{
    if (!seed.begin())
        return false;
    QUuid first;
    for (int i = 0; i < count; ++i) {
        const Message m = worstMessage(conversation, first);
        if (!seed.messages.append(m))
            return false;
        if (first.isNull())
            first = m.id;
        // 20 different reactions of 64 bytes each, the most a message carries.
        for (int r = 0; r < 20; ++r) {
            const QString emoji = QString::fromUcs4(U"\U0001F600").repeated(15) + QChar(u'a' + r);
            if (!seed.messages.addReaction(m.id, m_bobId, emoji, 20, 1000))
                return false;
        }
    }
    return seed.commit();
}

QList<Seq> TestServerFrames::historyDown(RawClient &client, ConversationId conversation, int limit)
{
    FrameSizes frames(client);
    QList<Seq> seqs;
    Seq before = 0;
    for (int page = 0; page < 1000; ++page) {
        Protocol::HistoryRequest request;
        request.conversationId = conversation;
        request.beforeSeq = before;
        request.limit = limit;
        const auto reply = client.request(u"history"_s, request.toJson(), 30'000);
        if (!succeeded(reply))
            return {};
        const Result<Protocol::HistoryReply> decoded =
            Protocol::HistoryReply::fromJson(reply->data);
        if (!decoded || decoded->messages.isEmpty())
            return {};
        QList<Seq> pageSeqs;
        for (const Message &m : decoded->messages)
            pageSeqs.append(m.seq);
        seqs = pageSeqs + seqs;
        before = pageSeqs.first();
        if (!decoded->hasMore)
            break;
    }
    if (frames.largest() > Bound) {
        qWarning("a history frame of %lld bytes", frames.largest());
        return {};
    }
    return seqs;
}

bool TestServerFrames::syncAll(RawClient &client, QHash<ConversationId, QList<Seq>> &received,
                               QSet<ConversationId> &listed, int *pages)
{
    FrameSizes frames(client);
    QHash<ConversationId, Seq> positions;
    ConversationId after = 0;
    for (int page = 0; page < 1000; ++page) {
        Protocol::SyncRequest request;
        request.limit = Protocol::SyncRequest::MaxLimit;
        request.after = after;
        for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
            if (it.key() > after)
                request.positions.insert(it.key(), it.value());
        }
        const auto reply = client.request(u"sync"_s, request.toJson(), 60'000);
        if (!succeeded(reply))
            return false;
        const Result<Protocol::SyncReply> decoded = Protocol::SyncReply::fromJson(reply->data);
        if (!decoded)
            return false;
        for (const Conversation &c : decoded->conversations)
            listed.insert(c.id);
        QSet<ConversationId> reset;
        for (const Message &m : decoded->messages) {
            if (!listed.contains(m.conversationId))
                return false; // a message of a conversation not yet listed
            if (decoded->limited.contains(m.conversationId) && !reset.contains(m.conversationId)) {
                reset.insert(m.conversationId);
                received.remove(m.conversationId);
                positions[m.conversationId] = m.seq - 1;
            }
            if (m.seq != positions.value(m.conversationId) + 1) {
                qWarning("conversation %lld: seq %lld after %lld", m.conversationId, m.seq,
                         positions.value(m.conversationId));
                return false;
            }
            positions[m.conversationId] = m.seq;
            received[m.conversationId].append(m.seq);
        }
        after = decoded->after;
        if (pages)
            *pages = page + 1;
        if (!decoded->hasMore)
            break;
    }
    if (frames.largest() > SyncBound) {
        qWarning("a sync frame of %lld bytes", frames.largest());
        return false;
    }
    return true;
}

// The largest message a client can make, in its escaped worst case, is a small part of one
// frame: a page cut at its first item still fits.
QList<UserId> TestServerFrames::seedUsers(Seeder &seed, int count)
{
    QList<UserId> ids;
    if (!seed.begin())
        return {};
    for (int i = 0; i < count; ++i) {
        const Result<User> u =
            seed.users.create(u"person%1"_s.arg(i, 26, 10, QChar(u'0')),
                              escapeHeavy(UserRules::MaxDisplayNameLength), u"x"_s, 1000);
        if (!u)
            return {};
        ids.append(u->id);
    }
    return seed.commit() ? ids : QList<UserId>();
}

QList<UserId> TestServerFrames::peoplePages(RawClient &client, const QString &type,
                                            FrameSizes &frames, QList<int> &pageSizes)
{
    QList<UserId> received;
    UserId after = 0;
    for (int page = 0; page < 100; ++page) {
        const auto reply =
            client.request(type, Protocol::PeoplePageRequest{after}.toJson(), 60'000);
        if (!succeeded(reply))
            return {};
        QList<UserId> ids;
        bool hasMore = false;
        if (type == "contacts"_L1) {
            const auto decoded = Protocol::ContactsReply::fromJson(reply->data);
            if (!decoded)
                return {};
            for (const Protocol::Contact &c : decoded->contacts)
                ids.append(c.user.id);
            hasMore = decoded->hasMore;
        } else {
            const auto decoded = Protocol::PresencesReply::fromJson(reply->data);
            if (!decoded)
                return {};
            for (const Presence &p : decoded->presences)
                ids.append(p.userId);
            hasMore = decoded->hasMore;
        }
        // The frame just received is this page's: it must keep the bound on its own.
        if (frames.sizes.isEmpty() || frames.sizes.constLast() > Bound)
            return {};
        pageSizes.append(int(ids.size()));
        received += ids;
        if (!hasMore)
            return received;
        if (ids.isEmpty())
            return {}; // more promised, nothing given: it would never end
        after = ids.constLast();
    }
    return {};
}

void TestServerFrames::oneMaximalMessageFitsOneFrame()
{
    const QJsonObject json = Protocol::toJson(worstMessage(7, QUuid::createUuid()));
    const qint64 bytes = Protocol::encodedSize(json);
    QVERIFY2(bytes > 50'000, qPrintable(QString::number(bytes))); // really the worst case
    QVERIFY(bytes + 20 * 70 + 700 < 64 * 1024); // with reactions and a reply preview
    QVERIFY(Bound < Protocol::MaxServerFrameBytes);
}

void TestServerFrames::historyIsCutByEncodedSize()
{
    Seeder seed(m_server->config().databaseUrl);
    QVERIFY2(seed.raw.isOpen(), qPrintable(seed.raw.error()));
    const ConversationId c = seedGroup(seed, escapeHeavy(100), {m_aliceId, m_bobId});
    QVERIFY(c > 0);
    QVERIFY(seedWorstMessages(seed, c, 100));

    // Before the change one page of 100 held all of them: about 5.5 MB.
    FrameSizes frames(*m_bob);
    Protocol::HistoryRequest request;
    request.conversationId = c;
    request.limit = 100;
    const auto first = m_bob->request(u"history"_s, request.toJson(), 30'000);
    QVERIFY(succeeded(first));
    const Result<Protocol::HistoryReply> page = Protocol::HistoryReply::fromJson(first->data);
    QVERIFY(page);
    QVERIFY(page->hasMore);
    QVERIFY(page->messages.size() < 100);
    QCOMPARE(page->messages.constLast().seq, 100); // the newest are kept
    QVERIFY(frames.largest() <= Bound);
    QVERIFY(frames.largest() > Bound / 2); // filled, not cut early

    QList<Seq> expected;
    for (Seq s = 1; s <= 100; ++s)
        expected.append(s);
    QCOMPARE(historyDown(*m_bob, c, 100), expected);
}

void TestServerFrames::historyAroundIsCutByEncodedSize()
{
    Seeder seed(m_server->config().databaseUrl);
    QVERIFY2(seed.raw.isOpen(), qPrintable(seed.raw.error()));
    const ConversationId c = seedGroup(seed, u"Team"_s, {m_aliceId, m_bobId});
    QVERIFY(seedWorstMessages(seed, c, 100));

    FrameSizes frames(*m_bob);
    const auto reply = m_bob->request(
        u"history"_s, {{u"conversation_id"_s, c}, {u"around"_s, 50}, {u"limit"_s, 100}}, 30'000);
    QVERIFY(succeeded(reply));
    const Result<Protocol::HistoryReply> page = Protocol::HistoryReply::fromJson(reply->data);
    QVERIFY(page);
    QVERIFY(frames.largest() <= Bound);
    // The seq asked for is in it, the page is a contiguous slice, and both ends say more.
    QVERIFY(page->messages.size() < 100);
    QVERIFY(std::ranges::any_of(page->messages, [](const Message &m) { return m.seq == 50; }));
    for (qsizetype i = 1; i < page->messages.size(); ++i)
        QCOMPARE(page->messages.at(i).seq, page->messages.at(i - 1).seq + 1);
    QCOMPARE(page->hasMore, page->messages.constFirst().seq > 1);
    QCOMPARE(page->hasNewer, page->messages.constLast().seq < 100);
    QVERIFY(page->hasNewer);
}

void TestServerFrames::syncIsCutByEncodedSize()
{
    Seeder seed(m_server->config().databaseUrl);
    QVERIFY2(seed.raw.isOpen(), qPrintable(seed.raw.error()));
    const ConversationId c = seedGroup(seed, escapeHeavy(100), {m_aliceId, m_bobId});
    QVERIFY(seedWorstMessages(seed, c, 55)); // under the gap limit: paged, not limited

    QHash<ConversationId, QList<Seq>> received;
    QSet<ConversationId> listed;
    int pages = 0;
    QVERIFY(syncAll(*m_bob, received, listed, &pages));
    QVERIFY(pages > 2); // about 3 MB in pages of at most 1 MiB
    QCOMPARE(listed, QSet<ConversationId>{c});
    QCOMPARE(received.value(c).size(), 55);
    QCOMPARE(received.value(c).constLast(), 55);
}

// Several conversations too far behind: their newest pages used to arrive whole, all in one
// reply (6 MB and more). Now they are split like any other page and the client still ends
// with each newest page complete.
void TestServerFrames::limitedPagesAreSplitLikeAnyOther()
{
    Seeder seed(m_server->config().databaseUrl);
    QVERIFY2(seed.raw.isOpen(), qPrintable(seed.raw.error()));
    QList<ConversationId> groups;
    for (int i = 0; i < 3; ++i) {
        groups.append(seedGroup(seed, escapeHeavy(100), {m_aliceId, m_bobId}));
        QVERIFY(seedWorstMessages(seed, groups.constLast(), 70));
    }
    QHash<ConversationId, QList<Seq>> received;
    QSet<ConversationId> listed;
    int pages = 0;
    QVERIFY(syncAll(*m_bob, received, listed, &pages));
    QVERIFY(pages >= 6); // 3 × 50 messages of ~55 KB
    QCOMPARE(listed, QSet<ConversationId>(groups.cbegin(), groups.cend()));
    QList<Seq> newestPage;
    for (Seq s = 21; s <= 70; ++s)
        newestPage.append(s);
    for (ConversationId c : groups)
        QCOMPARE(received.value(c), newestPage);
}

// Issue 17: thousands of groups with escape-heavy names made one victim's sync reply larger
// than any client accepts. Both lists are paged within the bound and arrive whole.
void TestServerFrames::manyGroupsArePaged()
{
    constexpr int Groups = 6000;
    Seeder seed(m_server->config().databaseUrl);
    QVERIFY2(seed.raw.isOpen(), qPrintable(seed.raw.error()));
    QVERIFY(seed.begin());
    QSet<ConversationId> all;
    for (int i = 0; i < Groups; ++i) {
        const ConversationId c = seedGroup(seed, escapeHeavy(100), {m_aliceId, m_bobId});
        QVERIFY(c > 0);
        all.insert(c);
    }
    QVERIFY(seed.commit());
    // A few of them with messages to deliver, spread over the id range.
    const QList<ConversationId> ids(all.cbegin(), all.cend());
    QSet<ConversationId> withMessages;
    QVERIFY(seed.begin());
    for (int i = 0; i < 5; ++i) {
        const ConversationId c = ids.at(i * 1000);
        withMessages.insert(c);
        QVERIFY(seed.messages.append(textMessage(c, m_aliceId, escapeHeavy(5000))));
    }
    QVERIFY(seed.commit());

    FrameSizes frames(*m_bob);
    QSet<ConversationId> summaries;
    int offset = 0;
    int pages = 0;
    for (; pages < 100; ++pages) {
        const auto reply = m_bob->request(u"conversations"_s,
                                          Protocol::ConversationsRequest{offset}.toJson(), 60'000);
        QVERIFY(succeeded(reply));
        const Result<Protocol::ConversationsReply> page =
            Protocol::ConversationsReply::fromJson(reply->data);
        QVERIFY(page);
        for (const ConversationSummary &s : page->conversations)
            summaries.insert(s.conversation.id);
        offset += int(page->conversations.size());
        if (!page->hasMore)
            break;
    }
    QVERIFY2(frames.largest() <= Bound, qPrintable(QString::number(frames.largest())));
    QVERIFY(pages >= 4); // about 6 MB of list
    QCOMPARE(offset, Groups);
    QCOMPARE(summaries, all);

    QHash<ConversationId, QList<Seq>> received;
    QSet<ConversationId> listed;
    QVERIFY(syncAll(*m_bob, received, listed, &pages));
    QVERIFY(pages >= 4);
    QCOMPARE(listed, all);
    QCOMPARE(QSet<ConversationId>(received.keyBegin(), received.keyEnd()), withMessages);
}

// A group at the size limit, every member with the longest escape-heavy display name: one
// entry is still a fraction of the bound, in every reply that carries it.
void TestServerFrames::bigGroupFitsOneFrame()
{
    Seeder seed(m_server->config().databaseUrl);
    QVERIFY2(seed.raw.isOpen(), qPrintable(seed.raw.error()));
    QVERIFY(seed.begin());
    QList<UserId> members{m_aliceId, m_bobId};
    for (int i = 0; members.size() < 500; ++i) {
        const Result<User> u = seed.users.create(u"member%1"_s.arg(i, 26, 10, QChar(u'0')),
                                                 escapeHeavy(64), u"x"_s, 1000);
        QVERIFY(u);
        members.append(u->id);
    }
    const ConversationId c = seedGroup(seed, escapeHeavy(100), members);
    QVERIFY(c > 0);
    QVERIFY(seed.commit());

    FrameSizes frames(*m_bob);
    const auto one = m_bob->request(u"conversation"_s, {{u"conversation_id"_s, c}}, 30'000);
    QVERIFY(succeeded(one));
    const qint64 entry = frames.largest();
    QVERIFY2(entry > 200'000 && entry < Bound / 2, qPrintable(QString::number(entry)));
    QCOMPARE(one->data.value(u"conversation"_s).toObject().value(u"members"_s).toArray().size(),
             500);
    QVERIFY(succeeded(m_bob->request(u"conversations"_s, {}, 30'000)));
    QHash<ConversationId, QList<Seq>> received;
    QSet<ConversationId> listed;
    QVERIFY(syncAll(*m_bob, received, listed));
    QCOMPARE(listed, QSet<ConversationId>{c});
    QVERIFY(frames.largest() <= Bound);

    // A change pushes the whole conversation to every member: the same fraction of the bound.
    frames.sizes.clear();
    QVERIFY(succeeded(m_alice->request(
        u"rename"_s, {{u"conversation_id"_s, c}, {u"name"_s, u"Renamed"_s}}, 30'000)));
    const auto pushed = m_bob->waitForPush(u"conversation_updated"_s, 30'000);
    QVERIFY(pushed);
    QCOMPARE(pushed->data.value(u"conversation"_s).toObject().value(u"members"_s).toArray().size(),
             500);
    QVERIFY2(frames.largest() > 200'000 && frames.largest() < 512 * 1024,
             qPrintable(QString::number(frames.largest())));
    qInfo("500 members with escape-heavy names: conversation reply %lld bytes, "
          "conversation_updated push %lld bytes",
          entry, frames.largest());
}

// A client sends its positions in bounded slices: `through` ends the slice, the reply says
// where to go on, and malformed cursors are refused.
void TestServerFrames::syncThroughBoundsTheSweep()
{
    Seeder seed(m_server->config().databaseUrl);
    QVERIFY2(seed.raw.isOpen(), qPrintable(seed.raw.error()));
    QList<ConversationId> groups;
    QVERIFY(seed.begin());
    for (int i = 0; i < 4; ++i)
        groups.append(seedGroup(seed, u"Team"_s, {m_aliceId, m_bobId}));
    QVERIFY(seed.commit());
    Protocol::SyncRequest request;
    request.through = groups.at(1);
    const auto first = m_bob->request(u"sync"_s, request.toJson());
    QVERIFY(succeeded(first));
    const Result<Protocol::SyncReply> page = Protocol::SyncReply::fromJson(first->data);
    QVERIFY(page);
    QCOMPARE(page->conversations.size(), 2);
    QVERIFY(page->hasMore);
    QCOMPARE(page->after, groups.at(1));
    request.through = 0;
    request.after = page->after;
    const auto second = m_bob->request(u"sync"_s, request.toJson());
    QVERIFY(succeeded(second));
    const Result<Protocol::SyncReply> rest = Protocol::SyncReply::fromJson(second->data);
    QVERIFY(rest);
    QCOMPARE(rest->conversations.size(), 2);
    QCOMPARE(rest->conversations.constFirst().id, groups.at(2));
    QVERIFY(!rest->hasMore);
    QCOMPARE(rest->after, 0);

    for (const QJsonObject &bad :
         {QJsonObject{{u"after"_s, -1}}, QJsonObject{{u"after"_s, u"7"_s}},
          QJsonObject{{u"through"_s, 1.5}}, QJsonObject{{u"after"_s, 9007199254740993.0}}}) {
        QCOMPARE(refusal(m_bob->request(u"sync"_s, bad)), ErrorCode::BadRequest);
    }
    for (const QJsonObject &bad :
         {QJsonObject{{u"offset"_s, -1}}, QJsonObject{{u"offset"_s, u"1"_s}},
          QJsonObject{{u"offset"_s, 1'000'000}}}) {
        QVERIFY(refusal(m_bob->request(u"conversations"_s, bad)) == ErrorCode::BadRequest
                || refusal(m_bob->request(u"conversations"_s, bad)) == ErrorCode::TooLarge);
    }
    // An offset past the end is an empty last page, not an error.
    const auto past = m_bob->request(u"conversations"_s, {{u"offset"_s, 100}});
    QVERIFY(succeeded(past));
    QVERIFY(past->data.value(u"conversations"_s).toArray().isEmpty());
    QVERIFY(!past->data.value(u"has_more"_s).toBool());
}

// Contacts were one unpaged list: 2,200 contacts with the longest escape-heavy display
// names (about 600 bytes each on the wire) are 1.3 MB. The list comes in pages cut by their
// encoded size, in user id order, each contact exactly once.
void TestServerFrames::contactsArePaged()
{
    constexpr int Contacts = 2200;
    Seeder seed(m_server->config().databaseUrl);
    QVERIFY2(seed.raw.isOpen(), qPrintable(seed.raw.error()));
    const QList<UserId> people = seedUsers(seed, Contacts);
    QCOMPARE(people.size(), Contacts);
    QVERIFY(seed.begin());
    for (UserId person : people)
        QVERIFY(seed.contacts.add(m_bobId, person, 1000));
    QVERIFY(seed.commit());

    // An older client's request, `{}`, gets the first page and is told more follow.
    const auto first = m_bob->request(u"contacts"_s, {}, 60'000);
    QVERIFY(succeeded(first));
    QVERIFY(first->data.value(u"has_more"_s).toBool());

    FrameSizes frames(*m_bob);
    QList<int> pageSizes;
    const QList<UserId> received = peoplePages(*m_bob, u"contacts"_s, frames, pageSizes);
    QCOMPARE(received, people); // ascending ids, none lost, none twice
    QCOMPARE(pageSizes.size(), 2);
    // The first page was cut by its bytes, before the per-page count: near the bound (each
    // entry was measured with the longest presence, the real ones are a few bytes shorter).
    QVERIFY2(pageSizes.constFirst() < Protocol::MaxPeoplePerPage,
             qPrintable(QString::number(pageSizes.constFirst())));
    QVERIFY2(frames.sizes.constFirst() > Bound * 9 / 10,
             qPrintable(QString::number(frames.sizes.constFirst())));
    QVERIFY(frames.largest() <= Bound);
    qInfo("%d contacts with escape-heavy names: pages of %d and %d entries, %lld and %lld bytes",
          Contacts, pageSizes.at(0), pageSizes.at(1), frames.sizes.at(0), frames.sizes.at(1));
}

// Presences were everyone sharing a conversation, unpaged: groups of 500 times many groups.
// Five groups give bob 2,201 peers: more than one page, each peer once, in id order.
void TestServerFrames::presencesArePaged()
{
    Seeder seed(m_server->config().databaseUrl);
    QVERIFY2(seed.raw.isOpen(), qPrintable(seed.raw.error()));
    QList<UserId> people = seedUsers(seed, 2200);
    QCOMPARE(people.size(), 2200);
    QVERIFY(seed.begin());
    for (qsizetype start = 0; start < people.size(); start += 498) {
        QList<UserId> members{m_bobId, m_aliceId};
        members += people.mid(start, 498);
        QVERIFY(seedGroup(seed, escapeHeavy(100), members) > 0);
    }
    QVERIFY(seed.commit());
    people.append(m_aliceId);
    std::ranges::sort(people);

    FrameSizes frames(*m_bob);
    QList<int> pageSizes;
    const QList<UserId> received = peoplePages(*m_bob, u"presences"_s, frames, pageSizes);
    QCOMPARE(received, people);
    QCOMPARE(pageSizes, (QList<int>{Protocol::MaxPeoplePerPage, 201}));
    QVERIFY(frames.largest() <= Bound);
    qInfo("%lld peers: pages of %d and %d entries, largest frame %lld bytes", qint64(people.size()),
          pageSizes.at(0), pageSizes.at(1), frames.largest());
}

// The cursor is a user id: anything else is bad_request, past the end is an empty last page,
// and the lists are for signed-in users only.
void TestServerFrames::peoplePagesRefuseBadCursors()
{
    for (const QString &type : {u"contacts"_s, u"presences"_s}) {
        for (const QJsonValue &bad : {QJsonValue(-1), QJsonValue(u"5"_s), QJsonValue(1.5),
                                      QJsonValue(double(1LL << 53)), QJsonValue(QJsonArray{})}) {
            const auto refused = m_bob->request(type, {{u"after"_s, bad}});
            QVERIFY2(refusal(refused) == ErrorCode::BadRequest, qPrintable(type));
        }
        const auto pastTheEnd = m_bob->request(type, {{u"after"_s, MaxJsonSafeInteger}});
        QVERIFY(succeeded(pastTheEnd));
        QCOMPARE(pastTheEnd->data.value(type).toArray().size(), 0);
        QVERIFY(!pastTheEnd->data.contains(u"has_more"_s));

        RawClient stranger;
        QVERIFY(stranger.open(m_server->url()));
        QCOMPARE(refusal(stranger.request(type, {})), ErrorCode::Unauthenticated);
    }
}

QTEST_GUILESS_MAIN(TestServerFrames)
#include "tst_serverframes.moc"
