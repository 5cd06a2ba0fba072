// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/certificatepin.h>
#include <banter/client/clientlogging_p.h>
#include <banter/client/clientsession.h>
#include <banter/client/transferclient.h>
#include <banter/client/transferclient_p.h>
#include <banter/protocol/types.h>

#include <QFileInfo>
#include <QThread>

namespace Banter {

using namespace Qt::StringLiterals;
namespace P = Protocol;

TransferClientPrivate::TransferClientPrivate(TransferClient *q, ClientSession &session)
    : q(q)
    , session(session)
{ }

TransferClientPrivate::TransferClientPrivate(TransferClient *q, ClientSession &session,
                                             std::unique_ptr<ChannelTransport> transport)
    : q(q)
    , session(session)
    , channel(std::move(transport))
{ }

TransferClient::TransferClient(ClientSession &session, QObject *parent)
    : TransferClient(session, nullptr, parent)
{ }

TransferClient::TransferClient(ClientSession &session, std::unique_ptr<ChannelTransport> transport,
                               QObject *parent)
    : QObject(parent)
    , d(transport ? std::make_unique<TransferClientPrivate>(this, session, std::move(transport))
                  : std::make_unique<TransferClientPrivate>(this, session))
{
    d->retry.setSingleShot(true);
    connect(&d->retry, &QTimer::timeout, this, [this] { d->ensureConnected(); });
    d->slotRetry.setSingleShot(true);
    d->slotRetry.setInterval(20'000);
    connect(&d->slotRetry, &QTimer::timeout, this, [this] { d->startWaitingUpload(); });
    Channel *channel = &d->channel;
    channel->setCertificateCheck([this](const QUrl &url, const QList<QSslError> &errors) {
        return d->acceptCertificate(url, errors);
    });
    connect(channel, &Channel::opened, this, [this] { d->onConnected(); });
    connect(channel, &Channel::closed, this, [this] { d->onDisconnected(); });
    connect(channel, &Channel::pushReceived, this,
            [this](const P::ServerFrame &frame) { d->onPush(frame); });
    connect(channel, &Channel::binaryReceived, this,
            [this](const QByteArray &frame) { d->onBinary(frame); });
    connect(channel, &Channel::bytesWritten, this, [this] { d->pump(); });
    // New tokens or a fresh sign-in: a transfer connection that could not sign in may now.
    connect(&session, &ClientSession::tokensChanged, this, [this] { d->ensureConnected(); });
    connect(&session, &ClientSession::stateChanged, this, [this](ClientSession::State state) {
        if (state == ClientSession::State::Ready)
            d->ensureConnected();
    });
    connect(&session, &ClientSession::sessionRevoked, this, [this] { d->channel.abort(); });
}

TransferClient::~TransferClient()
{
    // Pending requests fail now, while everything is still here; their replies are dropped.
    d->shuttingDown = true;
    d->channel.shutDown(makeError(ErrorCode::Unavailable, u"the transfer client was destroyed"_s));
    d->stopDiskThread();
}

Attachment TransferClient::attachmentFor(const P::FileInfo &file)
{
    Attachment a;
    a.fileId = file.id;
    a.name = file.name;
    a.size = file.size;
    a.mimeType = file.mimeType;
    return a;
}

TransferClient::TransferId TransferClient::upload(const QString &localPath, const QString &name)
{
    const TransferId id = d->nextId++;
    auto job = std::make_unique<UploadJob>(id);
    const QFileInfo info(localPath);
    job->info.localPath = localPath;
    job->info.name = name.isEmpty() ? info.fileName() : name;
    job->info.size = info.size();
    UploadJob &ref = *job;
    d->uploads.emplace(id, std::move(job));
    d->prepare(ref);
    return id;
}

TransferClient::TransferId TransferClient::download(const QString &fileId,
                                                    const QString &targetPath)
{
    const TransferId id = d->nextId++;
    auto job = std::make_unique<DownloadJob>(id);
    job->info.localPath = targetPath;
    job->info.name = QFileInfo(targetPath).fileName();
    job->info.file.id = fileId;
    d->downloads.emplace(id, std::move(job));
    QMetaObject::invokeMethod(
        this,
        [this, id] {
            if (DownloadJob *job = d->findDownload(id);
                job && job->step() == DownloadJob::Step::Idle)
                d->start(*job);
        },
        Qt::QueuedConnection);
    return id;
}

void TransferClient::pause(TransferId id)
{
    if (UploadJob *job = d->findUpload(id))
        d->pause(*job);
    else if (DownloadJob *job = d->findDownload(id))
        d->pause(*job);
}

void TransferClient::resume(TransferId id)
{
    if (UploadJob *job = d->findUpload(id))
        d->resume(*job);
    else if (DownloadJob *job = d->findDownload(id))
        d->resume(*job);
}

void TransferClient::cancel(TransferId id)
{
    if (UploadJob *job = d->findUpload(id))
        d->cancel(*job);
    else if (DownloadJob *job = d->findDownload(id))
        d->cancel(*job);
}

std::optional<TransferClient::Transfer> TransferClient::transfer(TransferId id) const
{
    if (const UploadJob *job = d->findUpload(id))
        return job->info;
    if (const DownloadJob *job = d->findDownload(id))
        return job->info;
    return std::nullopt;
}

QList<TransferClient::Transfer> TransferClient::transfers() const
{
    std::map<TransferId, Transfer> all;
    for (const auto &[id, job] : d->uploads)
        all.emplace(id, job->info);
    for (const auto &[id, job] : d->downloads)
        all.emplace(id, job->info);
    QList<Transfer> list;
    list.reserve(qsizetype(all.size()));
    for (const auto &[id, info] : all)
        list.append(info);
    return list;
}

bool TransferClient::isConnected() const
{
    return d->authenticated;
}

void TransferClient::setDiskBacklogLimits(qint64 high, qint64 low)
{
    d->diskHighWater = qMax<qint64>(1, high);
    d->diskLowWater = qBound<qint64>(0, low, d->diskHighWater);
}

quint64 TransferClient::diskWaits() const
{
    return d->diskWaits;
}

// --- the connection ---------------------------------------------------------------------

bool TransferClientPrivate::hasWork() const
{
    for (const auto &[id, job] : uploads) {
        if (job->isActive() && job->step() != UploadJob::Step::Idle
            && job->step() != UploadJob::Step::Hashing)
            return true;
    }
    for (const auto &[id, job] : downloads) {
        if (job->isActive())
            return true;
    }
    return false;
}

void TransferClientPrivate::startAll()
{
    for (const auto &[id, job] : uploads) {
        if (job->step() == UploadJob::Step::Connecting || job->step() == UploadJob::Step::Queued)
            start(*job);
    }
    for (const auto &[id, job] : downloads) {
        if (job->step() == DownloadJob::Step::Connecting)
            start(*job);
    }
}

void TransferClientPrivate::ensureConnected()
{
    if (authenticated || channel.state() != Channel::State::Closed || !hasWork()
        || session.accessToken().isEmpty() || !session.url().isValid())
        return;
    // The session's timing: a request unanswered that long, or a server silent for twice the
    // heartbeat, drops the connection and the transfers resume on the next one.
    Channel::Options options = channel.options();
    options.requestTimeoutMs = session.options().requestTimeoutMs;
    options.heartbeatMs = session.options().heartbeatMs;
    options.autoReconnect = false; // retry reconnects, and only while there is work
    channel.setOptions(options);
    QUrl url = session.url();
    url.setPath(u"/transfer"_s);
    channel.open(url);
}

bool TransferClientPrivate::acceptCertificate(const QUrl &url, const QList<QSslError> &errors)
{
    // The chat connection pinned the server's certificate before this one opens; the
    // transfer connection accepts that certificate and nothing else.
    if (Channel::matchesPin(errors, session.pinnedCertificate(url)))
        return true;
    qCWarning(lcClient) << "transfer connection: the server's certificate is not the pinned one";
    // Decided inside the handshake: the transfers fail on the next turn.
    QMetaObject::invokeMethod(
        q,
        [this] {
            const Error refused = localTransferError(
                ClientFailure::TransferCertificateMismatch,
                u"the transfer connection's certificate is not the one pinned for the server"_s);
            for (const auto &[id, job] : uploads) {
                if (job->isActive())
                    fail(*job, refused);
            }
            for (const auto &[id, job] : downloads) {
                if (job->isActive())
                    fail(*job, refused);
            }
        },
        Qt::QueuedConnection);
    return false;
}

void TransferClientPrivate::onConnected()
{
    request(P::Type::Auth, {{u"token"_s, session.accessToken()}}, [this](const Reply &reply) {
        if (!reply) {
            // An expired token: the chat session refreshes it, and tokensChanged brings us
            // back. Until then, retry with backoff.
            qCInfo(lcClient) << "transfer connection refused:" << reply.error().message;
            channel.close();
            return;
        }
        authenticated = true;
        backoff.reset();
        startAll();
    });
}

void TransferClientPrivate::onDisconnected()
{
    authenticated = false;
    // What needed the connection waits for the next one; hashing, opening and verifying go on.
    for (const auto &[id, job] : uploads) {
        job->startPending = false;
        if (job->step() == UploadJob::Step::Starting || job->isSending()) {
            job->file.reset();
            move(*job, UploadJob::Step::Connecting);
        }
    }
    for (const auto &[id, job] : downloads) {
        if (job->step() == DownloadJob::Step::Requesting || job->isReceiving())
            move(*job, DownloadJob::Step::Connecting);
    }
    if (hasWork() && !shuttingDown)
        retry.start(backoff.nextDelayMs());
}

void TransferClientPrivate::request(QLatin1String type, const QJsonObject &data, Handler handler)
{
    channel.request(QString(type), data)
        .then(q, [this, handler = std::move(handler)](const Reply &reply) {
            if (shuttingDown)
                return;
            if (!reply && reply.error().code == ErrorCode::Unavailable) {
                // The connection failed the request (it was lost, or not open): closed() puts
                // the jobs back to Connecting, and they resume on the next connection.
                if (!channel.isOpen() || !channel.transport()->isActive())
                    return;
                // No answer in time, or the server cannot serve now: the same, on a new
                // connection after the backoff.
                qCInfo(lcClient) << "transfer connection:" << reply.error().message
                                 << "- reconnecting";
                channel.abort();
                return;
            }
            if (handler)
                handler(reply);
        });
}

void TransferClientPrivate::onPush(const P::ServerFrame &frame)
{
    if (frame.type == P::Type::UploadProgress) {
        if (Result<P::UploadRef> progress = P::UploadRef::fromJson(frame.data))
            onUploadProgress(*progress);
    } else if (frame.type == P::Type::UploadFailed || frame.type == P::Type::DownloadFailed) {
        onFailurePush(frame);
    }
}

// The server gave up on a running transfer. A passing trouble (a conflict, a swept upload, a
// busy server) is retried from wherever the server has got to, a few times; anything else
// fails the transfer.
void TransferClientPrivate::onFailurePush(const P::ServerFrame &frame)
{
    Result<P::TransferFailedPush> push = P::TransferFailedPush::fromJson(frame.data);
    if (!push)
        return;
    const ErrorCode code = push->error.code;
    const bool retryable = code == ErrorCode::Conflict || code == ErrorCode::NotFound
        || code == ErrorCode::RateLimited || code == ErrorCode::Internal;
    if (frame.type == P::Type::UploadFailed) {
        UploadJob *job = findUploadByServerId(push->id);
        if (!job || !job->isSending())
            return;
        if (retryable && ++job->resumes <= MaxTransferResumes)
            return start(*job);
        return fail(*job, push->error);
    }
    DownloadJob *job = findReceiving(push->id);
    if (!job)
        return;
    if (retryable && ++job->resumes <= MaxTransferResumes)
        return start(*job);
    fail(*job, push->error);
}

} // namespace Banter
