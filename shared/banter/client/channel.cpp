// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/backoff.h>
#include <banter/client/certificatepin.h>
#include <banter/client/channel.h>
#include <banter/client/clientlogging_p.h>
#include <banter/client/websockettransport_p.h>
#include <banter/protocol/types.h>

#include <QElapsedTimer>
#include <QHash>
#include <QPromise>
#include <QSignalBlocker>
#include <QTimer>

#include <cmath>

namespace Banter {

using namespace Qt::StringLiterals;
namespace P = Protocol;

namespace {
template<typename T>
QFuture<Result<T>> readyFuture(Result<T> value)
{
    QPromise<Result<T>> promise;
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return promise.future();
}
} // namespace

struct Channel::Private
{
    using Promise = std::shared_ptr<QPromise<Result<QJsonObject>>>;

    Private(Channel *channel, std::unique_ptr<ChannelTransport> t)
        : q(channel)
        , transport(std::move(t))
    { }

    Channel *q;
    std::unique_ptr<ChannelTransport> transport;
    Options options;
    State state = State::Closed;
    QUrl url;
    bool wantOpen = false;
    Backoff backoff;
    QTimer reconnectTimer;
    QTimer heartbeat;
    QElapsedTimer lastFrame;
    quint64 nextRid = 1;
    QHash<QString, Promise> pending;
    // The pacing: a token bucket like the server's, and the frames it holds back, in order.
    double tokens = 0;
    QElapsedTimer refilled;
    QList<std::pair<QString, QByteArray>> queued; // rid, frame
    QTimer pace;

    void refillTokens()
    {
        const double rate = qMax(0, options.requestsPerSecond);
        tokens = qMin<double>(qMax(1, options.requestBurst),
                              tokens + double(refilled.nsecsElapsed()) / 1e9 * rate);
        refilled.restart();
    }

    // Sends `frame` now when the budget allows and nothing waits before it; queues it
    // otherwise.
    void send(const QString &rid, const QByteArray &frame)
    {
        if (options.requestsPerSecond <= 0) {
            transport->sendText(frame);
            return;
        }
        queued.append({rid, frame});
        sendQueued();
    }

    void sendQueued()
    {
        refillTokens();
        const bool paced = options.requestsPerSecond > 0;
        while (!queued.isEmpty() && (tokens >= 1 || !paced)) {
            const auto [rid, frame] = queued.takeFirst();
            if (!pending.contains(rid))
                continue; // timed out while it waited: it costs the server nothing
            if (paced)
                tokens -= 1;
            transport->sendText(frame);
        }
        if (!queued.isEmpty() && !pace.isActive()) {
            const double wait = (1 - tokens) / double(options.requestsPerSecond) * 1000;
            pace.start(qMax(1, int(std::ceil(wait))));
        }
    }

    void setState(State next)
    {
        if (state == next)
            return;
        state = next;
        Q_EMIT q->stateChanged(next);
    }

    void openTransport()
    {
        setState(State::Opening);
        transport->open(url);
    }

    void failPending(const Error &error)
    {
        queued.clear();
        pace.stop();
        const QHash<QString, Promise> failed = std::exchange(pending, {});
        for (const Promise &promise : failed) {
            promise->addResult(Result<QJsonObject>(error));
            promise->finish();
        }
    }

    void onOpened()
    {
        lastFrame.restart();
        // A new connection has the server's whole allowance.
        tokens = qMax(1, options.requestBurst);
        refilled.restart();
        if (options.heartbeatMs > 0)
            heartbeat.start(options.heartbeatMs);
        setState(State::Open);
        Q_EMIT q->opened();
    }

