// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Schema migrations on a real database (SQLite file, or PostgreSQL with
// BANTER_TEST_BACKEND=postgresql): a fresh database gets every step, reopening changes
// nothing, every step upgrades from the one before and a database filled by each released
// version keeps every row, a failing step rolls back alone, and a database that is newer,
// half-migrated or foreign is refused untouched.
#include "schemafixtures.h"
#include "storage/sqlconnection.h"
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
QString fixture(const char *name)
{
    return QStringLiteral(BANTER_STORAGE_FIXTURES "/migrations/") + QLatin1String(name);
}

int latestVersion(RawConnection &raw)
{
    Result<int> latest = SqlMigrator(raw.session()).latestVersion();
    return latest ? *latest : -1;
}
} // namespace

class TestSqlMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void freshDatabaseGetsEveryStep();
    void reopenIsIdempotentAndKeepsData();
    void everyStepUpgradesFromThePreviousOne();
    void releasedVersionKeepsItsRows_data();
    void releasedVersionKeepsItsRows();
    void fixtureUpgradeIsRecordedStepByStep();
    void failingStepRollsBackAlone();
    void newerSchemaRefusedUntouched();
    void halfMigratedRefused_data();
    void halfMigratedRefused();
    void foreignDatabaseRefusedUntouched();
    void unhonouredSettingRefusesOpen();
    void sqliteUsesWal();

private:
    QString url() const { return m_database->url(); }
    std::unique_ptr<TestDatabase> m_database;
    QObject m_context;
};

void TestSqlMigrations::init()
{
    m_database = std::make_unique<TestDatabase>();
    QVERIFY2(m_database->isValid(), qPrintable(m_database->error()));
}

void TestSqlMigrations::cleanup()
{
    m_database.reset();
}

void TestSqlMigrations::freshDatabaseGetsEveryStep()
{
    auto storage = openStorage(url());
    QVERIFY2(storage, storage ? "" : qPrintable(storage.error().message));
    (*storage)->stop();
    RawConnection raw(url());
    QVERIFY2(raw.isOpen(), qPrintable(raw.error()));
    const int latest = latestVersion(raw);
    QVERIFY(latest >= 1);
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM schema_version WHERE complete = 1"_s).toInt(),
             latest);
    QCOMPARE(raw.scalar(u"SELECT MAX(version) FROM schema_version"_s).toInt(), latest);
    QCOMPARE(*SqlMigrator(raw.session()).currentVersion(), latest);
    for (const char *table :
         {"users", "sessions", "conversations", "participants", "messages", "contacts"})
        QVERIFY2(raw.scalar(u"SELECT COUNT(*) FROM "_s + QLatin1String(table)).isValid(), table);
}

void TestSqlMigrations::reopenIsIdempotentAndKeepsData()
{
    for (int round = 0; round < 2; ++round) {
        auto storage = openStorage(url());
        QVERIFY2(storage, storage ? "" : qPrintable(storage.error().message));
        if (round == 0)
            QVERIFY(runNow<User>(**storage, &m_context, [](Repositories &r) {
                return r.users.create(u"kept"_s, {}, u"h"_s, 1);
            }));
    }
    RawConnection raw(url());
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM schema_version"_s).toInt(), latestVersion(raw));
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM users WHERE username = 'kept'"_s).toInt(), 1);
}

// A database left at any older version by an older banterd opens with this one.
void TestSqlMigrations::everyStepUpgradesFromThePreviousOne()
{
    int latest = 0;
    {
        RawConnection raw(url());
        latest = latestVersion(raw);
    }
    QVERIFY(latest >= 1);
    for (int version = 0; version <= latest; ++version) {
        TestDatabase database;
        QVERIFY2(database.isValid(), qPrintable(database.error()));
        {
            RawConnection old(database.url());
            QVERIFY2(old.isOpen(), qPrintable(old.error()));
            SqlMigrator migrator(old.session());
            QVERIFY(migrator.migrate(version));
            QCOMPARE(*migrator.currentVersion(), version);
        }
        auto storage = openStorage(database.url());
        QVERIFY2(storage, storage ? "" : qPrintable(storage.error().message));
        (*storage)->stop();
        RawConnection upgraded(database.url());
        QCOMPARE(*SqlMigrator(upgraded.session()).currentVersion(), latest);
    }
}

