// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The search index in the database: a database filled before search existed is indexed by
// the migration (backfill), new messages are indexed in their own transaction, an edit or a
// delete through the named methods changes what is found, a VACUUM keeps the index right,
// and one request never looks at more than its bound of matches.
#include "schemafixtures.h"
#include "storage/sqlmigrator.h"
#include "storage/storagefactory.h"
#include "storagetest.h"
#include "testdatabase.h"

#include <QTest>

using namespace Banter;
using namespace Banter::Server;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
QStringList contents(const SearchPage &page)
{
    QStringList out;
    for (const SearchCandidate &c : page.hits)
        out.append(c.content);
    return out;
}

SearchQuery query(UserId user, const QString &text, int limit = 20)
{
    SearchQuery q;
    q.user = user;
    q.text = text;
    q.limit = limit;
    return q;
}
} // namespace

class TestSqlSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void databaseFilledBeforeSearchIsIndexed();
    void newMessagesAreIndexedAtOnce();
    void replaceContentAndRemoveFromIndex();
    void vacuumKeepsTheIndexRight();
    void oneRequestLooksAtABoundedNumberOfMatches();

private:
    Result<SearchPage> search(const SearchQuery &q);
    QString url() const { return m_database->url(); }

    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<SqlStorageExecutor> m_storage;
    QObject m_context;
};

void TestSqlSearch::init()
{
    m_database = std::make_unique<TestDatabase>();
    QVERIFY2(m_database->isValid(), qPrintable(m_database->error()));
}

void TestSqlSearch::cleanup()
{
    if (m_storage)
        m_storage->stop();
    m_storage.reset();
    m_database.reset();
}

Result<SearchPage> TestSqlSearch::search(const SearchQuery &q)
{
    return runNow<SearchPage>(*m_storage, &m_context,
                              [q](Repositories &r) { return r.search.search(q); });
}

// The rows of schema version 2 (what a released banterd left), plus Chinese text, are
// found after the upgrade; membership rules apply to them as to new ones.
void TestSqlSearch::databaseFilledBeforeSearchIsIndexed()
{
    {
        RawConnection old(url());
        QVERIFY2(old.isOpen(), qPrintable(old.error()));
        QVERIFY(SqlMigrator(old.session()).migrate(2));
        QList<FixtureRow> rows = fixtureRows(2);
        const QStringList columns{
            u"id"_s,      u"conversation_id"_s, u"seq"_s,   u"sender_id"_s, u"type"_s,
            u"content"_s, u"attachment"_s,      u"event"_s, u"created_at"_s};
        rows.append({u"messages"_s,
                     columns,
                     {u"5d1c2b8e-0000-4000-8000-000000000007"_s, 2, 5, 1, u"text"_s, u"你好世界"_s,
                      QVariant(), QVariant(), 4200}});
        QVERIFY(insertRows(old, rows));
    }
    auto storage = openStorage(url());
    QVERIFY2(storage, storage ? "" : qPrintable(storage.error().message));
    m_storage = std::move(*storage);

    // Bob (2) is in both conversations; Carol (3) only in the group.
    auto found = search(query(2, u"世界"_s));
    QVERIFY2(found, found ? "" : qPrintable(found.error().message));
    QCOMPARE(contents(*found), QStringList{u"你好世界"_s});
    QCOMPARE(found->hits.first().id, QUuid(u"5d1c2b8e-0000-4000-8000-000000000007"_s));
    QCOMPARE(found->hits.first().seq, Seq(5));
    found = search(query(2, u"你好世界"_s)); // through the trigram index
    QVERIFY(found);
    QCOMPARE(contents(*found), QStringList{u"你好世界"_s});
    found = search(query(2, u"HI ALICE"_s)); // case-insensitive
    QVERIFY(found);
    QCOMPARE(contents(*found), QStringList{u"hi alice ✓"_s});
    found = search(query(3, u"hi "_s)); // Carol is not in the private conversation
    QVERIFY(found);
    QVERIFY(found->hits.isEmpty());
    found = search(query(3, u"view"_s));
    QVERIFY(found);
    QCOMPARE(contents(*found), QStringList{u"the view"_s});
    found = search(query(1, u"Alice added"_s)); // system messages are not searched
    QVERIFY(found);
    QVERIFY(found->hits.isEmpty());
}

