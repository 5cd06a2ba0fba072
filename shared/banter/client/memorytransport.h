// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/client/channeltransport.h>

#include <memory>
#include <utility>

namespace Banter {

/**
 * @brief Two connected in-process transports: a Channel on one end, a test's server on the other.
 *
 * createPair() returns the client end (give it to a Channel or a ClientSession) and the
 * server end, which a test drives to play the server: it sees opened() when the client
 * connects, reads the client's frames from textReceived()/binaryReceived(), answers with
 * sendText()/sendBinary() and drops the connection with close() or abort(). Frames and
 * events are delivered through the event loop, in order, like a socket's. An abort (from
 * either end) loses frames still in flight; a close delivers them first.
 */
class BANTERSHARED_EXPORT MemoryTransport final : public ChannelTransport
{
    Q_OBJECT
public:
    /// @brief A new connected pair: {client end, server end}, both closed.
    static std::pair<std::unique_ptr<MemoryTransport>, std::unique_ptr<MemoryTransport>>
    createPair();
    ~MemoryTransport() override;

    /// @brief Client end: connects to the server end. Server end: does nothing.
    void open(const QUrl &url) override;
    void close() override;
    void abort() override;
    bool isOpen() const override;
    bool isActive() const override;
    void sendText(const QByteArray &utf8) override;
    void sendBinary(const QByteArray &data) override;
    /// @brief Always 0: a frame is handed over whole (bytesWritten() still follows each send).
    qint64 bytesToWrite() const override;
    void setMaxIncomingFrameBytes(qint64 bytes) override;

    /// @brief Server end: whether the client's open() succeeds (true by default); false
    /// plays a server that is down.
    void setAccepting(bool accepting);
    /// @brief Server end: the certificate errors each open() presents to the client end's
    /// certificate check (none by default: a plain connection).
    void setPresentedErrors(const QList<QSslError> &errors);
    /// @brief How many times the client end connected successfully.
    int openCount() const;
    /// @brief The URL the client end last opened.
    QUrl lastUrl() const;

private:
    struct Link;
    explicit MemoryTransport(std::shared_ptr<Link> link, bool client);
    MemoryTransport *peer() const;
    void deliver(const QByteArray &frame, bool binary);
    void finishOpen(quint64 generation);
    void drop(bool graceful, QObject *context);

    std::shared_ptr<Link> m_link;
    bool m_client;
};

} // namespace Banter