void TestSqlMigrations::releasedVersionKeepsItsRows_data()
{
    QTest::addColumn<int>("version");
    // Every schema a released banterd created: 001_initial, 002_files.
    QTest::newRow("v1") << 1;
    QTest::newRow("v2") << 2;
}

// A database a released banterd filled at its schema version (rows in) opens with this one:
// every row is still there with every value (rows out), and today's code reads and extends it.
void TestSqlMigrations::releasedVersionKeepsItsRows()
{
    QFETCH(int, version);
    const QList<FixtureRow> rows = fixtureRows(version);
    {
        RawConnection old(url());
        QVERIFY2(old.isOpen(), qPrintable(old.error()));
        SqlMigrator migrator(old.session());
        QVERIFY(migrator.migrate(version));
        QCOMPARE(*migrator.currentVersion(), version);
        QVERIFY(insertRows(old, rows));
    }
    auto storage = openStorage(url());
    QVERIFY2(storage, storage ? "" : qPrintable(storage.error().message));
    {
        RawConnection upgraded(url());
        QVERIFY(latestVersion(upgraded) >= version);
        QCOMPARE(*SqlMigrator(upgraded.session()).currentVersion(), latestVersion(upgraded));
        for (const FixtureRow &row : rows) {
            const QVariantList stored = storedValues(upgraded, row);
            QVERIFY2(!stored.isEmpty(),
                     qPrintable(row.table + u" row "_s + comparable(row.values.first())
                                + u" is gone"_s));
            for (qsizetype i = 0; i < row.columns.size(); ++i) {
                const QString now = comparable(stored.at(i));
                const QString before = comparable(row.values.at(i));
                QVERIFY2(now == before,
                         qPrintable(row.table + u"."_s + row.columns.at(i) + u" of "_s
                                    + comparable(row.values.first()) + u" is "_s + now + u", was "_s
                                    + before));
            }
        }
        for (const QString &table : {u"users"_s, u"messages"_s, u"participants"_s}) {
            const auto count = std::count_if(rows.cbegin(), rows.cend(),
                                             [&](const FixtureRow &r) { return r.table == table; });
            QCOMPARE(upgraded.scalar(u"SELECT COUNT(*) FROM "_s + table).toInt(), int(count));
        }
    }

    // Today's repositories read the old rows: the system events and the image's attachment
    // decode, the receipts count, and the conversation goes on at the next seq.
    auto history = runNow<QList<Message>>(
        **storage, &m_context, [](Repositories &r) { return r.messages.after(2, 0, 50); });
    QVERIFY2(history, history ? "" : qPrintable(history.error().message));
    QCOMPARE(history->size(), 4);
    QCOMPARE(history->at(0).type, MessageType::System);
    QVERIFY(history->at(0).event.has_value() && history->at(1).event.has_value());
    QCOMPARE(history->at(0).event->kind, SystemEvent::Kind::MembersAdded);
    QCOMPARE(history->at(0).event->userIds, (QList<UserId>{2, 3}));
    QCOMPARE(history->at(1).event->kind, SystemEvent::Kind::Renamed);
    QCOMPARE(history->at(1).event->name, u"Weekend"_s);
    QCOMPARE(history->at(2).type, MessageType::Image);
    QCOMPARE(history->at(2).attachment.fileId, u"f-photo"_s);
    QCOMPARE(history->at(2).attachment.width, 64);
    QCOMPARE(history->at(2).attachment.thumbnail, QByteArray::fromBase64("iVBORw0KGgo="));
    auto summaries = runNow<QList<ConversationSummary>>(
        **storage, &m_context, [](Repositories &r) { return r.conversations.listForUser(2); });
    QVERIFY2(summaries, summaries ? "" : qPrintable(summaries.error().message));
    QCOMPARE(summaries->size(), 2);
    // Newest activity first; Bob has read nothing in the group: one picture from another.
    const ConversationSummary &group = summaries->first();
    QCOMPARE(group.conversation.id, ConversationId(2));
    QCOMPARE(group.unreadCount, 1);
    QVERIFY(group.conversation.participant(1) && group.conversation.participant(2));
    QCOMPARE(group.conversation.participant(2)->deliveredSeq, Seq(3));
    QCOMPARE(group.conversation.participant(1)->readSeq, Seq(4));
    auto appended = runNow<AppendedMessage>(**storage, &m_context, [](Repositories &r) {
        return r.messages.append(textMessage(2, 3, u"after the upgrade"_s));
    });
    QVERIFY2(appended, appended ? "" : qPrintable(appended.error().message));
    QCOMPARE(appended->message.seq, 5);
    // Users from before pictures (003_avatars) show none, and can set one and remove it.
    auto before = runNow<std::optional<User>>(**storage, &m_context,
                                              [](Repositories &r) { return r.users.findById(3); });
    QVERIFY(before && before->has_value());
    QCOMPARE((*before)->avatarVersion, 0);
    QCOMPARE((*before)->displayName, u"Carol ✿ 李"_s);
    auto set = runNow<qint64>(**storage, &m_context, [](Repositories &r) {
        return r.users.setAvatar(3, QByteArrayLiteral("\x89PNG-bytes"), 7000);
    });
    QVERIFY2(set, set ? "" : qPrintable(set.error().message));
    QCOMPARE(*set, 1);
    auto picture = runNow<std::pair<qint64, QByteArray>>(
        **storage, &m_context, [](Repositories &r) { return r.users.avatar(3); });
    QVERIFY(picture);
    QCOMPARE(picture->first, 1);
    QCOMPARE(picture->second, QByteArrayLiteral("\x89PNG-bytes"));
    auto removed = runNow<qint64>(**storage, &m_context,
                                  [](Repositories &r) { return r.users.setAvatar(3, {}, 7100); });
    QVERIFY(removed && *removed == 0);
    auto after = runNow<std::optional<User>>(**storage, &m_context,
                                             [](Repositories &r) { return r.users.findById(3); });
    QVERIFY(after && after->has_value());
    QCOMPARE((*after)->avatarVersion, 0);
    auto again = runNow<qint64>(**storage, &m_context, [](Repositories &r) {
        return r.users.setAvatar(3, QByteArrayLiteral("\xFF\xD8\xFF"), 7200);
    });
    QVERIFY(again && *again == 3); // counts on past the removal
    // Schema 6 (replies, edits, deletions, reactions): the old rows read with none of it,
    // and take every change; the group's image from before can be reacted to and deleted.
    QCOMPARE(history->at(2).editedAtMs, 0);
    QCOMPARE(history->at(2).deletedAtMs, 0);
    QVERIFY(history->at(2).replyTo.isNull() && history->at(2).reactions.isEmpty());
    const QUuid old = history->at(2).id;
    auto changed =
        runNow<Message>(**storage, &m_context, [old](Repositories &r) -> Result<Message> {
            Result<std::optional<int>> count = r.messages.addReaction(old, 2, u"👍"_s, 20, 1);
            if (!count)
                return count.error();
            if (Status s = r.messages.removeContent(old, 2); !s)
                return s.error();
            Result<std::optional<Message>> found = r.messages.findById(old, 2);
            if (!found)
                return found.error();
            return **found;
        });
    QVERIFY2(changed, changed ? "" : qPrintable(changed.error().message));
    QVERIFY(changed->isDeleted());
    QVERIFY(changed->attachment.isNull() && changed->reactions.isEmpty());
    auto mentioned = runNow<QList<ConversationSummary>>(
        **storage, &m_context, [](Repositories &r) { return r.conversations.listForUser(2); });
    QVERIFY(mentioned);
    QCOMPARE(mentioned->first().unreadMentions, 0);
    // Schema 7 (privacy): old users keep today's behaviour — last_seen shown, groups from
    // everyone — and take a change.
    auto privacy = runNow<Protocol::PrivacySettings>(
        **storage, &m_context, [](Repositories &r) -> Result<Protocol::PrivacySettings> {
            Result<Protocol::PrivacySettings> before = r.users.privacy(1);
            if (!before)
                return before.error();
            if (before->hideLastSeen || before->groupAddsFromContactsOnly)
                return makeError(ErrorCode::Internal, u"old user not at the defaults"_s);
            if (Status s = r.users.updateLastSeen(1, 1234); !s)
                return s.error();
            Result<qint64> shown = r.users.lastSeen(1);
            if (!shown || *shown != 1234)
                return makeError(ErrorCode::Internal, u"last_seen not shown"_s);
            if (Status s = r.users.setPrivacy(1, {true, true}); !s)
                return s.error();
            shown = r.users.lastSeen(1);
            if (!shown || *shown != 0)
                return makeError(ErrorCode::Internal, u"hidden last_seen shown"_s);
            return r.users.privacy(1);
        });
    QVERIFY2(privacy, privacy ? "" : qPrintable(privacy.error().message));
    QCOMPARE(*privacy, (Protocol::PrivacySettings{true, true}));
    if (version >= 2) {
        auto file = runNow<std::optional<StoredFile>>(**storage, &m_context, [](Repositories &r) {
            return r.files.findReadable(u"f-notes"_s, 1);
        });
        QVERIFY(file && file->has_value());
        QCOMPARE((*file)->size, 5'000'000'000LL);
    }
    (*storage)->stop();
}

void TestSqlMigrations::fixtureUpgradeIsRecordedStepByStep()
{
    RawConnection raw(url());
    QVERIFY2(raw.isOpen(), qPrintable(raw.error()));
    SqlMigrator older(raw.session(), fixture("v1"));
    QVERIFY(older.migrate());
    QCOMPARE(*older.currentVersion(), 1);
    QVERIFY(raw.exec(u"INSERT INTO notes (id, body) VALUES (1, 'from v1')"_s));

    SqlMigrator newer(raw.session(), fixture("v2"));
    QCOMPARE(*newer.currentVersion(), 1);
    QVERIFY(newer.migrate());
    QCOMPARE(*newer.currentVersion(), 2);
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM schema_version WHERE complete = 1"_s).toInt(), 2);
    QCOMPARE(raw.scalar(u"SELECT author FROM notes WHERE id = 1"_s).toString(), u"nobody"_s);
    QCOMPARE(raw.scalar(u"SELECT body FROM notes WHERE id = 1"_s).toString(), u"from v1"_s);
    QVERIFY(newer.migrate()); // nothing left to do
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM schema_version"_s).toInt(), 2);

    // The older binary now meets a schema it does not know.
    Result<int> refused = older.currentVersion();
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(u"newer"_s), qPrintable(refused.error().message));
    QVERIFY(!older.migrate());
}

