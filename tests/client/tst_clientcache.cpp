// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// ClientCache on real SQLite files in a temporary directory: who a file belongs to, damaged
// files rebuilt with the outbox kept, the contiguous range of messages per conversation, and
// unread counting.
#include <banter/client/clientcache.h>

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <utility>

using namespace Banter;
using namespace Qt::StringLiterals;
namespace P = Banter::Protocol;

namespace {
constexpr UserId Me = 1;
constexpr UserId Other = 2;

CacheIdentity identity(UserId user = Me, const QByteArray &certificate = "pin-a")
{
    return CacheIdentity{u"chat.example:7654"_s, user, certificate};
}

Message message(ConversationId conversation, Seq seq, UserId sender = Other,
                MessageType type = MessageType::Text)
{
    Message m;
    m.id = QUuid::createUuid();
    m.conversationId = conversation;
    m.seq = seq;
    m.senderId = sender;
    m.type = type;
    m.content = u"message %1"_s.arg(seq);
    if (type == MessageType::System)
        m.event = SystemEvent::renamed(u"new name"_s);
    m.createdAtMs = 1000 * seq;
    return m;
}

QList<Message> messages(ConversationId conversation, Seq from, Seq to, UserId sender = Other)
{
    QList<Message> list;
    for (Seq seq = from; seq <= to; ++seq)
        list.append(message(conversation, seq, sender));
    return list;
}

QList<Seq> seqs(const QList<Message> &list)
{
    QList<Seq> result;
    for (const Message &m : list)
        result.append(m.seq);
    return result;
}

QList<Seq> range(Seq from, Seq to)
{
    QList<Seq> result;
    for (Seq seq = from; seq <= to; ++seq)
        result.append(seq);
    return result;
}

ConversationSummary summary(ConversationId id, Seq lastSeq, qint64 unread, Seq myReadSeq = 0)
{
    ConversationSummary s;
    s.conversation.id = id;
    s.conversation.type = ConversationType::Group;
    s.conversation.name = u"chat %1"_s.arg(id);
    s.conversation.createdAtMs = 1;
    s.conversation.lastSeq = lastSeq;
    s.conversation.participants = {
        Participant{Me, ParticipantRole::Admin, u"me"_s, u"Me"_s, 1, myReadSeq, myReadSeq},
        Participant{Other, ParticipantRole::Member, u"other"_s, u"Other"_s, 1, 0, 0}};
    if (lastSeq > 0)
        s.lastMessage = message(id, lastSeq);
    s.unreadCount = unread;
    return s;
}

P::SendMessageRequest queued(const QString &text)
{
    P::SendMessageRequest request;
    request.id = QUuid::createUuid();
    request.conversationId = 10;
    request.content = text;
    return request;
}

// The owner, group and other bits of a file (Qt also reports the owner's bits as the
// current user's, which are left out).
QFileDevice::Permissions modeOf(const QString &path)
{
    return QFileInfo(path).permissions() & ~QFileDevice::Permissions(0x0700);
}

// How the application opens a large cache: the integrity check on a worker thread, the
// opening on this one.
QString checkOnAWorkerThread(const QString &path)
{
    QString problem;
    std::unique_ptr<QThread> worker(
        QThread::create([&] { problem = ClientCache::checkIntegrity(path); }));
    worker->start();
    worker->wait();
    return problem;
}

enum class Opening { AllAtOnce, CheckedOnAWorker };

std::unique_ptr<ClientCache> openCache(const QString &path, const CacheIdentity &who = identity(),
                                       Opening how = Opening::AllAtOnce)
{
    Result<std::unique_ptr<ClientCache>> cache = how == Opening::AllAtOnce
        ? ClientCache::open(path, who)
        : ClientCache::openChecked(path, who, checkOnAWorkerThread(path));
    if (!cache) {
        qWarning() << cache.error().message;
        return nullptr;
    }
    return std::move(cache).value();
}
} // namespace

class TestClientCache : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath(u"cache/account.sqlite"_s); }

