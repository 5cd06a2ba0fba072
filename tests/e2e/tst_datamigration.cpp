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
    qint64 direct = 0;
    const QString firstId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString lastId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString replyId = QUuid::createUuid().toString(QUuid::WithoutBraces);
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
        // What later schema steps added, in a private conversation before the group: an
        // edit, a reply with a mention, a reaction, a deleted message and a privacy choice.
        // migrate-data once copied none of them.
        for (const QString &id : {firstId, lastId}) {
            const auto sent = alice.request(
                u"message"_s, {{u"id"_s, id}, {u"to"_s, bobId}, {u"content"_s, u"hello bob"_s}});
            QVERIFY(sent && sent->success);
            direct = qint64(
                sent->data.value(u"message"_s).toObject().value(u"conversation_id"_s).toDouble());
        }
        const auto edited = alice.request(u"edit_message"_s,
                                          {{u"conversation_id"_s, direct},
                                           {u"message_id"_s, firstId},
                                           {u"content"_s, u"message 0, edited"_s}});
        QVERIFY(edited && edited->success);
        QVERIFY(bob.request(u"message"_s,
                            {{u"id"_s, replyId},
                             {u"conversation_id"_s, direct},
                             {u"content"_s, u"@alice agreed"_s},
                             {u"reply_to"_s, firstId},
                             {u"mentions"_s, QJsonArray{1}}})
                    ->success);
        QVERIFY(bob.request(u"react"_s,
                            {{u"conversation_id"_s, direct},
                             {u"message_id"_s, firstId},
                             {u"emoji"_s, u"👍"_s}})
                    ->success);
        QVERIFY(alice
                    .request(u"delete_message"_s,
                             {{u"conversation_id"_s, direct}, {u"message_id"_s, lastId}})
                    ->success);
        QVERIFY(bob.request(u"update_profile"_s, {{u"hide_last_seen"_s, true}})->success);
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
    const auto directHistory =
        bob.request(u"history"_s, {{u"conversation_id"_s, direct}, {u"limit"_s, 100}});
    QVERIFY(directHistory && directHistory->success);
    const auto directMessages = Protocol::HistoryReply::fromJson(directHistory->data)->messages;
    const auto byId = [&](const QString &id) {
        const auto found = std::find_if(directMessages.cbegin(), directMessages.cend(),
                                        [&](const Message &m) { return m.id == QUuid(id); });
        return found == directMessages.cend() ? Message{} : *found;
    };
    const Message first = byId(firstId);
    QCOMPARE(first.content, u"message 0, edited"_s);
    QVERIFY(first.editedAtMs > 0);
    QCOMPARE(first.reactions.size(), 1);
    QCOMPARE(first.reactions.first().emoji, u"👍"_s);
    const Message reply = byId(replyId);
    QCOMPARE(reply.replyTo, QUuid(firstId));
    QCOMPARE(reply.mentions, QList<UserId>{1});
    const Message last = byId(lastId);
    QVERIFY(last.deletedAtMs > 0);
    QVERIFY(last.content.isEmpty());
    // Bob's mention of Alice and his privacy choice came along too.
    RawClient alice;
    QVERIFY(alice.open(moved.url()));
    QVERIFY(alice.login(u"alice"_s));
    const auto aliceList = alice.request(u"conversations"_s);
    int mentions = -1;
    for (const QJsonValue &entry : aliceList->data.value(u"conversations"_s).toArray()) {
        const QJsonObject summary = entry.toObject();
        if (qint64(summary.value(u"conversation"_s).toObject().value(u"id"_s).toDouble()) == direct)
            mentions = summary.value(u"unread_mentions"_s).toInt();
    }
    QCOMPARE(mentions, 1);
    // The reply to update_profile carries the settings as they are now.
    const auto profile = bob.request(u"update_profile"_s, {{u"display_name"_s, u"Bob"_s}});
    QVERIFY(profile && profile->success);
    QCOMPARE(profile->data.value(u"privacy"_s).toObject().value(u"hide_last_seen"_s).toBool(),
             true);
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