void TestSqlMigrations::failingStepRollsBackAlone()
{
    RawConnection raw(url());
    QVERIFY2(raw.isOpen(), qPrintable(raw.error()));
    SqlMigrator broken(raw.session(), fixture("broken"));
    Status failed = broken.migrate();
    QVERIFY(!failed);
    QVERIFY2(failed.error().message.contains(u"version 3"_s)
                 && failed.error().message.contains(u"rolled back"_s),
             qPrintable(failed.error().message));
    // Steps 1 and 2 stay, each recorded; nothing of step 3 does.
    QCOMPARE(*broken.currentVersion(), 2);
    QVERIFY(raw.scalar(u"SELECT COUNT(*) FROM notes"_s).isValid());
    QVERIFY(!raw.scalar(u"SELECT COUNT(*) FROM extra"_s).isValid());
    QCOMPARE(raw.scalar(u"SELECT MAX(version) FROM schema_version"_s).toInt(), 2);
    // A fixed binary carries on from there.
    QVERIFY(SqlMigrator(raw.session(), fixture("v2")).migrate());
}

void TestSqlMigrations::newerSchemaRefusedUntouched()
{
    QVERIFY(openStorage(url()));
    {
        RawConnection raw(url());
        const int future = latestVersion(raw) + 1;
        QVERIFY(raw.exec(
            u"INSERT INTO schema_version (version, applied_at, complete) VALUES (%1, 0, 1)"_s.arg(
                future)));
        QVERIFY(raw.exec(u"CREATE TABLE from_the_future (id INTEGER)"_s));
    }
    auto refused = openStorage(url());
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Internal);
    QVERIFY2(refused.error().message.contains(u"newer"_s), qPrintable(refused.error().message));
    RawConnection raw(url());
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM schema_version"_s).toInt(), latestVersion(raw) + 1);
    QVERIFY(raw.scalar(u"SELECT COUNT(*) FROM from_the_future"_s).isValid());
}

