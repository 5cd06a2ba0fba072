// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Channel without a server: the test plays the server on a MemoryTransport pair.
#include "fakeserver.h"
#include <banter/client/channel.h>
#include <banter/client/clientfailure.h>

#include <QSignalSpy>
#include <QTest>

using namespace Banter;
using namespace Qt::StringLiterals;
namespace P = Banter::Protocol;

class TestChannel : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Channel> channel;
    std::unique_ptr<Test::FakeServer> server;

    void makeChannel(const Channel::Options &options = {})
    {
        auto [client, end] = MemoryTransport::createPair();
        server = std::make_unique<Test::FakeServer>(std::move(end));
        channel = std::make_unique<Channel>(std::move(client));
        channel->setOptions(options);
    }
    void openChannel()
    {
        channel->open(QUrl(u"ws://fake.example"_s));
        QTRY_COMPARE(channel->state(), Channel::State::Open);
    }

private Q_SLOTS:
    void cleanup()
    {
        channel.reset();
        server.reset();
    }
    void repliesMatchTheirRequests();
    void serverErrorsArriveAsErrors();
    void requestWhileClosedFailsAtOnce();
    void unansweredRequestTimesOut();
    void lostConnectionFailsPendingAndReconnects();
    void silentServerIsDropped();
    void answeringServerKeepsTheConnection();
    void backoffRetriesUntilTheServerIsBack();
    void closeStopsReconnecting();
    void reconnectNowSkipsTheWait();
    void pushesAreSignals();
    void binaryFramesBothWays();
    void certificateCheckDecides();
    void pacingQueuesInsteadOfOverrunning();
    void requestThatTimedOutInTheQueueIsNeverSent();
};

void TestChannel::repliesMatchTheirRequests()
{
    makeChannel();
    openChannel();
    auto first = channel->request(u"history"_s, {{u"n"_s, 1}});
    auto second = channel->request(u"history"_s, {{u"n"_s, 2}});
    QTRY_COMPARE(server->count(u"history"_s), 2);
    QCOMPARE(channel->pendingRequests(), 2);
    // Answered in the opposite order: each future still gets its own reply.
    const auto requests = server->ofType(u"history"_s);
    server->reply(requests[1], {{u"answer"_s, 2}});
    server->reply(requests[0], {{u"answer"_s, 1}});
    QTRY_VERIFY(first.isFinished() && second.isFinished());
    QVERIFY(first.result().ok());
    QCOMPARE(first.result()->value(u"answer"_s).toInt(), 1);
    QCOMPARE(second.result()->value(u"answer"_s).toInt(), 2);
    QCOMPARE(channel->pendingRequests(), 0);
}

void TestChannel::serverErrorsArriveAsErrors()
{
    makeChannel();
    openChannel();
    auto reply = channel->request(u"leave"_s);
    QTRY_COMPARE(server->count(u"leave"_s), 1);
    server->fail(server->last(u"leave"_s), makeError(ErrorCode::NotFound, u"no such chat"_s));
    QTRY_VERIFY(reply.isFinished());
    QVERIFY(!reply.result().ok());
    QCOMPARE(reply.result().error().code, ErrorCode::NotFound);
    QCOMPARE(reply.result().error().message, u"no such chat"_s);
    QCOMPARE(reply.result().error().failure, ClientFailure::None);
}

void TestChannel::requestWhileClosedFailsAtOnce()
{
    makeChannel();
    auto reply = channel->request(u"contacts"_s);
    QVERIFY(reply.isFinished());
    QCOMPARE(reply.result().error().code, ErrorCode::Unavailable);
}

void TestChannel::unansweredRequestTimesOut()
{
    Channel::Options options;
    options.requestTimeoutMs = 100;
    options.heartbeatMs = 0;
    makeChannel(options);
    openChannel();
    auto reply = channel->request(u"contacts"_s);
    auto patient = channel->request(u"contacts"_s, {}, 0); // no timeout
    QTRY_VERIFY(reply.isFinished());
    QCOMPARE(reply.result().error().code, ErrorCode::Unavailable);
    QVERIFY(!patient.isFinished());
    QCOMPARE(channel->pendingRequests(), 1);
    // A late answer to the timed-out request is ignored; the patient one still gets its own.
    const auto requests = server->ofType(u"contacts"_s);
    server->reply(requests[0], {{u"late"_s, true}});
    server->reply(requests[1], {{u"late"_s, false}});
    QTRY_VERIFY(patient.isFinished());
    QCOMPARE(patient.result()->value(u"late"_s).toBool(), false);
}

void TestChannel::lostConnectionFailsPendingAndReconnects()
{
    Channel::Options options;
    options.reconnectBaseMs = 10;
    options.reconnectMaxMs = 20;
    makeChannel(options);
    openChannel();
    QSignalSpy closed(channel.get(), &Channel::closed);
    QSignalSpy opened(channel.get(), &Channel::opened);
    auto reply = channel->request(u"contacts"_s);
    QTRY_COMPARE(server->count(u"contacts"_s), 1);
    server->end().abort();
    QTRY_VERIFY(reply.isFinished());
    QCOMPARE(reply.result().error().code, ErrorCode::Unavailable);
    QCOMPARE(closed.count(), 1);
    QTRY_COMPARE(opened.count(), 1);
    QCOMPARE(server->end().openCount(), 2);
    QCOMPARE(channel->state(), Channel::State::Open);
}

