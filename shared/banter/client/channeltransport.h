// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslError>
#include <QUrl>

#include <functional>

namespace Banter {

/**
 * @brief The wire under a Channel: opens, carries text and binary frames, closes.
 *
 * Channel holds the protocol logic (request ids, timeouts, heartbeat, reconnects); a
 * transport only moves frames. Banter ships a WebSocket transport (the default of Channel)
 * and MemoryTransport, a connected in-process pair for tests that play the server. A
 * transport can be opened again after it closed (that is how Channel reconnects).
 *
 * Signals must not be emitted from inside the call that caused them (open(), send…(),
 * close()): deliver them from the event loop, as a socket does.
 */
class BANTERSHARED_EXPORT ChannelTransport : public QObject
{
    Q_OBJECT
public:
    /**
     * @brief Decides about a TLS handshake's certificate errors.
     *
     * Called during the handshake with the URL being opened and the errors; returning true
     * ignores exactly these errors (the connection proceeds), false refuses the connection
     * (closed() follows).
     */
    using CertificateCheck = std::function<bool(const QUrl &url, const QList<QSslError> &errors)>;

    /// @brief A closed transport.
    explicit ChannelTransport(QObject *parent = nullptr);
    ~ChannelTransport() override;

    /// @brief Starts connecting to @p url; opened() or closed() follows.
    virtual void open(const QUrl &url) = 0;
    /// @brief Closes gracefully; closed() follows unless already closed.
    virtual void close() = 0;
    /// @brief Drops the connection at once; closed() follows unless already closed.
    virtual void abort() = 0;
    /// @brief True between opened() and closed().
    virtual bool isOpen() const = 0;
    /// @brief True while connecting or open (a new open() would first have to abort).
    virtual bool isActive() const = 0;
    /// @brief Sends one text frame (UTF-8 JSON).
    virtual void sendText(const QByteArray &utf8) = 0;
    /// @brief Sends one binary frame.
    virtual void sendBinary(const QByteArray &data) = 0;
    /// @brief Bytes handed to send…() and not yet written to the network.
    virtual qint64 bytesToWrite() const = 0;
    /// @brief Frames larger than this are refused by the receiving side.
    virtual void setMaxIncomingFrameBytes(qint64 bytes) = 0;
    /// @brief Sets who decides about certificate errors (none: every error refuses).
    void setCertificateCheck(CertificateCheck check) { m_certificateCheck = std::move(check); }

Q_SIGNALS:
    /// @brief The connection is up; frames can be sent.
    void opened();
    /// @brief The connection ended or could not be made.
    void closed();
    /// @brief One text frame arrived.
    void textReceived(const QByteArray &utf8);
    /// @brief One binary frame arrived.
    void binaryReceived(const QByteArray &data);
    /// @brief @p bytes of what was sent reached the network (for pacing large transfers).
    void bytesWritten(qint64 bytes);

protected:
    /// @brief Runs the certificate check; false when there is none.
    bool acceptCertificate(const QUrl &url, const QList<QSslError> &errors) const
    {
        return m_certificateCheck && m_certificateCheck(url, errors);
    }

private:
    CertificateCheck m_certificateCheck;
};

} // namespace Banter