private Q_SLOTS:
    void cleanup() { ClientCache::remove(path()); }
    void newFileIsOwnerOnlyAndReopens();
    void anotherIdentityIsWiped_data();
    void anotherIdentityIsWiped();
    void damagedFileIsRebuiltAndTheOutboxSurvives_data();
    void damagedFileIsRebuiltAndTheOutboxSurvives();
    void anotherAccountHasAnotherFile();
    void outboxOfAnotherAccountIsNotSent();
    void removeDeletesCacheAndOutbox();
    void newerMessagesContinueTheRange();
    void gapRestartsTheRange();
    void olderPagesJoinFromBelow();
    void olderPagesStopAtTheDepth();
    void resetDropsTheCopy();
    void pruneKeepsTheNewest();
    void summariesReplaceTheList();
    void unreadCountsOthersMessagesOnce();
    void readPositionLowersUnread();
    void repliesShowTheirOriginalEditedAndDeleted();
};

void TestClientCache::newFileIsOwnerOnlyAndReopens()
{
    {
        auto cache = openCache(path());
        QVERIFY(cache);
        QVERIFY(!cache->rebuilt());
        QCOMPARE(cache->identity(), identity());
        cache->storeMessages(messages(10, 1, 3));
        cache->saveOutbox({queued(u"hi"_s)});
        QVERIFY(QFile::exists(path() + u"-wal"_s)); // write-ahead logging
        QCOMPARE(modeOf(path() + u"-wal"_s), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    QCOMPARE(modeOf(path()), ownerOnly);
    QCOMPARE(modeOf(path() + u".outbox.json"_s), ownerOnly);
    QCOMPARE(modeOf(QFileInfo(path()).absolutePath()), ownerOnly | QFileDevice::ExeOwner);
    {
        auto again = openCache(path());
        QVERIFY(again);
        QVERIFY(!again->rebuilt());
        QCOMPARE(again->positions(), (QHash<ConversationId, Seq>{{10, 3}}));
        QCOMPARE(again->messageCount(), 3);
        QCOMPARE(again->outbox().size(), 1);
    }
    // Checked on another thread first, then opened without reading every page again.
    QCOMPARE(ClientCache::checkIntegrity(path()), QString());
    auto checked = openCache(path(), identity(), Opening::CheckedOnAWorker);
    QVERIFY(checked);
    QVERIFY(!checked->rebuilt());
    QCOMPARE(checked->positions(), (QHash<ConversationId, Seq>{{10, 3}}));
    QCOMPARE(checked->messageCount(), 3);
    // No file yet: nothing to check, and the open makes one.
    const QString fresh = m_dir.filePath(u"cache/fresh.sqlite"_s);
    QCOMPARE(ClientCache::checkIntegrity(fresh), QString());
    QVERIFY(!QFile::exists(fresh));
    auto made = openCache(fresh, identity(), Opening::CheckedOnAWorker);
    QVERIFY(made);
    QVERIFY(!made->rebuilt());
    QVERIFY(QFile::exists(fresh));
}

void TestClientCache::anotherIdentityIsWiped_data()
{
    QTest::addColumn<CacheIdentity>("other");
    QTest::newRow("another user") << identity(3);
    QTest::newRow("a changed certificate") << identity(Me, "pin-b");
    QTest::newRow("no certificate now") << identity(Me, {});
    QTest::newRow("another server") << CacheIdentity{u"other.example:7654"_s, Me, "pin-a"};
}

void TestClientCache::anotherIdentityIsWiped()
{
    QFETCH(CacheIdentity, other);
    {
        auto cache = openCache(path());
        QVERIFY(cache);
        cache->storeSummaries({summary(10, 3, 3)});
        cache->storeMessages(messages(10, 1, 3));
    }
    auto cache = openCache(path(), other);
    QVERIFY(cache);
    QVERIFY(cache->rebuilt());
    QVERIFY(cache->rebuiltReason().contains(u"another"_s));
    QCOMPARE(cache->messageCount(), 0);
    QVERIFY(cache->conversations().isEmpty());
    QVERIFY(cache->positions().isEmpty());
}

void TestClientCache::damagedFileIsRebuiltAndTheOutboxSurvives_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<Opening>("how");
    for (const auto &[how, name] : {std::pair{Opening::AllAtOnce, "at open"},
                                    std::pair{Opening::CheckedOnAWorker, "on a worker"}}) {
        QTest::addRow("garbage, %s", name) << u"garbage"_s << how;
        QTest::addRow("truncated, %s", name) << u"truncated"_s << how;
        QTest::addRow("torn page, %s", name) << u"torn"_s << how;
    }
}

void TestClientCache::damagedFileIsRebuiltAndTheOutboxSurvives()
{
    QFETCH(QString, damage);
    QFETCH(Opening, how);
    const QList<P::SendMessageRequest> pending = {queued(u"one"_s), queued(u"two"_s)};
    {
        auto cache = openCache(path());
        QVERIFY(cache);
        cache->storeSummaries({summary(10, 400, 0)});
        for (Seq from = 1; from <= 400; from += 100)
            cache->storeMessages(messages(10, from, from + 99));
        cache->saveOutbox(pending);
    }
    QFile file(path());
    QVERIFY(file.open(QIODevice::ReadWrite));
    const qint64 size = file.size();
    QVERIFY(size > 8192);
    if (damage == u"garbage"_s) {
        file.seek(0);
        file.write(QByteArray(int(size), 'x'));
    } else if (damage == u"truncated"_s) {
        file.resize(size / 2 + 100); // a half-written file: pages missing, header intact
    } else {
        file.seek(size / 2);
        file.write(QByteArray(4096, '\xa5')); // a page overwritten in the middle
    }
    file.close();
    if (how == Opening::CheckedOnAWorker)
        QVERIFY(!ClientCache::checkIntegrity(path()).isEmpty());
    auto cache = openCache(path(), identity(), how);
    QVERIFY(cache);
    QVERIFY2(cache->rebuilt(), qPrintable(damage));
    QVERIFY(!cache->rebuiltReason().isEmpty());
    QCOMPARE(cache->messageCount(), 0);
    QCOMPARE(cache->outbox(), pending);
    // The new file works.
    cache->storeMessages(messages(10, 1, 2));
    QCOMPARE(seqs(cache->messagesBefore(10, 0, 10)), range(1, 2));
}

void TestClientCache::anotherAccountHasAnotherFile()
{
    const QString mine = ClientCache::defaultPath(u"chat.example:7654"_s, Me);
    QCOMPARE(ClientCache::defaultPath(u"chat.example:7654"_s, Me), mine);
    QVERIFY(ClientCache::defaultPath(u"chat.example:7654"_s, Other) != mine);
    QVERIFY(ClientCache::defaultPath(u"other.example:7654"_s, Me) != mine);
    QVERIFY(mine.endsWith(u".sqlite"_s));
    QVERIFY(mine.contains(u"/cache/"_s));

    const QString theirs = m_dir.filePath(u"cache/theirs.sqlite"_s);
    auto a = openCache(path(), identity(Me));
    auto b = openCache(theirs, identity(Other));
    QVERIFY(a && b);
    a->storeMessages(messages(10, 1, 5));
    b->storeMessages(messages(20, 1, 2));
    QCOMPARE(a->positions(), (QHash<ConversationId, Seq>{{10, 5}}));
    QCOMPARE(b->positions(), (QHash<ConversationId, Seq>{{20, 2}}));
    b.reset();
    ClientCache::remove(theirs);
}

void TestClientCache::outboxOfAnotherAccountIsNotSent()
{
    {
        auto cache = openCache(path(), identity(Other));
        QVERIFY(cache);
        cache->saveOutbox({queued(u"theirs"_s)});
    }
    auto cache = openCache(path(), identity(Me));
    QVERIFY(cache);
    QVERIFY(cache->outbox().isEmpty());
}

void TestClientCache::removeDeletesCacheAndOutbox()
{
    {
        auto cache = openCache(path());
        QVERIFY(cache);
        cache->storeMessages(messages(10, 1, 3));
        cache->saveOutbox({queued(u"hi"_s)});
    }
    QVERIFY(QFile::exists(path()));
    QVERIFY(QFile::exists(path() + u".outbox.json"_s));
    ClientCache::remove(path());
    QVERIFY(!QFile::exists(path()));
    QVERIFY(!QFile::exists(path() + u"-wal"_s));
    QVERIFY(!QFile::exists(path() + u".outbox.json"_s));
    auto cache = openCache(path());
    QVERIFY(cache);
    QCOMPARE(cache->messageCount(), 0);
    QVERIFY(cache->outbox().isEmpty());
}

void TestClientCache::newerMessagesContinueTheRange()
{
    auto cache = openCache(path());
    QVERIFY(cache);
    QCOMPARE(cache->oldestSeq(10), Seq(0));
    QVERIFY(!cache->hasStart(10));
    cache->storeMessages(messages(10, 1, 120) + messages(11, 5, 6));
    cache->storeMessages(messages(10, 100, 130)); // overlapping: nothing twice
    QCOMPARE(cache->messageCount(), 130 + 2);
    QCOMPARE(cache->positions(), (QHash<ConversationId, Seq>{{10, 130}, {11, 6}}));
    QCOMPARE(cache->oldestSeq(10), Seq(1));
    QVERIFY(cache->hasStart(10));
    QCOMPARE(cache->oldestSeq(11), Seq(5));
    QVERIFY(!cache->hasStart(11));
    QCOMPARE(seqs(cache->messagesBefore(10, 0, 5)), range(126, 130));
    QCOMPARE(seqs(cache->messagesBefore(10, 50, 5)), range(45, 49));
    QCOMPARE(seqs(cache->messagesBefore(10, 3, 5)), range(1, 2));
    QCOMPARE(seqs(cache->messagesAfter(10, 120, 5)), range(121, 125));
    QCOMPARE(seqs(cache->messagesAfter(10, 128, 5)), range(129, 130));
    const QList<Message> stored = cache->messagesAfter(11, 0, 10);
    QCOMPARE(seqs(stored), range(5, 6));
    QCOMPARE(stored.first().content, u"message 5"_s);
    QCOMPARE(cache->conversations().size(), 2);
    QCOMPARE(cache->conversations().first().lastMessage->seq, Seq(130)); // most recent first
}

void TestClientCache::gapRestartsTheRange()
{
    auto cache = openCache(path());
    QVERIFY(cache);
    cache->storeMessages(messages(10, 1, 10));
    cache->storeMessages(messages(10, 20, 25));
    QCOMPARE(cache->oldestSeq(10), Seq(20));
    QVERIFY(!cache->hasStart(10));
    QCOMPARE(seqs(cache->messagesBefore(10, 0, 100)), range(20, 25));
    QCOMPARE(cache->positions().value(10), Seq(25));
}

void TestClientCache::olderPagesJoinFromBelow()
{
    auto cache = openCache(path());
    QVERIFY(cache);
    cache->storeMessages(messages(10, 101, 150));
    QCOMPARE(cache->oldestSeq(10), Seq(101));
    // A page that does not reach the range is not kept: it would leave a hole.
    cache->storeOlder(10, messages(10, 1, 50), false);
    QCOMPARE(cache->oldestSeq(10), Seq(101));
    QCOMPARE(cache->messageCount(), 50);
    // Overlapping and adjoining pages join.
    cache->storeOlder(10, messages(10, 60, 110), false);
    QCOMPARE(cache->oldestSeq(10), Seq(60));
    QVERIFY(!cache->hasStart(10));
    cache->storeOlder(10, messages(10, 10, 59), false);
    QCOMPARE(cache->oldestSeq(10), Seq(10));
    QVERIFY(!cache->hasStart(10));
    cache->storeOlder(10, messages(10, 1, 9), true);
    QCOMPARE(cache->oldestSeq(10), Seq(1));
    QVERIFY(cache->hasStart(10));
    QCOMPARE(seqs(cache->messagesBefore(10, 0, 1000)), range(1, 150));
    QCOMPARE(cache->positions().value(10), Seq(150));
    // A conversation the cache never synced has no range to join.
    cache->storeOlder(77, messages(77, 1, 5), true);
    QCOMPARE(cache->oldestSeq(77), Seq(0));
}

// The cache keeps the recent messages of a conversation, not its whole history: once the range
// is as deep as depth(), older pages are not stored (the server serves them).
void TestClientCache::olderPagesStopAtTheDepth()
{
    auto cache = openCache(path());
    QVERIFY(cache);
    QCOMPARE(cache->depth(), ClientCache::DefaultDepth);
    cache->setDepth(100);
    cache->storeMessages(messages(10, 901, 960));
    cache->storeOlder(10, messages(10, 851, 900), false); // 60 held: joins
    QCOMPARE(cache->oldestSeq(10), Seq(851));
    cache->storeOlder(10, messages(10, 801, 850), false); // 110 held: deep enough
    QCOMPARE(cache->oldestSeq(10), Seq(851));
    QCOMPARE(cache->messageCount(), 110);
    // prune(depth()) trims what sync added beyond it.
    cache->prune(cache->depth());
    QCOMPARE(cache->oldestSeq(10), Seq(861));
    QCOMPARE(seqs(cache->messagesBefore(10, 0, 1000)), range(861, 960));
}

void TestClientCache::resetDropsTheCopy()
{
    auto cache = openCache(path());
    QVERIFY(cache);
    cache->storeMessages(messages(10, 1, 20));
    cache->resetConversation(10, 500);
    QCOMPARE(cache->messageCount(), 0);
    QCOMPARE(cache->oldestSeq(10), Seq(0));
    QVERIFY(!cache->hasStart(10));
    QCOMPARE(cache->positions().value(10), Seq(500));
    cache->storeMessages(messages(10, 501, 503));
    QCOMPARE(cache->oldestSeq(10), Seq(501));
    // The page before the range (history up to 500) joins it.
    cache->storeOlder(10, messages(10, 451, 500), false);
    QCOMPARE(seqs(cache->messagesBefore(10, 0, 1000)), range(451, 503));
    // A reset to nothing (seq 0) holds the whole (empty) start.
    cache->resetConversation(11, 0);
    QVERIFY(cache->hasStart(11));
    cache->storeMessages(messages(11, 1, 2));
    QVERIFY(cache->hasStart(11));
}

void TestClientCache::pruneKeepsTheNewest()
{
    auto cache = openCache(path());
    QVERIFY(cache);
    cache->storeMessages(messages(10, 1, 300) + messages(11, 1, 20));
    cache->prune(100);
    QCOMPARE(cache->messageCount(), 100 + 20);
    QCOMPARE(cache->oldestSeq(10), Seq(201));
    QVERIFY(!cache->hasStart(10));
    QCOMPARE(cache->oldestSeq(11), Seq(1));
    QVERIFY(cache->hasStart(11));
    QCOMPARE(seqs(cache->messagesBefore(10, 0, 1000)), range(201, 300));
    QCOMPARE(cache->positions().value(10), Seq(300));
    cache->storeOlder(10, messages(10, 151, 200), false);
    QCOMPARE(cache->oldestSeq(10), Seq(151));
}

void TestClientCache::summariesReplaceTheList()
{
    auto cache = openCache(path());
    QVERIFY(cache);
    cache->storeMessages(messages(12, 1, 3));
    cache->storeSummaries({summary(10, 7, 2), summary(11, 3, 0)});
    QCOMPARE(cache->messageCount(), 0); // 12 is no longer listed
    const QList<ConversationSummary> list = cache->conversations();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).conversation.id, ConversationId(10)); // newest activity first
    QCOMPARE(list.at(0).conversation.name, u"chat 10"_s);
    QCOMPARE(list.at(0).unreadCount, 2);
    QCOMPARE(list.at(0).lastMessage->seq, Seq(7));
    QCOMPARE(list.at(0).conversation.lastSeq, Seq(7));
    QVERIFY(cache->positions().isEmpty()); // listed, not synced
    QCOMPARE(cache->conversation(11)->name, u"chat 11"_s);
    QVERIFY(!cache->conversation(12));
    Conversation renamed = summary(11, 3, 0).conversation;
    renamed.name = u"renamed"_s;
    cache->storeConversation(renamed);
    QCOMPARE(cache->conversation(11)->name, u"renamed"_s);
    cache->removeConversation(11);
    QVERIFY(!cache->conversation(11));
    QCOMPARE(cache->conversations().size(), 1);
}

