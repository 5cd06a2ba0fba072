// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "wireclient.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>

using namespace Qt::StringLiterals;

bool spinUntil(const std::function<bool()> &done, qint64 timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer check;
    const QDeadlineTimer deadline(timeoutMs);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done() || deadline.hasExpired())
            loop.quit();
    });
    check.start(1);
    loop.exec();
    return done();
}

WireClient::WireClient(const QSslCertificate &serverCertificate)
    : m_certificate(serverCertificate)
{
    m_socket.setMaxAllowedIncomingMessageSize(quint64(64) * 1024 * 1024);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &WireClient::onText);
    connect(&m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Loopback, and only the certificate banterd made in the bench's own data directory.
        for (const QSslError &error : errors) {
            if (m_certificate.isNull() || error.certificate() != m_certificate)
                return;
        }
        m_socket.ignoreSslErrors();
    });
}

bool WireClient::open(const QUrl &url, int timeoutMs)
{
    m_socket.open(url);
    return spinUntil([this] { return m_socket.state() == QAbstractSocket::ConnectedState; },
                     timeoutMs);
}

void WireClient::request(const QString &type, const QJsonObject &data, Handler done)
{
    const QString rid = QString::number(m_nextRid++);
    m_pending.insert(rid, std::move(done));
    const QJsonObject frame{{u"type"_s, type}, {u"rid"_s, rid}, {u"data"_s, data}};
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

QJsonObject WireClient::call(const QString &type, const QJsonObject &data, int timeoutMs)
{
    QJsonObject result;
    bool answered = false;
    request(type, data, [&](const QJsonObject &frame) {
        result = frame;
        answered = true;
    });
    spinUntil([&] { return answered; }, timeoutMs);
    if (!answered)
        m_pending.clear(); // a late reply must not reach this dead frame
    return result;
}

void WireClient::onText(const QString &text)
{
    if (!text.contains(u"\"rid\":"))
        return; // a push (every member's connection gets each message): not needed here
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QJsonValue rid = frame.value(u"rid");
    if (!rid.isString())
        return;
    if (Handler handler = m_pending.take(rid.toString()))
        handler(frame);
}
