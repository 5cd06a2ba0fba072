// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/memorytransport.h>

#include <QPointer>

namespace Banter {

// What both ends share. `generation` changes with every open and abort, so that events
// queued for a connection that was aborted or replaced are dropped.
struct MemoryTransport::Link
{
    QPointer<MemoryTransport> client;
    QPointer<MemoryTransport> server;
    bool connecting = false;
    bool open = false;
    bool accepting = true;
    QList<QSslError> errors;
    quint64 generation = 0;
    int opens = 0;
    QUrl url;
    qint64 clientMaxFrame = 0;
    qint64 serverMaxFrame = 0;
};

std::pair<std::unique_ptr<MemoryTransport>, std::unique_ptr<MemoryTransport>>
MemoryTransport::createPair()
{
    auto link = std::make_shared<Link>();
    std::unique_ptr<MemoryTransport> client(new MemoryTransport(link, true));
    std::unique_ptr<MemoryTransport> server(new MemoryTransport(link, false));
    link->client = client.get();
    link->server = server.get();
    return {std::move(client), std::move(server)};
}

MemoryTransport::MemoryTransport(std::shared_ptr<Link> link, bool client)
    : m_link(std::move(link))
    , m_client(client)
{ }

MemoryTransport::~MemoryTransport()
{
    if (m_link->open || m_link->connecting)
        drop(false, peer()); // this object can no longer carry the queued events
}

MemoryTransport *MemoryTransport::peer() const
{
    return m_client ? m_link->server.data() : m_link->client.data();
}

void MemoryTransport::open(const QUrl &url)
{
    if (!m_client || m_link->open || m_link->connecting)
        return;
    m_link->connecting = true;
    m_link->url = url;
    const quint64 generation = ++m_link->generation;
    QMetaObject::invokeMethod(
        this, [this, generation] { finishOpen(generation); }, Qt::QueuedConnection);
}

void MemoryTransport::finishOpen(quint64 generation)
{
    if (generation != m_link->generation || !m_link->connecting)
        return;
    m_link->connecting = false;
    const bool refused = !m_link->accepting || !m_link->server
        || (!m_link->errors.isEmpty() && !acceptCertificate(m_link->url, m_link->errors));
    if (refused) {
        Q_EMIT closed();
        return;
    }
    m_link->open = true;
    ++m_link->opens;
    Q_EMIT m_link->server->opened();
    Q_EMIT opened();
}

void MemoryTransport::close()
{
    drop(true, this);
}

void MemoryTransport::abort()
{
    drop(false, this);
}

void MemoryTransport::drop(bool graceful, QObject *context)
{
    if (!m_link->open && !m_link->connecting)
        return;
    const bool wasOpen = m_link->open;
    m_link->open = false;
    m_link->connecting = false;
    if (!graceful || !wasOpen)
        ++m_link->generation; // frames in flight are lost
    const std::shared_ptr<Link> link = m_link;
    // Queued after the frames already in flight, so that a graceful close delivers them.
    QPointer<MemoryTransport> client = link->client;
    QPointer<MemoryTransport> server = link->server;
    if (!context)
        return;
    QMetaObject::invokeMethod(
        context,
        [client, server, wasOpen] {
            if (client)
                Q_EMIT client->closed();
            if (server && wasOpen)
                Q_EMIT server->closed();
        },
        Qt::QueuedConnection);
}

bool MemoryTransport::isOpen() const
{
    return m_link->open;
}

bool MemoryTransport::isActive() const
{
    return m_link->open || (m_client && m_link->connecting);
}

void MemoryTransport::sendText(const QByteArray &utf8)
{
    deliver(utf8, false);
}

void MemoryTransport::sendBinary(const QByteArray &data)
{
    deliver(data, true);
}

void MemoryTransport::deliver(const QByteArray &frame, bool binary)
{
    if (!m_link->open)
        return;
    const quint64 generation = m_link->generation;
    const std::shared_ptr<Link> link = m_link;
    QPointer<MemoryTransport> to = peer();
    const qint64 limit = m_client ? link->serverMaxFrame : link->clientMaxFrame;
    QMetaObject::invokeMethod(
        this,
        [this, link, to, frame, binary, generation, limit] {
            if (link->generation != generation || !to)
                return;
            Q_EMIT bytesWritten(frame.size());
            if (limit > 0 && frame.size() > limit) {
                to->abort(); // as a WebSocket closes on an oversized frame
                return;
            }
            if (binary)
                Q_EMIT to->binaryReceived(frame);
            else
                Q_EMIT to->textReceived(frame);
        },
        Qt::QueuedConnection);
}

qint64 MemoryTransport::bytesToWrite() const
{
    return 0;
}

void MemoryTransport::setMaxIncomingFrameBytes(qint64 bytes)
{
    (m_client ? m_link->clientMaxFrame : m_link->serverMaxFrame) = bytes;
}

void MemoryTransport::setAccepting(bool accepting)
{
    m_link->accepting = accepting;
}

void MemoryTransport::setPresentedErrors(const QList<QSslError> &errors)
{
    m_link->errors = errors;
}

int MemoryTransport::openCount() const
{
    return m_link->opens;
}

QUrl MemoryTransport::lastUrl() const
{
    return m_link->url;
}

} // namespace Banter