void TestChannel::silentServerIsDropped()
{
    Channel::Options options;
    options.heartbeatMs = 30;
    options.reconnectBaseMs = 10;
    options.reconnectMaxMs = 20;
    makeChannel(options);
    server->answerPing = false;
    openChannel();
    QSignalSpy closed(channel.get(), &Channel::closed);
    // Pings go out; nothing comes back for twice the interval: the channel drops and reconnects.
    QTRY_VERIFY(server->count(P::Type::Ping) >= 1);
    QTRY_VERIFY(closed.count() >= 1);
    QTRY_VERIFY(server->end().openCount() >= 2);
}

void TestChannel::answeringServerKeepsTheConnection()
{
    Channel::Options options;
    options.heartbeatMs = 100;
    makeChannel(options);
    openChannel();
    QSignalSpy closed(channel.get(), &Channel::closed);
    // Six answered pings span three silence limits (2 × 100 ms): still the first connection.
    QTRY_VERIFY_WITH_TIMEOUT(server->count(P::Type::Ping) >= 6, 10'000);
    QCOMPARE(closed.count(), 0);
    QCOMPARE(server->end().openCount(), 1);
}

void TestChannel::backoffRetriesUntilTheServerIsBack()
{
    Channel::Options options;
    options.reconnectBaseMs = 10;
    options.reconnectMaxMs = 40;
    makeChannel(options);
    server->end().setAccepting(false);
    QSignalSpy states(channel.get(), &Channel::stateChanged);
    QSignalSpy closed(channel.get(), &Channel::closed);
    channel->open(QUrl(u"ws://fake.example"_s));
    QTRY_VERIFY(closed.count() >= 3); // refused, waited, tried again …
    QVERIFY(std::any_of(states.cbegin(), states.cend(), [](const QList<QVariant> &args) {
        return args.first().value<Channel::State>() == Channel::State::Waiting;
    }));
    QCOMPARE(server->end().openCount(), 0);
    server->end().setAccepting(true);
    QTRY_COMPARE(channel->state(), Channel::State::Open);
    QCOMPARE(server->end().openCount(), 1);
}

// "Retry now": while waiting out a backoff far longer than the test, the channel opens at
// once when asked, and only then; in any other state the call does nothing.
void TestChannel::reconnectNowSkipsTheWait()
{
    Channel::Options options;
    options.reconnectBaseMs = options.reconnectMaxMs = 600'000;
    makeChannel(options);
    channel->reconnectNow(); // closed: nothing to do
    QCOMPARE(channel->state(), Channel::State::Closed);
    server->end().setAccepting(false);
    QSignalSpy closed(channel.get(), &Channel::closed);
    channel->open(QUrl(u"ws://fake.example"_s));
    QTRY_COMPARE(channel->state(), Channel::State::Waiting);
    QCOMPARE(closed.count(), 1);
    channel->reconnectNow(); // still refused: waiting again
    QTRY_COMPARE(closed.count(), 2);
    QTRY_COMPARE(channel->state(), Channel::State::Waiting);
    server->end().setAccepting(true);
    channel->reconnectNow();
    QTRY_COMPARE(channel->state(), Channel::State::Open);
    QCOMPARE(server->end().openCount(), 1);
    channel->reconnectNow(); // open: nothing to do
    QCOMPARE(channel->state(), Channel::State::Open);
    QCOMPARE(server->end().openCount(), 1);
}

void TestChannel::closeStopsReconnecting()
{
    Channel::Options options;
    options.reconnectBaseMs = 10;
    options.reconnectMaxMs = 20;
    makeChannel(options);
    openChannel();
    QSignalSpy closed(channel.get(), &Channel::closed);
    channel->close();
    QTRY_COMPARE(closed.count(), 1);
    // A channel that meant to reconnect would be Waiting now, with its timer running.
    QCOMPARE(channel->state(), Channel::State::Closed);
    QCOMPARE(server->end().openCount(), 1);
    // And a refused connection with stopReconnecting() ends Closed rather than Waiting.
    server->end().setAccepting(false);
    channel->open(QUrl(u"ws://fake.example"_s));
    channel->stopReconnecting();
    QTRY_COMPARE(channel->state(), Channel::State::Closed);
    QCOMPARE(server->end().openCount(), 1);
}

void TestChannel::pushesAreSignals()
{
    makeChannel();
    openChannel();
    QSignalSpy pushes(channel.get(), &Channel::pushReceived);
    server->push(u"typing"_s, {{u"x"_s, 1}});
    QTRY_COMPARE(pushes.count(), 1);
    const auto frame = pushes.first().first().value<P::ServerFrame>();
    QCOMPARE(frame.type, u"typing"_s);
    QCOMPARE(frame.data.value(u"x"_s).toInt(), 1);
}

void TestChannel::binaryFramesBothWays()
{
    makeChannel();
    QVERIFY(!channel->sendBinary("early")); // not open: nothing sent
    openChannel();
    QSignalSpy atServer(&server->end(), &ChannelTransport::binaryReceived);
    QSignalSpy written(channel.get(), &Channel::bytesWritten);
    QSignalSpy atClient(channel.get(), &Channel::binaryReceived);
    QVERIFY(channel->sendBinary(QByteArray(1000, 'x')));
    QTRY_COMPARE(atServer.count(), 1);
    QCOMPARE(atServer.first().first().toByteArray(), QByteArray(1000, 'x'));
    QTRY_COMPARE(written.count(), 1);
    QCOMPARE(written.first().first().toLongLong(), 1000);
    QCOMPARE(channel->bytesToWrite(), 0);
    server->end().sendBinary("chunk");
    QTRY_COMPARE(atClient.count(), 1);
    QCOMPARE(atClient.first().first().toByteArray(), QByteArray("chunk"));
}

void TestChannel::certificateCheckDecides()
{
    makeChannel();
    server->end().setPresentedErrors({QSslError(QSslError::SelfSignedCertificate)});
    QList<QUrl> asked;
    bool accept = false;
    channel->setCertificateCheck([&](const QUrl &url, const QList<QSslError> &errors) {
        asked.append(url);
        return accept && errors.size() == 1;
    });
    QSignalSpy closed(channel.get(), &Channel::closed);
    channel->open(QUrl(u"wss://fake.example"_s));
    QTRY_VERIFY(closed.count() >= 1);
    QVERIFY(!asked.isEmpty());
    QCOMPARE(asked.first(), QUrl(u"wss://fake.example"_s));
    QCOMPARE(server->end().openCount(), 0);
    accept = true;
    QTRY_COMPARE(channel->state(), Channel::State::Open);
    // matchesPin accepts nothing without a certificate to compare.
    QVERIFY(!Channel::matchesPin({QSslError(QSslError::SelfSignedCertificate)}, "pin"));
}

// Past its burst, a busy client's requests wait their turn (in order) instead of reaching a
// server that would refuse them.
void TestChannel::pacingQueuesInsteadOfOverrunning()
{
    Channel::Options options;
    options.heartbeatMs = 0;
    options.requestsPerSecond = 100;
    options.requestBurst = 5;
    makeChannel(options);
    openChannel();
    QList<QFuture<Result<QJsonObject>>> replies;
    for (int i = 0; i < 25; ++i)
        replies.append(channel->request(u"history"_s, {{u"n"_s, i}}));
    QCOMPARE(channel->queuedRequests(), 20);
    QCOMPARE(channel->pendingRequests(), 25);
    QTRY_COMPARE(server->count(u"history"_s), 5);
    QVERIFY(channel->queuedRequests() > 0);
    QTRY_COMPARE(server->count(u"history"_s), 25);
    QCOMPARE(channel->queuedRequests(), 0);
    const auto requests = server->ofType(u"history"_s);
    for (int i = 0; i < 25; ++i) {
        QCOMPARE(requests[i].data.value(u"n"_s).toInt(), i);
        server->reply(requests[i], {{u"answer"_s, i}});
    }
    QTRY_VERIFY(replies.last().isFinished());
    QCOMPARE(replies.last().result()->value(u"answer"_s).toInt(), 24);

    // Unpaced: everything goes at once.
    options.requestsPerSecond = 0;
    channel->setOptions(options);
    for (int i = 0; i < 25; ++i)
        channel->request(u"contacts"_s);
    QCOMPARE(channel->queuedRequests(), 0);
    QTRY_COMPARE(server->count(u"contacts"_s), 25);
}

void TestChannel::requestThatTimedOutInTheQueueIsNeverSent()
{
    Channel::Options options;
    options.heartbeatMs = 0;
    options.requestsPerSecond = 10; // one every 100 ms
    options.requestBurst = 1;
    makeChannel(options);
    openChannel();
    auto first = channel->request(u"history"_s, {{u"n"_s, 1}}, 0);
    auto impatient = channel->request(u"history"_s, {{u"n"_s, 2}}, 20);
    auto patient = channel->request(u"history"_s, {{u"n"_s, 3}}, 0);
    QTRY_VERIFY(impatient.isFinished());
    QCOMPARE(impatient.result().error().code, ErrorCode::Unavailable);
    // The next one in line goes in its slot; the timed-out one never does.
    QTRY_COMPARE(server->count(u"history"_s), 2);
    const auto requests = server->ofType(u"history"_s);
    QCOMPARE(requests[0].data.value(u"n"_s).toInt(), 1);
    QCOMPARE(requests[1].data.value(u"n"_s).toInt(), 3);
    QCOMPARE(channel->queuedRequests(), 0);
}

QTEST_GUILESS_MAIN(TestChannel)
#include "tst_channel.moc"