void TestClientCache::unreadCountsOthersMessagesOnce()
{
    auto cache = openCache(path());
    QVERIFY(cache);
    // The server counted 3 unread up to seq 5; the catch-up then stores 1..5 (already
    // counted) and 6..8: two from the other member, one of mine, and a system message.
    cache->storeSummaries({summary(10, 5, 3, 2)});
    cache->storeMessages(messages(10, 1, 5));
    QCOMPARE(cache->conversations().first().unreadCount, 3);
    cache->storeMessages({message(10, 6), message(10, 7, Me), message(10, 8),
                          message(10, 9, Other, MessageType::System)});
    QCOMPARE(cache->conversations().first().unreadCount, 5);
    cache->storeMessages({message(10, 8), message(10, 9)}); // duplicates count nothing
    QCOMPARE(cache->conversations().first().unreadCount, 5);
    QCOMPARE(cache->conversations().first().lastMessage->seq, Seq(9));
    QCOMPARE(cache->conversations().first().conversation.lastSeq, Seq(9));
}

void TestClientCache::readPositionLowersUnread()
{
    auto cache = openCache(path());
    QVERIFY(cache);
    cache->storeSummaries({summary(10, 0, 0)});
    cache->storeMessages(messages(10, 1, 10));
    QCOMPARE(cache->conversations().first().unreadCount, 10);
    cache->setReadPosition(10, Other, 10); // another member's receipt
    QCOMPARE(cache->conversations().first().unreadCount, 10);
    QCOMPARE(cache->conversation(10)->participant(Other)->readSeq, Seq(10));
    cache->setReadPosition(10, Me, 4);
    QCOMPARE(cache->conversations().first().unreadCount, 6);
    QCOMPARE(cache->conversation(10)->participant(Me)->readSeq, Seq(4));
    cache->setReadPosition(10, Me, 3); // never backwards
    QCOMPARE(cache->conversations().first().unreadCount, 6);
    cache->setReadPosition(10, Me, 10);
    QCOMPARE(cache->conversations().first().unreadCount, 0);
    cache->storeMessages({message(10, 11)});
    QCOMPARE(cache->conversations().first().unreadCount, 1);
}