void TestSqlSearch::newMessagesAreIndexedAtOnce()
{
    auto storage = openStorage(url());
    QVERIFY2(storage, storage ? "" : qPrintable(storage.error().message));
    m_storage = std::move(*storage);
    auto created = runNow<Conversation>(*m_storage, &m_context, [](Repositories &r) {
        Result<User> a = r.users.create(u"ann"_s, {}, u"x"_s, 1);
        if (!a)
            return Result<Conversation>(a.error());
        return r.conversations.create(ConversationType::Group, u"g"_s, {member(a->id)}, 10);
    });
    QVERIFY2(created, created ? "" : qPrintable(created.error().message));
    const ConversationId id = created->id;
    const UserId ann = created->participants.first().userId;
    for (const QString &text : {u"first words"_s, u"second words"_s}) {
        QVERIFY(runNow<AppendedMessage>(*m_storage, &m_context, [&](Repositories &r) {
            return r.messages.append(textMessage(id, ann, text, QUuid::createUuid(), 100));
        }));
    }
    auto found = search(query(ann, u"words"_s));
    QVERIFY(found);
    QCOMPARE(contents(*found), (QStringList{u"second words"_s, u"first words"_s}));
    QCOMPARE(found->hits.at(0).seq, Seq(2));
    QCOMPARE(found->hits.at(0).conversationId, id);
    QVERIFY(!found->hasMore);
}

// What the edit and delete of messages call, in their own transaction.
void TestSqlSearch::replaceContentAndRemoveFromIndex()
{
    auto storage = openStorage(url());
    QVERIFY(storage);
    m_storage = std::move(*storage);
    const QUuid id = QUuid::createUuid();
    auto created = runNow<UserId>(*m_storage, &m_context, [id](Repositories &r) {
        Result<User> a = r.users.create(u"ann"_s, {}, u"x"_s, 1);
        if (!a)
            return Result<UserId>(a.error());
        Result<Conversation> c =
            r.conversations.create(ConversationType::Group, u"g"_s, {member(a->id)}, 10);
        if (!c)
            return Result<UserId>(c.error());
        Result<AppendedMessage> m =
            r.messages.append(textMessage(c->id, a->id, u"typo here"_s, id, 100));
        if (!m)
            return Result<UserId>(m.error());
        return Result<UserId>(a->id);
    });
    QVERIFY2(created, created ? "" : qPrintable(created.error().message));
    const UserId ann = *created;

    QVERIFY(runNow<Done>(*m_storage, &m_context, [id](Repositories &r) -> Result<Done> {
        if (Status s = r.search.replaceContent(id, u"fixed here"_s); !s)
            return s.error();
        return Done{};
    }));
    QVERIFY(search(query(ann, u"typo"_s))->hits.isEmpty());
    QCOMPARE(contents(*search(query(ann, u"fixed"_s))), QStringList{u"fixed here"_s});
    QCOMPARE(contents(*search(query(ann, u"ix"_s))), QStringList{u"fixed here"_s});

    QVERIFY(runNow<Done>(*m_storage, &m_context, [id](Repositories &r) -> Result<Done> {
        if (Status s = r.search.removeFromIndex(id); !s)
            return s.error();
        return Done{};
    }));
    QVERIFY(search(query(ann, u"fixed"_s))->hits.isEmpty());
    QVERIFY(search(query(ann, u"ix"_s))->hits.isEmpty());
    auto stored = runNow<std::optional<Message>>(
        *m_storage, &m_context, [id](Repositories &r) { return r.messages.findById(id); });
    QVERIFY(stored && stored->has_value());
    QVERIFY((*stored)->content.isEmpty()); // the text is gone, not only hidden

    auto unknown = runNow<Done>(*m_storage, &m_context, [](Repositories &r) -> Result<Done> {
        if (Status s = r.search.replaceContent(QUuid::createUuid(), u"x"_s); !s)
            return s.error();
        return Done{};
    });
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);
}

