// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// TransferClient without a server: its connection runs over MemoryTransport, and the test
// plays the server's /transfer side in-process (a server that goes silent, one that does not
// answer a request, one that refuses an upload for the uploads-at-a-time limit).
#include <banter/client/clientsession.h>
#include <banter/client/memorytransport.h>
#include <banter/client/transferclient.h>
#include <banter/protocol/frame.h>
#include <banter/protocol/transferframe.h>
#include <banter/protocol/transfermessages.h>
#include <banter/protocol/types.h>

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <variant>

using namespace Banter;
using namespace Qt::StringLiterals;
namespace P = Protocol;
using State = TransferClient::State;

namespace {
// The server half of the transfer connection, just enough of it: auth, ping, upload_start,
// chunks with upload_progress, upload_finish. Upload ids are "up1", "up2", ... per start of a
// new upload; bytes received are kept per upload id, so a resume continues from them.
class FakeTransferServer : public QObject
{
public:
    explicit FakeTransferServer(MemoryTransport &end)
        : m_end(end)
    {
        connect(&end, &ChannelTransport::textReceived, this, &FakeTransferServer::onText);
        connect(&end, &ChannelTransport::binaryReceived, this, &FakeTransferServer::onBinary);
    }

    bool silent = false; // answers nothing at all, not even pings
    bool silentAfterStart = false; // becomes silent once it answered an upload_start
    QStringList ignored; // request types left unanswered (pings still answered)
    int maxRunning = 100; // uploads started and not finished at a time
    bool holdFinish = false; // upload_finish is answered once this is false again
    QStringList requests; // every request type seen, in order

    void releaseFinishes()
    {
        holdFinish = false;
        for (const auto &[type, rid, data] : std::exchange(m_heldFinishes, {}))
            answerFinish(rid, data);
    }

private:
    struct Held
    {
        QString type;
        QString rid;
        QJsonObject data;
    };

    void onText(const QByteArray &text)
    {
        const auto decoded = P::decodeRequest(text);
        QVERIFY(std::holds_alternative<P::Request>(decoded));
        const P::Request request = std::get<P::Request>(decoded);
        requests.append(request.type);
        if (silent || (ignored.contains(request.type) && request.type != P::Type::Ping))
            return;
        if (request.type == P::Type::UploadStart) {
            answerStart(request.rid, request.data);
            silent = silentAfterStart;
            return;
        }
        if (request.type == P::Type::UploadFinish) {
            if (holdFinish)
                return m_heldFinishes.append({request.type, request.rid, request.data});
            return answerFinish(request.rid, request.data);
        }
        m_end.sendText(P::encodeSuccess(P::responseType(request.type), request.rid, {}));
    }

    void answerStart(const QString &rid, const QJsonObject &data)
    {
        const Result<P::UploadStartRequest> start = P::UploadStartRequest::fromJson(data);
        QVERIFY(start);
        QString id = start->uploadId;
        if (id.isEmpty() && m_running.size() >= maxRunning) {
            m_end.sendText(P::encodeFailure(
                P::Type::UploadStart, rid,
                makeError(ErrorCode::LimitExceeded, u"too many uploads at a time"_s)));
            return;
        }
        if (id.isEmpty()) {
            id = u"up%1"_s.arg(++m_nextUpload);
            m_running.insert(id, *start);
        }
        const P::UploadStartReply reply{id, m_received.value(id), 64 * 1024, 256 * 1024};
        m_end.sendText(P::encodeSuccess(P::Type::UploadStart, rid, reply.toJson()));
    }

    void answerFinish(const QString &rid, const QJsonObject &data)
    {
        const Result<P::UploadRef> ref = P::UploadRef::fromJson(data);
        QVERIFY(ref);
        const P::UploadStartRequest start = m_running.take(ref->uploadId);
        P::FileInfo file;
        file.id = u"file-"_s + ref->uploadId;
        file.name = start.name;
        file.size = start.size;
        file.mimeType = u"application/octet-stream"_s;
        file.sha256 = start.sha256;
        file.createdAtMs = 1;
        m_end.sendText(P::encodeSuccess(P::Type::UploadFinish, rid, P::FileReply{file}.toJson()));
    }

    void onBinary(const QByteArray &frame)
    {
        if (silent)
            return;
        const std::optional<P::ChunkView> chunk = P::decodeChunk(frame);
        QVERIFY(chunk && chunk->kind == P::ChunkKind::Upload);
        const QString id = QString::fromLatin1(chunk->id);
        QCOMPARE(chunk->offset, m_received.value(id));
        m_received[id] += chunk->payload.size();
        m_end.sendText(P::encodePush(P::Type::UploadProgress,
                                     P::UploadRef{id, m_received.value(id)}.toJson()));
    }

    MemoryTransport &m_end;
    int m_nextUpload = 0;
    QHash<QString, qint64> m_received;
    QHash<QString, P::UploadStartRequest> m_running;
    QList<Held> m_heldFinishes;
};

QString writeFile(const QTemporaryDir &dir, const QString &name, qint64 size)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QByteArray block(4096, 'x');
    for (qint64 at = 0; at < size; at += block.size()) {
        block[0] = char(at / 4096);
        file.write(block.left(int(qMin<qint64>(block.size(), size - at))));
    }
    return path;
}

QList<State> statesOf(const QSignalSpy &spy, TransferClient::TransferId id)
{
    QList<State> states;
    for (const QList<QVariant> &args : spy) {
        if (args.at(0).value<TransferClient::TransferId>() == id)
            states.append(args.at(1).value<State>());
    }
    return states;
}
} // namespace

class TestTransferMemory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void silentServerIsNoticed();
    void unansweredRequestReconnects();
    void refusedUploadWaitsForASlot();

