// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Replies, edits, deletions, reactions, mentions and history around a seq through the real
// server, on SQLite and PostgreSQL: every change is an event in the conversation's stream
// that sync delivers once and in order, so a device that was offline ends with the same
// state as one that was online; bad input of every kind is refused and changes nothing.
#include "manualclock.h"
#include "rawclient.h"
#include "storagetest.h"
#include "testserver.h"
#include <banter/domain/messagecontent.h>
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/conversationmessages.h>
#include <banter/protocol/sessionmessages.h>
#include <banter/protocol/transferframe.h>
#include <banter/protocol/transfermessages.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTest>
#include <QUuid>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
QString uuid(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QJsonObject textTo(qint64 conversation, const QString &text)
{
    return {{u"id"_s, uuid(QUuid::createUuid())},
            {u"conversation_id"_s, conversation},
            {u"type"_s, u"text"_s},
            {u"content"_s, text}};
}

QJsonObject ref(qint64 conversation, const QUuid &message)
{
    return {{u"conversation_id"_s, conversation}, {u"message_id"_s, uuid(message)}};
}

QJsonObject withEmoji(qint64 conversation, const QUuid &message, const QString &emoji)
{
    QJsonObject data = ref(conversation, message);
    data.insert(u"emoji"_s, emoji);
    return data;
}

QJsonObject edit(qint64 conversation, const QUuid &message, const QString &text)
{
    QJsonObject data = ref(conversation, message);
    data.insert(u"content"_s, text);
    return data;
}

Message messageOf(const std::optional<Protocol::ServerFrame> &frame)
{
    if (!frame || !frame->success)
        return {};
    auto reply = Protocol::MessageReply::fromJson(frame->data);
    return reply ? reply->message : Message{};
}

// What a client shows, built only by applying a stream of messages in seq order the way
// docs/PROTOCOL.md says: new messages are added, change events change their target.
QMap<QUuid, Message> applyStream(const QList<Message> &stream, UserId me)
{
    QMap<QUuid, Message> state;
    for (const Message &m : stream) {
        if (!m.isMessageChange()) {
            state.insert(m.id, m);
            continue;
        }
        auto it = state.find(m.event->messageId);
        if (it == state.end())
            continue;
        switch (m.event->kind) {
        case SystemEvent::Kind::MessageEdited:
            it->content = m.content;
            it->editedAtMs = m.createdAtMs;
            it->mentions = m.mentions;
            break;
        case SystemEvent::Kind::MessageDeleted:
            it->content.clear();
            it->attachment = {};
            it->mentions.clear();
            it->reactions.clear();
            it->deletedAtMs = m.createdAtMs;
            break;
        case SystemEvent::Kind::ReactionAdded:
        case SystemEvent::Kind::ReactionRemoved: {
            auto r = std::find_if(it->reactions.begin(), it->reactions.end(),
                                  [&](const Reaction &x) { return x.emoji == m.event->emoji; });
            if (r == it->reactions.end())
                r = it->reactions.insert(it->reactions.end(), Reaction{m.event->emoji, 0, false});
            r->count = m.event->count;
            if (m.senderId == me)
                r->mine = m.event->kind == SystemEvent::Kind::ReactionAdded;
            if (r->count == 0)
                it->reactions.erase(r);
            break;
        }
        default:
            break;
        }
    }
    return state;
}
} // namespace

class TestServerMessageChanges : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void replyCarriesServerFilledPreview();
    void replyToWhatCannotBeSeenIsNotFound();
    void editKeepsIdAndSeqAndIsPushed();
    void badEditsChangeNothing_data();
    void badEditsChangeNothing();
    void editWindowIsEnforced();
    void deleteLeavesTombstoneAndRemovesContent();
    void deleteRules();
    void deletedAttachmentIsNoLongerServed();
    void reactionsCountPerEmojiAndUser();
    void badReactionsRefused_data();
    void badReactionsRefused();
    void reactionsAreBounded();
    void mentionsResolveToMembersAndCount();
    void historyAroundASeq();
    void offlineDeviceEndsWithTheOnlineState();
    void historyPagesAreStreamSlicesInCurrentState();
    void changesAreRateLimited();

private:
    qint64 openPrivate();
    Conversation makeGroup(const QList<qint64> &members);
    QList<Message> history(RawClient &client, qint64 conversation, int limit = 100);
    Message historyMessage(RawClient &client, qint64 conversation, const QUuid &id);

    ManualClock m_clock;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<RawClient> m_alice;
    std::unique_ptr<RawClient> m_bob;
    qint64 m_aliceId = 0;
    qint64 m_bobId = 0;
};

void TestServerMessageChanges::init()
{
    Server::ServerConfig config = TestServer::unthrottledConfig();
    if (QByteArrayView(QTest::currentTestFunction()) == "changesAreRateLimited")
        config = TestServer::defaultConfig();
    if (QByteArrayView(QTest::currentTestFunction()) == "editWindowIsEnforced")
        config.limits.editWindowSeconds = 60;
    m_server = std::make_unique<TestServer>(config);
    m_server->setClock(m_clock.clock());
    QVERIFY(m_server->start());
    m_alice = std::make_unique<RawClient>();
    m_bob = std::make_unique<RawClient>();
    QVERIFY(m_alice->open(m_server->url()));
    QVERIFY(m_bob->open(m_server->url()));
    const auto alice = m_alice->registerUser(u"alice"_s);
    const auto bob = m_bob->registerUser(u"bob"_s);
    QVERIFY(alice && bob);
    m_aliceId = qint64(alice->value(u"user"_s).toObject().value(u"id"_s).toDouble());
    m_bobId = qint64(bob->value(u"user"_s).toObject().value(u"id"_s).toDouble());
}