void TestSqlMigrations::halfMigratedRefused_data()
{
    QTest::addColumn<QString>("directory");
    QTest::addColumn<QString>("tamper");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unfinished step")
        << QString() << u"UPDATE schema_version SET complete = 0"_s << u"half-migrated"_s;
    QTest::newRow("missing step") << fixture("v2")
                                  << u"DELETE FROM schema_version WHERE version = 1"_s
                                  << u"half-migrated"_s;
    QTest::newRow("no recorded step")
        << QString() << u"DELETE FROM schema_version"_s << u"no recorded schema version"_s;
}

void TestSqlMigrations::halfMigratedRefused()
{
    QFETCH(QString, directory);
    QFETCH(QString, tamper);
    QFETCH(QString, expected);
    RawConnection raw(url());
    QVERIFY2(raw.isOpen(), qPrintable(raw.error()));
    SqlMigrator migrator(raw.session(), directory);
    QVERIFY(migrator.migrate());
    QVERIFY(raw.exec(tamper));
    const int rows = raw.scalar(u"SELECT COUNT(*) FROM schema_version"_s).toInt();
    Status refused = migrator.migrate();
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(expected), qPrintable(refused.error().message));
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM schema_version"_s).toInt(), rows);
    if (directory.isEmpty()) {
        auto storage = openStorage(url());
        QVERIFY(!storage);
        QVERIFY2(storage.error().message.contains(expected), qPrintable(storage.error().message));
    }
}