private:
    // A signed-in session as far as TransferClient cares: tokens and a server URL (a
    // loopback port nothing listens on; the session itself never gets connected).
    std::unique_ptr<ClientSession> session(int heartbeatMs, int requestTimeoutMs);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MemoryTransport> m_server;
    std::unique_ptr<TransferClient> m_client;
    std::unique_ptr<ClientSession> m_session;
};

void TestTransferMemory::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestTransferMemory::cleanup()
{
    m_client.reset();
    m_session.reset();
    m_server.reset();
}

std::unique_ptr<ClientSession> TestTransferMemory::session(int heartbeatMs, int requestTimeoutMs)
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    auto session = std::make_unique<ClientSession>();
    ClientSession::Options options;
    options.autoReconnect = false;
    options.heartbeatMs = heartbeatMs;
    options.requestTimeoutMs = requestTimeoutMs;
    session->setOptions(options);
    session->setTokens(u"access"_s, u"refresh"_s);
    session->connectToServer(QUrl(u"ws://127.0.0.1:%1"_s.arg(port)));
    return session;
}

// Answers stop once the upload started, pings included: the heartbeat notices within twice its
// interval (the request timeout is far away), drops the connection, and the upload resumes on the
// next one from the offset the server has.
void TestTransferMemory::silentServerIsNoticed()
{
    m_session = session(100, 60'000);
    auto [client, server] = MemoryTransport::createPair();
    m_server = std::move(server);
    FakeTransferServer fake(*m_server);
    m_client = std::make_unique<TransferClient>(*m_session, std::move(client));
    QSignalSpy states(m_client.get(), &TransferClient::stateChanged);
    connect(m_server.get(), &ChannelTransport::opened, this, [&] {
        fake.silentAfterStart = m_server->openCount() == 1;
        fake.silent = false;
    });
    const QString path = writeFile(*m_dir, u"a.bin"_s, 3 * 1024 * 1024);
    const auto id = m_client->upload(path);
    QTRY_COMPARE_WITH_TIMEOUT(m_client->transfer(id)->state, State::Finished, 10'000);
    QCOMPARE(m_server->openCount(), 2);
    const QList<State> seen = statesOf(states, id);
    // Started on the silent connection, back to waiting for one, started again.
    QCOMPARE(seen.count(State::Starting), 2);
    QVERIFY(seen.indexOf(State::Connecting, seen.indexOf(State::Starting)) > 0);
    QCOMPARE(m_client->transfer(id)->file.size, 3 * 1024 * 1024);
}

// A server that answers pings but not upload_finish: the request times out, the connection
// is dropped and the upload finishes on the next one.
void TestTransferMemory::unansweredRequestReconnects()
{
    m_session = session(0, 300);
    auto [client, server] = MemoryTransport::createPair();
    m_server = std::move(server);
    FakeTransferServer fake(*m_server);
    connect(m_server.get(), &ChannelTransport::opened, this, [&] {
        fake.ignored =
            m_server->openCount() == 1 ? QStringList{P::Type::UploadFinish} : QStringList{};
    });
    m_client = std::make_unique<TransferClient>(*m_session, std::move(client));
    const QString path = writeFile(*m_dir, u"b.bin"_s, 200 * 1024);
    const auto id = m_client->upload(path);
    QTRY_COMPARE_WITH_TIMEOUT(m_client->transfer(id)->state, State::Finished, 10'000);
    QCOMPARE(m_server->openCount(), 2);
    QCOMPARE(fake.requests.count(QString(P::Type::UploadFinish)), 2);
    QCOMPARE(m_client->transfer(id)->file.id, u"file-up1"_s);
}

// One upload at a time on this server: the second is refused for the limit while the first
// runs, waits (Queued, not Failed), and starts once the first finished.
void TestTransferMemory::refusedUploadWaitsForASlot()
{
    m_session = session(0, 60'000);
    auto [client, server] = MemoryTransport::createPair();
    m_server = std::move(server);
    FakeTransferServer fake(*m_server);
    fake.maxRunning = 1;
    fake.holdFinish = true;
    m_client = std::make_unique<TransferClient>(*m_session, std::move(client));
    QSignalSpy failed(m_client.get(), &TransferClient::failed);
    QSignalSpy states(m_client.get(), &TransferClient::stateChanged);
    const auto a = m_client->upload(writeFile(*m_dir, u"a.bin"_s, 100 * 1024));
    const auto b = m_client->upload(writeFile(*m_dir, u"b.bin"_s, 100 * 1024));
    auto queued = [&] {
        return m_client->transfer(a)->state == State::Queued
            || m_client->transfer(b)->state == State::Queued;
    };
    QTRY_VERIFY(queued());
    const auto waiting = m_client->transfer(a)->state == State::Queued ? a : b;
    const auto first = waiting == a ? b : a;
    QTRY_COMPARE(fake.requests.count(QString(P::Type::UploadFinish)), 1);
    QCOMPARE(m_client->transfer(first)->state, State::Running);
    QCOMPARE(m_client->transfer(waiting)->state, State::Queued);

    fake.releaseFinishes();
    QTRY_COMPARE(m_client->transfer(first)->state, State::Finished);
    QTRY_COMPARE(m_client->transfer(waiting)->state, State::Finished);
    QCOMPARE(failed.count(), 0);
    QVERIFY(statesOf(states, waiting).contains(State::Queued));
    // Refused once (or twice, when it asked again at once), then accepted.
    QVERIFY(fake.requests.count(QString(P::Type::UploadStart)) >= 3);
    QCOMPARE(m_server->openCount(), 1);
}

QTEST_GUILESS_MAIN(TestTransferMemory)
#include "tst_transfermemory.moc"
