// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Retention (issue 15) against a real server over real sockets, time driven by a ManualClock:
// the server's and a conversation's policy (the stricter wins), what sync and history show
// after a sweep, expired files and their blobs (a blob another file still uses stays), stray
// blobs, set_retention's refusals, and delete_file by its owner, by others, twice.
#include "manualclock.h"
#include "net/retentionsweep.h"
#include "rawclient.h"
#include "sessionhelpers.h"
#include "testserver.h"
#include "waiting.h"
#include <banter/protocol/chatmessages.h>
#include <banter/protocol/conversationmessages.h>
#include <banter/protocol/domainjson.h>
#include <banter/protocol/transferframe.h>
#include <banter/protocol/transfermessages.h>

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QScopeGuard>
#include <QTest>
#include <QUuid>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;
namespace P = Banter::Protocol;

namespace {
constexpr qint64 DayMs = 24LL * 3600 * 1000;

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QByteArray pattern(qsizetype size, char seed)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char((i * 31 + seed) % 251);
    return data;
}
} // namespace

class TestServerRetention : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();

    void oldMessagesGoNewerStay();
    void conversationPolicyStricterWins();
    void setRetentionRefusals();
    void expiredFilesAndTheirBlobsGo();
    void strayBlobsGoUploadsInProgressStay();
    void deleteFileByOwnerOthersAndTwice();
    void clientSessionSetsRetentionAndDeletesFiles();
    void sweepRunsInBoundedSteps();

private:
    struct Account
    {
        std::unique_ptr<RawClient> chat;
        std::unique_ptr<RawClient> transfer;
        qint64 id = 0;
    };
    void startServer(int messageDays, int fileDays,
                     Server::ServerConfig config = TestServer::defaultConfig());
    Account signUp(const QString &name);
    // Uploads and finishes; the file's id, empty on failure.
    QString upload(RawClient &t, const QString &name, const QByteArray &data);
    // Sends text (or, with a file id, a file message) to a user or a conversation; its seq.
    qint64 send(RawClient &from, const QJsonObject &target, const QString &fileId = {});
    // Runs one whole sweep and answers its report (messages -1 when it did not end).
    Server::RetentionReport sweep();
    P::HistoryReply history(RawClient &c, qint64 conversation);
    QString blobPath(const QByteArray &data) const
    {
        const QString sha = sha256Hex(data);
        return m_server->dataDir() + u"/files/blobs/"_s + sha.left(2) + u'/' + sha;
    }

    ManualClock m_clock;
    std::unique_ptr<TestServer> m_server;
};

void TestServerRetention::cleanup()
{
    m_server.reset();
}

void TestServerRetention::startServer(int messageDays, int fileDays, Server::ServerConfig config)
{
    config.retention.messageDays = messageDays;
    config.retention.fileDays = fileDays;
    config.accessTokenMinutes = 365 * 24 * 60; // the clock runs on by days here
    config.files.chunkBytes = 64 * 1024;
    m_clock = ManualClock();
    m_server = std::make_unique<TestServer>(config);
    m_server->setClock(m_clock.clock());
    QVERIFY(m_server->start());
}

TestServerRetention::Account TestServerRetention::signUp(const QString &name)
{
    Account account;
    account.chat = std::make_unique<RawClient>();
    if (!account.chat->open(m_server->url()))
        return account;
    const auto grant = account.chat->registerUser(name);
    if (!grant)
        return account;
    account.id = grant->value(u"user"_s).toObject().value(u"id"_s).toInteger();
    auto transfer = std::make_unique<RawClient>();
    QUrl url = m_server->url();
    url.setPath(u"/transfer"_s);
    const QString token = grant->value(u"access_token"_s).toString();
    if (transfer->open(url) && succeeded(transfer->request(u"auth"_s, {{u"token"_s, token}})))
        account.transfer = std::move(transfer);
    return account;
}