void TestServerMessageChanges::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_server.reset();
}

qint64 TestServerMessageChanges::openPrivate()
{
    const auto reply = m_alice->request(u"create_private"_s, {{u"user_id"_s, m_bobId}});
    if (!reply || !reply->success)
        return 0;
    return qint64(reply->data.value(u"conversation"_s).toObject().value(u"id"_s).toDouble());
}

Conversation TestServerMessageChanges::makeGroup(const QList<qint64> &members)
{
    Protocol::CreateGroupRequest request{u"team"_s, members};
    const auto reply = m_alice->request(u"create_group"_s, request.toJson());
    if (!reply || !reply->success)
        return {};
    return Protocol::ConversationReply::fromJson(reply->data)->conversation;
}

QList<Message> TestServerMessageChanges::history(RawClient &client, qint64 conversation, int limit)
{
    const auto reply =
        client.request(u"history"_s, {{u"conversation_id"_s, conversation}, {u"limit"_s, limit}});
    if (!reply || !reply->success)
        return {};
    return Protocol::HistoryReply::fromJson(reply->data)->messages;
}

Message TestServerMessageChanges::historyMessage(RawClient &client, qint64 conversation,
                                                 const QUuid &id)
{
    for (const Message &m : history(client, conversation))
        if (m.id == id)
            return m;
    return {};
}

void TestServerMessageChanges::replyCarriesServerFilledPreview()
{
    const qint64 c = openPrivate();
    const QString longText = QString(150, u'x');
    const Message original = messageOf(m_alice->request(u"message"_s, textTo(c, longText)));
    QVERIFY(!original.id.isNull());
    QVERIFY(m_bob->waitForPush(u"new_message"_s));
    QJsonObject data = textTo(c, u"answer"_s);
    data.insert(u"reply_to"_s, uuid(original.id));
    const Message reply = messageOf(m_bob->request(u"message"_s, data));
    QCOMPARE(reply.replyTo, original.id);
    QVERIFY(reply.replyPreview);
    QCOMPARE(reply.replyPreview->senderId, m_aliceId);
    QCOMPARE(reply.replyPreview->seq, original.seq); // where a client opens the original
    QCOMPARE(reply.replyPreview->type, MessageType::Text);
    QCOMPARE(reply.replyPreview->snippet, QString(ReplyPreview::MaxSnippetLength, u'x'));
    QVERIFY(!reply.replyPreview->deleted);
    // The push and the history carry the same preview.
    const auto pushed = m_alice->waitForPush(u"new_message"_s);
    QVERIFY(pushed);
    QCOMPARE(Protocol::MessageReply::fromJson(pushed->data)->message, reply);
    QCOMPARE(historyMessage(*m_alice, c, reply.id), reply);
    // The original deleted: the preview says so and keeps no text.
    QVERIFY(succeeded(m_alice->request(u"delete_message"_s, ref(c, original.id))));
    const Message after = historyMessage(*m_bob, c, reply.id);
    QVERIFY(after.replyPreview && after.replyPreview->deleted);
    QVERIFY(after.replyPreview->snippet.isEmpty());
    QCOMPARE(after.replyPreview->seq, original.seq);
}

void TestServerMessageChanges::replyToWhatCannotBeSeenIsNotFound()
{
    const qint64 c = openPrivate();
    RawClient eve;
    QVERIFY(eve.open(m_server->url()));
    const auto eveGrant = eve.registerUser(u"eve"_s);
    QVERIFY(eveGrant);
    // Eve's own private chat with Alice: its message is not in Alice and Bob's conversation.
    const auto elsewhere = eve.request(
        u"message"_s,
        {{u"id"_s, uuid(QUuid::createUuid())}, {u"to"_s, m_aliceId}, {u"content"_s, u"secret"_s}});
    const Message secret = messageOf(elsewhere);
    QVERIFY(!secret.id.isNull());
    const Message deleted = messageOf(m_alice->request(u"message"_s, textTo(c, u"gone"_s)));
    QVERIFY(succeeded(m_alice->request(u"delete_message"_s, ref(c, deleted.id))));
    const Message changeEvent = messageOf(m_alice->request(
        u"edit_message"_s,
        edit(c, messageOf(m_alice->request(u"message"_s, textTo(c, u"a"_s))).id, u"b"_s)));
    QVERIFY(changeEvent.isMessageChange());
    for (const QUuid &target : {secret.id, deleted.id, changeEvent.id, QUuid::createUuid()}) {
        QJsonObject data = textTo(c, u"re"_s);
        data.insert(u"reply_to"_s, uuid(target));
        QCOMPARE(refusal(m_bob->request(u"message"_s, data)), ErrorCode::NotFound);
    }
    QJsonObject malformed = textTo(c, u"re"_s);
    malformed.insert(u"reply_to"_s, u"not-a-uuid"_s);
    QCOMPARE(refusal(m_bob->request(u"message"_s, malformed)), ErrorCode::BadRequest);
}

