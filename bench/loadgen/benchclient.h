// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QWebSocket>

#include <functional>

// A lean protocol client for load: pre-built frames, a callback per request id, a callback
// for pushes. ClientSession does much more per message and would measure itself.
class BenchClient : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<void(const QJsonObject &frame)>;

    BenchClient();
    bool open(const QUrl &url, int timeoutMs = 10'000);
    // Returns the request id.
    QString request(const QString &type, const QJsonObject &data, Handler done);
    // Sends and waits for the response (set-up only, never inside a measured loop).
    QJsonObject call(const QString &type, const QJsonObject &data, int timeoutMs = 30'000);
    void sendText(const QString &frame) { m_socket.sendTextMessage(frame); }
    void close() { m_socket.close(); }

    Handler onPush;
    std::function<void(const QString &)> onRawText; // relay frames

private:
    void onText(const QString &text);

    QWebSocket m_socket;
    qint64 m_nextRid = 1;
    QHash<QString, Handler> m_pending;
};

// Spins the event loop until done() or the timeout; returns done().
bool spinUntil(const std::function<bool()> &done, int timeoutMs);
