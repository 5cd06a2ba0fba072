// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSslCertificate>
#include <QWebSocket>

#include <functional>

// A plain protocol connection for filling the server: raw frames, a callback per request id.
// ClientSession would measure itself; this one costs the filler almost nothing per message.
// Over TLS it accepts exactly the bench server's own self-signed certificate.
class WireClient : public QObject
{
public:
    using Handler = std::function<void(const QJsonObject &frame)>;

    explicit WireClient(const QSslCertificate &serverCertificate = QSslCertificate());
    bool open(const QUrl &url, int timeoutMs = 10'000);
    void request(const QString &type, const QJsonObject &data, Handler done);
    // Sends and waits for the reply (set-up only); an empty object after the timeout.
    QJsonObject call(const QString &type, const QJsonObject &data, int timeoutMs = 60'000);
    int inFlight() const { return int(m_pending.size()); }

private:
    void onText(const QString &text);

    QWebSocket m_socket;
    QSslCertificate m_certificate;
    qint64 m_nextRid = 1;
    QHash<QString, Handler> m_pending;
};

// Runs the event loop until done() or the timeout; returns done().
bool spinUntil(const std::function<bool()> &done, qint64 timeoutMs);