void TestServerMessageChanges::editKeepsIdAndSeqAndIsPushed()
{
    const qint64 c = openPrivate();
    const Message original = messageOf(m_alice->request(u"message"_s, textTo(c, u"helo"_s)));
    QVERIFY(m_bob->waitForPush(u"new_message"_s));
    m_clock.advance(5000);
    const auto reply = m_alice->request(u"edit_message"_s, edit(c, original.id, u"hello"_s));
    QVERIFY(succeeded(reply));
    const Message event = messageOf(reply);
    QCOMPARE(event.type, MessageType::System);
    QCOMPARE(event.event->kind, SystemEvent::Kind::MessageEdited);
    QCOMPARE(event.event->messageId, original.id);
    QCOMPARE(event.content, u"hello"_s);
    QCOMPARE(event.seq, original.seq + 1); // its own seq in the stream
    QCOMPARE(event.conversationId, c);
    const auto pushed = m_bob->waitForPush(u"new_message"_s);
    QVERIFY(pushed);
    QCOMPARE(Protocol::MessageReply::fromJson(pushed->data)->message, event);
    const Message now = historyMessage(*m_bob, c, original.id);
    QCOMPARE(now.seq, original.seq);
    QCOMPARE(now.content, u"hello"_s);
    QCOMPARE(now.editedAtMs, event.createdAtMs);
    QVERIFY(now.editedAtMs > original.createdAtMs);
    // A message's text edited twice: the newest wins.
    QVERIFY(succeeded(m_alice->request(u"edit_message"_s, edit(c, original.id, u"hello!"_s))));
    QCOMPARE(historyMessage(*m_bob, c, original.id).content, u"hello!"_s);
}

void TestServerMessageChanges::badEditsChangeNothing_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("content");
    QTest::addColumn<int>("code");
    QTest::newRow("someone else's message")
        << u"bob"_s << u"text"_s << u"mine now"_s << int(ErrorCode::Forbidden);
    QTest::newRow("non-member") << u"eve"_s << u"text"_s << u"x"_s << int(ErrorCode::NotFound);
    QTest::newRow("unknown id") << u"alice"_s << u"unknown"_s << u"x"_s << int(ErrorCode::NotFound);
    QTest::newRow("deleted message")
        << u"alice"_s << u"deleted"_s << u"x"_s << int(ErrorCode::NotFound);
    QTest::newRow("system message")
        << u"alice"_s << u"system"_s << u"x"_s << int(ErrorCode::BadRequest);
    QTest::newRow("empty") << u"alice"_s << u"text"_s << u"  "_s << int(ErrorCode::BadRequest);
    QTest::newRow("too long") << u"alice"_s << u"text"_s
                              << QString(MessageContent::MaxTextLength + 1, u'a')
                              << int(ErrorCode::TooLarge);
    QTest::newRow("broken surrogate")
        << u"alice"_s << u"text"_s << QString(QChar(0xD800)) << int(ErrorCode::BadRequest);
}

void TestServerMessageChanges::badEditsChangeNothing()
{
    QFETCH(QString, who);
    QFETCH(QString, target);
    QFETCH(QString, content);
    QFETCH(int, code);
    const Conversation group = makeGroup({m_bobId});
    QVERIFY(group.id > 0);
    const qint64 c = group.id;
    const Message text = messageOf(m_alice->request(u"message"_s, textTo(c, u"original"_s)));
    const Message gone = messageOf(m_alice->request(u"message"_s, textTo(c, u"gone"_s)));
    QVERIFY(succeeded(m_alice->request(u"delete_message"_s, ref(c, gone.id))));
    QUuid id = QUuid::createUuid();
    if (target == "text"_L1)
        id = text.id;
    else if (target == "deleted"_L1)
        id = gone.id;
    else if (target == "system"_L1)
        id = history(*m_alice, c).first().id; // group_created
    RawClient eve;
    RawClient *client = who == "bob"_L1 ? m_bob.get() : m_alice.get();
    if (who == "eve"_L1) {
        QVERIFY(eve.open(m_server->url()));
        QVERIFY(eve.registerUser(u"eve"_s));
        client = &eve;
    }
    const int before = int(history(*m_alice, c).size());
    const auto reply = client->request(u"edit_message"_s, edit(c, id, content));
    QCOMPARE(int(refusal(reply)), code);
    // Nothing changed: the same messages, the text untouched.
    QCOMPARE(int(history(*m_alice, c).size()), before);
    QCOMPARE(historyMessage(*m_alice, c, text.id).content, u"original"_s);
    QCOMPARE(historyMessage(*m_alice, c, text.id).editedAtMs, 0);
}

