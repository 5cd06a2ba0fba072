// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/websockettransport_p.h>

namespace Banter {

WebSocketTransport::WebSocketTransport(QObject *parent)
    : ChannelTransport(parent)
{
    connect(&m_socket, &QWebSocket::connected, this, &ChannelTransport::opened);
    connect(&m_socket, &QWebSocket::disconnected, this, &ChannelTransport::closed);
    connect(&m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { Q_EMIT textReceived(text.toUtf8()); });
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, &ChannelTransport::binaryReceived);
    connect(&m_socket, &QWebSocket::bytesWritten, this, &ChannelTransport::bytesWritten);
    connect(&m_socket, &QWebSocket::sslErrors, this, &WebSocketTransport::onSslErrors);
}

WebSocketTransport::~WebSocketTransport()
{
    m_socket.disconnect(this);
    m_socket.abort();
}

void WebSocketTransport::open(const QUrl &url)
{
    m_socket.open(url);
}

void WebSocketTransport::close()
{
    m_socket.close();
}

void WebSocketTransport::abort()
{
    m_socket.abort();
}

bool WebSocketTransport::isOpen() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

bool WebSocketTransport::isActive() const
{
    return m_socket.state() != QAbstractSocket::UnconnectedState;
}

void WebSocketTransport::sendText(const QByteArray &utf8)
{
    m_socket.sendTextMessage(QString::fromUtf8(utf8));
}

void WebSocketTransport::sendBinary(const QByteArray &data)
{
    m_socket.sendBinaryMessage(data);
}

qint64 WebSocketTransport::bytesToWrite() const
{
    return m_socket.bytesToWrite();
}

void WebSocketTransport::setMaxIncomingFrameBytes(qint64 bytes)
{
    m_socket.setMaxAllowedIncomingMessageSize(quint64(bytes));
    m_socket.setMaxAllowedIncomingFrameSize(quint64(bytes));
}

void WebSocketTransport::onSslErrors(const QList<QSslError> &errors)
{
    // Exactly these errors for exactly this certificate: a later connection that meets
    // another certificate is refused by the socket itself, whatever the check said now.
    if (acceptCertificate(m_socket.requestUrl(), errors))
        m_socket.ignoreSslErrors(errors);
}

} // namespace Banter