// SQLite: the index is keyed by the messages' rowid, which VACUUM must keep.
void TestSqlSearch::vacuumKeepsTheIndexRight()
{
    if (TestDatabase::backend() != "sqlite"_L1)
        QSKIP("VACUUM and rowids are SQLite's");
    QUuid last;
    UserId ann = 0;
    {
        auto storage = openStorage(url());
        QVERIFY(storage);
        m_storage = std::move(*storage);
        auto created = runNow<UserId>(*m_storage, &m_context, [&last](Repositories &r) {
            Result<User> a = r.users.create(u"ann"_s, {}, u"x"_s, 1);
            if (!a)
                return Result<UserId>(a.error());
            Result<Conversation> c =
                r.conversations.create(ConversationType::Group, u"g"_s, {member(a->id)}, 10);
            if (!c)
                return Result<UserId>(c.error());
            for (int i = 0; i < 50; ++i) {
                last = QUuid::createUuid();
                Result<AppendedMessage> m = r.messages.append(
                    textMessage(c->id, a->id, u"note %1 end"_s.arg(i), last, 100 + i));
                if (!m)
                    return Result<UserId>(m.error());
            }
            return Result<UserId>(a->id);
        });
        QVERIFY(created);
        ann = *created;
        m_storage->stop();
        m_storage.reset();
    }
    {
        RawConnection raw(url());
        QVERIFY(raw.exec(u"DELETE FROM messages WHERE content LIKE 'note 1%'"_s));
        QVERIFY(raw.exec(u"VACUUM"_s));
        // FTS5 checks its index against the messages table; a mismatch fails the statement.
        QVERIFY(raw.exec(u"INSERT INTO messages_search(messages_search) VALUES "
                         "('integrity-check')"_s));
    }
    auto storage = openStorage(url());
    QVERIFY(storage);
    m_storage = std::move(*storage);
    auto found = search(query(ann, u"note 49 end"_s));
    QVERIFY(found);
    QCOMPARE(found->hits.size(), 1);
    QCOMPARE(found->hits.first().id, last);
    QCOMPARE(found->hits.first().content, u"note 49 end"_s);
    found = search(query(ann, u"note 1"_s));
    QVERIFY(found);
    QVERIFY(found->hits.isEmpty());
}

// A broad text in conversations the user is not in: each request looks at `examined`
// matches at most and says where to go on; going on reaches the user's own message.
void TestSqlSearch::oneRequestLooksAtABoundedNumberOfMatches()
{
    auto storage = openStorage(url());
    QVERIFY(storage);
    m_storage = std::move(*storage);
    auto created = runNow<std::pair<UserId, UserId>>(
        *m_storage, &m_context, [](Repositories &r) -> Result<std::pair<UserId, UserId>> {
            Result<User> a = r.users.create(u"ann"_s, {}, u"x"_s, 1);
            Result<User> b = r.users.create(u"ben"_s, {}, u"x"_s, 1);
            if (!a || !b)
                return makeError(ErrorCode::Internal, u"users"_s);
            Result<Conversation> mine =
                r.conversations.create(ConversationType::Group, u"m"_s, {member(a->id)}, 10);
            Result<Conversation> other =
                r.conversations.create(ConversationType::Group, u"o"_s, {member(b->id)}, 10);
            if (!mine || !other)
                return makeError(ErrorCode::Internal, u"conversations"_s);
            if (!r.messages.append(textMessage(mine->id, a->id, u"common mine"_s)))
                return makeError(ErrorCode::Internal, u"append"_s);
            for (int i = 0; i < 10; ++i) {
                if (!r.messages.append(textMessage(other->id, b->id, u"common %1"_s.arg(i))))
                    return makeError(ErrorCode::Internal, u"append"_s);
            }
            return std::pair{a->id, b->id};
        });
    QVERIFY(created);
    SearchQuery q = query(created->first, u"common"_s);
    q.examined = 4;
    QStringList found;
    int pages = 0;
    for (;;) {
        auto page = search(q);
        QVERIFY(page);
        QVERIFY(page->hits.size() <= 1);
        found += contents(*page);
        ++pages;
        if (!page->hasMore)
            break;
        QVERIFY(page->next > 0 && (q.before == 0 || page->next < q.before));
        q.before = page->next;
        QVERIFY(pages < 10);
    }
    QCOMPARE(found, QStringList{u"common mine"_s});
    QCOMPARE(pages, 3); // 11 matches, 4 a page: 4, 4, 3
    // Short text scans a window of positions per request instead.
    SearchQuery s = query(created->first, u"mi"_s);
    s.window = 5;
    found.clear();
    for (pages = 0; pages < 10; ++pages) {
        auto page = search(s);
        QVERIFY(page);
        found += contents(*page);
        if (!page->hasMore)
            break;
        s.before = page->next;
    }
    QCOMPARE(found, QStringList{u"common mine"_s});
    QVERIFY(pages >= 2);
}

QTEST_GUILESS_MAIN(TestSqlSearch)
#include "tst_sqlsearch.moc"