void TestServerMessageChanges::editWindowIsEnforced()
{
    // Announced in hello, so a client can stop offering Edit once the window has passed.
    const auto hello = m_alice->request(u"hello"_s, {{u"protocol"_s, 1}});
    QVERIFY(succeeded(hello));
    QCOMPARE(Protocol::HelloReply::fromJson(hello->data)->limits.editWindowSeconds, 60);
    const qint64 c = openPrivate();
    const Message m = messageOf(m_alice->request(u"message"_s, textTo(c, u"typo"_s)));
    m_clock.advance(59'000);
    QVERIFY(succeeded(m_alice->request(u"edit_message"_s, edit(c, m.id, u"fixed"_s))));
    m_clock.advance(2'000); // 61 s after sending
    QCOMPARE(refusal(m_alice->request(u"edit_message"_s, edit(c, m.id, u"late"_s))),
             ErrorCode::Forbidden);
    QCOMPARE(historyMessage(*m_bob, c, m.id).content, u"fixed"_s);
    // Deleting is not bound by the window.
    QVERIFY(succeeded(m_alice->request(u"delete_message"_s, ref(c, m.id))));
}

void TestServerMessageChanges::deleteLeavesTombstoneAndRemovesContent()
{
    const qint64 c = openPrivate();
    const Message m = messageOf(m_alice->request(u"message"_s, textTo(c, u"first secret"_s)));
    QVERIFY(succeeded(m_alice->request(u"edit_message"_s, edit(c, m.id, u"second secret"_s))));
    QVERIFY(succeeded(m_bob->request(u"react"_s, withEmoji(c, m.id, u"👍"_s))));
    const auto reply = m_alice->request(u"delete_message"_s, ref(c, m.id));
    const Message event = messageOf(reply);
    QCOMPARE(event.event->kind, SystemEvent::Kind::MessageDeleted);
    QCOMPARE(event.event->messageId, m.id);
    QVERIFY(event.content.isEmpty());
    const Message tombstone = historyMessage(*m_bob, c, m.id);
    QCOMPARE(tombstone.seq, m.seq);
    QCOMPARE(tombstone.senderId, m_aliceId);
    QCOMPARE(tombstone.deletedAtMs, event.createdAtMs);
    QVERIFY(tombstone.content.isEmpty());
    QVERIFY(tombstone.reactions.isEmpty());
    // Gone from the database, not only hidden: no row holds either version of the text, and
    // the stream a device syncs from the start carries none of it either.
    RawConnection raw(m_server->config().databaseUrl);
    QVERIFY2(raw.isOpen(), qPrintable(raw.error()));
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM messages WHERE content LIKE '%secret%'"_s).toInt(),
             0);
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM reactions"_s).toInt(), 0);
    const auto sync = m_bob->request(u"sync"_s, Protocol::SyncRequest{}.toJson());
    QVERIFY(succeeded(sync));
    // Kept in a variable: iterating a member of the temporary Result would dangle.
    const Result<Protocol::SyncReply> synced = Protocol::SyncReply::fromJson(sync->data);
    QVERIFY(synced);
    for (const Message &x : synced->messages)
        QVERIFY2(!x.content.contains(u"secret"_s), qPrintable(x.content));
    // A tombstone cannot be changed again.
    QCOMPARE(refusal(m_alice->request(u"delete_message"_s, ref(c, m.id))), ErrorCode::NotFound);
    QCOMPARE(refusal(m_bob->request(u"react"_s, withEmoji(c, m.id, u"👍"_s))), ErrorCode::NotFound);
}

void TestServerMessageChanges::deleteRules()
{
    RawClient carol;
    QVERIFY(carol.open(m_server->url()));
    const auto carolGrant = carol.registerUser(u"carol"_s);
    QVERIFY(carolGrant);
    const qint64 carolId =
        qint64(carolGrant->value(u"user"_s).toObject().value(u"id"_s).toDouble());
    const Conversation group = makeGroup({m_bobId, carolId}); // Alice is its admin
    const Message bobs = messageOf(m_bob->request(u"message"_s, textTo(group.id, u"bob's"_s)));
    const Message carols = messageOf(carol.request(u"message"_s, textTo(group.id, u"carol's"_s)));
    // A member may not delete another member's message...
    QCOMPARE(refusal(carol.request(u"delete_message"_s, ref(group.id, bobs.id))),
             ErrorCode::Forbidden);
    QVERIFY(!historyMessage(*m_bob, group.id, bobs.id).isDeleted());
    // ...a group admin may delete anyone's.
    QVERIFY(succeeded(m_alice->request(u"delete_message"_s, ref(group.id, bobs.id))));
    QVERIFY(historyMessage(*m_bob, group.id, bobs.id).isDeleted());
    // Nor may an admin delete a system message, nor anyone one they cannot see.
    const QUuid created = history(*m_alice, group.id).first().id;
    QCOMPARE(refusal(m_alice->request(u"delete_message"_s, ref(group.id, created))),
             ErrorCode::BadRequest);
    RawClient eve;
    QVERIFY(eve.open(m_server->url()));
    QVERIFY(eve.registerUser(u"eve"_s));
    QCOMPARE(refusal(eve.request(u"delete_message"_s, ref(group.id, carols.id))),
             ErrorCode::NotFound);
    QCOMPARE(refusal(carol.request(u"delete_message"_s, ref(group.id, QUuid::createUuid()))),
             ErrorCode::NotFound);
    // The message named under another conversation id is not found there.
    const qint64 c = openPrivate();
    QCOMPARE(refusal(m_alice->request(u"delete_message"_s, ref(c, carols.id))),
             ErrorCode::NotFound);
    // In a private chat only one's own.
    const Message bobsPrivate = messageOf(m_bob->request(u"message"_s, textTo(c, u"mine"_s)));
    QCOMPARE(refusal(m_alice->request(u"delete_message"_s, ref(c, bobsPrivate.id))),
             ErrorCode::Forbidden);
    QCOMPARE(refusal(m_alice->request(u"delete_message"_s,
                                      {{u"conversation_id"_s, c}, {u"message_id"_s, 5}})),
             ErrorCode::BadRequest);
    QVERIFY(succeeded(carol.request(u"delete_message"_s, ref(group.id, carols.id))));
}

void TestServerMessageChanges::deletedAttachmentIsNoLongerServed()
{
    // Alice uploads a file on her transfer connection and sends it to Bob.
    const auto grant = m_alice->login(u"alice"_s);
    QVERIFY(grant);
    const auto openTransfer = [&](const QString &token) {
        auto client = std::make_unique<RawClient>();
        QUrl url = m_server->url();
        url.setPath(u"/transfer"_s);
        if (!client->open(url) || !succeeded(client->request(u"auth"_s, {{u"token"_s, token}})))
            return std::unique_ptr<RawClient>();
        return client;
    };
    auto aliceTransfer = openTransfer(grant->value(u"access_token"_s).toString());
    const auto bobGrant = m_bob->login(u"bob"_s);
    QVERIFY(bobGrant);
    auto bobTransfer = openTransfer(bobGrant->value(u"access_token"_s).toString());
    QVERIFY(aliceTransfer && bobTransfer);
    const QByteArray data(4000, 'z');
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    const auto started = aliceTransfer->request(
        u"upload_start"_s, Protocol::UploadStartRequest{u"a.bin"_s, data.size(), sha, {}}.toJson());
    QVERIFY(succeeded(started));
    const QString uploadId = Protocol::UploadStartReply::fromJson(started->data)->uploadId;
    aliceTransfer->socket().sendBinaryMessage(
        Protocol::encodeChunk(Protocol::ChunkKind::Upload, uploadId.toLatin1(), 0, data));
    QVERIFY(aliceTransfer->waitForPush(u"upload_progress"_s));
    const auto finished =
        aliceTransfer->request(u"upload_finish"_s, Protocol::UploadRef{uploadId, 0}.toJson());
    QVERIFY(succeeded(finished));
    const QString fileId = Protocol::FileReply::fromJson(finished->data)->file.id;
    const qint64 c = openPrivate();
    const auto sent = m_alice->request(
        u"message"_s,
        {{u"id"_s, uuid(QUuid::createUuid())},
         {u"conversation_id"_s, c},
         {u"type"_s, u"file"_s},
         {u"content"_s, u"caption"_s},
         {u"attachment"_s,
          QJsonObject{{u"file_id"_s, fileId}, {u"name"_s, u"a.bin"_s}, {u"size"_s, 1}}}});
    const Message fileMessage = messageOf(sent);
    QVERIFY(!fileMessage.id.isNull());
    QVERIFY(succeeded(bobTransfer->request(u"file"_s, {{u"file_id"_s, fileId}})));
    // A file message's caption is not editable text.
    QCOMPARE(refusal(m_alice->request(u"edit_message"_s, edit(c, fileMessage.id, u"x"_s))),
             ErrorCode::BadRequest);
    QVERIFY(succeeded(m_alice->request(u"delete_message"_s, ref(c, fileMessage.id))));
    const Message tombstone = historyMessage(*m_bob, c, fileMessage.id);
    QVERIFY(tombstone.attachment.isNull());
    QVERIFY(tombstone.content.isEmpty());
    QCOMPARE(refusal(bobTransfer->request(u"file"_s, {{u"file_id"_s, fileId}})),
             ErrorCode::NotFound);
    QCOMPARE(refusal(bobTransfer->request(u"download"_s, {{u"file_id"_s, fileId}})),
             ErrorCode::NotFound);
}

void TestServerMessageChanges::reactionsCountPerEmojiAndUser()
{
    const qint64 c = openPrivate();
    const Message m = messageOf(m_alice->request(u"message"_s, textTo(c, u"news"_s)));
    QVERIFY(m_bob->waitForPush(u"new_message"_s));
    const auto first = m_bob->request(u"react"_s, withEmoji(c, m.id, u"👍"_s));
    const Message added = messageOf(first);
    QCOMPARE(added.event->kind, SystemEvent::Kind::ReactionAdded);
    QCOMPARE(added.event->emoji, u"👍"_s);
    QCOMPARE(added.event->count, 1);
    QCOMPARE(added.senderId, m_bobId);
    const auto pushed = m_alice->waitForPush(u"new_message"_s);
    QVERIFY(pushed);
    QCOMPARE(Protocol::MessageReply::fromJson(pushed->data)->message, added);
    // Once per user per emoji: again changes nothing and makes no event.
    const auto again = m_bob->request(u"react"_s, withEmoji(c, m.id, u"👍"_s));
    QVERIFY(succeeded(again));
    QVERIFY(!again->data.contains(u"message"_s));
    // Emoji are listed in the order first given, users in the order they reacted.
    m_clock.advance(1000);
    QVERIFY(succeeded(m_alice->request(u"react"_s, withEmoji(c, m.id, u"👍"_s))));
    m_clock.advance(1000);
    QVERIFY(succeeded(
        m_alice->request(u"react"_s, withEmoji(c, m.id, u"👨‍👩‍👧‍👦"_s))));
    Message seen = historyMessage(*m_alice, c, m.id);
    QCOMPARE(seen.reactions,
             (QList<Reaction>{{u"👍"_s, 2, true}, {u"👨‍👩‍👧‍👦"_s, 1, true}}));
    seen = historyMessage(*m_bob, c, m.id);
    QCOMPARE(seen.reactions,
             (QList<Reaction>{{u"👍"_s, 2, true}, {u"👨‍👩‍👧‍👦"_s, 1, false}}));
    // Who reacted, per emoji.
    const auto who = m_bob->request(u"reactions"_s, ref(c, m.id));
    QVERIFY(succeeded(who));
    const auto reactors = Protocol::ReactorsReply::fromJson(who->data);
    QVERIFY(reactors);
    QCOMPARE(reactors->reactions.size(), 2);
    QCOMPARE(reactors->reactions.at(0).userIds, (QList<UserId>{m_bobId, m_aliceId}));
    QCOMPARE(reactors->reactions.at(0).count, 2);
    // Taking back: the count falls; taking back what was never given changes nothing.
    const Message removed = messageOf(m_bob->request(u"unreact"_s, withEmoji(c, m.id, u"👍"_s)));
    QCOMPARE(removed.event->kind, SystemEvent::Kind::ReactionRemoved);
    QCOMPARE(removed.event->count, 1);
    const auto never = m_bob->request(u"unreact"_s, withEmoji(c, m.id, u"🎉"_s));
    QVERIFY(succeeded(never));
    QVERIFY(!never->data.contains(u"message"_s));
    QCOMPARE(historyMessage(*m_bob, c, m.id).reactions,
             (QList<Reaction>{{u"👍"_s, 1, false}, {u"👨‍👩‍👧‍👦"_s, 1, false}}));
}

void TestServerMessageChanges::badReactionsRefused_data()
{
    QTest::addColumn<QString>("emoji");
    QTest::addColumn<int>("code");
    QTest::newRow("empty") << QString() << int(ErrorCode::BadRequest);
    QTest::newRow("two emoji") << u"👍👍"_s << int(ErrorCode::BadRequest);
    QTest::newRow("a word") << u"ok"_s << int(ErrorCode::BadRequest);
    QTest::newRow("space") << u" "_s << int(ErrorCode::BadRequest);
    QTest::newRow("control") << QString(QChar(7)) << int(ErrorCode::BadRequest);
    QTest::newRow("broken surrogate") << QString(QChar(0xD83D)) << int(ErrorCode::BadRequest);
    // One cluster of many combining marks: bounded in bytes.
    QTest::newRow("over the byte bound")
        << (u"a"_s + QString(40, QChar(0x0301))) << int(ErrorCode::TooLarge);
}

void TestServerMessageChanges::badReactionsRefused()
{
    QFETCH(QString, emoji);
    QFETCH(int, code);
    const qint64 c = openPrivate();
    const Message m = messageOf(m_alice->request(u"message"_s, textTo(c, u"x"_s)));
    QCOMPARE(int(refusal(m_bob->request(u"react"_s, withEmoji(c, m.id, emoji)))), code);
    QCOMPARE(int(refusal(m_bob->request(u"unreact"_s, withEmoji(c, m.id, emoji)))), code);
    QVERIFY(historyMessage(*m_bob, c, m.id).reactions.isEmpty());
}

void TestServerMessageChanges::reactionsAreBounded()
{
    const qint64 c = openPrivate();
    const Message m = messageOf(m_alice->request(u"message"_s, textTo(c, u"x"_s)));
    // 20 different emoji fit; a 21st does not (but one already there still can be added).
    for (int i = 0; i < MessageContent::MaxDistinctReactions; ++i) {
        const QString emoji = QString::fromUcs4(std::array{char32_t(0x1F600 + i)}.data(), 1);
        QVERIFY(succeeded(m_alice->request(u"react"_s, withEmoji(c, m.id, emoji))));
    }
    QCOMPARE(refusal(m_bob->request(u"react"_s, withEmoji(c, m.id, u"🦀"_s))),
             ErrorCode::LimitExceeded);
    QVERIFY(succeeded(m_bob->request(u"react"_s, withEmoji(c, m.id, u"😀"_s))));
    const Message seen = historyMessage(*m_bob, c, m.id);
    QCOMPARE(seen.reactions.size(), MessageContent::MaxDistinctReactions);
    QCOMPARE(seen.reactions.first(), (Reaction{u"😀"_s, 2, true}));
    // Reactions on what cannot be reacted to.
    RawClient eve;
    QVERIFY(eve.open(m_server->url()));
    QVERIFY(eve.registerUser(u"eve"_s));
    QCOMPARE(refusal(eve.request(u"react"_s, withEmoji(c, m.id, u"😀"_s))), ErrorCode::NotFound);
    QCOMPARE(refusal(eve.request(u"reactions"_s, ref(c, m.id))), ErrorCode::NotFound);
    QCOMPARE(refusal(m_bob->request(u"react"_s, withEmoji(c, QUuid::createUuid(), u"😀"_s))),
             ErrorCode::NotFound);
}

void TestServerMessageChanges::mentionsResolveToMembersAndCount()
{
    RawClient carol;
    QVERIFY(carol.open(m_server->url()));
    const auto carolGrant = carol.registerUser(u"carol"_s);
    QVERIFY(carolGrant);
    const qint64 carolId =
        qint64(carolGrant->value(u"user"_s).toObject().value(u"id"_s).toDouble());
    RawClient eve;
    QVERIFY(eve.open(m_server->url()));
    const auto eveGrant = eve.registerUser(u"eve"_s);
    const qint64 eveId = qint64(eveGrant->value(u"user"_s).toObject().value(u"id"_s).toDouble());
    const Conversation group = makeGroup({m_bobId, carolId});
    // @bob in the text, carol listed, eve (no member) and alice herself dropped.
    QJsonObject data = textTo(group.id, u"hey @Bob and @eve, mail a@bob.com, thanks @alice."_s);
    data.insert(u"mentions"_s, QJsonArray{carolId, eveId, m_aliceId});
    const Message m = messageOf(m_alice->request(u"message"_s, data));
    QCOMPARE(m.mentions, (QList<UserId>{carolId, m_bobId}));
    const auto summaryOf = [&](RawClient &client) {
        const auto listed = client.request(u"conversations"_s);
        const auto reply = Protocol::ConversationsReply::fromJson(listed->data);
        for (const ConversationSummary &s : reply->conversations)
            if (s.conversation.id == group.id)
                return s;
        return ConversationSummary{};
    };
    QCOMPARE(summaryOf(*m_bob).unreadMentions, 1);
    QCOMPARE(summaryOf(carol).unreadMentions, 1);
    QCOMPARE(summaryOf(*m_alice).unreadMentions, 0);
    // An edit that drops Bob's mention takes it off his count; reading clears Carol's.
    QVERIFY(succeeded(m_alice->request(u"edit_message"_s, edit(group.id, m.id, u"hey all"_s))));
    QCOMPARE(summaryOf(*m_bob).unreadMentions, 0);
    QCOMPARE(historyMessage(*m_bob, group.id, m.id).mentions, QList<UserId>{});
    const Message second =
        messageOf(m_alice->request(u"message"_s, textTo(group.id, u"@carol?"_s)));
    QCOMPARE(summaryOf(carol).unreadMentions, 1);
    QVERIFY(succeeded(
        carol.request(u"read"_s, {{u"conversation_id"_s, group.id}, {u"seq"_s, second.seq}})));
    QCOMPARE(summaryOf(carol).unreadMentions, 0);
    // A deleted message's mention no longer counts.
    const Message third = messageOf(m_alice->request(u"message"_s, textTo(group.id, u"@carol!"_s)));
    QCOMPARE(summaryOf(carol).unreadMentions, 1);
    QVERIFY(succeeded(m_alice->request(u"delete_message"_s, ref(group.id, third.id))));
    QCOMPARE(summaryOf(carol).unreadMentions, 0);
    // Too many listed mentions is malformed.
    QJsonArray many;
    for (int i = 1; i <= MessageContent::MaxMentions + 1; ++i)
        many.append(i);
    QJsonObject tooMany = textTo(group.id, u"x"_s);
    tooMany.insert(u"mentions"_s, many);
    QCOMPARE(refusal(m_alice->request(u"message"_s, tooMany)), ErrorCode::TooLarge);
}

void TestServerMessageChanges::historyAroundASeq()
{
    const qint64 c = openPrivate();
    QList<Message> sent;
    for (int i = 1; i <= 30; ++i)
        sent.append(messageOf(m_alice->request(u"message"_s, textTo(c, u"m%1"_s.arg(i)))));
    QVERIFY(succeeded(m_bob->request(u"react"_s, withEmoji(c, sent.at(14).id, u"👀"_s))));
    const auto page = m_bob->request(
        u"history"_s, {{u"conversation_id"_s, c}, {u"around"_s, 15}, {u"limit"_s, 10}});
    QVERIFY(succeeded(page));
    const auto reply = *Protocol::HistoryReply::fromJson(page->data);
    QCOMPARE(reply.messages.size(), 10);
    QCOMPARE(reply.messages.first().seq, 10);
    QCOMPARE(reply.messages.last().seq, 19);
    QVERIFY(reply.hasMore);
    QVERIFY(reply.hasNewer);
    QCOMPARE(reply.messages.at(5).reactions, (QList<Reaction>{{u"👀"_s, 1, true}}));
    // At the ends.
    const auto newest = m_bob->request(
        u"history"_s, {{u"conversation_id"_s, c}, {u"around"_s, 29}, {u"limit"_s, 10}});
    const auto atEnd = *Protocol::HistoryReply::fromJson(newest->data);
    QCOMPARE(atEnd.messages.first().seq, 24);
    QCOMPARE(atEnd.messages.last().seq, 31); // the reaction's event
    QVERIFY(atEnd.messages.last().isMessageChange());
    QVERIFY(!atEnd.hasNewer);
    QCOMPARE(refusal(m_bob->request(u"history"_s, {{u"conversation_id"_s, c}, {u"around"_s, -1}})),
             ErrorCode::BadRequest);
}

void TestServerMessageChanges::offlineDeviceEndsWithTheOnlineState()
{
    const qint64 c = openPrivate();
    QList<Message> sent;
    for (int i = 1; i <= 6; ++i)
        sent.append(messageOf(m_alice->request(u"message"_s, textTo(c, u"m%1"_s.arg(i)))));
    // Bob's laptop has seen everything so far, then goes offline.
    Protocol::SyncRequest request;
    const auto before = m_bob->request(u"sync"_s, request.toJson());
    QList<Message> laptopStream = Protocol::SyncReply::fromJson(before->data)->messages;
    const Seq laptopPosition = laptopStream.last().seq;
    // Meanwhile: edits, deletes, reactions, a reply; Bob's phone (m_bob) is online.
    QList<Message> phoneStream = laptopStream;
    const auto change = [&](RawClient &who, const QString &type, const QJsonObject &data) {
        const auto reply = who.request(type, data);
        QVERIFY2(succeeded(reply), qPrintable(type));
        if (reply->data.contains(u"message"_s))
            phoneStream.append(messageOf(reply));
    };
    change(*m_alice, u"edit_message"_s, edit(c, sent.at(0).id, u"m1 edited"_s));
    change(*m_bob, u"react"_s, withEmoji(c, sent.at(1).id, u"👍"_s));
    change(*m_alice, u"react"_s, withEmoji(c, sent.at(1).id, u"👍"_s));
    change(*m_alice, u"react"_s, withEmoji(c, sent.at(2).id, u"❤️"_s));
    change(*m_alice, u"unreact"_s, withEmoji(c, sent.at(2).id, u"❤️"_s));
    change(*m_alice, u"delete_message"_s, ref(c, sent.at(3).id));
    change(*m_alice, u"edit_message"_s, edit(c, sent.at(4).id, u"m5 edited"_s));
    change(*m_alice, u"delete_message"_s, ref(c, sent.at(4).id));
    QJsonObject replyData = textTo(c, u"re"_s);
    replyData.insert(u"reply_to"_s, uuid(sent.at(5).id));
    change(*m_bob, u"message"_s, replyData);
    // The laptop comes back and syncs from its position, in small pages.
    request.positions.insert(c, laptopPosition);
    request.limit = 3;
    for (bool more = true; more;) {
        const auto page = m_bob->request(u"sync"_s, request.toJson());
        QVERIFY(succeeded(page));
        const auto reply = *Protocol::SyncReply::fromJson(page->data);
        for (const Message &m : reply.messages) {
            QVERIFY(m.seq > request.positions.value(c)); // each change once, in order
            request.positions.insert(c, m.seq);
            laptopStream.append(m);
        }
        more = reply.hasMore;
    }
    const QMap<QUuid, Message> laptop = applyStream(laptopStream, m_bobId);
    const QMap<QUuid, Message> phone = applyStream(phoneStream, m_bobId);
    // Both equal the server's state as a fresh history page shows it.
    QMap<QUuid, Message> server;
    for (const Message &m : history(*m_bob, c)) {
        if (!m.isMessageChange())
            server.insert(m.id, m);
    }
    QCOMPARE(laptop.keys(), server.keys());
    for (const Message &m : server) {
        for (const auto *device : {&laptop, &phone}) {
            const Message &d = device->value(m.id);
            QCOMPARE(d.content, m.content);
            QCOMPARE(d.editedAtMs, m.editedAtMs);
            QCOMPARE(d.deletedAtMs, m.deletedAtMs);
            QCOMPARE(d.reactions, m.reactions);
            QCOMPARE(d.attachment, m.attachment);
        }
    }
    QCOMPARE(server.value(sent.at(0).id).content, u"m1 edited"_s);
    QCOMPARE(server.value(sent.at(1).id).reactions, (QList<Reaction>{{u"👍"_s, 2, true}}));
    QVERIFY(server.value(sent.at(2).id).reactions.isEmpty());
    QVERIFY(server.value(sent.at(4).id).isDeleted());
}

void TestServerMessageChanges::historyPagesAreStreamSlicesInCurrentState()
{
    const qint64 c = openPrivate();
    const Message m = messageOf(m_alice->request(u"message"_s, textTo(c, u"one"_s)));
    for (int i = 0; i < 5; ++i) {
        QVERIFY(succeeded(m_bob->request(u"react"_s, withEmoji(c, m.id, u"👍"_s))));
        QVERIFY(succeeded(m_bob->request(u"unreact"_s, withEmoji(c, m.id, u"👍"_s))));
    }
    QVERIFY(succeeded(m_alice->request(u"message"_s, textTo(c, u"two"_s))));
    // Every seq is there (a client's range has no gap), the message in its current state.
    const QList<Message> page = history(*m_bob, c);
    QCOMPARE(page.size(), 12);
    for (int i = 0; i < page.size(); ++i)
        QCOMPARE(page.at(i).seq, Seq(i + 1));
    QVERIFY(page.first().reactions.isEmpty());
    QCOMPARE(page.at(1).event->kind, SystemEvent::Kind::ReactionAdded);
    QCOMPARE(page.at(1).event->messageSeq, m.seq);
    // The conversation list's last message is the newest real one, not a change.
    QVERIFY(succeeded(m_bob->request(u"react"_s, withEmoji(c, m.id, u"👍"_s))));
    const auto listed = m_bob->request(u"conversations"_s);
    const auto summaries = Protocol::ConversationsReply::fromJson(listed->data)->conversations;
    QCOMPARE(summaries.first().lastMessage->content, u"two"_s);
    QCOMPARE(summaries.first().conversation.lastSeq, 13);
}

void TestServerMessageChanges::changesAreRateLimited()
{
    const qint64 c = openPrivate();
    const Message m = messageOf(m_alice->request(u"message"_s, textTo(c, u"x"_s)));
    QVERIFY(!m.id.isNull());
    // The changes draw on the sender's message bucket: a loop of them is stopped.
    ErrorCode last = ErrorCode::Internal;
    for (int i = 0; i < m_server->config().limits.messageBurst + 5; ++i) {
        const auto reply =
            m_alice->request(i % 2 ? u"unreact"_s : u"react"_s, withEmoji(c, m.id, u"👍"_s));
        if (!succeeded(reply)) {
            last = refusal(reply);
            break;
        }
    }
    QCOMPARE(last, ErrorCode::RateLimited);
}

QTEST_GUILESS_MAIN(TestServerMessageChanges)
#include "tst_servermessagechanges.moc"