void TestSqlMigrations::foreignDatabaseRefusedUntouched()
{
    {
        RawConnection raw(url());
        QVERIFY(raw.exec(u"CREATE TABLE someone_elses (id INTEGER)"_s));
    }
    auto refused = openStorage(url());
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(u"someone_elses"_s),
             qPrintable(refused.error().message));
    RawConnection raw(url());
    QVERIFY(!raw.scalar(u"SELECT COUNT(*) FROM schema_version"_s).isValid());
}

// A setting the database ignores instead of refusing (WAL where it cannot work) must stop
// the open: checked here with a portable statement whose answer is known.
void TestSqlMigrations::unhonouredSettingRefusesOpen()
{
    Result<SqlConnectionSpec> spec = connectionSpecFromUrl(url());
    QVERIFY(spec);
    spec->settings.append({u"SELECT 1"_s, u"2"_s});
    auto refused = SqlStorageExecutor::open(*spec);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(u"did not accept"_s),
             qPrintable(refused.error().message));
}

void TestSqlMigrations::sqliteUsesWal()
{
    if (TestDatabase::backend() != "sqlite"_L1)
        QSKIP("SQLite only");
    QVERIFY(openStorage(url()));
    RawConnection raw(url());
    // journal_mode=WAL persists in the file; the per-connection pragmas are read back at open.
    QCOMPARE(raw.scalar(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    QCOMPARE(raw.scalar(u"PRAGMA foreign_keys"_s).toInt(), 1);
    QCOMPARE(raw.scalar(u"PRAGMA synchronous"_s).toInt(), 2);
}

QTEST_GUILESS_MAIN(TestSqlMigrations)
#include "tst_sqlmigrations.moc"