// A cached reply shows what the server would now show of the message it answers: the edited
// text, then "deleted" (the server fills the preview when it reads the reply). Only replies to
// that message change, also the one shown as the conversation's last message.
void TestClientCache::repliesShowTheirOriginalEditedAndDeleted()
{
    auto cache = openCache(path());
    QVERIFY(cache);
    const Message original = message(10, 1);
    const Message other = message(10, 2);
    auto reply = [](const Message &to, Seq seq) {
        Message m = message(to.conversationId, seq, Me);
        m.replyTo = to.id;
        m.replyPreview = ReplyPreview{to.senderId, to.type, to.content, false};
        return m;
    };
    Message quoting = message(10, 4); // names the original's id in its text, answers nothing
    quoting.content = original.id.toString(QUuid::WithoutBraces);
    cache->storeMessages(
        {original, other, reply(original, 3), quoting, reply(other, 5), reply(original, 6)});
    auto change = [&](Seq seq, const SystemEvent &event, const QString &content = {}) {
        Message m = message(10, seq, Other, MessageType::System);
        m.event = event;
        m.content = content;
        return m;
    };
    auto previews = [&] {
        QStringList shown;
        for (const Message &m : cache->messagesAfter(10, 0, 10)) {
            if (m.replyPreview)
                shown.append(m.replyPreview->deleted ? u"(deleted)"_s : m.replyPreview->snippet);
        }
        return shown;
    };

    cache->storeMessages({change(7, SystemEvent::messageEdited(original.id, 1), u"better"_s)});
    QCOMPARE(previews(), (QStringList{u"better"_s, u"message 2"_s, u"better"_s}));
    cache->storeMessages({change(8, SystemEvent::messageDeleted(original.id, 1))});
    QCOMPARE(previews(), (QStringList{u"(deleted)"_s, u"message 2"_s, u"(deleted)"_s}));
    const QList<Message> held = cache->messagesAfter(10, 0, 10);
    QCOMPARE(held.at(3).content, quoting.content);
    QVERIFY(!held.at(3).replyPreview);
    QVERIFY(held.at(2).replyPreview->snippet.isEmpty());
    // The conversation's last message is the newest reply, its preview changed with it.
    const std::optional<Message> last = cache->conversations().first().lastMessage;
    QVERIFY(last);
    QCOMPARE(last->seq, Seq(6));
    QVERIFY(last->replyPreview && last->replyPreview->deleted);
    // Reopened: the change is in the file, not only in memory.
    cache.reset();
    cache = openCache(path());
    QVERIFY(cache);
    QCOMPARE(previews(), (QStringList{u"(deleted)"_s, u"message 2"_s, u"(deleted)"_s}));
}

QTEST_GUILESS_MAIN(TestClientCache)
#include "tst_clientcache.moc"
