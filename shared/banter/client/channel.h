// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/client/channeltransport.h>
#include <banter/domain/result.h>
#include <banter/protocol/frame.h>

#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <memory>

namespace Banter {

/**
 * @brief One connection to a Banter server, with everything every client connection needs.
 *
 * Requests return a future of the reply (matched by request id, failed on timeout or when
 * the connection drops); pushes arrive as pushReceived(); a protocol ping every
 * Options::heartbeatMs notices a silent server (nothing heard for twice that: the connection
 * is dropped); a lost connection is opened again after an exponential backoff with jitter,
 * until close() or stopReconnecting(). Binary frames and write pacing (bytesToWrite(),
 * bytesWritten()) serve file transfer. TLS certificates are decided by a CertificateCheck
 * (see matchesPin()). What a connection says first (hello, auth) is the owner's business:
 * it listens to opened().
 *
 * The frames travel over a ChannelTransport: a WebSocket by default, MemoryTransport in tests.
 */
class BANTERSHARED_EXPORT Channel : public QObject
{
    Q_OBJECT
public:
    /// @brief Where the connection is.
    enum class State {
        Closed, ///< not connected and not trying
        Opening, ///< connecting (TLS handshake included)
        Open, ///< connected: requests can be sent
        Waiting, ///< lost; waiting for the backoff delay before opening again
    };
    Q_ENUM(State)

    /// @brief Timing and limits; the defaults suit a chat connection.
    struct Options
    {
        int requestTimeoutMs = 30'000; ///< a request unanswered this long fails (Unavailable)
        int heartbeatMs = 25'000; ///< ping interval; silence for twice this drops (0: off)
        int reconnectBaseMs = 500; ///< the first reconnect waits up to this
        int reconnectMaxMs = 30'000; ///< no reconnect waits longer than this
        bool autoReconnect = true; ///< open again after a loss (until close())
        /**
         * Requests sent per second at most, on average (0: no pacing). The server allows a
         * connection 50 a second with a burst of 100 and refuses the rest (`rate_limited`);
         * a busy client (a catch-up while the user scrolls through history) keeps a little
         * under that and queues the rest, so its requests are late, never refused.
         */
        int requestsPerSecond = 40;
        int requestBurst = 80; ///< requests sent at once before the pacing starts
        /// Incoming frames larger than this close the connection (0: the transport's default).
        qint64 maxIncomingFrameBytes = Protocol::MaxServerFrameBytes;
    };

    /// @brief A channel over a WebSocket.
    explicit Channel(QObject *parent = nullptr);
    /// @brief A channel over @p transport (for example one end of MemoryTransport::createPair());
    /// null means a WebSocket.
    explicit Channel(std::unique_ptr<ChannelTransport> transport, QObject *parent = nullptr);
    /// @brief Drops the connection; pending requests fail with Unavailable.
    ~Channel() override;

    /// @brief Replaces the options (backoff restarts; takes effect from the next timer).
    void setOptions(const Options &options);
    /// @brief The current options.
    Options options() const;
    /// @brief Sets Options::requestsPerSecond and Options::requestBurst alone (the backoff
    /// goes on as it was): for a client that learns the server's limits once connected.
    void setPacing(int requestsPerSecond, int requestBurst);

    /// @brief Who decides about TLS certificate errors; without one, every error refuses.
    void setCertificateCheck(ChannelTransport::CertificateCheck check);
    /**
     * @brief True when the errors are only about trust (self-signed, other host name) and
     * the one certificate they name has the SHA-256 @p sha256: the check for a connection
     * that accepts only an already pinned certificate.
     */
    static bool matchesPin(const QList<QSslError> &errors, const QByteArray &sha256);

    /// @brief Connects to @p url (dropping any current connection) and keeps reconnecting.
    void open(const QUrl &url);
    /// @brief Closes gracefully and stops reconnecting; ends in State::Closed.
    void close();
    /// @brief Drops the connection now; it is opened again if it was meant to be open.
    void abort();
    /// @brief Keeps the current connection but does not reconnect after it ends.
    void stopReconnecting();
    /// @brief The next reconnect waits the shortest delay again (call after a healthy start).
    void resetBackoff();
    /**
     * @brief While waiting to reconnect (State::Waiting), opens the connection now instead of
     * after the rest of the backoff delay (a user's "Retry now"); does nothing otherwise.
     */
    void reconnectNow();
    /**
     * @brief Ends the channel for good without emitting closed(): drops the connection,
     * stops reconnecting and fails every pending request with @p reason.
     */
    void shutDown(const Error &reason);

    /// @brief Where the connection is.
    State state() const;
    /// @brief True in State::Open.
    bool isOpen() const;
    /// @brief The URL given to open().
    QUrl url() const;
    /// @brief The transport the channel runs on (owned by the channel).
    ChannelTransport *transport() const;

    /**
     * @brief Sends a request and returns its reply's data, or the server's error.
     *
     * Fails with ErrorCode::Unavailable at once when not open, after
     * Options::requestTimeoutMs without an answer, or when the connection is lost first.
     * Requests beyond the pacing's budget wait in order (the timeout counts from this
     * call).
     */
    QFuture<Result<QJsonObject>> request(const QString &type, const QJsonObject &data = {});
    /// @brief As request(type, data), with its own timeout (0 or less: none).
    QFuture<Result<QJsonObject>> request(const QString &type, const QJsonObject &data,
                                         int timeoutMs);
    /// @brief Requests sent (or queued by the pacing) and not answered yet.
    int pendingRequests() const;
    /// @brief Requests the pacing holds back (Options::requestsPerSecond).
    int queuedRequests() const;

    /// @brief Sends one binary frame; false (nothing sent) when not open.
    bool sendBinary(const QByteArray &frame);
    /// @brief Bytes sent and not yet written to the network: pace large sends by it.
    qint64 bytesToWrite() const;

Q_SIGNALS:
    /// @brief The state changed.
    void stateChanged(Banter::Channel::State state);
    /// @brief Connected: say hello, sign in. Requests can be sent from here on.
    void opened();
    /// @brief The connection ended (pending requests have failed); a reconnect may follow.
    void closed();
    /// @brief The server pushed something (ServerFrame::Kind::Push).
    void pushReceived(const Banter::Protocol::ServerFrame &frame);
    /// @brief A binary frame arrived.
    void binaryReceived(const QByteArray &frame);
    /// @brief @p bytes of what was sent reached the network.
    void bytesWritten(qint64 bytes);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Banter