    // The connection ended or could not be made: fail what waits, then reconnect or stop.
    void onClosed()
    {
        if (transport->isActive())
            return; // a late close of a connection open() already replaced
        heartbeat.stop();
        failPending(makeError(ErrorCode::Unavailable, u"the connection to the server was lost"_s));
        const bool again = wantOpen && options.autoReconnect;
        if (again) {
            const int delay = backoff.nextDelayMs();
            qCInfo(lcClient) << "reconnecting to" << url.host() << "in" << delay << "ms";
            reconnectTimer.start(delay);
        }
        Q_EMIT q->closed();
        setState(again ? State::Waiting : State::Closed);
    }

    void onText(const QByteArray &text)
    {
        lastFrame.restart();
        Result<P::ServerFrame> frame = P::decodeServerFrame(text);
        if (!frame) {
            qCWarning(lcClient) << "ignoring an unreadable frame:" << frame.error().message;
            return;
        }
        if (frame->kind == P::ServerFrame::Kind::Push) {
            Q_EMIT q->pushReceived(*frame);
            return;
        }
        const Promise promise = pending.take(frame->rid);
        if (!promise)
            return; // timed out earlier, or an answer to a frame the server could not read
        promise->addResult(frame->success ? Result<QJsonObject>(frame->data)
                                          : Result<QJsonObject>(frame->error));
        promise->finish();
    }

    void onHeartbeat()
    {
        if (lastFrame.elapsed() > 2 * qint64(options.heartbeatMs)) {
            qCInfo(lcClient) << "the server went silent; dropping the connection";
            transport->abort();
            return;
        }
        q->request(P::Type::Ping, {});
    }

