// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// banterd migrate-data: a SQLite database full of real activity moves to PostgreSQL without
// losing a message, verifies itself, can be run again, and the server carries on on the new
// database (new ids do not collide with copied ones).
#include "rawclient.h"
#include "storage/datamigration.h"
#include "testdatabase.h"
#include "testserver.h"
#include <banter/protocol/chatmessages.h>

#include <QJsonArray>
#include <QProcess>
#include <QTest>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

class TestDataMigration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sqliteToPostgresql();
};

void TestDataMigration::sqliteToPostgresql()
{
    QTemporaryDir dir;
    const QString sqliteUrl = u"sqlite://"_s + dir.filePath(u"source.db"_s);
    qint64 group = 0;
    {
        Server::ServerConfig config = TestServer::defaultConfig();
        config.databaseUrl = sqliteUrl;
        TestServer source(config);
        QVERIFY(source.start());
        RawClient alice;
        RawClient bob;
        QVERIFY(alice.open(source.url()) && bob.open(source.url()));
        QVERIFY(alice.registerUser(u"alice"_s));
        const auto b = bob.registerUser(u"bob"_s);
        const qint64 bobId = qint64(b->value(u"user"_s).toObject().value(u"id"_s).toDouble());
        const auto created = alice.request(
            u"create_group"_s, {{u"name"_s, u"Team ✓"_s}, {u"member_ids"_s, QJsonArray{bobId}}});
        group = qint64(created->data.value(u"conversation"_s).toObject().value(u"id"_s).toDouble());
        for (int i = 0; i < 25; ++i) {
            QVERIFY(alice
                        .request(u"message"_s,
                                 {{u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                  {u"conversation_id"_s, group},
                                  {u"content"_s, u"message %1 — ünïcødé"_s.arg(i)}})
                        ->success);
        }
        QVERIFY(bob.request(u"read"_s, {{u"conversation_id"_s, group}, {u"seq"_s, 20}})->success);
        QVERIFY(bob.request(u"add_contact"_s, {{u"username"_s, u"alice"_s}})->success);
    }

    // The target is always PostgreSQL, whatever backend this run uses for the rest.
    qputenv("BANTER_TEST_BACKEND", "postgresql");
    TestDatabase target;
    QVERIFY2(target.isValid(), qPrintable(target.error()));

    // Through the real command line, as an operator runs it.
    QProcess banterd;
    banterd.start(QStringLiteral(BANTERD_PATH),
                  {u"migrate-data"_s, u"--from"_s, sqliteUrl, u"--to"_s, target.url()});
    QVERIFY(banterd.waitForFinished(60'000));
    const QByteArray report = banterd.readAllStandardOutput();
    QVERIFY2(banterd.exitCode() == 0, report.constData());
    QVERIFY(report.contains("every table matches"));

    // Again: nothing new is copied, everything still matches.
    const auto again = Server::DataMigration::run(sqliteUrl, target.url());
    QVERIFY(again);
    for (const auto &table : *again) {
        QVERIFY2(table.matches(), qPrintable(table.table));
        QCOMPARE(table.copied, 0);
    }

    Server::ServerConfig config = TestServer::defaultConfig();
    config.databaseUrl = target.url();
    TestServer moved(config);
    QVERIFY(moved.start());
    RawClient bob;
    QVERIFY(bob.open(moved.url()));
    QVERIFY(bob.login(u"bob"_s)); // password hashes came along
    const auto history =
        bob.request(u"history"_s, {{u"conversation_id"_s, group}, {u"limit"_s, 100}});
    QVERIFY(history && history->success);
    const auto messages = Protocol::HistoryReply::fromJson(history->data)->messages;
    QCOMPARE(messages.size(), 26);
    QCOMPARE(messages.last().content, u"message 24 — ünïcødé"_s);
    const auto list = bob.request(u"conversations"_s);
    QCOMPARE(list->data.value(u"conversations"_s)
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"unread_count"_s)
                 .toInt(),
             6);
    // New rows get fresh ids after the copied ones.
    RawClient carol;
    QVERIFY(carol.open(moved.url()));
    const auto c = carol.registerUser(u"carol"_s);
    QVERIFY(c);
    QCOMPARE(qint64(c->value(u"user"_s).toObject().value(u"id"_s).toDouble()), 3);
    QVERIFY(bob.request(u"message"_s,
                        {{u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                         {u"conversation_id"_s, group},
                         {u"content"_s, u"after the move"_s}})
                ->success);
}

QTEST_GUILESS_MAIN(TestDataMigration)
#include "tst_datamigration.moc"
