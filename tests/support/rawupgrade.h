// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rawclient.h"
#include "waiting.h"

#include <QByteArray>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QUuid>

#include <memory>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

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

// A masked client frame (the mask is all zero bits, which RFC 6455 allows: the payload is
// sent as is). `opcode` 1 is text, 0 continuation; `fin` ends the message.
inline QByteArray clientFrame(const QByteArray &payload, quint8 opcode = 1, bool fin = true)
{
    QByteArray frame;
    frame.append(char((fin ? 0x80 : 0) | opcode));
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else {
        frame.append(char(0x80 | 126));
        frame.append(char((payload.size() >> 8) & 0xff));
        frame.append(char(payload.size() & 0xff));
    }
    frame.append(QByteArray(4, '\0'));
    return frame + payload;
}

// A blocking socket with a small receive buffer, for the client that never reads: the
// kernel's buffers fill after a few KiB and the rest piles up in banterd.
class StubbornReader
{
public:
    ~StubbornReader()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool open(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        const int small = 4096;
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof(small));
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0)
            return false;
        const timeval timeout{5, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
        return send(upgradeRequest()) && readUntil("\r\n\r\n").startsWith("HTTP/1.1 101");
    }
    bool send(const QByteArray &bytes) const
    {
        return ::send(m_fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL) == bytes.size();
    }
    // Reads (blocking, with the socket's timeout) until `marker` has arrived.
    QByteArray readUntil(const QByteArray &marker)
    {
        QByteArray received;
        char buffer[4096];
        while (!received.contains(marker)) {
            const ssize_t n = ::recv(m_fd, buffer, sizeof(buffer), 0);
            if (n <= 0)
                break;
            received.append(buffer, n);
        }
        return received;
    }
    // Whether banterd has ended the TCP connection (FIN or RST), unread data or not.
    bool closedByServer() const
    {
        tcp_info info{};
        socklen_t length = sizeof(info);
        if (::getsockopt(m_fd, IPPROTO_TCP, TCP_INFO, &info, &length) != 0)
            return true;
        return info.tcpi_state != TCP_ESTABLISHED;
    }

private:
    int m_fd = -1;
};

inline QByteArray requestFrame(const QString &type, const QJsonObject &data, const QString &rid)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("type"), type},
                                     {QStringLiteral("rid"), rid},
                                     {QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

// A group of one holding 100 messages of 5,000 characters, made by `writer` (a server with
// the message and request limits lifted): each `history` page of it (limit 100) is about
// 0.5 MB, so a few pages fill any socket's buffers. Its id, or 0.
inline qint64 seedBigConversation(RawClient &writer)
{
    const auto group = writer.request(QStringLiteral("create_group"),
                                      {{QStringLiteral("name"), QStringLiteral("big")},
                                       {QStringLiteral("member_ids"), QJsonArray()}});
    if (!succeeded(group))
        return 0;
    const qint64 conversation = group->data.value(QStringLiteral("conversation"))
                                    .toObject()
                                    .value(QStringLiteral("id"))
                                    .toInteger();
    const QString text(5000, u'x');
    for (int i = 0; i < 100; ++i) {
        const auto sent = writer.request(
            QStringLiteral("message"),
            {{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
             {QStringLiteral("conversation_id"), conversation},
             {QStringLiteral("type"), QStringLiteral("text")},
             {QStringLiteral("content"), text}});
        if (!succeeded(sent))
            return 0;
    }
    return conversation;
}

// Asks for `pages` history pages of that conversation and reads none of them.
inline bool askForPages(StubbornReader &reader, qint64 conversation, int pages)
{
    for (int i = 0; i < pages; ++i) {
        const QByteArray frame = requestFrame(
            QStringLiteral("history"),
            {{QStringLiteral("conversation_id"), conversation}, {QStringLiteral("limit"), 100}},
            QStringLiteral("h%1").arg(i));
        if (!reader.send(clientFrame(frame)))
            return false;
    }
    return true;
}

} // namespace Banter::Test
