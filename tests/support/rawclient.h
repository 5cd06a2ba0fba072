// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/protocol/frame.h>

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

#include <optional>

namespace Banter::Test {

// A bare WebSocket client for tests that must send what a well-behaved ClientSession never
// would: malformed frames, unknown types, requests out of order. Waits spin the event loop
// with a deadline, so a missing answer fails the test instead of hanging it.
class RawClient : public QObject
{
    Q_OBJECT
public:
    explicit RawClient(QObject *parent = nullptr);

    // Connects and waits for the WebSocket handshake; false as soon as the socket fails.
    bool open(const QUrl &url, int timeoutMs = 5000);
    // For wss://: accept a certificate nobody vouches for when its SHA-256 is this one, as a
    // client that pinned it would. Any other certificate still fails the connection.
    void pinCertificate(const QByteArray &sha256) { m_pin = sha256; }
    void close();
    bool isConnected() const;
    QWebSocket &socket() { return m_socket; }

    void sendText(const QByteArray &frame);
    // Sends {"type","rid","data"} with a fresh rid and waits for the response with that rid.
    std::optional<Protocol::ServerFrame> request(const QString &type, const QJsonObject &data = {},
                                                 int timeoutMs = 5000);
    // Waits for the next response frame (any rid, including null).
    std::optional<Protocol::ServerFrame> nextResponse(int timeoutMs = 5000);
    // Waits for a push of the given type; earlier pushes of other types are kept.
    std::optional<Protocol::ServerFrame> waitForPush(const QString &type, int timeoutMs = 5000);
    // True if no push of this type arrives within the time.
    bool noPush(const QString &type, int waitMs);
    bool waitForDisconnected(int timeoutMs = 5000);

    // Signs up (or in) and authenticates this connection; returns the grant data.
    // (A server with deliberately slow password hashing needs a longer timeout.)
    std::optional<QJsonObject>
    registerUser(const QString &username, const QString &password = QStringLiteral("correct horse"),
                 int timeoutMs = 5000);
    std::optional<QJsonObject> login(const QString &username,
                                     const QString &password = QStringLiteral("correct horse"));

    QList<Protocol::ServerFrame> pushes; // received, not yet taken
    QList<Protocol::ServerFrame> responses; // received, not yet taken
    QList<QByteArray> undecodable; // frames that did not decode

private:
    void onText(const QString &text);
    void onSslErrors(const QList<QSslError> &errors);

    QWebSocket m_socket;
    int m_nextRid = 1;
    QByteArray m_pin;
    bool m_failed = false; // the socket reported an error since open()
};

// Checks on a reply that may not have come: a missing reply fails them instead of crashing
// the suite on a dereference.
inline bool succeeded(const std::optional<Protocol::ServerFrame> &reply)
{
    return reply && reply->success;
}
// The code a reply was refused with; a code no server sends (-1) when no reply came or it
// succeeded, so QCOMPARE against the expected code fails.
inline ErrorCode refusal(const std::optional<Protocol::ServerFrame> &reply)
{
    return reply && !reply->success ? reply->error.code : static_cast<ErrorCode>(-1);
}

} // namespace Banter::Test