    void expire(const QString &rid)
    {
        const Promise promise = pending.take(rid);
        if (!promise)
            return;
        promise->addResult(Result<QJsonObject>(
            makeError(ErrorCode::Unavailable, u"the server did not answer in time"_s)));
        promise->finish();
    }
};

Channel::Channel(QObject *parent)
    : Channel(nullptr, parent)
{ }

Channel::Channel(std::unique_ptr<ChannelTransport> transport, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(
          this, transport ? std::move(transport) : std::make_unique<WebSocketTransport>()))
{
    ChannelTransport *t = d->transport.get();
    t->setParent(nullptr); // owned by d, whatever parent it came with
    connect(t, &ChannelTransport::opened, this, [this] { d->onOpened(); });
    connect(t, &ChannelTransport::closed, this, [this] { d->onClosed(); });
    connect(t, &ChannelTransport::textReceived, this,
            [this](const QByteArray &text) { d->onText(text); });
    connect(t, &ChannelTransport::binaryReceived, this, [this](const QByteArray &frame) {
        d->lastFrame.restart();
        Q_EMIT binaryReceived(frame);
    });
    connect(t, &ChannelTransport::bytesWritten, this, &Channel::bytesWritten);
    d->reconnectTimer.setSingleShot(true);
    connect(&d->reconnectTimer, &QTimer::timeout, this, [this] { d->openTransport(); });
    connect(&d->heartbeat, &QTimer::timeout, this, [this] { d->onHeartbeat(); });
    d->pace.setSingleShot(true);
    connect(&d->pace, &QTimer::timeout, this, [this] { d->sendQueued(); });
    d->refilled.start();
    setOptions(d->options);
}

Channel::~Channel()
{
    shutDown(makeError(ErrorCode::Unavailable, u"the connection was closed"_s));
}

void Channel::setOptions(const Options &options)
{
    d->options = options;
    d->backoff = Backoff(options.reconnectBaseMs, options.reconnectMaxMs);
    if (options.maxIncomingFrameBytes > 0)
        d->transport->setMaxIncomingFrameBytes(options.maxIncomingFrameBytes);
    d->pace.stop();
    d->sendQueued(); // by the new budget (all of it when unpaced)
    if (options.heartbeatMs <= 0)
        d->heartbeat.stop();
    else if (d->heartbeat.isActive())
        d->heartbeat.setInterval(options.heartbeatMs);
}

Channel::Options Channel::options() const
{
    return d->options;
}

void Channel::setPacing(int requestsPerSecond, int requestBurst)
{
    d->options.requestsPerSecond = requestsPerSecond;
    d->options.requestBurst = requestBurst;
    d->pace.stop();
    d->sendQueued(); // by the new budget (all of it when unpaced)
}

void Channel::setCertificateCheck(ChannelTransport::CertificateCheck check)
{
    d->transport->setCertificateCheck(std::move(check));
}

bool Channel::matchesPin(const QList<QSslError> &errors, const QByteArray &sha256)
{
    const QByteArray presented =
        CertificatePin::fingerprint(CertificatePin::presentedCertificate(errors));
    return !presented.isEmpty() && presented == sha256 && CertificatePin::onlyTrustErrors(errors);
}

void Channel::open(const QUrl &url)
{
    d->url = url;
    d->wantOpen = true;
    d->backoff.reset();
    d->reconnectTimer.stop();
    if (d->transport->isActive()) {
        {
            // The old connection's end is handled here, not as a loss that reconnects.
            const QSignalBlocker blocker(d->transport.get());
            d->transport->abort();
        }
        d->heartbeat.stop();
        d->failPending(
            makeError(ErrorCode::Unavailable, u"the connection to the server was lost"_s));
        Q_EMIT closed();
    }
    d->openTransport();
}

void Channel::close()
{
    d->wantOpen = false;
    d->reconnectTimer.stop();
    if (d->transport->isActive())
        d->transport->close();
    else
        d->setState(State::Closed);
}

void Channel::abort()
{
    if (d->transport->isActive())
        d->transport->abort();
}

void Channel::stopReconnecting()
{
    d->wantOpen = false;
    d->reconnectTimer.stop();
    if (d->state == State::Waiting)
        d->setState(State::Closed);
}

void Channel::resetBackoff()
{
    d->backoff.reset();
}

void Channel::reconnectNow()
{
    if (d->state != State::Waiting || !d->wantOpen)
        return;
    d->reconnectTimer.stop();
    d->openTransport();
}

void Channel::shutDown(const Error &reason)
{
    d->wantOpen = false;
    d->reconnectTimer.stop();
    d->heartbeat.stop();
    d->transport->disconnect(this);
    d->transport->abort();
    // Closed before the futures fail: what their continuations send fails at once instead
    // of waiting on a connection that is gone.
    d->state = State::Closed;
    d->failPending(reason);
}

Channel::State Channel::state() const
{
    return d->state;
}

bool Channel::isOpen() const
{
    return d->state == State::Open;
}

QUrl Channel::url() const
{
    return d->url;
}

ChannelTransport *Channel::transport() const
{
    return d->transport.get();
}

QFuture<Result<QJsonObject>> Channel::request(const QString &type, const QJsonObject &data)
{
    return request(type, data, d->options.requestTimeoutMs);
}

QFuture<Result<QJsonObject>> Channel::request(const QString &type, const QJsonObject &data,
                                              int timeoutMs)
{
    if (d->state != State::Open)
        return readyFuture<QJsonObject>(
            makeError(ErrorCode::Unavailable, u"not connected to the server"_s));
    auto promise = std::make_shared<QPromise<Result<QJsonObject>>>();
    promise->start();
    const QString rid = QString::number(d->nextRid++);
    d->pending.insert(rid, promise);
    d->send(rid, P::encodeRequest(type, rid, data));
    if (timeoutMs > 0)
        QTimer::singleShot(timeoutMs, this, [this, rid] { d->expire(rid); });
    return promise->future();
}

int Channel::pendingRequests() const
{
    return int(d->pending.size());
}

int Channel::queuedRequests() const
{
    return int(d->queued.size());
}

bool Channel::sendBinary(const QByteArray &frame)
{
    if (d->state != State::Open)
        return false;
    d->transport->sendBinary(frame);
    return true;
}

qint64 Channel::bytesToWrite() const
{
    return d->transport->bytesToWrite();
}

} // namespace Banter
