// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "waiting.h"

#include <QByteArray>
#include <QHostAddress>
#include <QTcpSocket>

#include <memory>

namespace Banter::Test {

// The WebSocket upgrade request a client sends, split where a test wants to stop half-way.
inline QByteArray upgradeRequest(const QByteArray &path = "/")
{
    return "GET " + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
}

// A WebSocket made by hand over a plain TCP socket: after the server's 101 nothing is done
// for the test unless it does it, so the server's close frame, for one, is never answered.
inline std::unique_ptr<QTcpSocket> openRawWebSocket(quint16 port,
                                                    const QHostAddress &from = QHostAddress())
{
    auto socket = std::make_unique<QTcpSocket>();
    if (!from.isNull() && !socket->bind(from))
        return nullptr;
    socket->connectToHost(QHostAddress::LocalHost, port);
    if (!socket->waitForConnected(5000))
        return nullptr;
    socket->write(upgradeRequest());
    QByteArray response;
    const bool answered = waitFor(
        [&] {
            response += socket->readAll();
            return response.contains("\r\n\r\n")
                || socket->state() != QAbstractSocket::ConnectedState;
        },
        5000, "the upgrade response");
    if (!answered || !response.startsWith("HTTP/1.1 101"))
        return nullptr;
    return socket;
}

} // namespace Banter::Test
