// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/client/channeltransport.h>

#include <QWebSocket>

namespace Banter {

// The transport over a real network: a QWebSocket (ws:// or wss://). Internal, so that
// consumers of the installed headers never compile QtWebSockets' headers.
class WebSocketTransport final : public ChannelTransport
{
    Q_OBJECT
public:
    explicit WebSocketTransport(QObject *parent = nullptr);
    ~WebSocketTransport() override;

    void open(const QUrl &url) override;
    void close() override;
    void abort() override;
    bool isOpen() const override;
    bool isActive() const override;
    void sendText(const QByteArray &utf8) override;
    void sendBinary(const QByteArray &data) override;
    qint64 bytesToWrite() const override;
    void setMaxIncomingFrameBytes(qint64 bytes) override;

private:
    void onSslErrors(const QList<QSslError> &errors);

    QWebSocket m_socket;
};

} // namespace Banter