QString TestServerRetention::upload(RawClient &t, const QString &name, const QByteArray &data)
{
    const auto started = t.request(
        u"upload_start"_s, P::UploadStartRequest{name, data.size(), sha256Hex(data), {}}.toJson());
    if (!succeeded(started))
        return {};
    const QString id = P::UploadStartReply::fromJson(started->data)->uploadId;
    const qint64 chunk = m_server->config().files.chunkBytes;
    for (qint64 offset = 0; offset < data.size(); offset += chunk) {
        const QByteArray part = data.mid(offset, chunk);
        t.socket().sendBinaryMessage(
            P::encodeChunk(P::ChunkKind::Upload, id.toLatin1(), offset, part));
        if (!t.waitForPush(u"upload_progress"_s))
            return {};
    }
    const auto finished = t.request(u"upload_finish"_s, P::UploadRef{id, 0}.toJson());
    return succeeded(finished) ? P::FileReply::fromJson(finished->data)->file.id : QString();
}

qint64 TestServerRetention::send(RawClient &from, const QJsonObject &target, const QString &fileId)
{
    QJsonObject data = target;
    data.insert(u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
    data.insert(u"type"_s, fileId.isEmpty() ? u"text"_s : u"file"_s);
    data.insert(u"content"_s, u"hello"_s);
    if (!fileId.isEmpty()) {
        data.insert(u"attachment"_s,
                    QJsonObject{{u"file_id"_s, fileId},
                                {u"name"_s, u"f.bin"_s},
                                {u"size"_s, 1},
                                {u"mime_type"_s, u"application/octet-stream"_s}});
    }
    const auto sent = from.request(u"message"_s, data);
    if (!succeeded(sent))
        return -1;
    return sent->data.value(u"message"_s).toObject().value(u"seq"_s).toInteger();
}

Server::RetentionReport TestServerRetention::sweep()
{
    Server::RetentionSweep *sweeper = m_server->server()->retention();
    Server::RetentionReport failed;
    failed.messages = -1;
    // The sweep at start may still run: a report is only this sweep's once it has ended.
    if (!sweeper || !waitFor([sweeper] { return !sweeper->isRunning(); }, 10'000, "a sweep"))
        return failed;
    std::optional<Server::RetentionReport> report;
    const auto connection = connect(sweeper, &Server::RetentionSweep::swept, this,
                                    [&report](const Server::RetentionReport &r) { report = r; });
    sweeper->sweepNow();
    const bool ended = waitFor([&report] { return report.has_value(); }, 10'000, "a sweep's end");
    disconnect(connection);
    return ended ? *report : failed;
}

P::HistoryReply TestServerRetention::history(RawClient &c, qint64 conversation)
{
    const auto reply = c.request(u"history"_s, P::HistoryRequest{conversation, 0, 100}.toJson());
    if (!succeeded(reply))
        return {};
    Result<P::HistoryReply> page = P::HistoryReply::fromJson(reply->data);
    return page ? *page : P::HistoryReply{};
}

void TestServerRetention::oldMessagesGoNewerStay()
{
    startServer(2, 0);
    Account alice = signUp(u"alice"_s);
    Account bob = signUp(u"bob"_s);
    QVERIFY(alice.chat && bob.chat);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(send(*alice.chat, {{u"to"_s, bob.id}}), i + 1);
    m_clock.advance(2 * DayMs + 3600'000);
    QCOMPARE(send(*bob.chat, {{u"to"_s, alice.id}}), 4);
    QCOMPARE(send(*alice.chat, {{u"to"_s, bob.id}}), 5);

    const Server::RetentionReport report = sweep();
    QCOMPARE(report.messages, 3);
    QCOMPARE(report.files, 0);

    // The conversation says what went; history has only what is younger than the policy.
    const auto sync = alice.chat->request(u"sync"_s, P::SyncRequest{}.toJson());
    QVERIFY(succeeded(sync));
    const P::SyncReply fromStart = P::SyncReply::fromJson(sync->data).value();
    QCOMPARE(fromStart.conversations.size(), 1);
    const Conversation c = fromStart.conversations.first();
    QCOMPARE(c.prunedSeq, 3);
    QCOMPARE(c.lastSeq, 5);
    // A client with nothing (position 0, below the removed range) is told to reset and
    // gets the newest page, which starts after the hole.
    QCOMPARE(fromStart.limited, QList<ConversationId>{c.id});
    QCOMPARE(fromStart.messages.size(), 2);
    QCOMPARE(fromStart.messages.first().seq, 4);
    const P::HistoryReply page = history(*bob.chat, c.id);
    QCOMPARE(page.messages.size(), 2);
    QCOMPARE(page.messages.first().seq, 4);
    QVERIFY(!page.hasMore);
    // A client at the removed range's end syncs on as usual: no reset, no hole.
    P::SyncRequest atEdge;
    atEdge.positions.insert(c.id, 3);
    const auto edge = bob.chat->request(u"sync"_s, atEdge.toJson());
    QVERIFY(succeeded(edge));
    const P::SyncReply fromEdge = P::SyncReply::fromJson(edge->data).value();
    QVERIFY(fromEdge.limited.isEmpty());
    QCOMPARE(fromEdge.messages.size(), 2);
    QCOMPARE(fromEdge.messages.constLast().seq, 5);
    // Sequence numbers go on from the last one: nothing is reused.
    QCOMPARE(send(*alice.chat, {{u"to"_s, bob.id}}), 6);
    // Nothing more is old enough: the next sweep removes nothing.
    QCOMPARE(sweep().messages, 0);
}

void TestServerRetention::conversationPolicyStricterWins()
{
    startServer(30, 0);
    Account alice = signUp(u"alice"_s);
    Account bob = signUp(u"bob"_s);
    QVERIFY(alice.chat && bob.chat);
    const auto created = alice.chat->request(
        u"create_group"_s, P::CreateGroupRequest{u"short memory"_s, {bob.id}}.toJson());
    QVERIFY(succeeded(created));
    const qint64 group =
        created->data.value(u"conversation"_s).toObject().value(u"id"_s).toInteger();
    QVERIFY(bob.chat->waitForPush(u"conversation_updated"_s)); // Bob was added
    const auto set =
        alice.chat->request(u"set_retention"_s, P::SetRetentionRequest{group, 1, 0}.toJson());
    QVERIFY2(succeeded(set), set ? qPrintable(set->error.message) : "no reply");
    const Conversation answered =
        P::conversationFromJson(set->data.value(u"conversation"_s).toObject()).value();
    QCOMPARE(answered.retention, (RetentionPolicy{1, 0}));
    // Every member learns it from the conversation entry.
    const auto pushed = bob.chat->waitForPush(u"conversation_updated"_s);
    QVERIFY(pushed);
    QCOMPARE(P::conversationFromJson(pushed->data.value(u"conversation"_s).toObject())
                 ->retention.messageDays,
             1);
    QVERIFY(send(*alice.chat, {{u"conversation_id"_s, group}}) > 0);
    QCOMPARE(send(*alice.chat, {{u"to"_s, bob.id}}), 1);
    m_clock.advance(2 * DayMs);
    // Two days: past the group's one, well within the server's thirty.
    const Server::RetentionReport report = sweep();
    QCOMPARE(report.messages, 2); // the group's creation record and its message
    QVERIFY(history(*bob.chat, group).messages.isEmpty());
    const auto list = bob.chat->request(u"conversations"_s);
    QVERIFY(succeeded(list));
    const QJsonArray conversations = list->data.value(u"conversations"_s).toArray();
    int privateMessages = -1;
    for (const QJsonValue &v : conversations) {
        const Conversation c =
            P::conversationFromJson(v.toObject().value(u"conversation"_s).toObject()).value();
        if (c.id != group)
            privateMessages = int(history(*bob.chat, c.id).messages.size());
    }
    QCOMPARE(privateMessages, 1);
    // Setting 0 again keeps the rest forever (the server's 30 days apart).
    QVERIFY(succeeded(
        alice.chat->request(u"set_retention"_s, P::SetRetentionRequest{group, 0, 0}.toJson())));
    QVERIFY(send(*alice.chat, {{u"conversation_id"_s, group}}) > 0);
    m_clock.advance(2 * DayMs);
    QCOMPARE(sweep().messages, 0);
    QCOMPARE(history(*bob.chat, group).messages.size(), 1);
}

void TestServerRetention::setRetentionRefusals()
{
    startServer(0, 0);
    Account alice = signUp(u"alice"_s);
    Account bob = signUp(u"bob"_s);
    Account carol = signUp(u"carol"_s);
    QVERIFY(alice.chat && bob.chat && carol.chat);
    const auto created =
        alice.chat->request(u"create_group"_s, P::CreateGroupRequest{u"team"_s, {bob.id}}.toJson());
    QVERIFY(succeeded(created));
    const qint64 group =
        created->data.value(u"conversation"_s).toObject().value(u"id"_s).toInteger();
    auto setBy = [group](RawClient &c, int messageDays, int fileDays) {
        return refusal(c.request(u"set_retention"_s,
                                 P::SetRetentionRequest{group, messageDays, fileDays}.toJson()));
    };
    QCOMPARE(setBy(*bob.chat, 7, 7), ErrorCode::Forbidden); // a member, not an admin
    QCOMPARE(setBy(*carol.chat, 7, 7), ErrorCode::NotFound); // not a member
    const auto unknown =
        alice.chat->request(u"set_retention"_s, P::SetRetentionRequest{999'999, 1, 1}.toJson());
    QCOMPARE(refusal(unknown), ErrorCode::NotFound);
    // Malformed: missing, negative, too long, of the wrong type.
    const QJsonObject bad[] = {
        {{u"conversation_id"_s, group}, {u"message_days"_s, 1}},
        {{u"conversation_id"_s, group}, {u"message_days"_s, -1}, {u"file_days"_s, 0}},
        {{u"conversation_id"_s, group}, {u"message_days"_s, 36'501}, {u"file_days"_s, 0}},
        {{u"conversation_id"_s, group}, {u"message_days"_s, u"7"_s}, {u"file_days"_s, 0}},
        {{u"conversation_id"_s, u"x"_s}, {u"message_days"_s, 1}, {u"file_days"_s, 0}},
    };
    for (const QJsonObject &data : bad)
        QCOMPARE(refusal(alice.chat->request(u"set_retention"_s, data)), ErrorCode::BadRequest);
    // Nothing of that changed the policy.
    const auto info = alice.chat->request(u"conversation"_s, {{u"conversation_id"_s, group}});
    QVERIFY(succeeded(info));
    QVERIFY(!info->data.value(u"conversation"_s).toObject().contains(u"retention"_s));
    // Not signed in.
    RawClient anonymous;
    QVERIFY(anonymous.open(m_server->url()));
    QCOMPARE(refusal(anonymous.request(u"set_retention"_s,
                                       P::SetRetentionRequest{group, 1, 1}.toJson())),
             ErrorCode::Unauthenticated);
    // In a private conversation either member may set it.
    QCOMPARE(send(*bob.chat, {{u"to"_s, carol.id}}), 1);
    const auto list = carol.chat->request(u"conversations"_s);
    QVERIFY(succeeded(list));
    const qint64 privateId = list->data.value(u"conversations"_s)
                                 .toArray()
                                 .first()
                                 .toObject()
                                 .value(u"conversation"_s)
                                 .toObject()
                                 .value(u"id"_s)
                                 .toInteger();
    QVERIFY(succeeded(
        carol.chat->request(u"set_retention"_s, P::SetRetentionRequest{privateId, 3, 0}.toJson())));
    QVERIFY(succeeded(
        bob.chat->request(u"set_retention"_s, P::SetRetentionRequest{privateId, 2, 5}.toJson())));
}

void TestServerRetention::expiredFilesAndTheirBlobsGo()
{
    startServer(0, 1);
    Account alice = signUp(u"alice"_s);
    Account bob = signUp(u"bob"_s);
    QVERIFY(alice.transfer && bob.transfer);
    const QByteArray shared = pattern(70'000, 1);
    const QByteArray alone = pattern(90'000, 2);
    const QString oldShared = upload(*alice.transfer, u"a.bin"_s, shared);
    const QString oldAlone = upload(*alice.transfer, u"b.bin"_s, alone);
    QVERIFY(!oldShared.isEmpty() && !oldAlone.isEmpty());
    QCOMPARE(send(*alice.chat, {{u"to"_s, bob.id}}, oldAlone), 1);
    m_clock.advance(DayMs + 60'000);
    // Bob stores the same bytes today: the blob is his file's too.
    const QString young = upload(*bob.transfer, u"mine.bin"_s, shared);
    QVERIFY(!young.isEmpty());

    const Server::RetentionReport report = sweep();
    QCOMPARE(report.files, 2);
    QCOMPARE(report.blobs, 1);
    QCOMPARE(report.bytesFreed, alone.size());
    QVERIFY(!QFile::exists(blobPath(alone)));
    QVERIFY(QFile::exists(blobPath(shared)));
    QCOMPARE(refusal(alice.transfer->request(u"file"_s, {{u"file_id"_s, oldShared}})),
             ErrorCode::NotFound);
    QCOMPARE(refusal(bob.transfer->request(u"download"_s, {{u"file_id"_s, oldAlone}})),
             ErrorCode::NotFound);
    QVERIFY(succeeded(bob.transfer->request(u"file"_s, {{u"file_id"_s, young}})));
    // The message stays, its attachment marked deleted and without a thumbnail.
    const auto list = bob.chat->request(u"conversations"_s);
    QVERIFY(succeeded(list));
    const qint64 conversation = list->data.value(u"conversations"_s)
                                    .toArray()
                                    .first()
                                    .toObject()
                                    .value(u"conversation"_s)
                                    .toObject()
                                    .value(u"id"_s)
                                    .toInteger();
    const P::HistoryReply page = history(*bob.chat, conversation);
    QCOMPARE(page.messages.size(), 1);
    QCOMPARE(page.messages.first().attachment.fileId, oldAlone);
    QVERIFY(page.messages.first().attachment.deleted);
}

void TestServerRetention::strayBlobsGoUploadsInProgressStay()
{
    startServer(0, 0);
    Account alice = signUp(u"alice"_s);
    QVERIFY(alice.transfer);
    const QByteArray kept = pattern(10'000, 3);
    QVERIFY(!upload(*alice.transfer, u"kept.bin"_s, kept).isEmpty());
    // A blob no row names (a crash between the rename and the row, say).
    const QByteArray stray = pattern(12'345, 4);
    QVERIFY(QDir().mkpath(QFileInfo(blobPath(stray)).absolutePath()));
    QFile file(blobPath(stray));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(stray), stray.size());
    file.close();
    // An upload under way whose content already sits in the store as a blob nobody else
    // uses: its finish will keep that blob, so the sweep must not take it.
    const QByteArray pending = pattern(20'000, 5);
    QVERIFY(QDir().mkpath(QFileInfo(blobPath(pending)).absolutePath()));
    QFile pendingBlob(blobPath(pending));
    QVERIFY(pendingBlob.open(QIODevice::WriteOnly));
    QCOMPARE(pendingBlob.write(pending), pending.size());
    pendingBlob.close();
    QVERIFY(succeeded(alice.transfer->request(
        u"upload_start"_s,
        P::UploadStartRequest{u"p.bin"_s, pending.size(), sha256Hex(pending), {}}.toJson())));

    const Server::RetentionReport report = sweep();
    QCOMPARE(report.blobs, 1);
    QCOMPARE(report.bytesFreed, stray.size());
    QVERIFY(!QFile::exists(blobPath(stray)));
    QVERIFY(QFile::exists(blobPath(kept)));
    QVERIFY(QFile::exists(blobPath(pending)));
}

void TestServerRetention::deleteFileByOwnerOthersAndTwice()
{
    startServer(0, 0);
    Account alice = signUp(u"alice"_s);
    Account bob = signUp(u"bob"_s);
    Account carol = signUp(u"carol"_s);
    QVERIFY(alice.transfer && bob.transfer && carol.transfer);
    const QByteArray data = pattern(50'000, 6);
    const QByteArray twin = pattern(40'000, 7);
    const QString fileId = upload(*alice.transfer, u"plan.pdf"_s, data);
    const QString alicesTwin = upload(*alice.transfer, u"twin.bin"_s, twin);
    const QString bobsTwin = upload(*bob.transfer, u"twin.bin"_s, twin);
    QVERIFY(!fileId.isEmpty() && !alicesTwin.isEmpty() && !bobsTwin.isEmpty());
    QCOMPARE(send(*alice.chat, {{u"to"_s, bob.id}}, fileId), 1);

    auto deleteBy = [](RawClient &c, const QJsonObject &data) {
        return c.request(u"delete_file"_s, data);
    };
    const QJsonObject byId{{u"file_id"_s, fileId}};
    // Bob can read it (it was sent to him) but did not upload it; Carol cannot even see it.
    QCOMPARE(refusal(deleteBy(*bob.chat, byId)), ErrorCode::Forbidden);
    QCOMPARE(refusal(deleteBy(*carol.chat, byId)), ErrorCode::NotFound);
    // Malformed and unknown ids.
    QCOMPARE(refusal(deleteBy(*alice.chat, {})), ErrorCode::BadRequest);
    QCOMPARE(refusal(deleteBy(*alice.chat, {{u"file_id"_s, 5}})), ErrorCode::BadRequest);
    QCOMPARE(refusal(deleteBy(*alice.chat, {{u"file_id"_s, u"../../token.key"_s}})),
             ErrorCode::BadRequest);
    QCOMPARE(
        refusal(deleteBy(*alice.chat, {{u"file_id"_s, u"0123456789abcdef0123456789abcdef"_s}})),
        ErrorCode::NotFound);
    QVERIFY(QFile::exists(blobPath(data))); // none of that touched it

    // The owner deletes it: gone for everyone, its blob with it, the message marked.
    QVERIFY(succeeded(deleteBy(*alice.chat, byId)));
    QTRY_VERIFY(!QFile::exists(blobPath(data)));
    QCOMPARE(refusal(bob.transfer->request(u"download"_s, {{u"file_id"_s, fileId}})),
             ErrorCode::NotFound);
    const auto list = bob.chat->request(u"conversations"_s);
    QVERIFY(succeeded(list));
    const qint64 conversation = list->data.value(u"conversations"_s)
                                    .toArray()
                                    .first()
                                    .toObject()
                                    .value(u"conversation"_s)
                                    .toObject()
                                    .value(u"id"_s)
                                    .toInteger();
    const P::HistoryReply page = history(*bob.chat, conversation);
    QCOMPARE(page.messages.size(), 1);
    QVERIFY(page.messages.first().attachment.deleted);
    // Twice: it is not there any more.
    QCOMPARE(refusal(deleteBy(*alice.chat, byId)), ErrorCode::NotFound);

    // Content two files share stays while the other file is there.
    Server::RetentionSweep *sweeper = m_server->server()->retention();
    QVERIFY(sweeper);
    std::optional<bool> twinRemoved;
    // Disconnected before twinRemoved goes: the server outlives this function.
    const QMetaObject::Connection checked =
        connect(sweeper, &Server::RetentionSweep::deletedFileChecked, this,
                [&twinRemoved](const QString &, bool removed) { twinRemoved = removed; });
    const auto disconnecter = qScopeGuard([&checked] { disconnect(checked); });
    QVERIFY(succeeded(deleteBy(*alice.chat, {{u"file_id"_s, alicesTwin}})));
    QTRY_VERIFY(twinRemoved.has_value());
    QCOMPARE(*twinRemoved, false);
    QVERIFY(QFile::exists(blobPath(twin)));
    QVERIFY(succeeded(bob.transfer->request(u"file"_s, {{u"file_id"_s, bobsTwin}})));
    twinRemoved.reset();
    QVERIFY(succeeded(deleteBy(*bob.chat, {{u"file_id"_s, bobsTwin}})));
    QTRY_VERIFY(twinRemoved.has_value());
    QCOMPARE(*twinRemoved, true);
    QVERIFY(!QFile::exists(blobPath(twin)));
}

// The library's typed calls for both requests.
void TestServerRetention::clientSessionSetsRetentionAndDeletesFiles()
{
    startServer(0, 0);
    Account uploader = signUp(u"uploader"_s);
    QVERIFY(uploader.transfer);
    const QString fileId = upload(*uploader.transfer, u"x.bin"_s, pattern(1000, 8));
    QVERIFY(!fileId.isEmpty());
    std::unique_ptr<ClientSession> alice = signedUpSession(m_server->url(), u"alice"_s);
    std::unique_ptr<ClientSession> bob = signedUpSession(m_server->url(), u"bob"_s);
    QVERIFY(alice && bob);
    SessionCloser closer{{alice.get(), bob.get()}};
    const Result<Conversation> group =
        await(alice->createGroup(u"kept a week"_s, {bob->currentUser().id}));
    QVERIFY(group);
    const Result<Conversation> set = await(alice->setRetention(group->id, {7, 3}));
    QVERIFY2(set, set ? "" : qPrintable(set.error().message));
    QCOMPARE(set->retention, (RetentionPolicy{7, 3}));
    const Result<Conversation> refused = await(bob->setRetention(group->id, {1, 1}));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Forbidden);
    // Someone else's file is not found for alice; an unknown one neither.
    const Result<Done> notHers = await(alice->deleteFile(fileId));
    QVERIFY(!notHers);
    QCOMPARE(notHers.error().code, ErrorCode::NotFound);
    QVERIFY(succeeded(uploader.chat->request(u"delete_file"_s, {{u"file_id"_s, fileId}})));
    const Result<Done> gone = await(alice->deleteFile(u"0123456789abcdef0123456789abcdef"_s));
    QVERIFY(!gone);
    QCOMPARE(gone.error().code, ErrorCode::NotFound);
}

// Thousands of old messages go in steps of batch_rows, and a message sent meanwhile is
// answered between two steps (and stays: it is young). The figures are printed, not asserted.
void TestServerRetention::sweepRunsInBoundedSteps()
{
    constexpr int Old = 3000;
    Server::ServerConfig config = TestServer::unthrottledConfig();
    config.retention.batchRows = 200;
    startServer(1, 0, config);
    std::unique_ptr<ClientSession> alice = signedUpSession(m_server->url(), u"alice"_s);
    std::unique_ptr<ClientSession> bob = signedUpSession(m_server->url(), u"bob"_s);
    QVERIFY(alice && bob);
    SessionCloser closer{{alice.get(), bob.get()}};
    const Result<Conversation> chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    QVERIFY(fillConversation(*alice, chat->id, Old));
    m_clock.advance(2 * DayMs);

    Server::RetentionSweep *sweeper = m_server->server()->retention();
    QVERIFY(waitFor([sweeper] { return !sweeper->isRunning(); }, 10'000, "the start sweep"));
    std::optional<Server::RetentionReport> report;
    const QMetaObject::Connection swept =
        connect(sweeper, &Server::RetentionSweep::swept, this,
                [&report](const Server::RetentionReport &r) { report = r; });
    const auto disconnecter = qScopeGuard([&swept] { disconnect(swept); });
    QElapsedTimer sweepTime;
    sweepTime.start();
    sweeper->sweepNow();
    QVERIFY(sweeper->isRunning());
    QElapsedTimer sendTime;
    sendTime.start();
    const Result<Message> young = await(bob->sendMessage(chat->id, u"still here"_s));
    const qint64 sendMs = sendTime.elapsed();
    QVERIFY(young);
    QVERIFY(waitFor([&report] { return report.has_value(); }, 30'000, "the sweep's end"));
    const qint64 sweepMs = sweepTime.elapsed();
    qInfo("retention: %d messages removed in steps of %d rows in %lld ms; a message sent during "
          "the sweep was acknowledged after %lld ms",
          report->messages, config.retention.batchRows, sweepMs, sendMs);
    QCOMPARE(report->messages, Old); // a private conversation has no creation record
    const Result<P::HistoryReply> left = await(bob->history(chat->id, 0, 100));
    QVERIFY(left);
    QCOMPARE(left->messages.size(), 1);
    QCOMPARE(left->messages.first().id, young->id);
}

QTEST_GUILESS_MAIN(TestServerRetention)
#include "tst_serverretention.moc"
